/**
 * Per-org in-memory indexes (full-text postings, vectors) keyed by a "knowledge version" that a cheap query reads on
 * every retrieval: when another process (the worker) finishes or deletes a document the version moves and the next
 * query rebuilds. Concurrent misses share one build; the least recently used orgs are dropped beyond `max` entries or,
 * when `sizeOf` is given, beyond `maxBytes` in total (the most recent entry always stays).
 */
type Entry<T> = { version: string; value: T; bytes: number };
/** maxBytes is read when an entry is added (a function: read from the environment only at run time). */
type Options<T> = { max?: number; maxBytes?: () => number; sizeOf?: (value: T) => number };
type Holder = Map<string, { entries: Map<string, Entry<unknown>>; building: Map<string, Promise<unknown>> }>;
const caches: Holder = ((globalThis as { __cxKnowledgeCaches?: Holder }).__cxKnowledgeCaches ??= new Map());

export function versionedCache<T>(name: string, { max = 32, maxBytes = () => Infinity, sizeOf = () => 0 }: Options<T> = {}) {
  const state = caches.get(name) ?? caches.set(name, { entries: new Map(), building: new Map() }).get(name)!;
  const entries = state.entries as Map<string, Entry<T>>;
  const building = state.building as Map<string, Promise<T>>;
  return {
    async get(key: string, version: string, build: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit?.version === version) {
        entries.delete(key);
        entries.set(key, hit); // most recently used last
        return hit.value;
      }
      const buildKey = `${key}@${version}`;
      let pending = building.get(buildKey);
      if (!pending) {
        pending = build().finally(() => building.delete(buildKey));
        building.set(buildKey, pending);
      }
      const value = await pending;
      entries.delete(key);
      entries.set(key, { version, value, bytes: sizeOf(value) });
      let total = 0;
      for (const e of entries.values()) total += e.bytes;
      while (entries.size > 1 && (entries.size > max || total > maxBytes())) {
        const oldest = entries.keys().next().value!;
        total -= entries.get(oldest)!.bytes;
        entries.delete(oldest);
      }
      return value;
    },
  };
}

/** Forgets every cached index (tests; the benchmark's cold path). */
export function clearKnowledgeCaches() {
  for (const state of caches.values()) state.entries.clear();
}
