// NYC CCRB penalties: counts against an independent parse of the real sample, idempotency,
// updates, all-or-nothing, published records left alone, Tax IDs kept out of every public
// surface, and hostile variants.
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
  grouped,
  parseCsv,
  scratch,
  testDatabaseFor,
  tally,
} from '../../test/helpers/imports.ts';
import { publish } from '../../test/helpers/pages.ts';
import { runImport } from './framework.ts';
import { nycCcrbPenalties } from './formats/nyc-ccrb-penalties.ts';

const FIXTURE = path.resolve('test/fixtures/nyc-ccrb/ccrb-penalties.csv');
const RAW = fs.readFileSync(FIXTURE, 'utf8');
const ROWS = parseCsv(RAW);
const { header: HEADER, lines: LINES } = csvLines(RAW);
const opts = { actor: 'test:import' };
const files = scratch('ccrb');
const t = testDatabaseFor();

const importText = (text: string | Buffer, extra: { encoding?: 'latin1' } = {}) =>
  runImport(t.db, nycCcrbPenalties, files.file('ccrb-penalties.csv', text), { ...opts, ...extra });
const tried = (r: Record<string, string>) => /guilty after trial/i.test(r['APU Case Status']!);

test('the sample imports with the counts an independent parse gives', async () => {
  const report = await runImport(t.db, nycCcrbPenalties, FIXTURE, opts);
  assert.equal(report.status, 'imported', JSON.stringify(report.errors.slice(0, 3)));
  assert.equal(report.rows, ROWS.length);
  const complaints = new Set(ROWS.map((r) => r['Complaint Id']));
  const taxIds = new Set(ROWS.map((r) => r['Tax ID']));
  const pairs = new Set(ROWS.map((r) => `${r['Complaint Id']}/${r['Tax ID']}`));
  assert.equal(await countRows(t.db, 'incidents', `'ccrb' = ANY(tags)`), complaints.size);
  assert.equal(await countRows(t.db, 'officers', `slug LIKE 'nyc-ccrb-officer-%'`), taxIds.size);
  assert.equal(
    await countRows(t.db, 'officer_identifiers', `identifier_type = 'payroll_number'`),
    taxIds.size,
  );
  assert.equal(await countRows(t.db, 'allegations'), pairs.size);
  assert.equal(await countRows(t.db, 'findings'), pairs.size + ROWS.filter(tried).length);
  assert.equal(
    await countRows(t.db, 'sanctions'),
    ROWS.filter((r) => r['NYPD Officer Penalty'] !== '').length,
  );
  // Status labels follow the latest finding: the CCRB's, or the APU trial's verdict.
  assert.deepEqual(
    await grouped(t.db, 'SELECT status_code AS k, count(*) AS n FROM allegations GROUP BY 1'),
    tally(ROWS, (r) =>
      /not guilty after trial/i.test(r['APU Case Status']!) ? 'not_proven' : 'misconduct_proven',
    ),
  );
  assert.equal(
    await countRows(t.db, 'findings', `supersedes_finding_id IS NOT NULL`),
    ROWS.filter(tried).length,
  );
  // Dates: no finding claims a decision date; sanctions take the closing date of a closed APU case only.
  assert.equal(await countRows(t.db, 'findings', 'decided_on IS NOT NULL'), 0);
  assert.equal(
    await countRows(t.db, 'sanctions', 'imposed_on IS NOT NULL'),
    ROWS.filter(
      (r) => r['NYPD Officer Penalty'] && /^Closed/.test(r['APU Case Status']!) && r['APU Closing Date'],
    ).length,
  );
  const ids = await t.db
    .selectFrom('dataset_records')
    .select('external_id')
    .where('record_kind', '=', 'officer')
    .execute();
  assert.deepEqual(new Set(ids.map((r) => r.external_id)), taxIds);
  const file = await t.db
    .selectFrom('dataset_files as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select(['d.sha256', 'd.rows_imported', 's.licence'])
    .executeTakeFirstOrThrow();
  assert.equal(file.sha256, 'c2784afe5d4bab484d3c5eb35483a58854738ec86b20a7b76d72a1d0459a562c');
  assert.match(file.licence ?? '', /Source: NYC Civilian Complaint Review Board, NYC Open Data/);
});

test('a row keeps the APU trial and plea details verbatim beside the penalty', async () => {
  const { rows } = await sql<{ detail: string; code: string; imposed_on: string | null }>`
    SELECT s.detail, s.sanction_code AS code, s.imposed_on FROM sanctions s
    JOIN findings f ON f.id = s.finding_id JOIN allegations a ON a.id = f.allegation_id
    JOIN incidents i ON i.id = a.incident_id WHERE i.title = 'CCRB complaint 201904359'`.execute(t.db);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.code, 'training');
  assert.equal(rows[0]!.imposed_on, '2023-10-25');
  assert.match(rows[0]!.detail, /as published: Formalized Training\./);
  assert.match(
    rows[0]!.detail,
    /APU case status: Closed: Plea set aside, Formalized Training; closed 25 October 2023; plea agreed: Command Discipline B\./,
  );
});

