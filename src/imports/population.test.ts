import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { refreshPatterns } from '../patterns/refresh.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { runImport } from './framework.ts';
import { FORMATS } from './formats/index.ts';
import {
  census2021Ts021,
  CENSUS_GROUPS,
  forceForArea,
  populationBaseline,
  TS021_GROUPS,
} from './formats/population.ts';

// Population baselines: the ONS TS021 layout (constructed fixture) against an independent sum of the
// raw CSV, the bundled Greater London figures, replacement between files, refused files, and the
// stop-and-search page's rates and ratio against a hand computation on the real police.uk fixture.

const TS021 = path.resolve('test/fixtures/census/census2021-ts021-ltla.csv');
const LONDON = path.resolve('src/patterns/baselines/census-2021-greater-london.csv');
const STOPS = path.resolve('test/fixtures/police-uk/2016-06-metropolitan-stop-and-search.csv');
const opts = { actor: 'test:import' };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

let t: TestDatabase;
let dir: string;
before(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-population-'));
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function variant(name: string, edit: (csv: string) => string): string {
  const p = path.join(fs.mkdtempSync(path.join(dir, 'v-')), name);
  fs.writeFileSync(p, edit(fs.readFileSync(TS021, 'utf8')));
  return p;
}

async function residents(force: string) {
  const rows = await t.db
    .selectFrom('population_baselines as p')
    .innerJoin('forces as f', 'f.id', 'p.force_id')
    .select(['p.area_code', 'p.ethnic_group', 'p.population', 'p.source', 'p.note'])
    .where('f.slug', '=', force)
    .execute();
  const sum: Record<string, number> = {};
  for (const r of rows) sum[r.ethnic_group] = (sum[r.ethnic_group] ?? 0) + r.population;
  return { rows, sum, areas: [...new Set(rows.map((r) => r.area_code))].sort() };
}

test('London areas go to their forces; other areas are not mapped', () => {
  assert.equal(forceForArea('E09000001'), 'city-of-london');
  assert.equal(forceForArea('E09000002'), 'metropolitan');
  assert.equal(forceForArea('E09000033'), 'metropolitan');
  assert.equal(forceForArea('E09000034'), null);
  assert.equal(forceForArea('E06000001'), null);
  assert.equal(forceForArea('E12000007'), null, 'the region spans two forces');
});

test('the bundled Greater London figures import with their sources and caveat', async () => {
  const report = await runImport(t.db, FORMATS['population-baseline']!, LONDON, opts);
  assert.equal(report.status, 'imported', JSON.stringify(report.errors));
  const met = await residents('metropolitan');
  assert.deepEqual(met.sum, { white: 4_731_172, black: 1_188_370 });
  assert.deepEqual(met.areas, ['E12000007']);
  assert.ok(met.rows.every((r) => /Census 2021/.test(r.source ?? '') && /City of London/.test(r.note ?? '')));
});

test('stop and search on the police.uk fixture: rates and the Black/White ratio by hand, the rest without a rate', async () => {
  assert.equal((await runImport(t.db, FORMATS['police-uk-stop-search']!, STOPS, opts)).status, 'imported');
  await refreshPatterns(t.db);
  const page = text(await (await testApp(t).request('/patterns/forces/metropolitan/stop-search')).text());
  // White 4,474 / 4,731,172 × 1,000 = 0.9456; Black 4,205 / 1,188,370 × 1,000 = 3.5385.
  // RR = 3.7419; SE = √(1/4205 + 1/4474) = 0.021474; × 1.959964 = 0.042088 → 3.5876 to 3.9027.
  assert.match(page, /White 4,474 4,731,172 0\.95 —/);
  assert.match(page, /Black 4,205 1,188,370 3\.54 3\.74 \(3\.59 to 3\.9\)/);
  assert.match(page, /Asian [\d,]+ — — —/, 'Asian: searches, no residents, no rate');
  assert.match(page, /No residents figure has been imported for Asian, Other/);
  assert.match(page, /Caveat: Greater London includes the City of London/);
  assert.match(page, /Census 2021 usual residents of Greater London \(E12000007\)/);
});

test('TS021: every London borough row summed per group, as an independent parse of the CSV gives', async () => {
  const report = await runImport(t.db, census2021Ts021, TS021, opts);
  assert.equal(report.status, 'imported', JSON.stringify(report.errors));
  assert.equal(report.rows, 5);
  const raw = parse(fs.readFileSync(TS021, 'utf8'), { columns: true }) as Record<string, string>[];
  const expected = (pick: (code: string) => boolean) =>
    Object.fromEntries(
      CENSUS_GROUPS.map((g) => [
        g,
        raw
          .filter((r) => pick(r['geography code']!))
          .reduce((n, r) => n + Number(r[TS021_GROUPS[g].column]), 0),
      ]),
    );
  const met = await residents('metropolitan');
  assert.deepEqual(
    met.areas,
    ['E09000012', 'E09000022'],
    'the TS021 file replaced the Greater London figures',
  );
  assert.deepEqual(
    met.sum,
    expected((c) => c === 'E09000012' || c === 'E09000022'),
  );
  const city = await residents('city-of-london');
  assert.deepEqual(
    city.sum,
    expected((c) => c === 'E09000001'),
  );
  const file = await t.db
    .selectFrom('dataset_files as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select(['s.licence', 's.publisher'])
    .where('d.id', '=', report.fileId!)
    .executeTakeFirstOrThrow();
  assert.match(file.licence ?? '', /Open Government Licence v3\.0/);
  assert.equal(file.publisher, 'Office for National Statistics');
  const page = text(await (await testApp(t).request('/patterns/forces/metropolitan/stop-search')).text());
  assert.match(page, /Census 2021 usual residents of Hackney \(E09000012\), Lambeth \(E09000022\)/);
  assert.doesNotMatch(page, /No residents figure/, 'TS021 has every group');
});

test('TS021 headers with the "; measures: Value" suffix some downloads carry are read the same', async () => {
  const suffixed = variant('census2021-ts021-ltla-measures.csv', (csv) => {
    const [head, ...rest] = csv.split('\r\n');
    const cols = parse(head!)[0] as string[];
    const named = cols.map((c, i) => (i >= 3 ? `"${c}; measures: Value"` : c));
    return [named.join(','), ...rest].join('\r\n');
  });
  const report = await runImport(t.db, census2021Ts021, suffixed, { ...opts, dryRun: true });
  assert.equal(report.status, 'checked', JSON.stringify(report.errors));
});

test('refused: sums that do not add up, another census year, a missing column; nothing written', async () => {
  const before = await t.db.selectFrom('population_baselines').selectAll().execute();
  const offByOne = variant('census2021-ts021-ltla.csv', (csv) => {
    const lines = csv.split('\r\n');
    const f = lines[2]!.split(',');
    f[3] = String(Number(f[3]) + 1); // Hackney's total
    lines[2] = f.join(',');
    return lines.join('\r\n');
  });
  const bad = await runImport(t.db, census2021Ts021, offByOne, opts);
  assert.equal(bad.status, 'failed');
  assert.deepEqual(bad.errors, [
    { line: 3, column: 'Ethnic group: Total: All usual residents', message: bad.errors[0]!.message },
  ]);
  assert.match(bad.errors[0]!.message, /add up to \d+, not the total/);
  const year = await runImport(
    t.db,
    census2021Ts021,
    variant('y.csv', (c) => c.replace('\r\n2021,Hackney', '\r\n2011,Hackney')),
    opts,
  );
  assert.equal(year.errors[0]!.column, 'date');
  const noWhite = await runImport(
    t.db,
    census2021Ts021,
    variant('w.csv', (c) => c.replace(',Ethnic group: White: Roma,', ',Roma,')),
    opts,
  );
  assert.equal(noWhite.status, 'failed');
  assert.match(noWhite.errors[0]!.message, /lacks "Ethnic group: White: Roma".*TS021/);
  assert.deepEqual(await t.db.selectFrom('population_baselines').selectAll().execute(), before);
});

test('one-figure rows: an unknown force, an unknown group and a repeated figure are reported by line', async () => {
  const file = path.join(dir, 'baseline.csv');
  fs.writeFileSync(
    file,
    [
      'force,area_code,area_name,census,ethnic_group,population,source',
      'no-such-force,E12000007,Greater London,census_2021,white,10,Test',
      'metropolitan,E12000007,Greater London,census_2021,asian,10,Test',
      'metropolitan,E12000007,Greater London,census_2021,asian,11,Test',
    ].join('\n'),
  );
  const r = await runImport(t.db, populationBaseline, file, opts);
  assert.equal(r.status, 'failed');
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column]),
    [
      [2, 'force'],
      [4, 'ethnic_group'],
    ],
  );
  assert.match(r.errors[1]!.message, /already given on line 3/);
  fs.writeFileSync(
    file,
    'force,area_code,area_name,census,ethnic_group,population,source\nmetropolitan,E12000007,London,census_2021,purple,10,Test\n',
  );
  const purple = await runImport(t.db, populationBaseline, file, opts);
  assert.deepEqual(
    purple.errors.map((e) => [e.line, e.column]),
    [[2, 'ethnic_group']],
  );
});
