import { log } from "@/lib/log";
import { LISTENERS } from "./listeners";
import type { DomainEvents, EventName, Listener } from "./types";

const pending = new Set<Promise<void>>();
type Observer = (name: EventName, payload: unknown) => void;
const observers = new Set<Observer>();

/** Tests watch what a service emitted; returns the function that stops watching. */
export function observeEvents(observer: Observer) {
  observers.add(observer);
  return () => void observers.delete(observer);
}

/** Runs the event's listeners after the current operation; a failing listener is logged, never propagated. */
export function emit<E extends EventName>(name: E, payload: DomainEvents[E]) {
  for (const observe of observers) observe(name, payload);
  for (const listener of (LISTENERS[name] ?? []) as Listener<E>[]) {
    const p = Promise.resolve()
      .then(() => listener(payload))
      .catch((error) => log.error("event listener failed", { event: name, error }))
      .finally(() => pending.delete(p));
    pending.add(p);
  }
}

/** Tests await this to observe side effects deterministically. */
export async function settleEvents() {
  while (pending.size) await Promise.all([...pending]);
}
