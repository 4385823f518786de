// OpenOversight exports (constructed fixture in OpenOversight's exact layout): the three files in
// any order, counts against an independent parse, dated badge numbers, idempotency, updates,
// all-or-nothing, published records left alone, nothing personal stored, hostile variants.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { testApp } from '../../test/helpers/app.ts';
import { dumpDatabase } from '../../test/helpers/dump.ts';
import {
  countRows,
  csvLines,
  exportedText,
  parseCsv,
  scratch,
  testDatabaseFor,
} from '../../test/helpers/imports.ts';
import { publish } from '../../test/helpers/pages.ts';
import { runImport, type FormatSettings } from './framework.ts';
import { formatFor } from './formats/index.ts';

const DIR = path.resolve('test/fixtures/openoversight');
const PREFIX = 'Example_City_Police_Department_';
const read = (kind: string) => fs.readFileSync(path.join(DIR, `${PREFIX}${kind}.csv`), 'utf8');
const RAW = { Officers: read('Officers'), Assignments: read('Assignments'), Incidents: read('Incidents') };
const OFFICERS = parseCsv(RAW.Officers);
const ASSIGNMENTS = parseCsv(RAW.Assignments);
const INCIDENTS = parseCsv(RAW.Incidents);
const FORCE = { force: 'Example City Police Department, IL' };
const opts = { actor: 'test:import' };
const files = scratch('openoversight');
const t = testDatabaseFor();

type Kind = keyof typeof RAW;
const formatOf = (kind: Kind, settings: FormatSettings = {}) =>
  formatFor(`openoversight-${kind.toLowerCase()}`, settings);
const importFixture = (kind: Kind, settings: FormatSettings = {}) =>
  runImport(t.db, formatOf(kind, settings), path.join(DIR, `${PREFIX}${kind}.csv`), opts);
const importText = (kind: Kind, text: string | Buffer, name = `${PREFIX}${kind}.csv`, db = () => t.db) =>
  runImport(db(), formatOf(kind), files.file(name, text), opts);

/** Officer ids of the incidents file, read independently of the importer. */
const incidentOfficers = (r: Record<string, string>) =>
  (r.officers!.match(/<Officer ID \d+:/g) ?? []).map((m) => m.slice(12, -1));

test('the three files import in any order with the counts an independent parse gives', async () => {
  // Incidents first: the department is new, so the force is given; its officers become placeholders.
  const first = await importFixture('Incidents', FORCE);
  assert.equal(first.status, 'imported', JSON.stringify(first.errors));
  assert.equal(first.rows, INCIDENTS.length);
  // The department is now a force of that name: the other files find it by their file names.
  assert.equal((await importFixture('Assignments')).status, 'imported');
  assert.equal((await importFixture('Officers')).status, 'imported');
  const officerIds = new Set([
    ...OFFICERS.map((r) => r.id!),
    ...ASSIGNMENTS.map((r) => r['officer id']!),
    ...INCIDENTS.flatMap(incidentOfficers),
  ]);
  assert.equal(await countRows(t.db, 'officers', `slug LIKE 'openoversight-officer-%'`), officerIds.size);
  assert.equal(await countRows(t.db, 'incidents', `'openoversight' = ANY(tags)`), INCIDENTS.length);
  assert.equal(
    await countRows(t.db, 'incident_officers'),
    INCIDENTS.reduce((n, r) => n + incidentOfficers(r).length, 0),
  );
  const withBadge = ASSIGNMENTS.filter((r) => r['badge number']);
  assert.equal(
    await countRows(t.db, 'officer_identifiers', `identifier_type = 'badge_number'`),
    withBadge.length,
  );
  assert.equal(
    await countRows(t.db, 'officer_identifiers', `identifier_type = 'external_id'`),
    OFFICERS.filter((r) => r['unique identifier']).length,
  );
  assert.equal(await countRows(t.db, 'officer_ranks'), ASSIGNMENTS.filter((r) => r['job title']).length);
  assert.equal(await countRows(t.db, 'officer_postings'), ASSIGNMENTS.filter((r) => r['unit id']).length);
  assert.equal(
    await countRows(t.db, 'units', `slug LIKE 'openoversight-unit-%'`),
    new Set(ASSIGNMENTS.map((r) => r['unit id']).filter(Boolean)).size,
  );
  const forces = await countRows(t.db, 'forces', `slug = 'us-il-example-city-police-department'`);
  assert.equal(forces, 1);
});

