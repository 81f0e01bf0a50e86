import { observeEvents } from "@/lib/events/emit";

export type EmittedEvent = { name: string; payload: Record<string, unknown> };

/** Every domain event emitted from now on, in order (reset it with `list.length = 0`). */
export function recordEvents(): EmittedEvent[] {
  const list: EmittedEvent[] = [];
  observeEvents((name, payload) => list.push({ name, payload: payload as Record<string, unknown> }));
  return list;
}
