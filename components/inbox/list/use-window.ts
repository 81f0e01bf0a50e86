"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Windowing for a list of fixed-height rows: only the rows in view (plus `overscan` on each side) are rendered, so
 * ten thousand conversations cost as much as twenty. Scroll updates are batched per animation frame.
 */
export function useWindow({ count, rowHeight, overscan = 6 }: { count: number; rowHeight: number; overscan?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setViewport((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const observer = new ResizeObserver(onScroll);
    observer.observe(el);
    el.addEventListener("scroll", onScroll, { passive: true });
    measure();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      el.removeEventListener("scroll", onScroll);
    };
  }, []);

  const first = Math.floor(viewport.top / rowHeight);
  const visible = Math.ceil(viewport.height / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);

  /** Scrolls just enough for row `index` to be fully visible (keyboard navigation). */
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [rowHeight],
  );

  return { ref, start, end, totalHeight: count * rowHeight, scrollToIndex };
}
