import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { dumpDatabase, phrasesIn } from '../../test/helpers/dump.ts';
import {
  importOk,
  linksOf,
  readCsv,
  scratch,
  tableCounts,
  toCsv,
  type CsvRow,
} from '../../test/helpers/imports.ts';
import { runImport, type ImportFormat } from './framework.ts';
import { wapoAgencies } from './formats/wapo/agencies.ts';
import { wapoShootings } from './formats/wapo/shootings.ts';

const DIR = path.resolve('test/fixtures/wapo-fatal-force-v2');
const AGENCIES = path.join(DIR, 'fatal-police-shootings-agencies.csv');
const SHOOTINGS = path.join(DIR, 'fatal-police-shootings-data.csv');
const agencies = readCsv(AGENCIES);
const shootings = readCsv(SHOOTINGS);
const opts = { actor: 'test:import' };
const agencyFormat = wapoAgencies as ImportFormat<unknown, unknown>;
const shootingFormat = wapoShootings as ImportFormat<unknown, unknown>;
const TABLES = ['forces', 'incidents', 'incident_forces', 'people', 'incident_people', 'dataset_records'];
const files = scratch('wapo');
const SHOOTINGS_NAME = path.basename(SHOOTINGS);
const AGENCIES_NAME = path.basename(AGENCIES);
const asShootings = (rows: CsvRow[]) => files.file(SHOOTINGS_NAME, toCsv(rows, { quoteAll: true }));
const asAgencies = (rows: CsvRow[]) => files.file(AGENCIES_NAME, toCsv(rows, { quoteAll: true }));

// The independent idea of "one agency": the same state and the same name once case, apostrophes
// (straight or curly) and punctuation are set aside.
const agencyKey = (a: CsvRow) =>
  `${a.state}|${a
    .name!.normalize('NFKD')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '')}`;
const keyOfAgency = new Map(agencies.map((a) => [a.id!, agencyKey(a)]));
const agencyIds = (r: CsvRow) => r.agency_ids!.split(';');

