// Rebuilds the materialised pattern tables from published, render-guarded records. Each table is
// replaced whole in its own transaction (readers see the old figures or the new, never a mix),
// and pattern_refreshes records when, so each page says "figures as of". Tables are rebuilt one
// after another rather than in one long transaction: on PGlite a transaction holds the single
// connection, and pages should wait seconds, not the whole refresh.
import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { heldPages } from './held.ts';

/** An allegation counted in patterns: public (R5 included) and shown on no held page. */
export const COUNTED = sql`a.visible
  AND NOT EXISTS (SELECT 1 FROM pattern_held h WHERE h.kind = 'incidents' AND h.id = a.incident_id)
  AND (a.officer_id IS NULL OR NOT EXISTS (SELECT 1 FROM pattern_held h WHERE h.kind = 'officers' AND h.id = a.officer_id))`;

/** An incident counted in patterns. */
const COUNTED_INCIDENT = sql`i.publication_state = 'published' AND NOT i.proceedings_active
  AND NOT EXISTS (SELECT 1 FROM pattern_held h WHERE h.kind = 'incidents' AND h.id = i.id)`;

// Officer-defined ethnicity as police.uk publishes it (White, Black, Asian, Other; Mixed in later years).
const OFFICER_GROUP = sql`CASE lower(officer_defined_ethnicity)
  WHEN 'white' THEN 'white' WHEN 'black' THEN 'black' WHEN 'asian' THEN 'asian'
  WHEN 'mixed' THEN 'mixed' WHEN 'other' THEN 'other' ELSE 'not_recorded' END`;

// Self-defined ethnicity by its census code in brackets (2001 codes: W, M, A, B, O; NS = not
// stated), else by the label's first word. Chinese (O1) goes with Asian, as in the 2021 census.
const SELF_GROUP = sql`CASE
  WHEN self_defined_ethnicity IS NULL THEN 'not_recorded'
  WHEN self_defined_ethnicity ~* '\\(NS\\)\\s*$' OR self_defined_ethnicity ~* '^not stated' THEN 'not_stated'
  WHEN self_defined_ethnicity ~* 'chinese' THEN 'asian'
  WHEN self_defined_ethnicity ~ '\\(W[0-9]+\\)\\s*$' OR self_defined_ethnicity ~* '^white' THEN 'white'
  WHEN self_defined_ethnicity ~ '\\(M[0-9]+\\)\\s*$' OR self_defined_ethnicity ~* '^mixed' THEN 'mixed'
  WHEN self_defined_ethnicity ~ '\\(A[0-9]+\\)\\s*$' OR self_defined_ethnicity ~* '^asian' THEN 'asian'
  WHEN self_defined_ethnicity ~ '\\(B[0-9]+\\)\\s*$' OR self_defined_ethnicity ~* '^black' THEN 'black'
  WHEN self_defined_ethnicity ~ '\\(O[0-9]+\\)\\s*$' OR self_defined_ethnicity ~* '^other' THEN 'other'
  ELSE 'not_recorded' END`;

const ARREST = sql`outcome IN ('Suspect arrested', 'Arrest')`;
const NO_FURTHER_ACTION = sql`outcome IN ('Nothing found - no further action', 'A no further action disposal')`;

// Every unit with itself and each unit above it (a command unit counts its stations).
const UP = sql`up AS (
  SELECT id AS unit_id, id AS ancestor, 0 AS depth FROM units
  UNION ALL
  SELECT up.unit_id, u.parent_unit_id, up.depth + 1 FROM up JOIN units u ON u.id = up.ancestor
  WHERE u.parent_unit_id IS NOT NULL AND up.depth < 50)`;

/** One materialised table and the statement that fills it. */
interface Step {
  name: string;
  fill: RawBuilder<unknown>;
}

