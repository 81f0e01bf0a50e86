"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";

/**
 * The rendered width of an element, following resizes (a pane squeezed by its neighbours, not only the window).
 * Measured before paint, so a layout chosen from it does not flash; null until the element is mounted.
 */
export function useElementWidth<T extends HTMLElement>() {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((node: T | null) => setEl(node), []);
  const last = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => {
      const next = Math.round(el.getBoundingClientRect().width);
      if (next !== last.current) {
        last.current = next;
        setWidth(next);
      }
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);

  return [ref, width] as const;
}