test('names as OpenOversight shows them, badge numbers with their dates, ranks, units and places', async () => {
  const names = await t.db
    .selectFrom('officers')
    .select('published_name')
    .where('published_name', 'is not', null)
    .execute();
  // OpenOversight's full_name(): a one-letter middle initial gets a full stop; the suffix comes last.
  const expected = OFFICERS.map((r) => {
    const mi = r['middle initial']!.length === 1 ? `${r['middle initial']}.` : r['middle initial'];
    return [r['first name'], mi, r['last name'], r.suffix].filter(Boolean).join(' ');
  });
  assert.deepEqual(names.map((n) => n.published_name).sort(), expected.sort());
  assert.ok(expected.includes('Riley Quinn Sample Jr.') && expected.includes('Avery J. Fixture'));
  const { rows: badges } = await sql<{
    identifier: string;
    valid_from: string | null;
    valid_to: string | null;
  }>`
    SELECT i.identifier, i.valid_from, i.valid_to FROM officer_identifiers i JOIN officers o ON o.id = i.officer_id
    WHERE o.published_name = 'Avery J. Fixture' AND i.identifier_type = 'badge_number' ORDER BY i.valid_from`.execute(
    t.db,
  );
  assert.deepEqual(badges, [
    { identifier: '5101', valid_from: '2004-03-15', valid_to: '2011-12-31' },
    { identifier: '4101', valid_from: '2012-01-01', valid_to: null },
  ]);
  const aide = await t.db
    .selectFrom('officers')
    .select('role_type')
    .where('published_name', 'like', 'Alexis%')
    .executeTakeFirstOrThrow();
  assert.equal(aide.role_type, 'police_staff');
  const places = await t.db
    .selectFrom('incidents as i')
    .innerJoin('dataset_records as d', 'd.entity_id', 'i.id')
    .select(['i.place', 'i.occurred_on', 'i.summary'])
    .orderBy('d.external_id')
    .execute();
  assert.deepEqual(
    places.map((p) => p.place),
    [
      'Intersection of Main Street and 5th Avenue, Example City IL',
      'Intersection of Market Street and Hill Road, Example City IL',
      'Example City IL',
      null,
      'Intersection of Oak Lane and Pine Road, Example City IL',
    ],
  );
  assert.match(places[0]!.summary, /pushed him to the ground\.\r?\nHe was not arrested\./);
  assert.equal(places[3]!.occurred_on, null);
});

test('nothing personal is stored: no gender, race, birth year, salary or licence plate', async () => {
  const dump = await dumpDatabase(t.db);
  for (const r of OFFICERS)
    if (r['most recent salary']) assert.ok(!dump.includes(r['most recent salary']!), 'salary');
  for (const word of ['HISPANIC', 'ASIAN', 'BLACK', 'WHITE', 'LicensePlate', '<Link 3'])
    assert.ok(!dump.includes(word), word);
  const attributes = await t.db
    .selectFrom('dataset_records')
    .select('attributes')
    .where('record_kind', '=', 'officer')
    .execute();
  const keys = new Set(attributes.flatMap((a) => Object.keys(a.attributes as object)));
  assert.deepEqual([...keys].sort(), ['employment_date', 'latest_badge_number', 'latest_job_title']);
});

test('importing the same files again changes nothing', async () => {
  const before_ = await dumpDatabase(t.db);
  for (const kind of ['Officers', 'Assignments', 'Incidents'] as const)
    assert.equal((await importFixture(kind)).status, 'unchanged');
  assert.equal(await dumpDatabase(t.db), before_);
});

