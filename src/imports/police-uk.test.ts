import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { runImport } from './framework.ts';
import { policeUkStopSearch } from './formats/police-uk-stop-search.ts';

const FIXTURE = path.resolve('test/fixtures/police-uk/2016-06-metropolitan-stop-and-search.csv');
const NAME = path.basename(FIXTURE);
let t: TestDatabase;
let dir: string;
const opts = { actor: 'test:import' };

before(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-import-'));
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A file named as police.uk names them (the name carries force and month), in a folder of its own. */
function fileWith(content: string | Buffer, name = NAME): string {
  const sub = fs.mkdtempSync(path.join(dir, 'f-'));
  const p = path.join(sub, name);
  fs.writeFileSync(p, content);
  return p;
}

async function count(table: 'police_powers_events' | 'dataset_files'): Promise<number> {
  const r = await t.db
    .selectFrom(table)
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const raw = fs.readFileSync(FIXTURE, 'utf8');
const HEADER = raw.slice(0, raw.indexOf('\n') + 1);
const LINES = raw.slice(HEADER.length).split('\n').filter(Boolean);

test('the Met June 2016 file imports with the counts an independent parse gives', async () => {
  // The independent count: csv-parse's synchronous API over the whole file, grouped in plain JS.
  const rows = parse(raw, { columns: true }) as Record<string, string>[];
  const report = await runImport(t.db, policeUkStopSearch, FIXTURE, opts);
  assert.equal(report.status, 'imported', JSON.stringify(report.errors.slice(0, 3)));
  assert.equal(report.rows, rows.length);
  assert.equal(await count('police_powers_events'), 10_490);
  const byOutcome = new Map<string, number>();
  for (const r of rows) byOutcome.set(r.Outcome!, (byOutcome.get(r.Outcome!) ?? 0) + 1);
  const { rows: sqlCounts } = await sql<{ outcome: string; n: string }>`
    SELECT outcome, count(*) AS n FROM police_powers_events GROUP BY outcome`.execute(t.db);
  assert.deepEqual(new Map(sqlCounts.map((r) => [r.outcome, Number(r.n)])), byOutcome);
  const missingCoords = rows.filter((r) => r.Latitude === '').length;
  const { rows: nulls } = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM police_powers_events WHERE latitude IS NULL`.execute(t.db);
  assert.equal(Number(nulls[0]!.n), missingCoords);
  // Provenance: the dataset source with its licence, the file's hash and name.
  const file = await t.db
    .selectFrom('dataset_files as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select(['d.sha256', 'd.file_name', 'd.rows_imported', 'd.scope', 's.licence', 's.kind'])
    .executeTakeFirstOrThrow();
  assert.equal(file.sha256, 'c0e2256b072b7c88cbc3531a947e4d66049c5856a1d84a2175cc131e855cdaa2');
  assert.equal(file.rows_imported, 10_490);
  assert.equal(file.scope, 'metropolitan/2016-06');
  assert.match(file.licence ?? '', /Open Government Licence v3\.0/);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'dataset.import')
    .execute();
  assert.equal(audit.length, 1);
});

test('importing the same file again changes nothing', async () => {
  const before_ = await count('police_powers_events');
  const again = await runImport(t.db, policeUkStopSearch, FIXTURE, opts);
  assert.equal(again.status, 'unchanged');
  assert.equal(await count('police_powers_events'), before_);
  assert.equal(await count('dataset_files'), 1);
});

test('a bad row in the middle: nothing changes, and the report names the line and column', async () => {
  const lines = [...LINES];
  lines[5000] = lines[5000]!.replace(/^([^,]*),[^,]*,/, '$1,not a date,');
  const report = await runImport(t.db, policeUkStopSearch, fileWith(HEADER + lines.join('\n') + '\n'), opts);
  assert.equal(report.status, 'failed');
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.column]),
    [[5002, 'Date']],
  );
  assert.equal(await count('police_powers_events'), 10_490);
  assert.equal(await count('dataset_files'), 1);
});

test('a corrected file for the same force and month replaces the earlier one', async () => {
  const report = await runImport(
    t.db,
    policeUkStopSearch,
    fileWith(HEADER + LINES.slice(0, 100).join('\n') + '\n'),
    opts,
  );
  assert.equal(report.status, 'replaced');
  assert.equal(await count('police_powers_events'), 100);
  assert.equal(await count('dataset_files'), 1);
  await runImport(t.db, policeUkStopSearch, FIXTURE, opts);
  assert.equal(await count('police_powers_events'), 10_490);
});

test('hostile files: refused with a clear reason, or imported exactly; never half', async () => {
  const base = await count('police_powers_events');
  const other = (month: string) => NAME.replace('2016-06', month);
  const row = (text: string) => LINES[0]!.replace('Nothing found - no further action', text);
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty', '', /no data rows/],
    ['header only', HEADER, /no data rows/],
    [
      'ragged',
      HEADER + LINES[0] + '\n' + 'Person search,2016-06-01T00:00:00+00:00\n',
      /different number of fields/,
    ],
    [
      'latin-1 read as utf-8',
      Buffer.from(HEADER + row('Zoë arrested') + '\n', 'latin1'),
      /not valid UTF-8.*--encoding latin1/,
    ],
    ['another file type', 'name,age\nx,1\n', /header lacks/],
    ['a 100 MB line', HEADER + '"' + 'x'.repeat(100 * 1024 * 1024) + '\n', /longer than/],
  ];
  for (const [what, content, why] of cases) {
    const r = await runImport(t.db, policeUkStopSearch, fileWith(content, other('2017-01')), opts);
    assert.equal(r.status, 'failed', what);
    assert.match(r.errors[0]!.message, why, what);
  }
  const wrongName = await runImport(
    t.db,
    policeUkStopSearch,
    fileWith(HEADER + LINES[0] + '\n', 'stops.csv'),
    opts,
  ).catch((e: Error) => e);
  assert.match(
    String(wrongName instanceof Error ? wrongName.message : wrongName.errors[0]?.message),
    /not named like a police\.uk file/,
  );
  assert.equal(await count('police_powers_events'), base, 'nothing was written by any of them');

  // Accepted and stored exactly: a BOM, quotes and a line break inside a field, Latin-1 when asked.
  const tricky = `\uFEFF${HEADER}${row('"Said ""no"",\nthen left"')}\n`;
  const ok = await runImport(t.db, policeUkStopSearch, fileWith(tricky, other('2017-02')), opts);
  assert.equal(ok.status, 'imported', JSON.stringify(ok.errors));
  const latin = await runImport(
    t.db,
    policeUkStopSearch,
    fileWith(Buffer.from(HEADER + row('Zoë arrested') + '\n', 'latin1'), other('2017-03')),
    {
      ...opts,
      encoding: 'latin1',
    },
  );
  assert.equal(latin.status, 'imported');
  const outcomes = await t.db
    .selectFrom('police_powers_events')
    .select('outcome')
    .where('dataset_file_id', 'in', [ok.fileId!, latin.fileId!])
    .orderBy('id')
    .execute();
  assert.deepEqual(
    outcomes.map((o) => o.outcome),
    ['Said "no",\nthen left', 'Zoë arrested'],
  );
});

test('exact duplicate rows are kept: with no id, two identical searches are two searches', async () => {
  const dup = HEADER + LINES[0] + '\n' + LINES[0] + '\n';
  const r = await runImport(
    t.db,
    policeUkStopSearch,
    fileWith(dup, NAME.replace('2016-06', '2017-04')),
    opts,
  );
  assert.equal(r.status, 'imported');
  assert.equal(r.rows, 2);
});
