import type { Selectable } from 'kysely';
import { sql } from '../db/kysely.ts';
import { actorNames } from '../accounts/repository.ts';
import type { Db } from '../db/client.ts';
import type { AuditLog, JsonValue } from '../db/schema.generated.ts';
import { PAGE_SIZE, type AuditFilters, type AuditQuery } from './schema.ts';

/** One audit row as the viewer and the export show it: secrets redacted, actor named. */
export interface AuditEntryView {
  seq: number;
  occurredAt: Date;
  actor: string;
  /** The account's display name when the actor is `user:<id>` of a known account. */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  diff: JsonValue;
  hash: string;
  prevHash: string;
}

/** A page of rows, newest first, with the cursors of the pages either side (null: none). */
export interface AuditPage {
  rows: AuditEntryView[];
  /** `before` for the older page. */
  older: number | null;
  /** `after` for the newer page. */
  newer: number | null;
}

// Keys whose values are credentials or derived from them. The user.* rows already store
// 'redacted' for the password hash, but a field added later must not leak through this page
// either. (The chain's own hash and prev_hash are columns, not diff keys, so they stay.)
const SECRET_KEY = /password|secret|token|hash/i;

/** The diff with every value under a secret-looking key replaced, at any depth. */
export function redactSecrets(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_KEY.test(k) && v !== null ? '[redacted]' : redactSecrets(v),
    ]),
  );
}

/** audit_log narrowed by the filters (every one optional; they combine with AND). */
function filtered(db: Db, f: AuditFilters) {
  let q = db.selectFrom('audit_log');
  // An account's changes include those its API tokens made for it.
  if (f.user)
    q = q.where((eb) =>
      eb.or([
        eb('actor', '=', `user:${f.user}`),
        eb(
          'actor',
          'in',
          sql<string>`(SELECT 'token:' || id::text FROM api_tokens WHERE user_id = ${f.user})`,
        ),
      ]),
    );
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action)
    q =
      f.match === 'exact'
        ? q.where('action', '=', f.action)
        : // starts_with, not LIKE: '_' is allowed in actions and would be a LIKE wildcard.
          q.where(sql<boolean>`starts_with(action, ${f.action})`);
  if (f.type) q = q.where('entity_type', '=', f.type);
  if (f.id) q = q.where('entity_id', '=', f.id);
  // Whole UTC days, inclusive: from midnight of `from` up to (not including) the day after `to`.
  if (f.from) q = q.where('occurred_at', '>=', new Date(`${f.from}T00:00:00Z`));
  if (f.to) q = q.where('occurred_at', '<', new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000));
  return q;
}

/** Names the user actors and redacts the diffs of raw rows. */
async function toViews(db: Db, rows: Selectable<AuditLog>[]): Promise<AuditEntryView[]> {
  const names = await actorNames(
    db,
    rows.map((r) => r.actor),
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    occurredAt: r.occurred_at,
    actor: r.actor,
    actorName: names.get(r.actor) ?? null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    diff: redactSecrets(r.diff),
    hash: r.hash,
    prevHash: r.prev_hash,
  }));
}

/** Whether any matching row lies beyond `seq` in this direction (one index probe). */
async function anyBeyond(db: Db, f: AuditFilters, op: '<' | '>', seq: number): Promise<boolean> {
  const row = await filtered(db, f).select('seq').where('seq', op, String(seq)).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * One page of matching rows, newest first, by keyset on seq (never OFFSET: the log only grows).
 * `before` pages towards older rows, `after` towards newer ones.
 */
export async function auditPage(db: Db, q: AuditQuery): Promise<AuditPage> {
  const limit = q.limit ?? PAGE_SIZE;
  const towardsNewer = q.after !== undefined;
  let query = filtered(db, q).selectAll();
  if (q.after !== undefined) query = query.where('seq', '>', String(q.after));
  if (q.before !== undefined) query = query.where('seq', '<', String(q.before));
  // One row more than the page shows tells whether there is a further page in that direction.
  const raw = await query
    .orderBy('seq', towardsNewer ? 'asc' : 'desc')
    .limit(limit + 1)
    .execute();
  const more = raw.length > limit;
  const page = raw.slice(0, limit);
  if (towardsNewer) page.reverse();
  const rows = await toViews(db, page);
  const first = rows[0]?.seq;
  const last = rows[rows.length - 1]?.seq;
  const older = last === undefined ? null : towardsNewer ? await anyBeyond(db, q, '<', last) : more;
  const newer =
    first === undefined
      ? null
      : towardsNewer
        ? more
        : q.before !== undefined && (await anyBeyond(db, q, '>', first));
  return { rows, older: older ? last! : null, newer: newer ? first! : null };
}

/**
 * Every matching row, oldest first (so the hash chain reads in order), in batches by keyset.
 * Rows appended while the export runs are left out: it covers the log as it was when it began.
 */
export async function* auditExport(db: Db, f: AuditFilters, batch = 1000): AsyncGenerator<AuditEntryView[]> {
  const head = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const upTo = head?.seq ?? '0';
  let after = '0';
  for (;;) {
    const rows = await filtered(db, f)
      .selectAll()
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length > 0) yield await toViews(db, rows);
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/** Every entity type in the log, for the filter's select (a skip scan of the entity index). */
export async function entityTypes(db: Db): Promise<string[]> {
  const { rows } = await sql<{ entity_type: string }>`
    WITH RECURSIVE t(entity_type) AS (
      (SELECT entity_type FROM audit_log ORDER BY entity_type LIMIT 1)
      UNION ALL
      SELECT (SELECT a.entity_type FROM audit_log a WHERE a.entity_type > t.entity_type
              ORDER BY a.entity_type LIMIT 1)
      FROM t WHERE t.entity_type IS NOT NULL
    )
    SELECT entity_type FROM t WHERE entity_type IS NOT NULL`.execute(db);
  return rows.map((r) => r.entity_type);
}

/** Every account, by display name, for the actor select (no secrets selected). */
export function accountChoices(db: Db): Promise<{ id: string; display_name: string; email: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'email'])
    .orderBy('display_name')
    .orderBy('email')
    .execute();
}
