"use client";

import { useCallback, useState } from "react";

/**
 * State that falls back to `initial` whenever `key` changes (e.g. the page number when a filter changes), without an
 * effect that would render twice.
 */
export function useKeyedState<T>(initial: T, key: string) {
  const [state, setState] = useState({ key, value: initial });
  const value = state.key === key ? state.value : initial;
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setState((s) => {
        const prev = s.key === key ? s.value : initial;
        return { key, value: typeof next === "function" ? (next as (p: T) => T)(prev) : next };
      }),
    [key, initial],
  );
  return [value, set] as const;
}
