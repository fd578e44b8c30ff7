import { LRUCache } from "lru-cache";

// Every cache a process keeps by id (README, "kept in each process"), so that a process which
// moves on to another database (each API test file opens its own copy of the demo district, and
// files share their worker) starts it with none of the previous database's entries.
const caches = new Set<{ clear(): void }>();

/** An LRU cache of the process (for its life, or with a TTL), emptied by `clearProcessCaches`. */
export function processCache<K extends {}, V extends {}, FC = unknown>(
  options: LRUCache.Options<K, V, FC>,
): LRUCache<K, V, FC> {
  const cache = new LRUCache<K, V, FC>(options);
  caches.add(cache);
  return cache;
}

/** Empties every process cache: the process now serves another database. */
export function clearProcessCaches(): void {
  for (const cache of caches) cache.clear();
}
