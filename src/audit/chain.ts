import crypto from 'node:crypto';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import type { JsonValue } from '../db/schema.generated.ts';
import { canonicalJson } from './canonical.ts';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);
// Serialises appenders across connections and app instances.
const AUDIT_LOCK_KEY = 7_311_020_262;

/** The fields an audit row's hash covers. */
export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  diff: JsonValue;
}

/** hash = SHA-256(prev_hash + "\n" + canonical JSON of the entry). */
export function hashEntry(prevHash: string, entry: AuditEntry): string {
  const body = canonicalJson({
    seq: entry.seq,
    occurred_at: entry.occurredAt,
    actor: entry.actor,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    diff: entry.diff,
  });
  return crypto.createHash('sha256').update(`${prevHash}\n${body}`, 'utf8').digest('hex');
}

/**
 * Appends one row to the hash-chained audit log. Must run inside the transaction that makes
 * the change, so the change and its audit row commit or roll back together.
 */
export async function appendAudit(
  trx: Db,
  entry: Omit<AuditEntry, 'seq' | 'occurredAt'> & { occurredAt?: Date },
): Promise<{ seq: number; hash: string }> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision round-trips exactly through timestamptz on both backends.
  const occurredAt = (entry.occurredAt ?? new Date()).toISOString();
  const full: AuditEntry = { ...entry, seq, occurredAt };
  const hash = hashEntry(prevHash, full);
  await trx
    .insertInto('audit_log')
    .values({
      seq: String(seq),
      occurred_at: occurredAt,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      diff: JSON.stringify(entry.diff),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return { seq, hash };
}

/** The first row where the chain breaks, or why. */
export interface ChainBreak {
  seq: number;
  reason: string;
}

/** Result of walking the whole chain. */
export interface ChainReport {
  rows: number;
  head: string;
  broken: ChainBreak | null;
}

/** Re-computes every hash in order, in pages, and stops at the first broken row. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', String(expectedSeq))
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return {
          rows,
          head: prevHash,
          broken: { seq: expectedSeq, reason: `row ${expectedSeq} is missing` },
        };
      }
      if (row.prev_hash !== prevHash) {
        return { rows, head: prevHash, broken: { seq, reason: 'prev_hash does not match the previous row' } };
      }
      const recomputed = hashEntry(prevHash, {
        seq,
        occurredAt: row.occurred_at.toISOString(),
        actor: row.actor,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        diff: row.diff,
      });
      if (recomputed !== row.hash) {
        return { rows, head: prevHash, broken: { seq, reason: 'contents do not match the stored hash' } };
      }
      prevHash = row.hash;
      expectedSeq++;
      rows++;
    }
    if (page.length < pageSize) return { rows, head: prevHash, broken: null };
  }
}