const stateOf = async (db: TestDatabase['db'], wapoId: string) => {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT i.title, i.summary, i.place, i.occurred_on, i.occurred_precision, f.name AS force, p.age_status,
      p.pseudonym, (SELECT array_agg(f2.name::text ORDER BY f2.name) FROM incident_forces x JOIN forces f2 ON f2.id = x.force_id
        WHERE x.incident_id = i.id) AS others
    FROM incidents i JOIN forces f ON f.id = i.force_id
    JOIN incident_people ip ON ip.incident_id = i.id JOIN people p ON p.id = ip.person_id
    WHERE i.slug = ${`wapo-fatal-force-${wapoId}`}`.execute(db);
  return rows[0]!;
};

describe('Washington Post Fatal Force v2', () => {
  let t: TestDatabase;
  let reports: Awaited<ReturnType<typeof importOk>>[];
  before(async () => {
    t = await createTestDatabase();
    reports = [await importOk(t.db, agencyFormat, AGENCIES), await importOk(t.db, shootingFormat, SHOOTINGS)];
  });
  after(async () => {
    await t.close();
    files.cleanup();
  });

  test('both files import with the counts an independent parse gives', async () => {
    const c = await tableCounts(t.db, TABLES);
    const distinctAgencies = new Set(agencies.map(agencyKey));
    assert.equal(distinctAgencies.size, 3526, 'two pairs of agency rows are one agency each');
    const { rows: us } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM forces WHERE jurisdiction = 'united_states'`.execute(t.db);
    assert.equal(Number(us[0]!.n), distinctAgencies.size);
    assert.deepEqual(reports[0]!.records.force, { created: distinctAgencies.size, updated: 0 });
    assert.equal(c.incidents, shootings.length);
    assert.equal(c.people, shootings.length);
    assert.equal(c.incident_people, shootings.length);
    assert.deepEqual(reports[1]!.records.incident, { created: shootings.length, updated: 0 });
    assert.deepEqual(reports[1]!.records.person, { created: shootings.length, updated: 0 });
    // Other agencies: every agency of a record beyond the first, counted once, not the first again.
    const others = shootings.reduce((n, r) => {
      const [first, ...rest] = agencyIds(r).map((a) => keyOfAgency.get(a)!);
      return n + new Set(rest.filter((k) => k !== first)).size;
    }, 0);
    assert.equal(c.incident_forces, others);
    assert.equal(c.dataset_records, agencies.length + 2 * shootings.length);
    // The incident's force is the first agency, for every record.
    const expected = new Map<string, number>();
    for (const r of shootings) {
      const k = keyOfAgency.get(agencyIds(r)[0]!)!;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    const { rows } = await sql<{ state: string; name: string; n: string }>`
      SELECT coalesce(f.region, 'US') AS state, f.name, count(*) AS n FROM incidents i
      JOIN forces f ON f.id = i.force_id GROUP BY 1, 2`.execute(t.db);
    assert.deepEqual(new Map(rows.map((r) => [agencyKey(r), Number(r.n)])), expected);
    // People by age: under 18 → minor, no age → unknown.
    const ages = { minor: 0, unknown: 0, adult: 0 };
    for (const r of shootings) ages[r.age === '' ? 'unknown' : Number(r.age) < 18 ? 'minor' : 'adult']++;
    const { rows: byAge } = await sql<{ age_status: keyof typeof ages; n: string }>`
      SELECT age_status, count(*) AS n FROM people GROUP BY 1`.execute(t.db);
    assert.deepEqual(Object.fromEntries(byAge.map((r) => [r.age_status, Number(r.n)])), ages);
    assert.equal(ages.minor, 165);
  });

  test('everything is a draft, with the dataset, its licence and attribution, and each file', async () => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM incidents WHERE publication_state <> 'draft'`.execute(t.db);
    assert.equal(Number(rows[0]!.n), 0);
    const f = await t.db
      .selectFrom('dataset_files as f')
      .innerJoin('sources as s', 's.id', 'f.source_id')
      .select(['f.file_name', 'f.rows_imported', 'f.sha256', 's.licence', 's.publisher', 's.id'])
      .orderBy('f.file_name')
      .execute();
    assert.deepEqual(
      f.map((x) => [x.file_name, x.rows_imported]),
      [
        [AGENCIES_NAME, agencies.length],
        [SHOOTINGS_NAME, shootings.length],
      ],
    );
    assert.equal(f[1]!.sha256, 'ad18a188927b48449717fa538e387c8b07f41e1dc84eaf611f21ee57c8ed4ec5');
    assert.equal(f[0]!.id, f[1]!.id, 'both files are one dataset');
    assert.match(f[0]!.licence!, /CC BY-NC-SA 4\.0/);
    assert.match(f[0]!.licence!, /Source: The Washington Post, Fatal Force database/);
  });

  test('a record reads in plain words: title, place to the city, date to the day, agencies', async () => {
    const s = await stateOf(t.db, '3');
    assert.equal(s.title, 'Fatal police shooting in Shelton, Washington');
    assert.equal(s.place, 'Shelton, Mason County, Washington');
    assert.equal(s.occurred_on, '2015-01-02');
    assert.equal(s.occurred_precision, 'day');
    assert.equal(s.pseudonym, 'Person killed (Washington Post record 3)');
    const summary = String(s.summary);
    assert.match(
      summary,
      /^The Washington Post's Fatal Force database \(record 3\) records that a person was shot/,
    );
    assert.match(summary, /“point” \(pointed a weapon at another individual\)/);
    assert.match(summary, /not fleeing/);
    assert.match(summary, /armed with a gun/);
    assert.doesNotMatch(summary, /mental|race|male/i);
    // Several agencies: the first is the force, the rest are listed beside it.
    const multi = shootings.find((r) => new Set(agencyIds(r).map((a) => keyOfAgency.get(a))).size === 3)!;
    const names = agencyIds(multi).map((a) => agencies.find((x) => x.id === a)!.name!.replace(/’/g, "'"));
    const m = await stateOf(t.db, multi.id!);
    assert.equal(m.force, names[0]);
    assert.deepEqual(m.others, names.slice(1).sort());
    assert.match(String(m.summary), /Agencies involved: /);
    // A county when there is no city; a Cyrillic look-alike in a Latin name is made Latin.
    assert.equal((await stateOf(t.db, '6929')).title, 'Fatal police shooting in Polk County, Minnesota');
    assert.match(String((await stateOf(t.db, '8518')).place), /^Easley, /);
  });

  test('safety: no name, coordinate, race or gender stored; minors unnamed and marked minor', async () => {
    const dump = await dumpDatabase(t.db);
    const names = [...new Set(shootings.map((r) => r.name!).filter((n) => n.trim().includes(' ')))];
    assert.ok(names.length > 9000);
    assert.deepEqual(phrasesIn(dump, names), []);
    // The search does find what is there (an agency), so the empty answer above means something.
    assert.deepEqual(phrasesIn(dump, ["Mason County Sheriff's Office"]), ["Mason County Sheriff's Office"]);
    const coordinates = shootings.flatMap((r) => [r.latitude!, r.longitude!]).filter((c) => c.length > 6);
    assert.deepEqual(phrasesIn(dump, coordinates), []);
    const { rows } = await sql<{ key: string }>`SELECT DISTINCT jsonb_object_keys(attributes) AS key
      FROM dataset_records WHERE record_kind IN ('incident', 'person')`.execute(t.db);
    assert.ok(rows.length > 0);
    for (const { key } of rows)
      assert.doesNotMatch(key, /name|race|gender|sex|^age$|latitude|longitude|location/);
    const { rows: named } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM people WHERE public_name IS NOT NULL OR NOT deceased`.execute(t.db);
    assert.equal(Number(named[0]!.n), 0);
    const minorIds = shootings.filter((r) => r.age !== '' && Number(r.age) < 18).map((r) => r.id!);
    const people = await linksOf(t.db, 'person');
    const minors = await t.db
      .selectFrom('people')
      .select(['age_status', 'public_name'])
      .where(
        'id',
        'in',
        minorIds.map((id) => people.get(id)!),
      )
      .execute();
    assert.equal(minors.length, minorIds.length);
    assert.ok(minors.every((p) => p.age_status === 'minor' && p.public_name === null));
  });

  test('re-importing the same files changes nothing', async () => {
    const before_ = await tableCounts(t.db, TABLES);
    for (const [format, file] of [
      [agencyFormat, AGENCIES],
      [shootingFormat, SHOOTINGS],
    ] as const)
      assert.equal((await runImport(t.db, format, file, opts)).status, 'unchanged');
    assert.deepEqual(await tableCounts(t.db, TABLES), before_);
  });

  test('a newer file with the same ids updates those records and duplicates nothing', async () => {
    const before_ = await tableCounts(t.db, TABLES);
    const rows = shootings.slice(0, 300).map((r) => ({ ...r }));
    const adult = rows.find(
      (r) => Number(r.age) > 30 && !r.agency_ids!.includes(';') && r.agency_ids !== '671',
    )!;
    adult.age = '16';
    adult.threat_type = 'undetermined';
    adult.agency_ids = `${adult.agency_ids};${agencies.find((a) => a.name === 'Philadelphia Police Department')!.id}`;
    const r = await importOk(t.db, shootingFormat, asShootings(rows));
    assert.deepEqual(r.records.incident, { created: 0, updated: 1 });
    assert.deepEqual(r.records.person, { created: 0, updated: 1 });
    const after_ = await tableCounts(t.db, TABLES);
    assert.deepEqual(after_, {
      ...before_,
      incident_forces: before_.incident_forces! + 1,
      dataset_records: before_.dataset_records,
    });
    const s = await stateOf(t.db, adult.id!);
    assert.equal(s.age_status, 'minor');
    assert.match(String(s.summary), /could not be determined from available evidence/);
    assert.deepEqual(s.others, ['Philadelphia Police Department']);
    // The agencies file: a newer count of shootings and ORI codes change the dataset record only.
    const changed = agencies.map((a) =>
      a.id === '73' ? { ...a, total_shootings: '9', oricodes: 'WA02300;WA0230X' } : a,
    );
    const ra = await importOk(t.db, agencyFormat, asAgencies(changed));
    assert.deepEqual(ra.records.force, { created: 0, updated: 0 });
    assert.deepEqual(await tableCounts(t.db, TABLES), after_);
    const { rows: attrs } = await sql<{ a: Record<string, unknown> }>`
      SELECT attributes AS a FROM dataset_records WHERE record_kind = 'force' AND external_id = '73'`.execute(
      t.db,
    );
    assert.deepEqual([attrs[0]!.a.total_shootings, attrs[0]!.a.ori_codes], [9, ['WA02300', 'WA0230X']]);
  });

  test('a record an editor has published is not changed by a re-import', async () => {
    const row = { ...shootings[10]! };
    const incidents = await linksOf(t.db, 'incident');
    await t.db
      .updateTable('incidents')
      .set({ publication_state: 'published', published_at: new Date().toISOString() })
      .where('id', '=', incidents.get(row.id!)!)
      .execute();
    const before_ = await stateOf(t.db, row.id!);
    const r = await importOk(
      t.db,
      shootingFormat,
      asShootings([{ ...row, age: '15', city: 'Elsewhere', agency_ids: '73' }]),
    );
    assert.deepEqual(r.records.incident ?? { created: 0, updated: 0 }, { created: 0, updated: 0 });
    assert.deepEqual(r.records.person ?? { created: 0, updated: 0 }, { created: 0, updated: 0 });
    assert.deepEqual(await stateOf(t.db, row.id!), before_);
  });

  test('a bad row in the middle leaves the database unchanged and the report names it', async () => {
    const before_ = await tableCounts(t.db, TABLES);
    const summaryBefore = (await stateOf(t.db, shootings[5]!.id!)).summary;
    const rows = shootings.slice(0, 3000).map((r, i) => ({
      ...r,
      body_camera: r.body_camera === 'True' ? 'False' : 'True',
      ...(i === 1500 ? { date: '2015-02-30' } : {}),
    }));
    const r = await runImport(t.db, shootingFormat, asShootings(rows), opts);
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]),
      [[1502, 'date']],
    );
    assert.deepEqual(await tableCounts(t.db, TABLES), before_);
    assert.equal(
      (await stateOf(t.db, shootings[5]!.id!)).summary,
      summaryBefore,
      'the first batch was rolled back',
    );
  });

  test('an agency the agencies file did not bring is reported with its line', async () => {
    const rows = shootings
      .slice(0, 20)
      .map((r, i) => (i === 7 ? { ...r, agency_ids: `${r.agency_ids};99999999` } : r));
    const r = await runImport(t.db, shootingFormat, asShootings(rows), opts);
    assert.equal(r.status, 'failed');
    assert.equal(r.errors.length, 1);
    assert.deepEqual([r.errors[0]!.line, r.errors[0]!.column], [9, 'agency_ids']);
    assert.match(
      r.errors[0]!.message,
      /agency 99999999 is not in the imported agencies file.*wapo-fatal-force-agencies/,
    );
  });

  test('hostile files: refused with the reason, or imported exactly', async () => {
    const base = await tableCounts(t.db, TABLES);
    const header = Object.keys(shootings[0]!);
    const refused: [string, string | Buffer, RegExp][] = [
      [
        'a version 1 file',
        'id,name,date,manner_of_death,armed,age,gender,race,city,state\n1,x,2015-01-01,shot,gun,1,M,W,a,WA\n',
        /header lacks "threat_type"/,
      ],
      [
        'a shifted column',
        toCsv([{ ...shootings[0]!, state: 'Shelton' }], { header, quoteAll: true }),
        /unknown value "Shelton"/,
      ],
      [
        'an age that is not one',
        toCsv([{ ...shootings[0]!, age: '4O' }], { header, quoteAll: true }),
        /whole number/,
      ],
      [
        'Latin-1 read as UTF-8',
        Buffer.from(toCsv([{ ...shootings[0]!, name: 'Luis Muñoz' }], { header }), 'latin1'),
        /--encoding latin1/,
      ],
    ];
    for (const [what, content, why] of refused) {
      const r = await runImport(t.db, shootingFormat, files.file(SHOOTINGS_NAME, content), opts);
      assert.equal(r.status, 'failed', what);
      assert.match(r.errors[0]!.message, why, what);
    }
    assert.deepEqual(await tableCounts(t.db, TABLES), base);
    // Accepted: a BOM; a name with a quote and a line break (never stored); Latin-1 when asked,
    // with Windows-1252's curly apostrophe (byte 0x92) in an agency's name.
    const row: CsvRow = { ...shootings[20]!, name: 'Tim "T"\nElliot-Hostile', city: 'Cañon City' };
    await importOk(
      t.db,
      shootingFormat,
      files.file(SHOOTINGS_NAME, `\uFEFF${toCsv([row], { quoteAll: true })}`),
    );
    assert.match(String((await stateOf(t.db, row.id!)).place), /^Cañon City, /);
    const bay = agencies.find((a) => a.id === '3550')!;
    const latin = Buffer.from(toCsv([bay]).replace('’', '\x92'), 'latin1');
    await importOk(t.db, agencyFormat, files.file(AGENCIES_NAME, latin), { ...opts, encoding: 'latin1' });
    const { rows } = await sql<{ a: Record<string, unknown> }>`
      SELECT attributes AS a FROM dataset_records WHERE record_kind = 'force' AND external_id = '3550'`.execute(
      t.db,
    );
    assert.equal(rows[0]!.a.name, 'Bay County Sheriff’s Department');
    const muñoz: CsvRow = shootings.find((r) => r.name === 'Luis Muñoz')!;
    await importOk(t.db, shootingFormat, files.file(SHOOTINGS_NAME, Buffer.from(toCsv([muñoz]), 'latin1')), {
      ...opts,
      encoding: 'latin1',
    });
    const dump = await dumpDatabase(t.db);
    assert.deepEqual(phrasesIn(dump, ['Luis Muñoz', 'Elliot-Hostile', 'Muñoz']), []);
    assert.deepEqual(await tableCounts(t.db, TABLES), base, 'the same ids: nothing new');
  });
});

describe('Fatal Force files in the wrong order', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('shootings before agencies are refused with what to import first, and nothing is written', async () => {
    const r = await runImport(t.db, shootingFormat, SHOOTINGS, opts);
    assert.equal(r.status, 'failed');
    assert.equal(r.errors.length, 1);
    assert.match(
      r.errors[0]!.message,
      /agencies file has not been imported.*custodiet import wapo-fatal-force-agencies fatal-police-shootings-agencies\.csv/,
    );
    assert.deepEqual(await tableCounts(t.db, ['incidents', 'people', 'dataset_files', 'dataset_records']), {
      incidents: 0,
      people: 0,
      dataset_files: 0,
      dataset_records: 0,
    });
  });
});
