import { bumpWriteGeneration } from '../db/cache.ts';
import type { Db } from '../db/client.ts';
import type { JsonValue } from '../db/schema.generated.ts';
import { toJsonValue } from './canonical.ts';
import { appendAudit } from './chain.ts';

/** Who made a change: `user:<id>`, `cli:<name>`, `system:seed`, `system:restore`… */
export type Actor = string;

type Row = Record<string, unknown>;

/** One change to one record, as the audit log and the history see it. */
export interface Change {
  action: string;
  entityType: string;
  entityId: string;
  before: Row | null;
  after: Row | null;
}

/** Columns the database generates from others (full-text `search`, an officer's `sort_name`). */
export const GENERATED_COLUMNS: readonly string[] = ['search', 'sort_name'];
// Those, and `visible` and `incident_date` (kept in step with the incident by triggers), are never
// part of a record's history: they would only repeat the fields they come from.
const DERIVED = new Set([...GENERATED_COLUMNS, 'visible', 'incident_date']);
// Bookkeeping that changes on every write: kept in full versions, left out of update diffs.
const IGNORED_IN_DIFF = new Set(['updated_at']);

/** A row as history stores it: plain JSON without the derived columns. */
export function historyRow(row: Row): Record<string, JsonValue> {
  const out = toJsonValue(row) as Record<string, JsonValue>;
  for (const key of DERIVED) delete out[key];
  return out;
}

/** The fields that differ between two versions of a record; null when nothing did. */
export function diffRows(before: Row | null, after: Row | null): JsonValue | null {
  const b = before ? historyRow(before) : null;
  const a = after ? historyRow(after) : null;
  if (!b || !a) return { before: b, after: a };
  const changedBefore: Record<string, JsonValue> = {};
  const changedAfter: Record<string, JsonValue> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED_IN_DIFF.has(key)) continue;
    if (JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null)) {
      changedBefore[key] = b[key] ?? null;
      changedAfter[key] = a[key] ?? null;
    }
  }
  if (Object.keys(changedAfter).length === 0) return null;
  return { before: changedBefore, after: changedAfter };
}

/**
 * The single write path's bookkeeping: appends the audit row and the record's next version in
 * the caller's transaction. Returns null (and writes nothing) when the change changed nothing.
 */
export async function recordChange(trx: Db, actor: Actor, change: Change): Promise<{ seq: number } | null> {
  const diff = diffRows(change.before, change.after);
  if (diff === null) return null;
  bumpWriteGeneration();
  const { seq } = await appendAudit(trx, {
    actor,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    diff,
  });
  const last = await trx
    .selectFrom('record_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('entity_type', '=', change.entityType)
    .where('entity_id', '=', change.entityId)
    .executeTakeFirst();
  await trx
    .insertInto('record_versions')
    .values({
      entity_type: change.entityType,
      entity_id: change.entityId,
      version: (last?.v ?? 0) + 1,
      data: JSON.stringify(change.after ? historyRow(change.after) : null),
      audit_seq: String(seq),
      created_at: new Date(),
    })
    .execute();
  return { seq };
}
