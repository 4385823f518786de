// Matching at scale: 100k officers and 300k incidents by default (BENCH_MATCH_OFFICERS,
// BENCH_MATCH_INCIDENTS), generated in the database, with a known share of duplicates from a
// second "dataset" (the same officer with a middle initial and the badge it could not attach, or
// also a payroll number; the same incident a day later at a similar place with the same officer).
// Times a full run, a re-run (idempotent: nothing written), and a run scoped to one file of 1,000
// records, on PGlite, or on PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from '../src/db/kysely.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrations.ts';
import { findCandidates } from '../src/matching/candidates.ts';
import { createPostgresDatabase } from '../test/helpers/db.ts';

const OFFICERS = Number(process.env.BENCH_MATCH_OFFICERS ?? 100_000);
const INCIDENTS = Number(process.env.BENCH_MATCH_INCIDENTS ?? 300_000);
/** One record in DUP_EVERY has a second copy from the other dataset. */
const DUP_EVERY = 50;
const FORCES = 5;
// Surnames of three syllables from 60 (216,000 combinations) and 60 first names: about as varied
// in their trigrams as a real roster, with the near neighbours real rosters have.
const SYLLABLES = [
  'kow',
  'al',
  'ski',
  'mar',
  'tin',
  'ez',
  'son',
  'ber',
  'gan',
  'ric',
  'hol',
  'den',
  'ova',
  'lin',
  'ter',
  'ash',
  'ford',
  'well',
  'ray',
  'mond',
  'pat',
  'el',
  'ng',
  'uy',
  'quin',
  'lan',
  'oko',
  'ye',
  'dub',
  'cek',
  'fitz',
  'ger',
  'ald',
  'mac',
  'kay',
  'zim',
  'mer',
  'man',
  'vas',
  'quez',
  'chu',
  'ba',
  'dow',
  'ling',
  'hart',
  'ley',
  'bro',
  'wick',
  'sch',
  'midt',
  'ra',
  'mos',
  'tho',
  'mps',
  'yam',
  'ada',
  'ivo',
  'ric',
  'gold',
  'stein',
];
const FIRST = [
  'James',
  'Maria',
  'Michael',
  'Aisha',
  'Daniel',
  'Grace',
  'Kwame',
  'Olivia',
  'Tomasz',
  'Priya',
  'Ryan',
  'Fatima',
  'Connor',
  'Zara',
  'Luis',
  'Hannah',
  'Omar',
  'Chloe',
  'Sean',
  'Mei',
  'Ivan',
  'Nadia',
  'Peter',
  'Rosa',
  'Ade',
  'Brian',
  'Keisha',
  'Jorge',
  'Anita',
  'Samuel',
  'Yusuf',
  'Elena',
  'Patrick',
  'Joy',
  'Carlos',
  'Irene',
  'Dmitri',
  'Leila',
  'Kevin',
  'Ngozi',
  'Robert',
  'Sofia',
  'Hiro',
  'Marta',
  'Andre',
  'Beatriz',
  'Felix',
  'Tanya',
  'Gareth',
  'Amara',
  'Victor',
  'Lucia',
  'Dennis',
  'Ines',
  'Walter',
  'Rhea',
  'Oscar',
  'Helga',
  'Tariq',
  'Wendy',
];
const STREETS = [
  'Halsted St',
  'Michigan Ave',
  'Ashland Ave',
  'Western Ave',
  'Pulaski Rd',
  'Cicero Ave',
  'Kedzie Ave',
  'State St',
  'Clark St',
  'Damen Ave',
  'Racine Ave',
  'Madison St',
  'Roosevelt Rd',
  'Cermak Rd',
  'Archer Ave',
  'Division St',
  'Chicago Ave',
  'North Ave',
  'Fullerton Ave',
  'Belmont Ave',
];

const arr = (xs: string[]) => sql.raw(`ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`);

async function step(
  db: Parameters<typeof findCandidates>[0],
  timings: Record<string, number>,
  name: string,
  q: ReturnType<typeof sql>,
) {
  const t0 = performance.now();
  await q.execute(db);
  timings[name] = Math.round(performance.now() - t0);
  console.log(`  ${name}: ${timings[name]} ms`);
}

