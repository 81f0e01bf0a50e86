"use client";

import { useKeyedState } from "./use-keyed-state";

const NONE: ReadonlySet<string> = new Set();

/**
 * Checked table rows for bulk actions: cleared whenever `resetKey` (the filters) changes. `header` is the state of the
 * "select all" checkbox over `ids` (the rows on screen).
 */
export function useRowSelection(ids: readonly string[], resetKey: string) {
  const [selected, setSelected] = useKeyedState(NONE, resetKey);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return {
    selected,
    header: all ? true : selected.size > 0 ? ("indeterminate" as const) : false,
    toggle: (id: string, on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on: boolean) => setSelected(on ? new Set(ids) : NONE),
    clear: () => setSelected(NONE),
  };
}
