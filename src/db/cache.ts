/**
 * A small in-process cache for expensive read-only figures (headline counts). Every write made
 * through the audited write path bumps a generation number, so this process never serves a
 * figure older than its own last write; other app instances' writes show within the TTL.
 */
let generation = 0;
// Per database handle: tests (and tools) open several databases in one process.
const entries = new WeakMap<object, Map<string, { at: number; generation: number; value: unknown }>>();

/** Called by the write path after every recorded change. */
export function bumpWriteGeneration(): void {
  generation++;
}

/** Returns a cached value for `key`, recomputing it when older than `ttlMs` or after a local write. */
export async function cached<T>(
  db: object,
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
): Promise<T> {
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