/** Officers, units, badges, incidents and links, plus the second dataset's copies. */
export async function generate(db: Parameters<typeof findCandidates>[0]) {
  const t: Record<string, number> = {};
  const n = SYLLABLES.length;
  await step(
    db,
    t,
    'forces',
    sql`INSERT INTO forces (slug, name, jurisdiction, kind)
    SELECT 'bench-agency-' || g, 'Bench agency ' || g, 'other', 'other' FROM generate_series(1, ${FORCES}) g`,
  );
  await step(
    db,
    t,
    'sources',
    sql`INSERT INTO sources (kind, publisher, title, licence)
    VALUES ('dataset', 'Bench', 'Bench roster A', 'test'), ('dataset', 'Bench', 'Bench roster B', 'test')`,
  );
  await step(
    db,
    t,
    'files',
    sql`INSERT INTO dataset_files (source_id, format, file_name, sha256, byte_size, retrieved_on, rows_imported, imported_by)
    SELECT id, 'bench', title || '.csv', encode(sha256(title::bytea), 'hex'), 1, date '2026-01-01', 0, 'bench' FROM sources WHERE publisher = 'Bench'`,
  );
  await step(
    db,
    t,
    'units',
    sql`INSERT INTO units (force_id, slug, name, kind)
    SELECT f.id, 'bench-unit-' || u, 'Unit ' || u, 'team' FROM forces f, generate_series(1, 40) u WHERE f.slug LIKE 'bench-agency-%'`,
  );
  await step(
    db,
    t,
    'officers',
    sql`INSERT INTO officers (slug, force_id, published_name)
    SELECT 'bench-officer-' || g, (SELECT id FROM forces WHERE slug = 'bench-agency-' || (1 + g % ${FORCES})),
      (${arr(FIRST)})[1 + abs(hashtext('f' || g)) % ${FIRST.length}] || ' ' ||
      initcap((${arr(SYLLABLES)})[1 + abs(hashtext('a' || g)) % ${n}] || (${arr(SYLLABLES)})[1 + abs(hashtext('b' || g)) % ${n}] || (${arr(SYLLABLES)})[1 + abs(hashtext('c' || g)) % ${n}])
    FROM generate_series(1, ${OFFICERS}) g`,
  );
  await step(
    db,
    t,
    'badges',
    sql`INSERT INTO officer_identifiers (officer_id, force_id, identifier_type, identifier)
    SELECT o.id, o.force_id, 'badge_number', 'B' || substr(o.slug, 15) FROM officers o WHERE o.slug LIKE 'bench-officer-%'`,
  );
  await step(
    db,
    t,
    'payroll',
    sql`INSERT INTO officer_identifiers (officer_id, force_id, identifier_type, identifier)
    SELECT o.id, o.force_id, 'payroll_number', 'P' || substr(o.slug, 15) FROM officers o
    WHERE o.slug LIKE 'bench-officer-%' AND substr(o.slug, 15)::int % ${DUP_EVERY * 4} = 0`,
  );
  await step(
    db,
    t,
    'postings',
    sql`INSERT INTO officer_postings (officer_id, unit_id)
    SELECT o.id, u.id FROM officers o JOIN units u ON u.force_id = o.force_id
      AND u.slug = 'bench-unit-' || (1 + substr(o.slug, 15)::int % 40) WHERE o.slug LIKE 'bench-officer-%'`,
  );
  // The second dataset's copies: the name with a middle initial, the same unit, and the numbers
  // it gave (kept aside in the dataset record, as an importer does when another officer holds them).
  await step(
    db,
    t,
    'copies',
    sql`INSERT INTO officers (slug, force_id, published_name)
    SELECT 'bench-copy-' || substr(o.slug, 15), o.force_id,
      split_part(o.published_name, ' ', 1) || ' J ' || split_part(o.published_name, ' ', 2)
    FROM officers o WHERE o.slug LIKE 'bench-officer-%' AND substr(o.slug, 15)::int % ${DUP_EVERY} = 0`,
  );
  await step(
    db,
    t,
    'copy_postings',
    sql`INSERT INTO officer_postings (officer_id, unit_id)
    SELECT c.id, p.unit_id FROM officers c JOIN officers o ON o.slug = 'bench-officer-' || substr(c.slug, 12)
    JOIN officer_postings p ON p.officer_id = o.id WHERE c.slug LIKE 'bench-copy-%'`,
  );
  await step(
    db,
    t,
    'copy_records',
    sql`INSERT INTO dataset_records (source_id, record_kind, external_id, entity_id, first_file_id, last_file_id, attributes)
    SELECT s.id, 'officer', c.slug, c.id, f.id, f.id,
      jsonb_build_object('star', 'B' || substr(c.slug, 12)) ||
      CASE WHEN substr(c.slug, 12)::int % ${DUP_EVERY * 4} = 0 THEN jsonb_build_object('payroll_number', 'P' || substr(c.slug, 12)) ELSE '{}' END
    FROM officers c, sources s JOIN dataset_files f ON f.source_id = s.id
    WHERE c.slug LIKE 'bench-copy-%' AND s.title = 'Bench roster B'`,
  );
  await step(
    db,
    t,
    'incidents',
    sql`INSERT INTO incidents (slug, title, summary, occurred_on, occurred_precision, place, force_id)
    SELECT 'bench-incident-' || g, 'Complaint ' || g, 'A complaint.', date '2005-01-01' + (g % 7300), 'day',
      ((abs(hashtext(g::text)) % 150) * 100) || ' block of ' || (${arr(STREETS)})[1 + abs(hashtext('s' || g)) % ${STREETS.length}] || ', Chicago',
      (SELECT id FROM forces WHERE slug = 'bench-agency-' || (1 + g % ${FORCES}))
    FROM generate_series(1, ${INCIDENTS}) g`,
  );
  await step(
    db,
    t,
    'incident_officers',
    sql`INSERT INTO incident_officers (incident_id, officer_id, role)
    SELECT i.id, o.id, 'subject' FROM incidents i
    -- An officer of the incident's own force (officer g serves agency 1 + g % FORCES).
    JOIN officers o ON o.slug = 'bench-officer-' || (${FORCES} * (1 + (substr(i.slug, 16)::bigint * 7919) % (${OFFICERS / FORCES} - 1)) + substr(i.slug, 16)::int % ${FORCES})
    WHERE i.slug LIKE 'bench-incident-%'`,
  );
  await step(
    db,
    t,
    'incident_copies',
    sql`INSERT INTO incidents (slug, title, summary, occurred_on, occurred_precision, place, force_id)
    SELECT 'bench-icopy-' || substr(i.slug, 16), 'Use of force report', 'A report.', i.occurred_on + 1, 'day',
      replace(i.place, ' St,', ' Street,'), i.force_id
    FROM incidents i WHERE i.slug LIKE 'bench-incident-%' AND substr(i.slug, 16)::int % ${DUP_EVERY} = 0`,
  );
  await step(
    db,
    t,
    'incident_copy_officers',
    sql`INSERT INTO incident_officers (incident_id, officer_id, role)
    SELECT c.id, io.officer_id, 'subject' FROM incidents c JOIN incidents i ON i.slug = 'bench-incident-' || substr(c.slug, 13)
    JOIN incident_officers io ON io.incident_id = i.id WHERE c.slug LIKE 'bench-icopy-%'`,
  );
  await step(
    db,
    t,
    'incident_copy_records',
    sql`INSERT INTO dataset_records (source_id, record_kind, external_id, entity_id, first_file_id, last_file_id)
    SELECT s.id, 'incident', c.slug, c.id, f.id, f.id FROM incidents c, sources s JOIN dataset_files f ON f.source_id = s.id
    WHERE c.slug LIKE 'bench-icopy-%' AND s.title = 'Bench roster B'`,
  );
  await step(db, t, 'analyze', sql`ANALYZE`);
  return t;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: Math.round(performance.now() - t0), result };
}

