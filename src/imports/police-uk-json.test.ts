import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { runImport } from './framework.ts';
import { policeUkStopSearch, policeUkStopSearchJson } from './formats/police-uk-stop-search.ts';

// The API answers stops-force with the same searches as the monthly CSV, as JSON objects. The
// test turns the real Met June 2016 CSV into that shape (booleans, nulls, a nested location with
// a street) and checks both files store the same events.
const CSV = path.resolve('test/fixtures/police-uk/2016-06-metropolitan-stop-and-search.csv');
const rows = parse(fs.readFileSync(CSV, 'utf8'), { columns: true }) as Record<string, string>[];
const bool = (s: string | undefined) => (s === 'True' ? true : s === 'False' ? false : null);
const orNull = (s: string | undefined) => (s ? s : null);
const apiObjects = rows.map((r, i) => ({
  age_range: orNull(r['Age range']),
  officer_defined_ethnicity: orNull(r['Officer-defined ethnicity']),
  involved_person: true,
  self_defined_ethnicity: orNull(r['Self-defined ethnicity']),
  gender: orNull(r.Gender),
  legislation: orNull(r.Legislation),
  outcome_linked_to_object_of_search: bool(r['Outcome linked to object of search']),
  datetime: r.Date,
  removal_of_more_than_outer_clothing: bool(r['Removal of more than just outer clothing']),
  outcome_object: { id: `outcome-${i % 7}`, name: r.Outcome },
  location: r.Latitude
    ? {
        latitude: r.Latitude,
        street: { id: 1_000_000 + i, name: 'On or near High Street' },
        longitude: r.Longitude,
      }
    : null,
  operation: bool(r['Part of a policing operation']),
  operation_name: orNull(r['Policing operation']),
  object_of_search: orNull(r['Object of search']),
  outcome: r.Outcome,
  type: r.Type,
}));

let t: TestDatabase;
let dir: string;
const opts = { actor: 'test:import' };
before(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-json-'));
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function jsonFile(content: string, name = '2016-06-metropolitan-stop-and-search.json'): string {
  const p = path.join(fs.mkdtempSync(path.join(dir, 'f-')), name);
  fs.writeFileSync(p, content);
  return p;
}

const eventsSummary = async () =>
  (
    await sql<Record<string, unknown>>`
      SELECT search_type, occurred_at, latitude, longitude, gender, age_range, self_defined_ethnicity,
        officer_defined_ethnicity, legislation, object_of_search, outcome, part_of_operation, count(*) AS n
      FROM police_powers_events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`.execute(
      t.db,
    )
  ).rows;

test('the API JSON of a month stores the same events as its CSV, and replaces it', async () => {
  const csv = await runImport(t.db, policeUkStopSearch, CSV, opts);
  assert.equal(csv.status, 'imported');
  const fromCsv = await eventsSummary();
  const json = await runImport(t.db, policeUkStopSearchJson, jsonFile(JSON.stringify(apiObjects)), opts);
  assert.equal(json.status, 'replaced', JSON.stringify(json.errors.slice(0, 2)));
  assert.equal(json.rows, rows.length);
  const n = await sql<{ n: string }>`SELECT count(*) AS n FROM police_powers_events`.execute(t.db);
  assert.equal(Number(n.rows[0]!.n), rows.length, 'the month counts once');
  assert.deepEqual(await eventsSummary(), fromCsv);
  const files = await t.db.selectFrom('dataset_files').select(['format', 'scope']).execute();
  assert.deepEqual(files, [{ format: 'police-uk-stop-search-json', scope: 'metropolitan/2016-06' }]);
});

test('a JSON file that is not an array of searches is refused, naming the problem', async () => {
  const cases: [string, RegExp][] = [
    ['{"not": "an array"}', /not a JSON array/],
    ['[{"type": "Person search",', /not valid JSON/],
    ['', /not valid JSON/],
  ];
  for (const [content, message] of cases) {
    const r = await runImport(t.db, policeUkStopSearchJson, jsonFile(content), opts);
    assert.equal(r.status, 'failed');
    assert.match(r.errors[0]!.message, message);
  }
  const wrongName = await runImport(t.db, policeUkStopSearchJson, jsonFile('[]', 'stops.json'), opts);
  assert.match(wrongName.errors[0]!.message, /YYYY-MM-<force>-stop-and-search\.json/);
});

test('a bad record in the middle leaves the database unchanged and the report names its position', async () => {
  const before = await eventsSummary();
  const objects = apiObjects.slice(0, 50).map((o) => ({ ...o, outcome: `${o.outcome} ` }));
  objects[24] = { ...objects[24]!, datetime: 'yesterday afternoon' };
  (objects as unknown[])[30] = 'not an object';
  const r = await runImport(t.db, policeUkStopSearchJson, jsonFile(JSON.stringify(objects)), opts);
  assert.equal(r.status, 'failed');
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column]),
    [
      [25, 'Date'],
      [31, ''],
    ],
  );
  assert.deepEqual(await eventsSummary(), before);
});
