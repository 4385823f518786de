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
 * similar place, where at least one is in scope. Neighbours are found through the force/date
 * index (`incidents_force_occurred_idx`): a window of days around each incident's period, plus an
 * exact probe for the month and the year that period starts in (incidents known only to the
 * month or year are stored on its first day), plus the few incidents dated by a range and those
 * that share the force only through `incident_forces`. One statement.
 */
export async function incidentEvidence(trx: Db, scope: MatchScope): Promise<IncidentEvidence[]> {
  const { rows } = await incidentEvidenceQuery(scope).execute(trx);
  return rows.map(toEvidence);
}

/** The evidence statement itself (exported for EXPLAIN in benchmarks). */
export function incidentEvidenceQuery(scope: MatchScope) {
  const w = WINDOW_DAYS;
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
    -- LATERAL keeps each probe a parameterised scan of the force/date index (a join here can be
    -- planned as a merge on the force alone, comparing every pair of a force's incidents).
    near AS (
      SELECT af.id AS a, b.id AS b FROM af CROSS JOIN LATERAL (
        SELECT b.id FROM incidents b WHERE b.force_id = af.force_id
          AND b.occurred_on BETWEEN af.lo - ${w}::int AND af.hi + ${w}::int
        UNION ALL
        SELECT b.id FROM incidents b WHERE b.force_id = af.force_id
          AND b.occurred_on = date_trunc('month', af.lo - ${w}::int)::date AND b.occurred_precision = 'month'
        UNION ALL
        SELECT b.id FROM incidents b WHERE b.force_id = af.force_id
          AND b.occurred_on = date_trunc('year', af.lo - ${w}::int)::date AND b.occurred_precision = 'year'
        UNION ALL
        SELECT b.id FROM incident_forces fb JOIN incidents b ON b.id = fb.incident_id
        WHERE fb.force_id = af.force_id
          AND b.occurred_on <= af.hi + ${w}::int AND ${incidentEnd('b')} >= af.lo - ${w}::int
      ) b
      UNION ALL
      SELECT af.id, r.id FROM af JOIN ranged r ON r.force_id = af.force_id
        AND r.lo <= af.hi + ${w}::int AND r.hi >= af.lo - ${w}::int
    ),
    -- Place texts too many records of the force share to tell incidents apart.
    common AS MATERIALIZED (
      SELECT force_id, p, n FROM (
        SELECT force_id, f_unaccent(lower(place)) AS p, count(*) AS n, sum(count(*)) OVER (PARTITION BY force_id) AS total
        FROM incidents WHERE place IS NOT NULL AND merged_into IS NULL
          AND force_id IN (SELECT force_id FROM af UNION SELECT force_id FROM ranged)
        GROUP BY 1, 2) x
      WHERE n >= greatest(5, total / 100)
    ),
    pairs AS (
      SELECT DISTINCT least(n.a, n.b) AS a, greatest(n.a, n.b) AS b FROM near n
      JOIN incidents ia ON ia.id = n.a JOIN incidents ib ON ib.id = n.b
      WHERE n.a <> n.b AND ib.merged_into IS NULL AND (
        (similarity(${norm('ia')}, ${norm('ib')}) >= ${PLACE_SIMILAR} AND NOT ${numbersDiffer}
          AND NOT EXISTS (SELECT 1 FROM common c WHERE c.force_id = ia.force_id AND c.p = ${norm('ia')}))
        OR EXISTS (SELECT 1 FROM incident_officers x
          JOIN incident_officers y ON y.officer_id = x.officer_id AND y.incident_id = n.b WHERE x.incident_id = n.a))
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
