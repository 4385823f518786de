// Synthetic data at scale for benchmarks, generated inside the database with generate_series so
// the same code fills PGlite and PostgreSQL quickly. Distributions are skewed like real records:
// a few officers carry many allegations. Rows are marked with a 'bench-' slug prefix and are
// inserted directly (not through the audited services): they are load, not records.
import { sql } from '../src/db/kysely.ts';
import type { Db } from '../src/db/client.ts';
import { bulkLoad, checkDerived, type Step } from './bulk.ts';

/** How much to generate. */
export interface Scale {
  officers: number;
  incidents: number;
  allegations: number;
  /** Stop-and-search events (police_powers_events), as one imported synthetic file. */
  policePowersEvents?: number;
}

/** The scale of a national deployment (issue 11): 100k officers … 5M stop-and-search events. */
export const NATIONAL_SCALE: Scale = {
  officers: 100_000,
  incidents: 300_000,
  allegations: 1_000_000,
  policePowersEvents: 5_000_000,
};

const FIRST = [
  'James',
  'Sarah',
  'Mohammed',
  'Emma',
  'Daniel',
  'Aisha',
  'Thomas',
  'Olivia',
  'Kwame',
  'Chloe',
  'Liam',
  'Priya',
  'George',
  'Hannah',
  'Oluwaseun',
  'Megan',
  'Ryan',
  'Fatima',
  'Connor',
  'Zara',
  'Adam',
  'Grace',
  'Tomasz',
  'Niamh',
  'Rhys',
];
const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Khan',
  'Lewis',
  'Clarke',
  'Jackson',
  'Wood',
  'Harris',
  'Okafor',
  'Kowalski',
  "O'Brien",
  'MacDonald',
  'Hughes',
  'Edwards',
];
const PLACES = [
  'Charing Cross',
  'Brixton',
  'Hackney',
  'Stratford',
  'Croydon',
  'Lewisham',
  'Tottenham',
  'Ealing',
  'Wembley',
  'Camden',
  'Peckham',
  'Walthamstow',
  'Romford',
  'Kingston',
  'Hounslow',
];
const THEMES = [
  'excessive force during an arrest',
  'discriminatory remarks to a detainee',
  'misuse of police systems',
  'failure to record a stop and search',
  'dishonesty in a witness statement',
  'sexual misconduct towards a colleague',
  'bullying of junior officers',
  'neglect of a vulnerable person in custody',
  'offensive messages in a group chat',
  'unauthorised disclosure of information',
];

const arr = (xs: string[]) => sql.raw(`ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`);

/** The tables the generator fills (bulk-loaded: bench/bulk.ts). */
const TABLES = [
  'officers',
  'officer_identifiers',
  'incidents',
  'allegations',
  'allegation_standards',
  'incident_officers',
];

/** Fills the database with synthetic, published records at the given scale; returns timings. */
export async function generate(db: Db, scale: Scale): Promise<Record<string, number>> {
  const timings = await bulkLoad(db, TABLES, (conn, step) => fill(conn, step, scale));
  await checkDerived(db);
  Object.assign(timings, await linkUnits(db));
  if (scale.policePowersEvents)
    Object.assign(timings, await generateStopSearches(db, scale.policePowersEvents));
  // The bulk load skipped the triggers that keep the force and unit pages' counters: recount them
  // from the records, as the migration that added them does.
  await stepper(db, timings)('scope_tallies', sql`SELECT scope_tallies_rebuild()`);
  await stepper(db, timings)('analyze', sql`ANALYZE`);
  return timings;
}