test('a bad row in the middle: nothing changes, and the report names the line and column', async () => {
  const before_ = await dumpDatabase(t.db);
  const { header, lines, eol } = csvLines(RAW.Assignments);
  const bad = [...lines];
  bad[5] = bad[5]!.replace('2001-11-30', '2001-02-30');
  bad[8] = bad[8]!.replace('1998-02-02,', '1998-02-02,1997-01-01');
  const report = await importText('Assignments', [header, ...bad].join(eol) + eol);
  assert.equal(report.status, 'failed');
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.column]),
    [
      [7, 'start date'],
      [10, 'end date'],
    ],
  );
  assert.equal(await dumpDatabase(t.db), before_);
});

test('corrected files with the same ids update records and duplicate nothing', async () => {
  const counts = () =>
    Promise.all(
      ['officers', 'officer_identifiers', 'officer_ranks', 'officer_postings', 'units', 'incidents'].map(
        (x) => countRows(t.db, x),
      ),
    );
  const before_ = await counts();
  const assignments = RAW.Assignments.replace(
    '1002,101,EX-0101,4101,Sergeant,2012-01-01,,',
    '1002,101,EX-0101,4101,Sergeant,2012-01-01,2024-12-31,',
  ).replace('1003,102,EX-0102,5102,', '1003,102,EX-0102,5199,');
  assert.equal((await importText('Assignments', assignments)).status, 'imported');
  const officers = RAW.Officers.replace('Testcase,Jordan', 'Testcase-Smith,Jordan');
  const renamed = await importText('Officers', officers);
  assert.deepEqual(renamed.records.officer, { created: 0, updated: 1 });
  assert.deepEqual(await counts(), before_);
  const { rows } = await sql<{ identifier: string; valid_to: string | null }>`
    SELECT identifier, valid_to FROM officer_identifiers WHERE identifier IN ('4101', '5102', '5199') ORDER BY 1`.execute(
    t.db,
  );
  assert.deepEqual(rows, [
    { identifier: '4101', valid_to: '2024-12-31' },
    { identifier: '5199', valid_to: null },
  ]);
  assert.equal(await countRows(t.db, 'officers', `published_name = 'Jordan Testcase-Smith'`), 1);
});

test('a published officer is not changed by a re-import', async () => {
  const officer = await t.db
    .selectFrom('officers')
    .select('id')
    .where('published_name', '=', 'Avery J. Fixture')
    .executeTakeFirstOrThrow();
  await publish(t.db, 'officers', officer.id);
  const parts = () =>
    sql<{
      v: string;
    }>`SELECT identifier || ' ' || coalesce(valid_to::text, '-') AS v FROM officer_identifiers WHERE officer_id = ${officer.id} ORDER BY 1`.execute(
      t.db,
    );
  const before_ = (await parts()).rows;
  const officers = RAW.Officers.replace('Fixture,Avery', 'Fixture-Renamed,Avery');
  assert.equal((await importText('Officers', officers)).status, 'imported');
  const assignments = RAW.Assignments.replace('2004-03-15,2011-12-31', '2004-03-15,2010-12-31');
  assert.equal((await importText('Assignments', assignments)).status, 'imported');
  assert.equal(await countRows(t.db, 'officers', `published_name = 'Avery J. Fixture'`), 1);
  assert.deepEqual((await parts()).rows, before_);
});

