// Synthetic data at scale for benchmarks, generated inside the database with generate_series so
// the same code fills PGlite and PostgreSQL quickly. Distributions are skewed like real records:
// a few officers carry many allegations. Rows are marked with a 'bench-' slug prefix and are
// inserted directly (not through the audited services): they are load, not records.
import { sql } from 'kysely';
import type { Db } from '../src/db/client.ts';
import { bulkLoad, checkDerived, type Step } from './bulk.ts';

/** How much to generate. */
export interface Scale {
  officers: number;
  incidents: number;
  allegations: number;
}

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
