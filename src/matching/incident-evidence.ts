import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { incidentEnd } from '../incidents/dates.ts';
import { PLACE_SIMILAR, WINDOW_DAYS, type IncidentEvidence } from './incident-score.ts';
import { scopeIds, type MatchScope } from './scope.ts';

interface Row {
  a: string;
  b: string;
  a_on: string;
  a_precision: string;
  a_end: string;
  b_on: string;
  b_precision: string;
  b_end: string;
  gap: number;
  place_a: string | null;
  place_b: string | null;
  place_similarity: number | null;
  place_common: number | null;
  place_numbers_differ: boolean;
  shared_officers: string[];
  officers_a: number;
  officers_b: number;
  same_dataset: string | null;
}

const norm = (alias: string) => sql`f_unaccent(lower(${sql.ref(`${alias}.place`)}))`;
// The numbers in a place ("3100 block of S Michigan Ave"): trigrams hardly see them, so two
// blocks of one street look alike; different numbers mean different places.
const numbers = (alias: string) =>
  sql`btrim(regexp_replace(${sql.ref(`${alias}.place`)}, '[^0-9]+', ' ', 'g'))`;
const numbersDiffer = sql`(${numbers('ia')} <> '' AND ${numbers('ib')} <> '' AND ${numbers('ia')} <> ${numbers('ib')})`;

/**
 * The evidence about every pair of unmerged, dated incidents that share a force, come within
 * WINDOW_DAYS of each other (periods read with their precision) and share an officer or a
 * similar place, where at least one is in scope. Neighbours are found by hash joins on (force,
 * day): each day of an incident's period widened by the window, plus the month and the year that
 * widened period starts in (incidents known only to the month or year are stored on its first
 * day), plus the few incidents dated by a range and those that share the force only through
 * `incident_forces`. Places are normalised once per incident, not once per pair: at national
 * scale (300,000 incidents, some 60 neighbours each) that took a whole-database run on
 * PostgreSQL from 235 s to 20 s. One statement.
 */
export async function incidentEvidence(trx: Db, scope: MatchScope): Promise<IncidentEvidence[]> {
  const { rows } = await incidentEvidenceQuery(scope).execute(trx);
  return rows.map(toEvidence);
}

