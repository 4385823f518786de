import { sql } from '../db/kysely.ts';
import { appendAudit } from '../audit/chain.ts';
import { canonicalJson } from '../audit/canonical.ts';
import type { Actor } from '../audit/history.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import type { JsonValue } from '../db/schema.generated.ts';
import { incidentEvidence } from './incident-evidence.ts';
import { scoreIncidents } from './incident-score.ts';
import { mergeRecords, TABLE } from './merge.ts';
import { officerEvidence } from './officer-evidence.ts';
import { scoreOfficers } from './officer-score.ts';
import type { ScoredPair } from './reasons.ts';
import { scopeIds, type MatchKind, type MatchScope } from './scope.ts';

/** Options of one matching run. */
export interface MatchOptions {
  kinds?: MatchKind[];
  /** Merge the pairs that pass the automatic rule (the caller has checked MATCH_AUTO_MERGE). */
  autoMerge?: boolean;
  actor?: Actor;
}

/** What a run did, for one kind of record. */
export interface KindReport {
  /** Pairs the query compared. */
  compared: number;
  /** Pairs good enough to put to a person. */
  candidates: number;
  created: number;
  updated: number;
  /** Rejected or unmerged pairs brought back because new evidence raised their score. */
  reopened: number;
  /** Pending pairs whose evidence has gone (or whose record was merged). */
  removed: number;
  autoMerged: number;
}

export type MatchReport = Partial<Record<MatchKind, KindReport>>;

/** The actor automatic merges and matching runs are logged under. */
export const MATCH_ACTOR = 'system:match';

interface Stored {
  id: string;
  record_a: string;
  record_b: string;
  status: string;
  score: string;
  reasons: JsonValue;
}

const pairKey = (a: string, b: string) => `${a}/${b}`;
const same = (x: JsonValue, y: unknown) => canonicalJson(x) === canonicalJson(y as JsonValue);

async function scored(trx: Db, kind: MatchKind, scope: MatchScope) {
  const pairs =
    kind === 'officer'
      ? (await officerEvidence(trx, scope)).map(scoreOfficers)
      : (await incidentEvidence(trx, scope)).map(scoreIncidents);
  return { compared: pairs.length, kept: pairs.filter((p) => p.keep) };
}

async function storedFor(trx: Db, kind: MatchKind, pairs: ScoredPair[]): Promise<Map<string, Stored>> {
  if (pairs.length === 0) return new Map();
  const { rows } = await sql<Stored>`
    SELECT c.id, c.record_a, c.record_b, c.status, c.score::text AS score, c.reasons FROM match_candidates c
    JOIN unnest(${pairs.map((p) => p.a)}::uuid[], ${pairs.map((p) => p.b)}::uuid[]) AS k(a, b)
      ON c.record_a = k.a AND c.record_b = k.b
    WHERE c.kind = ${kind}`.execute(trx);
  return new Map(rows.map((r) => [pairKey(r.record_a, r.record_b), r]));
}

/**
 * Writes the run's pairs: new ones are inserted, pending ones take the new score and reasons,
 * rejected or unmerged ones come back only when their evidence changed and scores higher than
 * when a person decided, merged ones are left alone. Returns the pairs now pending.
 */
async function store(trx: Db, kind: MatchKind, pairs: ScoredPair[], report: KindReport) {
  const stored = await storedFor(trx, kind, pairs);
  const fresh: ScoredPair[] = [];
  const changed: { id: string; p: ScoredPair }[] = [];
  const pending: ScoredPair[] = [];
  let reopened = 0;
  for (const p of pairs) {
    const s = stored.get(pairKey(p.a, p.b));
    if (!s) fresh.push(p);
    else if (s.status === 'merged') continue;
    else if (s.status === 'pending') {
      if (Number(s.score) !== p.score || !same(s.reasons, p.reasons)) changed.push({ id: s.id, p });
    } else if (!same(s.reasons, p.reasons) && p.score > Number(s.score)) {
      changed.push({ id: s.id, p });
      reopened++;
    } else continue;
    pending.push(p);
  }
  for (let i = 0; i < fresh.length; i += 500)
    await trx
      .insertInto('match_candidates')
      .values(
        fresh.slice(i, i + 500).map((p) => ({
          kind,
          record_a: p.a,
          record_b: p.b,
          score: String(p.score),
          reasons: JSON.stringify(p.reasons),
        })),
      )
      .execute();
  for (const { id, p } of changed)
    await trx
      .updateTable('match_candidates')
      .set({
        score: String(p.score),
        reasons: JSON.stringify(p.reasons),
        status: 'pending',
        decided_by: null,
        decided_at: null,
      })
      .where('id', '=', id)
      .execute();
  report.created += fresh.length;
  report.updated += changed.length - reopened;
  report.reopened += reopened;
  return pending;
}

