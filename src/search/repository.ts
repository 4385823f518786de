import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { incidentEnd } from '../incidents/dates.ts';
import {
  allOf,
  fragmentSearchable,
  identifierMatches,
  identifierScore,
  nameMatches,
  nameScore,
  tsQuery,
} from './match.ts';
import { conditions, countCte, ctesOf, windowed, windowRows, type Windowed } from './recent-window.ts';
import {
  COUNT_CAP,
  hasAllegationFilter,
  PAGE_SIZE,
  SEARCH_TYPES,
  type ResolvedFilters,
  type SearchType,
} from './schema.ts';

type Fragment = RawBuilder<unknown>;

/**
 * One kind of record's part of the search: which rows match (`from`, `where`, the words' `match`,
 * and the `recent` order a broad search starts from, in Windowed), how they rank, how they sort.
 */
interface Branch extends Windowed {
  id: Fragment;
  score: Fragment;
  sortDate: Fragment;
  sortTitle: Fragment;
}

/** A ranked hit; the page loads what it shows for these ids only. */
export interface SearchHit {
  type: SearchType;
  id: string;
}

const anyOf = (parts: Fragment[]) => sql`(${sql.join(parts, sql` OR `)})`;
const maybe = (cond: unknown, part: () => Fragment): Fragment[] => (cond ? [part()] : []);

// The last day an incident may have happened on (a date filter keeps an overlapping period).
const INCIDENT_END = incidentEnd('i');

/** Conditions on an incident `i`: force, unit and date range. */
function incidentConditions(f: ResolvedFilters): Fragment[] {
  return [
    ...maybe(f.forceId, () => sql`i.force_id = ${f.forceId}`),
    ...maybe(
      f.unitIds,
      () =>
        sql`EXISTS (SELECT 1 FROM incident_units iu WHERE iu.incident_id = i.id AND iu.unit_id = ANY(${f.unitIds}::uuid[]))`,
    ),
    ...maybe(f.to, () => sql`i.occurred_on <= ${f.to}::date`),
    ...maybe(f.from, () => sql`${INCIDENT_END} >= ${f.from}::date`),
  ];
}

/** Conditions on an allegation `a`: Standard, IOPC category and status label. */
function allegationConditions(f: ResolvedFilters): Fragment[] {
  return [
    ...maybe(f.status, () => sql`a.status_code = ${f.status}`),
    ...maybe(f.iopc, () => sql`a.iopc_code = ${f.iopc}`),
    ...maybe(
      f.standard,
      () =>
        sql`EXISTS (SELECT 1 FROM allegation_standards st WHERE st.allegation_id = a.id AND st.standard_code = ${f.standard})`,
    ),
  ];
}

// Kept true by triggers exactly when the allegation and its incident are both published.
const VISIBLE = sql`a.visible`;

function incidentBranch(f: ResolvedFilters, q?: string): Branch {
  return {
    type: 'incident',
    id: sql`i.id`,
    from: sql`incidents i`,
    match: q ? sql`i.search @@ ${tsQuery(q)}` : undefined,
    where: [
      sql`i.publication_state = 'published'`,
      // R5: an incident under active proceedings is not listed (its summary is withheld).
      sql`NOT i.proceedings_active`,
      ...incidentConditions(f),
      ...maybe(
        hasAllegationFilter(f),
        () =>
          sql`EXISTS (SELECT 1 FROM allegations a WHERE a.incident_id = i.id AND ${VISIBLE} AND ${allOf(allegationConditions(f))})`,
      ),
    ],
    score: q ? sql`ts_rank(i.search, ${tsQuery(q)})` : sql`0`,
    sortDate: sql`coalesce(i.occurred_until, i.occurred_on)`,
    sortTitle: sql`i.slug`,
    // incidents_recent_idx
    recent: { alias: sql`i`, key: sql`coalesce(i.occurred_until, i.occurred_on)`, tiebreak: sql`i.slug` },
  };
}