/** The evidence statement itself (exported for EXPLAIN in benchmarks). */
export function incidentEvidenceQuery(scope: MatchScope) {
  const w = WINDOW_DAYS;
  // Being neighbours is symmetric (the periods, widened by the window, overlap and the incidents
  // share a force), so when every incident is in scope each pair is found from its lower id only:
  // half the probes' rows at national scale.
  const once = (b: string, a = 'af.id') => ('all' in scope ? sql`AND ${sql.ref(b)} > ${sql.ref(a)}` : sql``);
  return sql<Row>`
    WITH a AS MATERIALIZED (
      SELECT i.id, i.force_id, i.occurred_on AS lo, ${incidentEnd('i')} AS hi FROM incidents i
      WHERE i.id IN (${scopeIds('incident', scope)}) AND i.occurred_on IS NOT NULL
    ),
    af AS MATERIALIZED (
      SELECT id, force_id, lo, hi FROM a
      UNION SELECT a.id, f.force_id, a.lo, a.hi FROM a JOIN incident_forces f ON f.incident_id = a.id
    ),
    ranged AS MATERIALIZED (
      SELECT i.id, x.force_id, i.occurred_on AS lo, ${incidentEnd('i')} AS hi
      FROM incidents i
      CROSS JOIN LATERAL (SELECT i.force_id UNION SELECT f.force_id FROM incident_forces f WHERE f.incident_id = i.id) x
      WHERE i.merged_into IS NULL AND i.occurred_precision IN ('range', 'month_range', 'year_range')
    ),
    -- The forces the incidents in scope (and those dated by a range) belong to.
    forces AS MATERIALIZED (SELECT force_id FROM af UNION SELECT force_id FROM ranged),
    -- Each incident a neighbour can be, with its place read once (normalised text, the numbers in
    -- it): reading them per pair tested cost more than the test itself at national scale.
    k AS MATERIALIZED (
      SELECT i.id, i.force_id, i.occurred_on AS lo, i.occurred_precision AS precision,
        i.merged_into IS NULL AS live, f_unaccent(lower(i.place)) AS p,
        btrim(regexp_replace(i.place, '[^0-9]+', ' ', 'g')) AS nums
      FROM incidents i WHERE i.force_id IN (SELECT force_id FROM forces)
        OR i.id IN (SELECT incident_id FROM incident_forces WHERE force_id IN (SELECT force_id FROM forces))
    ),
    -- Every day of each period widened by the window: neighbours that start on one of those days
    -- are then found by one hash join on (force, day), not a probe of the index per incident.
    days AS (
      SELECT af.id, af.force_id, af.lo - ${w}::int + g AS d FROM af
      CROSS JOIN LATERAL generate_series(0, af.hi - af.lo + 2 * ${w}::int) g
    ),
    near AS (
      SELECT days.id AS a, b.id AS b FROM days JOIN k b ON b.force_id = days.force_id AND b.lo = days.d
      WHERE true ${once('b.id', 'days.id')}
      UNION ALL
      -- Incidents known only to the month or year (stored on its first day) that span the start
      -- of the window.
      SELECT af.id, b.id FROM af JOIN k b ON b.force_id = af.force_id
        AND b.lo = date_trunc('month', af.lo - ${w}::int)::date AND b.precision = 'month'
      WHERE true ${once('b.id')}
      UNION ALL
      SELECT af.id, b.id FROM af JOIN k b ON b.force_id = af.force_id
        AND b.lo = date_trunc('year', af.lo - ${w}::int)::date AND b.precision = 'year'
      WHERE true ${once('b.id')}
      UNION ALL
      SELECT af.id, b.id FROM af CROSS JOIN LATERAL (
        SELECT b.id FROM incident_forces fb JOIN incidents b ON b.id = fb.incident_id
        WHERE fb.force_id = af.force_id
          AND b.occurred_on <= af.hi + ${w}::int AND ${incidentEnd('b')} >= af.lo - ${w}::int ${once('b.id')}
      ) b
      UNION ALL
      SELECT af.id, r.id FROM af JOIN ranged r ON r.force_id = af.force_id
        AND r.lo <= af.hi + ${w}::int AND r.hi >= af.lo - ${w}::int ${once('r.id')}
    ),
    -- Place texts too many records of the force share to tell incidents apart.
    common AS MATERIALIZED (
      SELECT force_id, p, n FROM (
        SELECT force_id, p, count(*) AS n, sum(count(*)) OVER (PARTITION BY force_id) AS total
        FROM k WHERE p IS NOT NULL AND live AND force_id IN (SELECT force_id FROM forces)
        GROUP BY 1, 2) x
      WHERE n >= greatest(5, total / 100)
    ),
    -- Pairs of incidents that name an officer in common, found through the officer: one hash
    -- lookup per neighbour instead of two index probes.
    shared AS MATERIALIZED (
      SELECT DISTINCT x.incident_id AS a, y.incident_id AS b FROM incident_officers x
      JOIN incident_officers y ON y.officer_id = x.officer_id AND y.incident_id <> x.incident_id
      WHERE x.incident_id IN (SELECT id FROM af)
    ),
    pairs AS (
      SELECT DISTINCT least(n.a, n.b) AS a, greatest(n.a, n.b) AS b FROM near n
      JOIN k ka ON ka.id = n.a JOIN k kb ON kb.id = n.b
      LEFT JOIN common c ON c.force_id = ka.force_id AND c.p = ka.p
      LEFT JOIN shared s ON s.a = n.a AND s.b = n.b
      WHERE n.a <> n.b AND kb.live AND (
        s.a IS NOT NULL
        OR (c.p IS NULL AND (ka.nums = '' OR kb.nums = '' OR ka.nums = kb.nums)
          AND similarity(ka.p, kb.p) >= ${PLACE_SIMILAR}))
    )
    SELECT p.a, p.b, ia.occurred_on AS a_on, ia.occurred_precision AS a_precision, ${incidentEnd('ia')} AS a_end,
      ib.occurred_on AS b_on, ib.occurred_precision AS b_precision, ${incidentEnd('ib')} AS b_end,
      greatest(0, ib.occurred_on - ${incidentEnd('ia')}, ia.occurred_on - ${incidentEnd('ib')}) AS gap,
      ia.place AS place_a, ib.place AS place_b, similarity(${norm('ia')}, ${norm('ib')}) AS place_similarity,
      coalesce(${numbersDiffer}, false) AS place_numbers_differ,
      (SELECT max(c.n) FROM common c WHERE (c.force_id = ia.force_id AND c.p = ${norm('ia')})
        OR (c.force_id = ib.force_id AND c.p = ${norm('ib')}))::int AS place_common,
      coalesce((SELECT array_agg(DISTINCT coalesce(o.published_name, o.slug)::text) FROM incident_officers x
        JOIN incident_officers y ON y.officer_id = x.officer_id AND y.incident_id = p.b
        JOIN officers o ON o.id = x.officer_id WHERE x.incident_id = p.a), '{}') AS shared_officers,
      (SELECT count(DISTINCT officer_id) FROM incident_officers WHERE incident_id = p.a)::int AS officers_a,
      (SELECT count(DISTINCT officer_id) FROM incident_officers WHERE incident_id = p.b)::int AS officers_b,
      (SELECT s.title::text FROM dataset_records da
        JOIN dataset_records db ON db.source_id = da.source_id AND db.record_kind = 'incident' AND db.entity_id = p.b
        JOIN sources s ON s.id = da.source_id
        WHERE da.record_kind = 'incident' AND da.entity_id = p.a LIMIT 1) AS same_dataset
    FROM pairs p JOIN incidents ia ON ia.id = p.a JOIN incidents ib ON ib.id = p.b
    ORDER BY p.a, p.b`;
}

function toEvidence(r: Row): IncidentEvidence {
  return {
    a: r.a,
    b: r.b,
    dateA: { on: r.a_on, precision: r.a_precision, end: r.a_end },
    dateB: { on: r.b_on, precision: r.b_precision, end: r.b_end },
    gap: Number(r.gap),
    placeA: r.place_a,
    placeB: r.place_b,
    placeSimilarity: r.place_similarity === null ? null : Number(r.place_similarity),
    placeCommon: r.place_common,
    placeNumbersDiffer: r.place_numbers_differ,
    sharedOfficers: [...r.shared_officers].sort(),
    officersA: r.officers_a,
    officersB: r.officers_b,
    sameDataset: r.same_dataset,
  };
}