/**
 * Deletes pending pairs with a record merged since (an automatic merge of this run included),
 * and pending pairs of records in scope that the run no longer found.
 */
async function removeStale(trx: Db, kind: MatchKind, scope: MatchScope, kept: ScoredPair[]) {
  const table = sql.table(TABLE[kind]);
  const merged = await sql<{ id: string }>`
    DELETE FROM match_candidates c WHERE c.kind = ${kind} AND c.status = 'pending' AND EXISTS (
      SELECT 1 FROM ${table} t WHERE t.id IN (c.record_a, c.record_b) AND t.merged_into IS NOT NULL)
    RETURNING c.id`.execute(trx);
  const inScope =
    'all' in scope
      ? sql`true`
      : sql`(c.record_a IN (${scopeIds(kind, scope)}) OR c.record_b IN (${scopeIds(kind, scope)}))`;
  const { rows } = await sql<{ id: string; record_a: string; record_b: string }>`
    SELECT c.id, c.record_a, c.record_b FROM match_candidates c
    WHERE c.kind = ${kind} AND c.status = 'pending' AND ${inScope}`.execute(trx);
  const found = new Set(kept.map((p) => pairKey(p.a, p.b)));
  const stale = rows.filter((r) => !found.has(pairKey(r.record_a, r.record_b))).map((r) => r.id);
  for (let i = 0; i < stale.length; i += 1000)
    await trx
      .deleteFrom('match_candidates')
      .where('id', 'in', stale.slice(i, i + 1000))
      .execute();
  return merged.rows.length + stale.length;
}

/** The record an automatic merge keeps: the older one (both are drafts). */
async function keeper(trx: Db, kind: MatchKind, a: string, b: string): Promise<string | null> {
  const rows = await trx
    .selectFrom(TABLE[kind])
    .select(['id', 'merged_into', 'created_at'])
    .where('id', 'in', [a, b])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // An earlier merge of this run may have taken one of them already.
  if (rows.length < 2 || rows.some((r) => r.merged_into !== null)) return null;
  return rows[0]!.id;
}

async function mergeAutomatically(trx: Db, kind: MatchKind, pending: ScoredPair[]): Promise<number> {
  let merged = 0;
  for (const p of pending.filter((x) => x.automatic).sort((x, y) => y.score - x.score)) {
    const survivorId = await keeper(trx, kind, p.a, p.b);
    if (!survivorId) continue;
    await mergeRecords(
      trx,
      { actor: MATCH_ACTOR },
      { kind, survivorId, mergedId: survivorId === p.a ? p.b : p.a, automatic: true },
    );
    merged++;
  }
  return merged;
}

/**
 * Finds match candidates for the records in scope, in one transaction: scores every pair the
 * evidence queries return, stores those worth a person's time, removes pending pairs whose
 * evidence is gone, and (with `autoMerge`) merges the officer pairs that pass the automatic rule.
 * Idempotent: a second run over unchanged records changes nothing. One audit entry per run
 * that changed anything, plus the audit of each automatic merge.
 */
export async function findCandidates(
  db: Db,
  scope: MatchScope,
  opts: MatchOptions = {},
): Promise<MatchReport> {
  const kinds = opts.kinds ?? ['officer', 'incident'];
  return inTransaction(db, async (trx) => {
    // The statements are large and their row estimates rough: PostgreSQL would spend seconds
    // compiling them with JIT for no gain (the setting exists, and is ignored, without JIT).
    await sql`SELECT set_config('jit', 'off', true)`.execute(trx);
    const report: MatchReport = {};
    for (const kind of kinds) {
      const r: KindReport = {
        compared: 0,
        candidates: 0,
        created: 0,
        updated: 0,
        reopened: 0,
        removed: 0,
        autoMerged: 0,
      };
      const { compared, kept } = await scored(trx, kind, scope);
      r.compared = compared;
      r.candidates = kept.length;
      const pending = await store(trx, kind, kept, r);
      if (opts.autoMerge) r.autoMerged = await mergeAutomatically(trx, kind, pending);
      r.removed = await removeStale(trx, kind, scope, kept);
      report[kind] = r;
    }
    const changed = Object.values(report).some(
      (r) => r.created + r.updated + r.reopened + r.removed + r.autoMerged > 0,
    );
    if (changed)
      await appendAudit(trx, {
        actor: opts.actor ?? MATCH_ACTOR,
        action: 'match.run',
        entityType: 'match_candidates',
        entityId: 'all' in scope ? 'all' : 'fileId' in scope ? `file:${scope.fileId}` : 'records',
        diff: { scope: scope as unknown as JsonValue, report: report as unknown as JsonValue },
      });
    return report;
  });
}