test('public pages and the export show badge numbers but never the department identifier', async () => {
  const officer = await t.db
    .selectFrom('officers')
    .select(['id', 'slug'])
    .where('published_name', '=', 'Avery J. Fixture')
    .executeTakeFirstOrThrow();
  const page = await testApp(t.database).request(`/officers/${officer.slug}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /4101/);
  assert.ok(!html.includes('EX-0101'));
  const exported = await exportedText(t.db);
  assert.match(exported, /Avery J\. Fixture/);
  for (const r of OFFICERS)
    if (r['unique identifier'])
      assert.ok(!exported.includes(r['unique identifier']!), r['unique identifier']);
});

describe('hostile files', () => {
  const h = testDatabaseFor();
  const run = (
    kind: Kind,
    text: string | Buffer,
    name = `${PREFIX}${kind}.csv`,
    settings: FormatSettings = FORCE,
    encoding?: 'latin1',
  ) =>
    runImport(h.db, formatOf(kind, settings), files.file(name, text), {
      ...opts,
      ...(encoding ? { encoding } : {}),
    });

  test('a file without the department in its name needs --force; a file of another kind is refused', async () => {
    const plain = await run('Officers', RAW.Officers, 'officers.csv', {});
    assert.equal(plain.status, 'failed');
    assert.match(plain.errors[0]!.message, /does not name the department.*--force/);
    const wrong = await run('Officers', RAW.Assignments, `${PREFIX}Assignments.csv`);
    assert.match(wrong.errors[0]!.message, /assignments file, not its officers file/);
    assert.throws(() => formatOf('Officers', { force: 'not a force!' }), /neither a force's slug/);
    assert.throws(() => formatFor('nyc-ccrb-penalties', { force: 'metropolitan' }), /takes no --force/);
    const named = await run('Officers', RAW.Officers, 'officers.csv');
    assert.equal(named.status, 'imported', JSON.stringify(named.errors));
  });

  test('repeated ids in one file are an error naming both lines (across batches too)', async () => {
    const header = RAW.Incidents.slice(0, RAW.Incidents.indexOf('\r\n'));
    const eol = '\r\n';
    const dup = `${header}${eol}901,,2020-01-01,,,,,,${eol}902,,,,,,,,${eol}901,,2021-01-01,,,,,,${eol}`;
    const r = await run('Incidents', dup);
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]),
      [[4, 'id']],
    );
    assert.match(r.errors[0]!.message, /"901" is already on line 2/);
    const odd = await run('Incidents', `${header}${eol}12.5,,,,,,,,${eol}`);
    assert.deepEqual(
      odd.errors.map((e) => [e.line, e.column]),
      [[2, 'id']],
    );
    const many = [
      'id,officer id,officer unique identifier,badge number,job title,start date,end date,unit id,unit description',
    ];
    for (let i = 0; i < 1500; i++) many.push(`${7000 + i},${8000 + (i % 20)},,,,,,,`);
    many.push('7003,8003,,,,,,,');
    const late = await run('Assignments', many.join('\n') + '\n');
    assert.equal(late.status, 'failed');
    assert.deepEqual(
      late.errors.map((e) => [e.line, e.column]),
      [[1502, 'id']],
    );
    assert.equal(await countRows(h.db, 'incidents'), 0);
  });

  test('Latin-1 with --encoding latin1, a BOM, and LF line ends read the same as the original', async () => {
    const latin1 = Buffer.from(RAW.Officers, 'latin1');
    assert.equal((await run('Officers', latin1, `${PREFIX}Officers.csv`, FORCE)).status, 'failed');
    const ok = await run('Officers', latin1, `${PREFIX}Officers.csv`, FORCE, 'latin1');
    assert.equal(ok.status, 'imported', JSON.stringify(ok.errors));
    assert.equal(await countRows(h.db, 'officers', `published_name = 'Alexis Zoë-Fixture'`), 1);
    const bom = await run('Incidents', `\uFEFF${RAW.Incidents.replace(/\r\n/g, '\n')}`);
    assert.equal(bom.status, 'imported', JSON.stringify(bom.errors));
    const summary = await h.db
      .selectFrom('incidents')
      .select('summary')
      .where('title', 'like', '%EX-2020-0002%')
      .executeTakeFirstOrThrow();
    assert.equal(
      summary.summary,
      'Protest on "Market Square", with kettling; several complaints of force, recorded on video.',
    );
  });
});
