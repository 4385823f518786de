/**
 * A small in-process cache for expensive read-only figures (headline counts, render-guard
 * verdicts, search results). Every write made through the audited write path bumps a generation
 * number, so this process never serves a figure older than its own last write. Other app
 * instances' writes reach it through `src/db/write-notices.ts` (PostgreSQL LISTEN/NOTIFY on
 * every audit-log insert); while that channel is down the cache is bypassed rather than trusted.
 * Concurrent misses of one key share one computation (a burst of identical searches when a
 * story breaks runs the query once), and each namespace (the key up to its first ':') holds a
 * bounded number of entries, least recently used first out.
 */
let generation = 0;
let shared = true;

interface Entry {
  at: number;
  generation: number;
  value: unknown;
}
interface Space {
  entries: Map<string, Entry>;
  inflight: Map<string, { generation: number; promise: Promise<unknown> }>;
}
// Per database handle: tests (and tools) open several databases in one process.
const spaces = new WeakMap<object, Map<string, Space>>();

/** Entries kept per namespace unless the caller asks for fewer. */
export const DEFAULT_MAX_ENTRIES = 10_000;

/** Called by the write path after every recorded change, and when another instance wrote. */
export function bumpWriteGeneration(): void {
  generation++;
}

/**
 * Whether other instances' writes are known to reach this process. False (the notice channel is
 * down) makes every lookup recompute, so no instance serves a verdict another one has overturned.
 */
export function setWriteNoticesLive(live: boolean): void {
  shared = live;
  generation++;
}

function spaceOf(db: object, key: string): Space {
  let forDb = spaces.get(db);
  if (!forDb) spaces.set(db, (forDb = new Map()));
  const name = key.split(':', 1)[0]!;
  let space = forDb.get(name);
  if (!space) forDb.set(name, (space = { entries: new Map(), inflight: new Map() }));
  return space;
}

/** Returns a cached value for `key`, recomputing it when older than `ttlMs` or after any write seen. */
export async function cached<T>(
  db: object,
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
  maxEntries = DEFAULT_MAX_ENTRIES,
): Promise<T> {
  if (!shared) return compute();
  const space = spaceOf(db, key);
  const hit = space.entries.get(key);
  const now = Date.now();
  if (hit && hit.generation === generation && now - hit.at < ttlMs) {
    space.entries.delete(key); // most recently used goes last
    space.entries.set(key, hit);
    return hit.value as T;
  }
  const running = space.inflight.get(key);
  if (running && running.generation === generation) return running.promise as Promise<T>;
  const startedAt = generation;
  const promise = compute();
  space.inflight.set(key, { generation: startedAt, promise });
  try {
    const value = await promise;
    // A write that landed while computing makes this value possibly stale: don't keep it.
    if (generation === startedAt) {
      space.entries.delete(key);
      space.entries.set(key, { at: now, generation, value });
      if (space.entries.size > maxEntries) space.entries.delete(space.entries.keys().next().value!);
    }
    return value;
  } finally {
    if (space.inflight.get(key)?.promise === promise) space.inflight.delete(key);
  }
}
