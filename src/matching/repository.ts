// Reads for the match review pages: candidates, the two records of each side by side (batched:
// one query per facet for a whole page), provenance, and the history of merges.
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { datasetOrigins, type DatasetOrigin } from '../imports/provenance.tsx';
import { formatPartialDate } from '../http/format.ts';
import type { Reason } from './reasons.ts';
import type { MatchKind } from './scope.ts';

export const PAGE_SIZE = 20;

export interface CandidateRow {
  id: string;
  kind: MatchKind;
  recordA: string;
  recordB: string;
  score: number;
  reasons: Reason[];
  status: string;
  foundAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** Where a record came from: the dataset, its own id there and the file. */
export type Provenance = DatasetOrigin;

/** One side of a pair, as the review page shows it. */
export interface RecordCard {
  id: string;
  kind: MatchKind;
  slug: string;
  title: string;
  state: string;
  mergedInto: string | null;
  forces: string[];
  /** Label → values (identifiers, ranks, units for officers; date, place, officers for incidents). */
  facts: { label: string; values: string[] }[];
  provenance: Provenance[];
}

const TABLE = { officer: 'officers', incident: 'incidents' } as const;

function toCandidate(r: Record<string, unknown>): CandidateRow {
  return {
    id: String(r.id),
    kind: r.kind as MatchKind,
    recordA: String(r.record_a),
    recordB: String(r.record_b),
    score: Number(r.score),
    reasons: r.reasons as Reason[],
    status: String(r.status),
    foundAt: r.found_at as Date,
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: (r.decided_at as Date | null) ?? null,
  };
}

/** Pending candidates of one kind whose records are both unmerged, best first. */
export async function pendingCandidates(db: Db, kind: MatchKind, page: number) {
  const t = sql.table(TABLE[kind]);
  const { rows } = await sql<Record<string, unknown>>`
    SELECT c.* FROM match_candidates c
    JOIN ${t} ra ON ra.id = c.record_a AND ra.merged_into IS NULL
    JOIN ${t} rb ON rb.id = c.record_b AND rb.merged_into IS NULL
    WHERE c.kind = ${kind} AND c.status = 'pending'
    ORDER BY c.score DESC, c.found_at, c.id
    LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`.execute(db);
  return { rows: rows.slice(0, PAGE_SIZE).map(toCandidate), more: rows.length > PAGE_SIZE };
}

/** How many candidates wait, by kind. */
export async function pendingCounts(db: Db): Promise<Record<MatchKind, number>> {
  const { rows } = await sql<{ kind: MatchKind; n: number }>`
    SELECT kind, count(*)::int AS n FROM match_candidates WHERE status = 'pending' GROUP BY kind`.execute(db);
  const out = { officer: 0, incident: 0 };
  for (const r of rows) out[r.kind] = r.n;
  return out;
}

export async function getCandidate(db: Db, id: string): Promise<CandidateRow | undefined> {
  const row = await db.selectFrom('match_candidates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCandidate(row) : undefined;
}

type Facet = { id: string; v: string };
const group = (rows: Facet[]) => {
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.id, [...(m.get(r.id) ?? []), r.v]);
  return m;
};
const period = (from: string | null, to: string | null) =>
  from || to
    ? ` (${from ? formatPartialDate(from, 'day') : '…'} to ${to ? formatPartialDate(to, 'day') : '…'})`
    : '';

/** The officer and incident rows of datasets these records came from. */
async function provenanceOf(db: Db, ids: string[]): Promise<Map<string, Provenance[]>> {
  const all = await datasetOrigins(db, ids);
  for (const [id, list] of all)
    all.set(
      id,
      list.filter((p) => p.recordKind === 'officer' || p.recordKind === 'incident'),
    );
  return all;
}

async function officerFacts(db: Db, ids: string[]) {
  const [identifiers, ranks, units, incidents] = await Promise.all([
    sql<Facet>`SELECT officer_id AS id, identifier_type || ' ' || identifier AS v, valid_from, valid_to
      FROM officer_identifiers WHERE officer_id = ANY(${ids}::uuid[]) ORDER BY identifier_type, identifier`.execute(
      db,
    ),
    sql<Facet>`SELECT r.officer_id AS id, CASE WHEN r.detective THEN 'Detective ' ELSE '' END || t.label AS v,
        r.valid_from, r.valid_to FROM officer_ranks r
      JOIN taxonomy_terms t ON t.kind = 'rank' AND t.taxonomy_id = r.rank_taxonomy AND t.code = r.rank_code
      WHERE r.officer_id = ANY(${ids}::uuid[]) ORDER BY r.valid_from NULLS FIRST, t.label`.execute(db),
    sql<Facet>`SELECT p.officer_id AS id, u.name AS v, p.valid_from, p.valid_to FROM officer_postings p
      JOIN units u ON u.id = p.unit_id WHERE p.officer_id = ANY(${ids}::uuid[]) ORDER BY p.valid_from NULLS FIRST, u.name`.execute(
      db,
    ),
    sql<Facet>`SELECT x.officer_id AS id, x.n || ' incident(s), ' || x.k || ' allegation(s)' AS v FROM (
        SELECT o.id AS officer_id,
          (SELECT count(DISTINCT incident_id) FROM incident_officers WHERE officer_id = o.id) AS n,
          (SELECT count(*) FROM allegations WHERE officer_id = o.id) AS k
        FROM officers o WHERE o.id = ANY(${ids}::uuid[])) x`.execute(db),
  ]);
  const withPeriod = (rows: (Facet & { valid_from?: string | null; valid_to?: string | null })[]) =>
    rows.map((r) => ({ id: r.id, v: `${r.v}${period(r.valid_from ?? null, r.valid_to ?? null)}` }));
  return {
    Numbers: group(withPeriod(identifiers.rows).map((r) => ({ ...r, v: r.v.replace(/_/g, ' ') }))),
    Ranks: group(withPeriod(ranks.rows)),
    Units: group(withPeriod(units.rows)),
    Involvement: group(incidents.rows),
  };
}

async function incidentFacts(db: Db, ids: string[]) {
  const [dates, officers, counts] = await Promise.all([
    db
      .selectFrom('incidents')
      .select(['id', 'occurred_on', 'occurred_precision', 'occurred_until', 'place'])
      .where('id', 'in', ids)
      .execute(),
    sql<Facet>`SELECT io.incident_id AS id, coalesce(o.published_name, o.slug) || ' (' || io.role || ')' AS v
      FROM incident_officers io JOIN officers o ON o.id = io.officer_id
      WHERE io.incident_id = ANY(${ids}::uuid[]) ORDER BY 2`.execute(db),
    sql<Facet>`SELECT i.id, (SELECT count(*) FROM allegations a WHERE a.incident_id = i.id) || ' allegation(s), '
        || (SELECT count(*) FROM timeline_events e WHERE e.incident_id = i.id) || ' timeline event(s)' AS v
      FROM incidents i WHERE i.id = ANY(${ids}::uuid[])`.execute(db),
  ]);
  return {
    Date: group(
      dates.map((d) => ({
        id: d.id,
        v: formatPartialDate(d.occurred_on, d.occurred_precision, d.occurred_until),
      })),
    ),
    Place: group(dates.filter((d) => d.place).map((d) => ({ id: d.id, v: d.place! }))),
    Officers: group(officers.rows),
    Contents: group(counts.rows),
  };
}

/** The records of a page of candidates, by id, with their facts and provenance. */
export async function recordCards(db: Db, kind: MatchKind, ids: string[]): Promise<Map<string, RecordCard>> {
  if (ids.length === 0) return new Map();
  const t = sql.table(TABLE[kind]);
  const title = kind === 'officer' ? sql`coalesce(r.published_name, '(no published name)')` : sql`r.title`;
  const [base, facts, provenance] = await Promise.all([
    sql<{
      id: string;
      slug: string;
      title: string;
      state: string;
      merged_into: string | null;
      forces: string[];
    }>`
      SELECT r.id, r.slug, ${title} AS title, r.publication_state AS state, r.merged_into,
        array(SELECT f.name::text FROM forces f WHERE f.id = r.force_id
          ${kind === 'incident' ? sql`OR f.id IN (SELECT force_id FROM incident_forces WHERE incident_id = r.id)` : sql``}
          ORDER BY f.id = r.force_id DESC, f.name) AS forces
      FROM ${t} r WHERE r.id = ANY(${ids}::uuid[])`.execute(db),
    kind === 'officer' ? officerFacts(db, ids) : incidentFacts(db, ids),
    provenanceOf(db, ids),
  ]);
  return new Map(
    base.rows.map((r) => [
      r.id,
      {
        id: r.id,
        kind,
        slug: r.slug,
        title: r.title,
        state: r.state,
        mergedInto: r.merged_into,
        forces: r.forces,
        facts: Object.entries(facts).map(([label, m]) => ({ label, values: m.get(r.id) ?? [] })),
        provenance: provenance.get(r.id) ?? [],
      },
    ]),
  );
}

export interface MergeRow {
  id: string;
  kind: MatchKind;
  survivorId: string;
  mergedId: string;
  automatic: boolean;
  mergedBy: string;
  mergedAt: Date;
  undoneBy: string | null;
  undoneAt: Date | null;
  moved: Record<string, unknown>;
}

/** Merges, newest first, with their records' titles. */
export async function mergeHistory(db: Db, page: number, only?: string) {
  let q = db.selectFrom('record_merges').selectAll().orderBy('merged_at', 'desc').orderBy('id');
  if (only) q = q.where('id', '=', only);
  const rows = await q
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return {
    rows: rows.slice(0, PAGE_SIZE).map((r): MergeRow => ({
      id: r.id,
      kind: r.kind as MatchKind,
      survivorId: r.survivor_id,
      mergedId: r.merged_id,
      automatic: r.automatic,
      mergedBy: r.merged_by,
      mergedAt: r.merged_at,
      undoneBy: r.undone_by,
      undoneAt: r.undone_at,
      moved: r.moved as Record<string, unknown>,
    })),
    more: rows.length > PAGE_SIZE,
  };
}

/** The merge a merged record takes part in now (as merged or as survivor), for its editor page. */
export async function activeMerges(db: Db, id: string) {
  return db
    .selectFrom('record_merges')
    .select(['id', 'kind', 'survivor_id', 'merged_id', 'automatic', 'merged_at'])
    .where((eb) => eb.or([eb('survivor_id', '=', id), eb('merged_id', '=', id)]))
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .execute();
}

/** Display names of `user:<id>` actors (others keep their actor string). */
export async function actorNames(db: Db, actors: string[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(actors.map((a) => /^user:([0-9a-f-]{36})$/.exec(a)?.[1]).filter((x): x is string => !!x)),
  ];
  const out = new Map<string, string>();
  if (ids.length > 0)
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ids)
      .execute())
      out.set(`user:${u.id}`, u.display_name);
  return out;
}