async function fill(db: Db, step: Step, scale: Scale): Promise<void> {
  // On the loading connection: random() below draws from this seed.
  await sql`SELECT setseed(0.42)`.execute(db);
  await step(
    'officers',
    sql`INSERT INTO officers (slug, force_id, published_name, role_type, service_status, publication_state, published_at)
      SELECT 'bench-officer-' || g,
             (SELECT id FROM forces WHERE slug = 'metropolitan'),
             (${arr(FIRST)})[1 + (g * 7) % ${FIRST.length}] || ' ' || (${arr(LAST)})[1 + (g * 13) % ${LAST.length}],
             'police_officer', 'serving', 'published', now()
      FROM generate_series(1, ${scale.officers}) g`,
  );
  await step(
    'identifiers',
    sql`INSERT INTO officer_identifiers (officer_id, force_id, identifier_type, identifier, valid_from)
      SELECT o.id, o.force_id, 'shoulder_number', (1000 + row_number() OVER (ORDER BY o.slug))::text || 'BX', date '2015-01-01'
      FROM officers o WHERE o.slug LIKE 'bench-officer-%'`,
  );
  await step(
    'incidents',
    sql`INSERT INTO incidents (slug, title, summary, occurred_on, occurred_precision, place, force_id, publication_state, published_at)
      SELECT 'bench-incident-' || g,
             'Complaint about ' || (${arr(THEMES)})[1 + g % ${THEMES.length}] || ' in ' || (${arr(PLACES)})[1 + (g * 3) % ${PLACES.length}],
             'A member of the public complained about ' || (${arr(THEMES)})[1 + g % ${THEMES.length}] || ' near ' ||
               (${arr(PLACES)})[1 + (g * 3) % ${PLACES.length}] || ' police station. The matter was referred for investigation.',
             date '2015-01-01' + (g % 3650), 'day', (${arr(PLACES)})[1 + (g * 3) % ${PLACES.length}] || ', London',
             (SELECT id FROM forces WHERE slug = 'metropolitan'), 'published', now()
      FROM generate_series(1, ${scale.incidents}) g`,
  );
  // Officer index = n · u^1.5: a heavy tail, as in real complaint data (a few officers, many complaints).
  await step(
    'allegations',
    sql`WITH o AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM officers WHERE slug LIKE 'bench-officer-%'),
             i AS (SELECT id, occurred_on, row_number() OVER (ORDER BY slug) - 1 AS n FROM incidents WHERE slug LIKE 'bench-incident-%'),
             g AS (SELECT g, floor(${scale.officers} * power(random(), 1.5))::int AS officer_n,
                          floor(${scale.incidents} * random())::int AS incident_n FROM generate_series(1, ${scale.allegations}) g)
      INSERT INTO allegations (incident_id, officer_id, summary, status_code, iopc_taxonomy, iopc_code, publication_state, published_at,
        visible, incident_date, reported_on)
      SELECT i.id, o.id, 'Alleged ' || (${arr(THEMES)})[1 + g.g % ${THEMES.length}] || '.',
             (ARRAY['reported','under_investigation','case_to_answer','misconduct_proven','gross_misconduct_proven','not_proven','no_case_to_answer'])[1 + g.g % 7],
             'iopc_complaint_categories_2020',
             (ARRAY['delivery_of_duties_and_service','police_powers_policies_procedures','individual_behaviours','discriminatory_behaviour','use_of_force'])[1 + g.g % 5],
             'published', now(),
             -- What the visibility trigger derives (every generated incident is published), and a
             -- complaint made within four months of the incident.
             true, i.occurred_on, i.occurred_on + ((g.g::bigint * 7919) % 120)::int
      FROM g JOIN o ON o.n = g.officer_n JOIN i ON i.n = g.incident_n`,
  );
  await step(
    'standards',
    sql`INSERT INTO allegation_standards (allegation_id, standard_code)
      SELECT a.id, (ARRAY['honesty_integrity','authority_respect_courtesy','equality_diversity','use_of_force','duties_responsibilities','discreditable_conduct'])[1 + abs(hashtext(a.id::text)) % 6]
      FROM allegations a JOIN incidents i ON i.id = a.incident_id WHERE i.slug LIKE 'bench-incident-%'`,
  );
  await step(
    'incident_officers',
    sql`INSERT INTO incident_officers (incident_id, officer_id, role)
      SELECT DISTINCT a.incident_id, a.officer_id, 'subject' FROM allegations a
      JOIN incidents i ON i.id = a.incident_id WHERE i.slug LIKE 'bench-incident-%'`,
  );
}

/**
 * Stop-and-search events as one imported file with its provenance (R24), spread over the forces
 * with a heavy tail (the first forces by id carry most), through the day and across ten years.
 */