const STEPS: Step[] = [
  {
    name: 'pattern_officer_counts',
    // Per officer and year (0 = every year), with where the count sits among peers: how many have
    // fewer allegations (rank − 1), how many the same, and how many peers, in three peer groups.
    fill: sql`INSERT INTO pattern_officer_counts (officer_id, force_id, unit_id, rank_code, year, allegations,
        force_below, force_equal, force_peers, unit_below, unit_equal, unit_peers, rank_below, rank_equal, rank_peers)
      WITH per AS (
        SELECT a.officer_id, extract(year FROM a.incident_date)::int AS year, GROUPING(extract(year FROM a.incident_date)) AS everything,
          count(*)::int AS n
        FROM allegations a WHERE ${COUNTED} AND a.officer_id IS NOT NULL
        GROUP BY GROUPING SETS ((a.officer_id, extract(year FROM a.incident_date)), (a.officer_id))),
      unit AS (SELECT DISTINCT ON (officer_id) officer_id, unit_id FROM officer_postings
        ORDER BY officer_id, (valid_to IS NULL) DESC, valid_from DESC NULLS LAST, id),
      rank AS (SELECT DISTINCT ON (officer_id) officer_id, rank_code FROM officer_ranks
        ORDER BY officer_id, (valid_to IS NULL) DESC, valid_from DESC NULLS LAST, id),
      c AS (SELECT per.officer_id, o.force_id, unit.unit_id, rank.rank_code,
          CASE WHEN per.everything = 1 THEN 0 ELSE per.year END AS year, per.n AS allegations
        FROM per JOIN officers o ON o.id = per.officer_id
        LEFT JOIN unit ON unit.officer_id = per.officer_id LEFT JOIN rank ON rank.officer_id = per.officer_id
        WHERE per.everything = 1 OR per.year IS NOT NULL)
      SELECT officer_id, force_id, unit_id, rank_code, year, allegations,
        (rank() OVER fo - 1)::int, (count(*) OVER fe)::int, (count(*) OVER fp)::int,
        CASE WHEN unit_id IS NOT NULL THEN (rank() OVER uo - 1)::int END,
        CASE WHEN unit_id IS NOT NULL THEN (count(*) OVER ue)::int END,
        CASE WHEN unit_id IS NOT NULL THEN (count(*) OVER up)::int END,
        CASE WHEN rank_code IS NOT NULL THEN (rank() OVER ro - 1)::int END,
        CASE WHEN rank_code IS NOT NULL THEN (count(*) OVER re)::int END,
        CASE WHEN rank_code IS NOT NULL THEN (count(*) OVER rp)::int END
      FROM c
      WINDOW fp AS (PARTITION BY force_id, year), fo AS (fp ORDER BY allegations),
        fe AS (PARTITION BY force_id, year, allegations),
        up AS (PARTITION BY unit_id, year), uo AS (up ORDER BY allegations),
        ue AS (PARTITION BY unit_id, year, allegations),
        rp AS (PARTITION BY force_id, rank_code, year), ro AS (rp ORDER BY allegations),
        re AS (PARTITION BY force_id, rank_code, year, allegations)`,
  },
  {
    name: 'pattern_coaccused',
    fill: sql`INSERT INTO pattern_coaccused (officer_id, other_id, incidents)
      WITH ai AS (SELECT DISTINCT a.incident_id, a.officer_id FROM allegations a WHERE ${COUNTED} AND a.officer_id IS NOT NULL)
      SELECT x.officer_id, y.officer_id, count(*)::int FROM ai x
      JOIN ai y ON y.incident_id = x.incident_id AND y.officer_id <> x.officer_id
      GROUP BY x.officer_id, y.officer_id`,
  },
  {
    name: 'pattern_unit_links',
    // Needs pattern_coaccused (rebuilt just before). Members of a unit: postings to it or a unit under it.
    fill: sql`INSERT INTO pattern_unit_links (unit_id, officer_id, other_id, incidents)
      WITH RECURSIVE ${UP},
      member AS (SELECT DISTINCT up.ancestor AS unit_id, p.officer_id FROM officer_postings p JOIN up ON up.unit_id = p.unit_id)
      SELECT m.unit_id, c.officer_id, c.other_id, c.incidents FROM member m
      JOIN pattern_coaccused c ON c.officer_id = m.officer_id AND c.officer_id < c.other_id
      JOIN member m2 ON m2.unit_id = m.unit_id AND m2.officer_id = c.other_id`,
  },
  {
    name: 'pattern_unit_members',
    fill: sql`INSERT INTO pattern_unit_members (unit_id, officer_id, weight)
      SELECT unit_id, officer_id, sum(incidents)::int FROM (
        SELECT unit_id, officer_id, incidents FROM pattern_unit_links
        UNION ALL SELECT unit_id, other_id, incidents FROM pattern_unit_links) x
      GROUP BY 1, 2`,
  },
  {
    name: 'pattern_unit_year',
    fill: sql`INSERT INTO pattern_unit_year (unit_id, year, incidents, allegations)
      WITH RECURSIVE ${UP},
      iu AS (SELECT DISTINCT up.ancestor AS unit_id, x.incident_id FROM incident_units x JOIN up ON up.unit_id = x.unit_id)
      SELECT iu.unit_id, extract(year FROM coalesce(i.occurred_until, i.occurred_on))::int AS year,
        count(DISTINCT i.id)::int, count(a.id)::int
      FROM iu JOIN incidents i ON i.id = iu.incident_id
      LEFT JOIN allegations a ON a.incident_id = i.id AND ${COUNTED}
      WHERE ${COUNTED_INCIDENT} AND i.occurred_on IS NOT NULL
      GROUP BY 1, 2`,
  },
  {
    name: 'pattern_stop_search',
    fill: sql`INSERT INTO pattern_stop_search (force_id, month, basis, ethnic_group, searches, arrests, no_further_action)
      WITH e AS (SELECT force_id, date_trunc('month', occurred_at AT TIME ZONE 'Europe/London')::date AS month,
          ${OFFICER_GROUP} AS officer_group, ${SELF_GROUP} AS self_group,
          ${ARREST} AS arrest, ${NO_FURTHER_ACTION} AS nfa
        FROM police_powers_events WHERE power = 'stop_and_search')
      SELECT force_id, month, 'officer', officer_group, count(*)::int, (count(*) FILTER (WHERE arrest))::int,
        (count(*) FILTER (WHERE nfa))::int FROM e GROUP BY 1, 2, 4
      UNION ALL
      SELECT force_id, month, 'self', self_group, count(*)::int, (count(*) FILTER (WHERE arrest))::int,
        (count(*) FILTER (WHERE nfa))::int FROM e GROUP BY 1, 2, 4`,
  },
  {
    name: 'pattern_lifecycle',
    fill: sql`INSERT INTO pattern_lifecycle (force_id, stage, n, p25, median, p75)
      WITH first_outcome AS (
        SELECT allegation_id, min(decided_on) AS decided_on FROM findings WHERE supersedes_finding_id IS NULL GROUP BY 1),
      d AS (
        SELECT i.force_id,
          CASE WHEN i.occurred_precision = 'day' THEN i.occurred_on END AS incident_on,
          a.reported_on, f.decided_on
        FROM allegations a JOIN incidents i ON i.id = a.incident_id
        LEFT JOIN first_outcome f ON f.allegation_id = a.id
        WHERE ${COUNTED}),
      spans AS (
        SELECT force_id, 'incident_to_complaint' AS stage, (reported_on - incident_on) AS days FROM d
          WHERE reported_on >= incident_on
        UNION ALL SELECT force_id, 'complaint_to_outcome', (decided_on - reported_on) FROM d WHERE decided_on >= reported_on
        UNION ALL SELECT force_id, 'incident_to_outcome', (decided_on - incident_on) FROM d WHERE decided_on >= incident_on)
      SELECT force_id, stage, count(*)::int,
        percentile_cont(0.25) WITHIN GROUP (ORDER BY days), percentile_cont(0.5) WITHIN GROUP (ORDER BY days),
        percentile_cont(0.75) WITHIN GROUP (ORDER BY days)
      FROM spans GROUP BY 1, 2`,
  },
  {
    name: 'pattern_force_day',
    fill: sql`INSERT INTO pattern_force_day (force_id, day, incidents, allegations, outcomes, dismissals)
      WITH c AS (SELECT a.id, i.force_id, a.incident_date FROM allegations a JOIN incidents i ON i.id = a.incident_id WHERE ${COUNTED}),
      f AS (SELECT f.id, c.force_id, f.decided_on FROM findings f JOIN c ON c.id = f.allegation_id),
      parts AS (
        SELECT i.force_id, coalesce(i.occurred_until, i.occurred_on) AS day, 1 AS incidents, 0 AS allegations, 0 AS outcomes, 0 AS dismissals
          FROM incidents i WHERE ${COUNTED_INCIDENT} AND i.occurred_on IS NOT NULL
        UNION ALL SELECT force_id, incident_date, 0, 1, 0, 0 FROM c WHERE incident_date IS NOT NULL
        UNION ALL SELECT force_id, decided_on, 0, 0, 1, 0 FROM f
        UNION ALL SELECT f.force_id, s.imposed_on, 0, 0, 0, 1 FROM sanctions s JOIN f ON f.id = s.finding_id
          WHERE s.sanction_code IN ('dismissal_without_notice', 'would_have_been_dismissed'))
      SELECT force_id, day, sum(incidents)::int, sum(allegations)::int, sum(outcomes)::int, sum(dismissals)::int
      FROM parts GROUP BY 1, 2`,
  },
];