test('importing the same file again changes nothing', async () => {
  const before_ = await dumpDatabase(t.db);
  const again = await runImport(t.db, nycCcrbPenalties, FIXTURE, opts);
  assert.equal(again.status, 'unchanged');
  assert.equal(await dumpDatabase(t.db), before_);
});

test('a bad row in the middle: nothing changes, and the report names the line and column', async () => {
  const before_ = await dumpDatabase(t.db);
  const lines = [...LINES];
  lines[149] = lines[149]!.replace(/^(\d+),(\d+),/, '$1,94X569,');
  lines[200] = lines[200]!.replace(/,(No|Yes),/, ',Maybe,');
  const report = await importText([HEADER, ...lines].join('\n') + '\n');
  assert.equal(report.status, 'failed');
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.column]),
    [
      [151, 'Tax ID'],
      [202, 'Officer is_APU'],
    ],
  );
  assert.equal(await dumpDatabase(t.db), before_);
});

test('a corrected file with the same ids updates the records and duplicates nothing', async () => {
  const counts = async () =>
    Promise.all(
      ['incidents', 'officers', 'allegations', 'findings', 'sanctions'].map((x) => countRows(t.db, x)),
    );
  const before_ = await counts();
  const lines = LINES.map((l) => l.replace(/,Instructions$/, ',Forfeit vacation 3 days'));
  const changed = LINES.filter((l) => /,Instructions$/.test(l)).length;
  const report = await importText([HEADER, ...lines].join('\n') + '\n');
  assert.equal(report.status, 'imported');
  assert.deepEqual(report.records.sanction, { created: 0, updated: changed });
  assert.equal(report.records.allegation?.created, 0);
  assert.deepEqual(await counts(), before_);
  assert.equal(await countRows(t.db, 'sanctions', `detail LIKE '%as published: Instructions.%'`), 0);
  assert.equal(
    await countRows(t.db, 'sanctions', `detail LIKE '%as published: Forfeit vacation 3 days (3 days).%'`),
    changed + ROWS.filter((r) => r['NYPD Officer Penalty'] === 'Forfeit vacation 3 days').length,
  );
});

