// What the pattern pages need on top of bench/generate.ts's synthetic records: units with
// postings and linked incidents, ranks, outcome dates (complaint dates come with the allegations),
// findings and dismissals,
// unit headcounts and stop-and-search events. Inserted directly like the rest of the load,
// marked by 'bench-' slugs; it is load, not records.
import { sql } from '../src/db/kysely.ts';
import type { Db } from '../src/db/client.ts';
import { bulkLoad, type Step } from './bulk.ts';

// The large tables written here, bulk-loaded (bench/bulk.ts).
const TABLES = [
  'officer_postings',
  'officer_ranks',
  'incident_units',
  'findings',
  'sanctions',
  'police_powers_events',
];

/** Adds the pattern load; returns timings per step. */
export async function generatePatternLoad(
  db: Db,
  opts: { stopSearchMonths: number; searchesPerMonth: number },
): Promise<Record<string, number>> {
  return bulkLoad(db, TABLES, (conn, step) => fill(conn, step, opts));
}

async function fill(db: Db, step: Step, opts: { stopSearchMonths: number; searchesPerMonth: number }) {
  const met = sql`(SELECT id FROM forces WHERE slug = 'metropolitan')`;
  await step(
    'units',
    sql`INSERT INTO units (force_id, slug, name, kind)
      SELECT ${met}, 'bench-bcu-' || g, 'Synthetic command unit ' || g, 'bcu' FROM generate_series(1, 12) g`,
  );
  await step(
    'stations',
    sql`INSERT INTO units (force_id, parent_unit_id, slug, name, kind)
      SELECT ${met}, (SELECT id FROM units WHERE slug = 'bench-bcu-' || (1 + g % 12)), 'bench-station-' || g,
        'Synthetic station ' || g, 'station' FROM generate_series(1, 36) g`,
  );
  await step(
    'postings',
    sql`INSERT INTO officer_postings (officer_id, unit_id, valid_from)
      SELECT o.id, s.id, date '2015-01-01' FROM
        (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM officers WHERE slug LIKE 'bench-officer-%') o
        JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM units WHERE slug LIKE 'bench-station-%') s
          ON s.n = o.n % 36`,
  );
  await step(
    'ranks',
    sql`INSERT INTO officer_ranks (officer_id, rank_code, valid_from)
      SELECT id, CASE WHEN abs(hashtext(id::text)) % 5 = 0 THEN 'sergeant' ELSE 'police_constable' END, date '2015-01-01'
      FROM officers WHERE slug LIKE 'bench-officer-%'`,
  );
  // An incident is linked to the station of (one of) its officers, as an editor would link it.
  await step(
    'incident_units',
    sql`INSERT INTO incident_units (incident_id, unit_id)
      SELECT DISTINCT ON (io.incident_id) io.incident_id, p.unit_id FROM incident_officers io
      JOIN incidents i ON i.id = io.incident_id AND i.slug LIKE 'bench-incident-%'
      JOIN officer_postings p ON p.officer_id = io.officer_id
      ORDER BY io.incident_id, io.officer_id`,
  );
  await step(
    'findings',
    sql`INSERT INTO findings (allegation_id, track, forum, deciding_body, outcome_taxonomy, outcome_code, decided_on)
      SELECT a.id, 'conduct', 'misconduct_hearing', 'Synthetic panel', 'ew_conduct_findings_2020',
        CASE WHEN abs(hashtext(a.id::text)) % 3 = 0 THEN 'gross_misconduct_proven' ELSE 'not_proven' END,
        a.reported_on + 30 + abs(hashtext(a.id::text || 'f')) % 700
      FROM allegations a WHERE a.reported_on IS NOT NULL AND abs(hashtext(a.id::text)) % 10 < 3`,
  );
  await step(
    'dismissals',
    sql`INSERT INTO sanctions (finding_id, sanction_taxonomy, sanction_code, imposed_on)
      SELECT f.id, 'ew_conduct_sanctions_2020', 'dismissal_without_notice', f.decided_on
      FROM findings f WHERE f.outcome_code = 'gross_misconduct_proven' AND f.deciding_body = 'Synthetic panel'`,
  );
  await step(
    'headcounts',
    sql`WITH src AS (INSERT INTO sources (kind, publisher, title, licence) VALUES ('dataset', 'Bench', 'Synthetic headcounts', 'none') RETURNING id),
      file AS (INSERT INTO dataset_files (source_id, format, file_name, sha256, byte_size, retrieved_on, rows_imported, imported_by)
        SELECT id, 'unit-headcounts', 'bench.csv', repeat('a', 64), 0, current_date, 0, 'bench' FROM src RETURNING id)
      INSERT INTO unit_headcounts (unit_id, year, headcount, source, dataset_file_id)
      SELECT u.id, y, 150 + abs(hashtext(u.slug)) % 200, 'Synthetic', (SELECT id FROM file)
      FROM units u, generate_series(2015, 2024) y WHERE u.slug LIKE 'bench-station-%'`,
  );
  const months = opts.stopSearchMonths;
  await step(
    'stop_search',
    sql`WITH src AS (INSERT INTO sources (kind, publisher, title, licence) VALUES ('dataset', 'Bench', 'Synthetic stop and search', 'none') RETURNING id),
      file AS (INSERT INTO dataset_files (source_id, format, file_name, sha256, byte_size, retrieved_on, rows_imported, imported_by)
        SELECT id, 'police-uk-stop-search', 'bench.csv', repeat('b', 64), 0, current_date, 0, 'bench' FROM src RETURNING id)
      INSERT INTO police_powers_events (dataset_file_id, row_number, force_id, power, occurred_at, officer_defined_ethnicity,
        self_defined_ethnicity, outcome)
      SELECT (SELECT id FROM file), g, ${met}, 'stop_and_search',
        timestamptz '2015-01-01' + ((g % ${months}) || ' months')::interval + (((g / ${months}) % 28) || ' days')::interval,
        -- Ethnicities and outcomes drawn independently of the month (g / months), so every month has them all.
        (ARRAY['White','Black','Asian','Other','White','Black','White',''])[1 + (g / ${months}) % 8],
        (ARRAY['White - White British (W1)','Black or Black British - African (B2)','Asian or Asian British - Indian (A1)',
          'Mixed - White and Asian (M3)','Not Stated (NS)','Chinese or other ethnic group - Chinese (O1)'])[1 + (g / ${months} / 8) % 6],
        (ARRAY['Nothing found - no further action','Suspect arrested','Nothing found - no further action','Offender given penalty notice'])[1 + (g / ${months} / 48) % 4]
      FROM generate_series(1, ${months * opts.searchesPerMonth}) g`,
  );
}