/** Runs the matching benchmark and returns its figures. */
export async function matchBenchmark(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-match-'));
  // PostgreSQL: a throwaway database made from the migrated template, dropped afterwards.
  const pg = process.env.DATABASE_URL ? await createPostgresDatabase() : undefined;
  const database = pg
    ? { db: pg.db, backend: pg.backend, close: () => pg.close() }
    : await openDatabase({ dataDir, databaseUrl: undefined }, 'bench');
  try {
    await migrate(database.db);
    console.log(`Generating ${OFFICERS} officers and ${INCIDENTS} incidents (1 in ${DUP_EVERY} copied)…`);
    const generation = await generate(database.db);
    const kinds = ['officer', 'incident'] as const;
    const figures: Record<string, unknown> = {
      backend: database.backend,
      officers: OFFICERS,
      incidents: INCIDENTS,
      duplicatesPlanted: Math.floor(OFFICERS / DUP_EVERY) + Math.floor(INCIDENTS / DUP_EVERY),
      generationMs: generation,
    };
    for (const kind of kinds) {
      const full = await timed(() =>
        findCandidates(database.db, { all: true }, { kinds: [kind], autoMerge: kind === 'officer' }),
      );
      const again = await timed(() => findCandidates(database.db, { all: true }, { kinds: [kind] }));
      figures[kind] = {
        fullRunMs: full.ms,
        fullRun: full.result[kind],
        reRunMs: again.ms,
        reRun: again.result[kind],
      };
      console.log(
        `${kind}: full run ${full.ms} ms ${JSON.stringify(full.result[kind])}; re-run ${again.ms} ms ${JSON.stringify(again.result[kind])}`,
      );
    }
    // One "file" of 1,000 records: the scope an import hands to matching.
    await sql`UPDATE dataset_records SET last_file_id = (SELECT id FROM dataset_files WHERE file_name = 'Bench roster A.csv')
      WHERE external_id IN (SELECT external_id FROM dataset_records ORDER BY external_id LIMIT 1000)`.execute(
      database.db,
    );
    const file = await sql<{
      id: string;
    }>`SELECT id FROM dataset_files WHERE file_name = 'Bench roster A.csv'`.execute(database.db);
    const scoped = await timed(() => findCandidates(database.db, { fileId: file.rows[0]!.id }, {}));
    figures.scopedRunMs = scoped.ms;
    figures.scopedRun = scoped.result;
    console.log(`scoped run (1,000 records of one file): ${scoped.ms} ms`);
    return figures;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