function allegationBranch(f: ResolvedFilters, q?: string): Branch {
  const byName = q !== undefined && fragmentSearchable(q);
  const onIncident = incidentConditions(f);
  return {
    type: 'allegation',
    id: sql`a.id`,
    // The incident is joined only when filtering on it: visibility and its date live on the allegation.
    from:
      onIncident.length > 0
        ? sql`allegations a JOIN incidents i ON i.id = a.incident_id`
        : sql`allegations a`,
    match: q
      ? anyOf([
          sql`a.search @@ ${tsQuery(q)}`,
          ...maybe(byName, () => nameMatches(sql`a.unidentified_officer`, q)),
        ])
      : undefined,
    where: [VISIBLE, ...onIncident, ...allegationConditions(f)],
    // A description is prose, not a name: a close match only lifts it a little.
    score: q
      ? sql`ts_rank(a.search, ${tsQuery(q)}) + ${byName ? sql`coalesce(0.1 * ${nameScore(sql`a.unidentified_officer`, q)}, 0)` : sql`0`}`
      : sql`0`,
    sortDate: sql`a.incident_date`,
    sortTitle: sql`a.id::text`,
    // allegations_visible_recent_idx
    recent: { alias: sql`a`, key: sql`a.incident_date`, tiebreak: sql`a.id` },
  };
}

/**
 * Officers matching q by words, by a name fragment or by a public identifier, as one OR on the
 * officer's own columns so that the database combines the word, name and primary-key indexes
 * into one bitmap. The identifiers are matched first (an array, worked out once): an OR with a
 * subquery per officer would scan every officer, and `o.id IN (…)` was estimated four times too
 * many and joined against all officers (39 ms for "Khan", 3,334 officers, against 24 ms).
 */
function officerMatch(q: string): Fragment {
  const byName = fragmentSearchable(q);
  return anyOf([
    sql`o.search @@ ${tsQuery(q)}`,
    ...maybe(byName, () => nameMatches(sql`o.published_name`, q)),
    ...maybe(
      byName,
      () =>
        sql`o.id = ANY(ARRAY(SELECT oi.officer_id FROM officer_identifiers oi WHERE ${identifierMatches(q)}))`,
    ),
  ]);
}

/** The best of the officer's word, name and identifier matches (`oid`, from officerTable). */
function officerScore(q: string | undefined): Fragment {
  if (!q) return sql`0`;
  if (!fragmentSearchable(q)) return sql`ts_rank(o.search, ${tsQuery(q)})`;
  return sql`greatest(ts_rank(o.search, ${tsQuery(q)}), ${nameScore(sql`o.published_name`, q)}, coalesce(oid.score, 0))`;
}

/**
 * Officers, with the best score of their public identifiers matching q as `oid.score`. The
 * identifiers are matched once through their trigram index, not looked up again for every
 * officer a common name matches.
 */
function officerTable(q: string | undefined): Fragment {
  if (!q || !fragmentSearchable(q)) return sql`officers o`;
  return sql`officers o LEFT JOIN (SELECT oi.officer_id, max(${identifierScore(q)}) AS score
    FROM officer_identifiers oi WHERE ${identifierMatches(q)} GROUP BY oi.officer_id) oid ON oid.officer_id = o.id`;
}