export async function generateStopSearches(db: Db, n: number): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  const step = stepper(db, timings);
  await step(
    'police_powers_file',
    sql`WITH src AS (
        INSERT INTO sources (kind, publisher, title, licence)
        VALUES ('dataset', 'Synthetic benchmark data', 'bench stop and search', 'Open Government Licence v3.0')
        RETURNING id)
      INSERT INTO dataset_files (source_id, format, scope, file_name, sha256, byte_size, retrieved_on, rows_imported, imported_by)
      SELECT id, 'police-uk-stop-search', 'bench/all', 'bench-stop-and-search.csv', repeat('0', 64), 0, date '2026-01-01', ${n}, 'bench'
      FROM src WHERE NOT EXISTS (SELECT 1 FROM dataset_files WHERE file_name = 'bench-stop-and-search.csv')`,
  );
  await step(
    'police_powers_events',
    sql`WITH f AS (SELECT array_agg(id ORDER BY id) AS ids FROM forces),
             file AS (SELECT id FROM dataset_files WHERE file_name = 'bench-stop-and-search.csv')
      INSERT INTO police_powers_events (dataset_file_id, row_number, force_id, power, search_type, occurred_at,
        part_of_operation, latitude, longitude, gender, age_range, self_defined_ethnicity, officer_defined_ethnicity,
        legislation, object_of_search, outcome, outcome_linked_to_object, removal_of_more_than_outer_clothing)
      SELECT file.id, g, f.ids[1 + floor(cardinality(f.ids) * power(random(), 3))::int],
             'stop_and_search', (ARRAY['Person search','Person and Vehicle search','Vehicle search'])[1 + g % 3],
             timestamptz '2016-01-01' + (g % 3650) * interval '1 day' + ((g::bigint * 7919) % 86400) * interval '1 second',
             g % 17 = 0, 51.3 + random() * 0.4, -0.5 + random() * 0.7,
             (ARRAY['Male','Female','Other'])[1 + (g % 10 = 0)::int + (g % 97 = 0)::int],
             (ARRAY['under 10','10-17','18-24','25-34','over 34'])[1 + g % 5],
             (ARRAY['White - English/Welsh/Scottish/Northern Irish/British','Black/African/Caribbean/Black British - Any other Black/African/Caribbean background','Asian/Asian British - Any other Asian background','Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background','Other ethnic group - Not stated'])[1 + g % 5],
             (ARRAY['White','Black','Asian','Other'])[1 + g % 4],
             (ARRAY['Misuse of Drugs Act 1971 (section 23)','Police and Criminal Evidence Act 1984 (section 1)','Criminal Justice and Public Order Act 1994 (section 60)'])[1 + g % 3],
             (ARRAY['Controlled drugs','Offensive weapons','Stolen goods','Article for use in theft'])[1 + g % 4],
             (ARRAY['A no further action disposal','Arrest','Community resolution','Penalty Notice for Disorder'])[1 + (g % 7 > 3)::int * (1 + g % 3)],
             g % 5 = 0, g % 50 = 0
      FROM generate_series(1, ${n}) g, f, file`,
  );
  return timings;
}

/** Synthetic stations of the Met, under its first command unit (a real force has hundreds of units). */
const STATIONS = 120;

/**
 * Unit pages at scale: STATIONS synthetic stations, each generated incident and officer posted to
 * one of them with a mild skew (the busiest holds a few per cent). Safe to run again: the links of
 * generated records are replaced.
 */
export async function linkUnits(db: Db): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  const step = stepper(db, timings);
  const met = sql`(SELECT id FROM forces WHERE slug = 'metropolitan')`;
  await step(
    'stations',
    sql`INSERT INTO units (force_id, parent_unit_id, slug, name, kind)
      SELECT ${met}, (SELECT id FROM units WHERE force_id = ${met} AND kind = 'bcu' ORDER BY slug LIMIT 1),
             'bench-station-' || g, 'Synthetic station ' || g, 'station'
      FROM generate_series(1, ${STATIONS}) g
      ON CONFLICT (force_id, slug) DO NOTHING`,
  );
  await step(
    'units_links',
    sql`WITH gone AS (DELETE FROM incident_units WHERE incident_id IN (SELECT id FROM incidents WHERE slug LIKE 'bench-%')),
             u AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM units WHERE slug LIKE 'bench-station-%')
      INSERT INTO incident_units (incident_id, unit_id)
      SELECT i.id, u.id FROM (SELECT id, floor(${STATIONS} * power(random(), 1.3))::int AS n FROM incidents
        WHERE slug LIKE 'bench-incident-%') i JOIN u ON u.n = i.n`,
  );
  await step(
    'postings',
    sql`WITH gone AS (DELETE FROM officer_postings WHERE officer_id IN (SELECT id FROM officers WHERE slug LIKE 'bench-%')),
             u AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM units WHERE slug LIKE 'bench-station-%')
      INSERT INTO officer_postings (officer_id, unit_id, valid_from)
      SELECT o.id, u.id, date '2015-01-01' FROM (SELECT id, floor(${STATIONS} * power(random(), 1.3))::int AS n
        FROM officers WHERE slug LIKE 'bench-officer-%') o JOIN u ON u.n = o.n`,
  );
  await step('analyze_links', sql`ANALYZE units, incident_units, officer_postings`);
  return timings;
}

/** Runs one timed statement; `timings[name]` gets its milliseconds. */
function stepper(db: Db, timings: Record<string, number>) {
  return async (name: string, q: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    await q.execute(db);
    timings[name] = Math.round(performance.now() - t0);
  };
}