/** What one refresh did. */
export interface RefreshReport {
  held: { incidents: number; officers: number; statements: number };
  tables: { name: string; rows: number; ms: number }[];
}

// Replaces one table's rows and records the refresh, in one transaction.
async function rebuild(
  db: Db,
  name: string,
  fill: (trx: Db) => Promise<number>,
): Promise<{ rows: number; ms: number }> {
  const t0 = performance.now();
  const done = await inTransaction(db, async (trx) => {
    await sql`DELETE FROM ${sql.table(name)}`.execute(trx);
    const rows = await fill(trx);
    const ms = Math.round(performance.now() - t0);
    await sql`INSERT INTO pattern_refreshes (name, refreshed_at, duration_ms, row_count) VALUES (${name}, now(), ${ms}, ${rows})
      ON CONFLICT (name) DO UPDATE SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms,
        row_count = excluded.row_count`.execute(trx);
    return { rows, ms };
  });
  // Fresh statistics for the pages' plans (PGlite runs no autovacuum, and a rebuilt table's row
  // count can change by orders of magnitude).
  await sql`ANALYZE ${sql.table(name)}`.execute(db);
  return done;
}

/** Rebuilds every pattern table: first the held pages, then each aggregate. */
export async function refreshPatterns(db: Db): Promise<RefreshReport> {
  const held = await heldPages(db);
  const report: RefreshReport = {
    held: { incidents: held.incidents.size, officers: held.officers.size, statements: held.statements.size },
    tables: [],
  };
  await rebuild(db, 'pattern_held', async (trx) => {
    const rows = (['incidents', 'officers', 'statements'] as const).flatMap((kind) =>
      [...held[kind]].map((id) => ({ kind, id })),
    );
    if (rows.length > 0) await trx.insertInto('pattern_held').values(rows).execute();
    return rows.length;
  });
  for (const step of STEPS) {
    const t = await rebuild(db, step.name, async (trx) =>
      Number((await step.fill.execute(trx)).numAffectedRows ?? 0),
    );
    report.tables.push({ name: step.name, ...t });
  }
  return report;
}

/** When each pattern table was last rebuilt. */
export async function refreshedAt(db: Db, names: string[]): Promise<Date | null> {
  const { rows } = await sql<{ at: Date | null }>`
    SELECT min(refreshed_at) AS at FROM pattern_refreshes WHERE name = ANY(${names}::text[])`.execute(db);
  return rows[0]?.at ?? null;
}
