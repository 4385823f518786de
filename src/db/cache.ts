/**
 * A small in-process cache for expensive read-only figures (headline counts, render-guard
 * verdicts). Every write made through the audited write path bumps a generation number, so this
 * process never serves a figure older than its own last write. Other app instances' writes reach
 * it through `src/db/write-notices.ts` (PostgreSQL LISTEN/NOTIFY on every audit-log insert); while
 * that channel is down the cache is bypassed rather than trusted.
 */
let generation = 0;
let shared = true;
// Per database handle: tests (and tools) open several databases in one process.
const entries = new WeakMap<object, Map<string, { at: number; generation: number; value: unknown }>>();

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

/** Returns a cached value for `key`, recomputing it when older than `ttlMs` or after any write seen. */
export async function cached<T>(
  db: object,
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
): Promise<T> {
  if (!shared) return compute();
  let forDb = entries.get(db);
  if (!forDb) entries.set(db, (forDb = new Map()));
  const hit = forDb.get(key);
  const now = Date.now();
  if (hit && hit.generation === generation && now - hit.at < ttlMs) return hit.value as T;
  const startedAt = generation;
  const value = await compute();
  // A write that landed while computing makes this value possibly stale: don't keep it.
  if (generation === startedAt) forDb.set(key, { at: now, generation, value });
  return value;
}