test('a published allegation is not changed by a re-import; its drafts neighbours are', async () => {
  const target = ROWS.find((r) => r['NYPD Officer Penalty'] === 'Command Discipline - A')!;
  const incident = await t.db
    .selectFrom('incidents')
    .select('id')
    .where('title', '=', `CCRB complaint ${target['Complaint Id']}`)
    .executeTakeFirstOrThrow();
  const allegation = await t.db
    .selectFrom('allegations')
    .select(['id', 'summary', 'status_code'])
    .where('incident_id', '=', incident.id)
    .executeTakeFirstOrThrow();
  await publish(t.db, 'incidents', incident.id);
  await publish(t.db, 'allegations', allegation.id);
  const sanctionOf = () =>
    sql<{ detail: string }>`SELECT s.detail FROM sanctions s JOIN findings f ON f.id = s.finding_id
      WHERE f.allegation_id = ${allegation.id}`.execute(t.db);
  const detailBefore = (await sanctionOf()).rows[0]!.detail;
  const lines = LINES.map((l) => l.replace(/,Command Discipline - A$/, ',Command Discipline - B'));
  const report = await importText([HEADER, ...lines].join('\n') + '\n');
  assert.equal(report.status, 'imported');
  assert.equal(
    (await sanctionOf()).rows[0]!.detail,
    detailBefore,
    'the published allegation keeps its penalty',
  );
  const others = await countRows(t.db, 'sanctions', `detail LIKE '%: Command Discipline - B.%'`);
  const penalty = (p: string) => ROWS.filter((r) => r['NYPD Officer Penalty'] === p).length;
  assert.equal(others, penalty('Command Discipline - A') - 1 + penalty('Command Discipline - B'));
});