function officerBranch(f: ResolvedFilters, q?: string): Branch {
  // Officers are tied to units and dates through their published allegations.
  const viaAllegation = (conds: Fragment[]) =>
    sql`EXISTS (SELECT 1 FROM allegations a JOIN incidents i ON i.id = a.incident_id WHERE a.officer_id = o.id AND ${VISIBLE} AND ${allOf(conds)})`;
  return {
    type: 'officer',
    id: sql`o.id`,
    from: officerTable(q),
    match: q ? officerMatch(q) : undefined,
    where: [
      sql`o.publication_state = 'published' AND o.published_name IS NOT NULL`,
      ...maybe(f.forceId, () => sql`o.force_id = ${f.forceId}`),
      ...maybe(f.unitIds, () =>
        anyOf([
          sql`EXISTS (SELECT 1 FROM officer_postings p WHERE p.officer_id = o.id AND p.unit_id = ANY(${f.unitIds}::uuid[]))`,
          viaAllegation(incidentConditions({ types: f.types, unitIds: f.unitIds })),
        ]),
      ),
      ...maybe(hasAllegationFilter(f) || f.from || f.to, () =>
        viaAllegation([
          ...allegationConditions(f),
          ...incidentConditions({ ...f, forceId: undefined, unitIds: undefined }),
        ]),
      ),
    ],
    score: officerScore(q),
    sortDate: sql`NULL::date`,
    // Listed by surname (the stored key of migration 20261207000000; its index walks it in order).
    sortTitle: sql`o.sort_name`,
  };
}

function unitBranch(f: ResolvedFilters, q?: string): Branch | null {
  if (hasAllegationFilter(f) || f.from || f.to) return null; // units carry no allegations or dates
  const byName = q !== undefined && fragmentSearchable(q);
  return {
    type: 'unit',
    id: sql`u.id`,
    from: sql`units u`,
    match: q
      ? anyOf([sql`u.search @@ ${tsQuery(q)}`, ...maybe(byName, () => nameMatches(sql`u.name`, q))])
      : undefined,
    where: [
      ...maybe(f.forceId, () => sql`u.force_id = ${f.forceId}`),
      ...maybe(f.unitIds, () => sql`u.id = ANY(${f.unitIds}::uuid[])`),
    ],
    score: q
      ? sql`greatest(ts_rank(u.search, ${tsQuery(q)}), ${byName ? nameScore(sql`u.name`, q) : sql`0`})`
      : sql`0`,
    sortDate: sql`NULL::date`,
    sortTitle: sql`u.name`,
  };
}

function statementBranch(f: ResolvedFilters, q?: string): Branch | null {
  if (hasAllegationFilter(f)) return null; // statements carry no allegations
  return {
    type: 'statement',
    id: sql`s.id`,
    from: sql`statements s LEFT JOIN incidents i ON i.id = s.incident_id`,
    match: q ? sql`s.search @@ ${tsQuery(q)}` : undefined,
    where: [
      sql`s.publication_state = 'published'`,
      ...maybe(f.forceId, () => sql`coalesce(s.force_id, i.force_id) = ${f.forceId}`),
      ...maybe(
        f.unitIds,
        () =>
          sql`EXISTS (SELECT 1 FROM incident_units iu WHERE iu.incident_id = s.incident_id AND iu.unit_id = ANY(${f.unitIds}::uuid[]))`,
      ),
      ...maybe(f.from, () => sql`s.said_on >= ${f.from}::date`),
      ...maybe(f.to, () => sql`s.said_on <= ${f.to}::date`),
    ],
    score: q ? sql`ts_rank(s.search, ${tsQuery(q)})` : sql`0`,
    sortDate: sql`s.said_on`,
    sortTitle: sql`s.speaker_name`,
  };
}

const BUILDERS: Record<SearchType, (f: ResolvedFilters, q?: string) => Branch | null> = {
  incident: incidentBranch,
  allegation: allegationBranch,
  officer: officerBranch,
  unit: unitBranch,
  statement: statementBranch,
};

function branches(types: readonly SearchType[], f: ResolvedFilters, q?: string): Branch[] {
  return types.map((t) => BUILDERS[t](f, q)).filter((b): b is Branch => b !== null);
}

const ORDER = sql`ORDER BY score DESC, sort_date DESC NULLS LAST, sort_title, id`;

/** A branch's output columns: what the page needs to rank and order its rows. */
function columns(b: Branch): Fragment {
  return sql`${b.type}::text AS type, ${b.id} AS id, (${b.score})::float8 AS score,
    ${b.sortDate} AS sort_date, ${b.sortTitle} AS sort_title`;
}

const COLUMN_NAMES = sql`type, id, score, sort_date, sort_title`;

/** A branch's candidates: every match, or with words the most recent RANK_WINDOW of a big kind. */
function candidates(b: Branch): Fragment {
  return windowed(b)
    ? windowRows(b, columns(b), COLUMN_NAMES)
    : sql`(SELECT ${columns(b)} FROM ${b.from} WHERE ${conditions(b)})`;
}

/**
 * Runs `run` with PostgreSQL's parallel query off. Every part of a search reads a bounded number
 * of rows, and starting workers for it costs more than they save: 5–10 ms a statement, for the
 * few matches of a rare word as much as for a common one, and under concurrent load the workers
 * only compete with other searches for the same cores. Measured on 1M allegations: "taser"
 * 19 → 9 ms, "Charing Cross" 24 → 16 ms. PGlite has no workers; the setting is harmless there.
 * Inside a caller's transaction the setting would outlive the search, so it is left alone.
 */
async function withoutParallelWorkers<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return run(db);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(tx);
    return run(tx);
  });
}

/** A page of ranked hits and how many records of each kind match. */
export interface SearchOutcome {
  hits: SearchHit[];
  /**
   * Matches per kind of record, whatever the type filter, so the page can offer each kind.
   * Counting stops past COUNT_CAP: a figure above it means "more than COUNT_CAP".
   */
  counts: Record<SearchType, number>;
}

/**
 * Runs a search in one statement. Every kind of record is matched through its own indexes and
 * counted up to COUNT_CAP (so a broad filter costs a bounded amount); each kind in the type
 * filter contributes only its own best `page × PAGE_SIZE` rows (by relevance, then most recent,
 * then title), which is enough to rank the requested page exactly. With words, incidents and
 * allegations rank only their RANK_WINDOW most recent matches.
 */
export async function runSearch(
  db: Db,
  f: ResolvedFilters,
  q: string | undefined,
  page: number,
): Promise<SearchOutcome> {
  const counts = Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Record<SearchType, number>;
  const parts = branches(SEARCH_TYPES, f, q);
  if (parts.length === 0) return { hits: [], counts };
  const depth = page * PAGE_SIZE;
  const countRows = sql.join(
    parts.map(
      (b) => sql`SELECT ${b.type}::text AS type, NULL::uuid AS id, (SELECT n FROM ${countCte(b)}) AS n`,
    ),
    sql` UNION ALL `,
  );
  const ranked = parts.filter((b) => f.types.includes(b.type));
  const best = sql.join(
    ranked.map((b) => sql`(SELECT * FROM ${candidates(b)} best ${ORDER} LIMIT ${depth})`),
    sql` UNION ALL `,
  );
  const ctes = parts.flatMap((b) => ctesOf(b, columns(b)));
  const pageRows =
    ranked.length === 0 || depth > COUNT_CAP + PAGE_SIZE
      ? sql``
      : sql`UNION ALL SELECT * FROM (
          SELECT type, id, (row_number() OVER (${ORDER}))::int AS n FROM (${best}) hits
          ${ORDER} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}) page`;
  const statement = sql<{ type: SearchType; id: string | null; n: number }>`
    WITH ${sql.join(ctes)} ${countRows} ${pageRows}`;
  const { rows } = await withoutParallelWorkers(db, (tx) => statement.execute(tx));
  const hits: (SearchHit & { n: number })[] = [];
  for (const r of rows) {
    if (r.id === null) counts[r.type] = r.n;
    else hits.push({ type: r.type, id: r.id, n: r.n });
  }
  hits.sort((a, b) => a.n - b.n);
  return { hits: hits.map(({ type, id }) => ({ type, id })), counts };
}