describe('Tax IDs and personal data', () => {
  test('Tax IDs are stored only as payroll numbers and in dataset records: never in a public address', async () => {
    const officers = await t.db
      .selectFrom('officers as o')
      .innerJoin('dataset_records as d', 'd.entity_id', 'o.id')
      .select(['o.slug', 'o.published_name', 'd.external_id as taxId'])
      .execute();
    assert.equal(officers.length, new Set(ROWS.map((r) => r['Tax ID'])).size);
    const taxIds = [...new Set(ROWS.map((r) => r['Tax ID']!))];
    for (const o of officers) {
      assert.equal(o.published_name, null, 'the file names nobody');
      assert.ok(!o.slug.includes(o.taxId), o.slug);
    }
    const types = await grouped(
      t.db,
      'SELECT identifier_type AS k, count(*) AS n FROM officer_identifiers GROUP BY 1',
    );
    assert.deepEqual([...types.keys()], ['payroll_number']);
    const attributes = await t.db
      .selectFrom('dataset_records')
      .select('attributes')
      .where('record_kind', '=', 'allegation')
      .execute();
    for (const a of attributes) assert.ok(!taxIds.some((id) => JSON.stringify(a.attributes).includes(id)));
  });

  test('published records: no Tax ID in the public export or on the public pages', async () => {
    const pair = ROWS[0]!;
    const incident = await t.db
      .selectFrom('incidents')
      .select(['id', 'slug'])
      .where('title', '=', `CCRB complaint ${pair['Complaint Id']}`)
      .executeTakeFirstOrThrow();
    const allegation = await t.db
      .selectFrom('allegations')
      .select(['id', 'officer_id'])
      .where('incident_id', '=', incident.id)
      .executeTakeFirstOrThrow();
    await publish(t.db, 'incidents', incident.id);
    await publish(t.db, 'allegations', allegation.id);
    await publish(t.db, 'officers', allegation.officer_id!);
    const exported = await exportedText(t.db);
    assert.match(exported, new RegExp(`CCRB complaint ${pair['Complaint Id']}`), 'the incident is exported');
    for (const r of ROWS) assert.ok(!exported.includes(r['Tax ID']!), `Tax ID ${r['Tax ID']} in the export`);
    const app = testApp(t.database);
    const page = await app.request(`/incidents/${incident.slug}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /CCRB complaint/);
    assert.ok(!html.includes(pair['Tax ID']!));
    const officer = await t.db
      .selectFrom('officers')
      .select('slug')
      .where('id', '=', allegation.officer_id!)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await app.request(`/officers/${officer.slug}`)).status,
      404,
      'an officer known only by number has no page',
    );
  });
});

describe('hostile files', () => {
  const h = testDatabaseFor();
  const run = (text: string | Buffer, extra: { encoding?: 'latin1' } = {}) =>
    runImport(h.db, nycCcrbPenalties, files.file('ccrb-penalties.csv', text), { ...opts, ...extra });
  const row = (complaint: string, taxId: string, penalty: string, date = '02/28/2022') =>
    `${complaint},${taxId},Substantiated (Command Discipline A),,${date},No,,,,,,${penalty}`;

  test('an impossible US date (02/30/2020) is refused with its line and column', async () => {
    const r = await run(
      `${HEADER}\n${row('300000001', '900001', 'Instructions')}\n${row('300000002', '900002', 'Instructions', '02/30/2020')}\n`,
    );
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]),
      [[3, 'Non-APU NYPD Penalty Report Date']],
    );
    assert.match(r.errors[0]!.message, /not a date \(MM\/DD\/YYYY/);
  });

  test('Latin-1 needs --encoding latin1; a BOM and CRLF are read; quoted line breaks stay in the detail', async () => {
    const text = `${HEADER}\r\n${row('300000003', '900003', `"Instructions\r\n(Zoë's case)"`)}\r\n`;
    const latin1 = Buffer.from(text, 'latin1');
    const refused = await run(latin1);
    assert.equal(refused.status, 'failed');
    assert.match(refused.errors[0]!.message, /--encoding latin1/);
    const ok = await run(latin1, { encoding: 'latin1' });
    assert.equal(ok.status, 'imported', JSON.stringify(ok.errors));
    const bom = await run(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(text.replace('300000003', '300000004'), 'utf8'),
      ]),
    );
    assert.equal(bom.status, 'imported', JSON.stringify(bom.errors));
    const { rows } = await sql<{ detail: string }>`SELECT detail FROM sanctions ORDER BY detail`.execute(
      h.db,
    );
    assert.equal(rows.length, 2);
    for (const r of rows) assert.match(r.detail, /as published: Instructions\r?\n\(Zoë's case\)\./);
  });

  test('a (complaint, Tax ID) pair repeated in one file is one allegation: the later row wins', async () => {
    const before_ = await countRows(h.db, 'allegations');
    const r = await run(
      `${HEADER}\n${row('300000005', '900005', 'Instructions')}\n${row('300000006', '900006', 'No penalty')}\n${row('300000005', '900005', 'Forfeit vacation 5 days')}\n`,
    );
    assert.equal(r.status, 'imported', JSON.stringify(r.errors));
    assert.equal(await countRows(h.db, 'allegations'), before_ + 2);
    const { rows } = await sql<{ code: string }>`SELECT s.sanction_code AS code FROM sanctions s
      JOIN findings f ON f.id = s.finding_id JOIN allegations a ON a.id = f.allegation_id
      JOIN incidents i ON i.id = a.incident_id WHERE i.title = 'CCRB complaint 300000005'`.execute(h.db);
    assert.deepEqual(
      rows.map((x) => x.code),
      ['forfeit_vacation'],
    );
    // The later row has no penalty: the earlier one's goes.
    const gone = await run(
      `${HEADER}\n${row('300000007', '900007', 'Instructions')}\n${row('300000007', '900007', '')}\n`,
    );
    assert.equal(gone.status, 'imported');
    const { rows: left } = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM sanctions s JOIN findings f ON f.id = s.finding_id
      JOIN allegations a ON a.id = f.allegation_id JOIN incidents i ON i.id = a.incident_id
      WHERE i.title = 'CCRB complaint 300000007'`.execute(h.db);
    assert.equal(Number(left[0]!.n), 0);
  });

  test('a file with a missing column or a shifted row is refused', async () => {
    const r = await run(
      `${HEADER.replace('Tax ID', 'Officer')}\n${row('300000008', '900008', 'Instructions')}\n`,
    );
    assert.equal(r.status, 'failed');
    assert.match(r.errors[0]!.message, /header lacks "Tax ID"/);
    const badId = await run(`${HEADER}\n${row('2020 0764', '900010', 'Instructions')}\n`);
    assert.deepEqual(
      badId.errors.map((e) => [e.line, e.column, e.message]),
      [[2, 'Complaint Id', 'must be the CCRB complaint number (digits)']],
    );
    const shifted = await run(`${HEADER}\n${row('300000009', 'Substantiated (Charges)', 'x')}\n`);
    assert.equal(shifted.status, 'failed');
    assert.equal(shifted.errors[0]!.column, 'Tax ID');
  });
});
