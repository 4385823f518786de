import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { dumpDatabase } from '../../test/helpers/dump.ts';
import { testApp } from '../../test/helpers/app.ts';
import { EditorClient } from '../../test/helpers/editor.ts';
import { toCsv } from '../../test/helpers/imports.ts';
import { fetchPage, publish } from '../../test/helpers/pages.ts';
import { runImport, type ImportFormat } from './framework.ts';
import { cpdpAccused } from './formats/cpdp/accused.ts';
import { cpdpComplaints } from './formats/cpdp/complaints.ts';
import { cpdpProfiles } from './formats/cpdp/profiles.ts';

const DIR = path.resolve('test/fixtures/chicago-cpdp');
const COMPLAINTS = path.join(DIR, 'complaints-complaints.csv');
const ACCUSED = path.join(DIR, 'complaints-accused.csv');
const PROFILES = path.join(DIR, 'complaints-accused-profiles.csv');
type Row = Record<string, string>;
const read = (f: string) => parse(fs.readFileSync(f, 'utf8'), { columns: true }) as Row[];
const complaints = read(COMPLAINTS);
const accused = read(ACCUSED);
const profiles = read(PROFILES);
const UID = Object.keys(accused[0]!).find((k) => k.endsWith('_ID'))!;
const opts = { actor: 'test:import' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-cpdp-'));

async function load(db: Db, order: [ImportFormat<unknown, unknown>, string][]) {
  for (const [format, file] of order) {
    const r = await runImport(db, format, file, opts);
    assert.equal(r.status, 'imported', `${format.id}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
}
const FORWARD: [ImportFormat<unknown, unknown>, string][] = [
  [cpdpComplaints as ImportFormat<unknown, unknown>, COMPLAINTS],
  [cpdpAccused as ImportFormat<unknown, unknown>, ACCUSED],
  [cpdpProfiles as ImportFormat<unknown, unknown>, PROFILES],
];

async function counts(db: Db) {
  const { rows } = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM allegations) AS allegations,
    (SELECT count(*) FROM findings) AS findings, (SELECT count(*) FROM sanctions) AS sanctions,
    (SELECT count(*) FROM officers) AS officers, (SELECT count(*) FROM officer_identifiers) AS identifiers,
    (SELECT count(*) FROM dataset_records) AS links, (SELECT count(*) FROM units) AS units`.execute(db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/** A copy of a fixture with some rows changed, in its own folder (the name is kept). */
function variant(file: string, edit: (rows: string[]) => string[]): string {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
  const out = path.join(fs.mkdtempSync(path.join(tmp, 'v-')), path.basename(file));
  fs.writeFileSync(out, [header, ...edit(lines)].join('\n') + '\n');
  return out;
}

const unknown = (r: Row) => /^(UNKNOWN)?$/i.test(r.first_name!) && /^(UNKNOWN)?$/i.test(r.last_name!);

describe('Chicago CPDP', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await load(t.db, FORWARD);
  });
  after(async () => {
    await t.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the three files import with the counts an independent parse gives', async () => {
    const c = await counts(t.db);
    const crIds = new Set([...complaints.map((r) => r.cr_id), ...accused.map((r) => r.cr_id)]);
    assert.equal(c.incidents, crIds.size);
    assert.equal(c.allegations, accused.length);
    const known = new Set([
      ...accused.filter((r) => !unknown(r)).map((r) => r[UID]),
      ...profiles.filter((r) => !unknown(r)).map((r) => r[UID]),
    ]);
    assert.equal(c.officers, known.size);
    const withFinding = accused.filter((r) => r.final_finding !== '');
    assert.equal(c.findings, withFinding.length);
    assert.equal(c.sanctions, withFinding.filter((r) => r.final_penalty !== '').length);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM allegations WHERE officer_id IS NULL AND unidentified_officer IS NOT NULL`.execute(
      t.db,
    );
    assert.equal(Number(rows[0]!.n), accused.filter(unknown).length);
    const sustained = accused.filter((r) => /^sustained$/i.test(r.final_finding!)).length;
    const { rows: s } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM allegations WHERE status_code = 'misconduct_proven'`.execute(t.db);
    assert.equal(Number(s[0]!.n), sustained);
  });

  test('everything imported is a draft, with its dataset and file recorded', async () => {
    const { rows } = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM incidents WHERE publication_state <> 'draft')
           + (SELECT count(*) FROM allegations WHERE publication_state <> 'draft')
           + (SELECT count(*) FROM officers WHERE publication_state <> 'draft') AS n`.execute(t.db);
    assert.equal(Number(rows[0]!.n), 0);
    const files = await t.db
      .selectFrom('dataset_files as f')
      .innerJoin('sources as s', 's.id', 'f.source_id')
      .select(['f.file_name', 'f.rows_imported', 's.licence'])
      .orderBy('f.file_name')
      .execute();
    assert.deepEqual(
      files.map((f) => [f.file_name, f.rows_imported]),
      [
        ['complaints-accused-profiles.csv', profiles.length],
        ['complaints-accused.csv', accused.length],
        ['complaints-complaints.csv', complaints.length],
      ],
    );
    assert.match(files[0]!.licence!, /Invisible Institute, Citizens Police Data Project/);
  });

  test('an imported record shows its dataset and licence, in the editor and once published', async () => {
    const app = testApp(t);
    const cr = complaints.find((r) => r.location_code === '304 - STREET')!.cr_id!;
    const inc = await t.db
      .selectFrom('incidents')
      .select('id')
      .where('slug', '=', `cpdp-cr-${cr}`)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await fetchPage(app, `/incidents/cpdp-cr-${cr}`)).status,
      404,
      'a draft has no public page',
    );
    await publish(t.db, 'incidents', inc.id);
    const page = await fetchPage(app, `/incidents/cpdp-cr-${cr}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /From a published dataset/);
    assert.match(page.html, /Source: Invisible Institute, Citizens Police Data Project/);
    assert.match(page.html, new RegExp(`<code>${cr}</code> in <code>complaints-complaints.csv</code>`));
    const editor = await EditorClient.as(app, t.db, 'editor');
    const rec = await editor.page(`/editor/incidents/${inc.id}`);
    assert.match(rec.html, /From a published dataset/);
    assert.match(rec.html, /SHA-256/);
  });

  test('findings carry the complaint’s closing date and investigating agency', async () => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM findings WHERE decided_on IS NOT NULL AND deciding_body = 'COPA'`.execute(
      t.db,
    );
    const closed = new Map(complaints.map((r) => [r.cr_id, r.closed_date]));
    const expected = accused.filter((r) => r.final_finding !== '' && closed.get(r.cr_id!)).length;
    assert.equal(Number(rows[0]!.n), expected);
  });

  test('no officer’s birth year, race or gender is stored, and no residence address', async () => {
    const cols = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'officers'`.execute(t.db);
    assert.ok(!cols.rows.some((c) => /race|gender|birth/.test(c.column_name)));
    const { rows } = await sql<{ attributes: Record<string, unknown> }>`
      SELECT attributes FROM dataset_records WHERE record_kind = 'officer'`.execute(t.db);
    for (const r of rows) assert.ok(!Object.keys(r.attributes).some((k) => /race|gender|birth/.test(k)));
    for (const c of complaints.filter((r) => /RESIDENCE/.test(r.location_code!) || r.apartment_number)) {
      const inc = await t.db
        .selectFrom('incidents')
        .select('place')
        .where('slug', '=', `cpdp-cr-${c.cr_id!.toLowerCase()}`)
        .executeTakeFirstOrThrow();
      assert.match(inc.place!, /address withheld/);
      assert.ok(!inc.place!.includes(c.street_name!.slice(0, 6)), inc.place!);
    }
    const dump = await dumpDatabase(t.db);
    const apartments = complaints.map((r) => r.apartment_number).filter((a) => a && a.length > 2);
    for (const a of apartments) assert.ok(!dump.includes(`APT ${a}`) && !dump.includes(`#${a}`));
  });

  test('re-importing the same file changes nothing', async () => {
    const before = await counts(t.db);
    const r = await runImport(t.db, cpdpAccused, ACCUSED, opts);
    assert.equal(r.status, 'unchanged');
    assert.deepEqual(await counts(t.db), before);
  });

  test('a newer file with the same ids updates those records and duplicates nothing', async () => {
    const target = accused.find((r) => r.final_finding === 'NOT SUSTAINED' && r.final_penalty === '')!;
    const file = variant(ACCUSED, (lines) =>
      lines.map((l) => (l.startsWith(`${target.row_id},`) ? l.replace('NOT SUSTAINED', 'SUSTAINED') : l)),
    );
    const before = await counts(t.db);
    const r = await runImport(t.db, cpdpAccused, file, opts);
    assert.equal(r.status, 'imported');
    assert.deepEqual(r.records.allegation, { created: 0, updated: 1 });
    assert.deepEqual(r.records.finding, { created: 0, updated: 1 });
    assert.deepEqual(await counts(t.db), before);
    const { rows } = await sql<{ status_code: string; outcome_code: string }>`
      SELECT a.status_code, f.outcome_code FROM allegations a JOIN findings f ON f.allegation_id = a.id
      JOIN dataset_records d ON d.entity_id = a.id AND d.record_kind = 'allegation'
      WHERE d.external_id = ${target.row_id}`.execute(t.db);
    assert.deepEqual(rows, [{ status_code: 'misconduct_proven', outcome_code: 'sustained' }]);
  });

  test('a record an editor has moved on is not changed by a re-import', async () => {
    const row = accused.find((r) => r.final_finding === 'UNFOUNDED')!;
    const { rows } = await sql<{ id: string }>`SELECT entity_id AS id FROM dataset_records
      WHERE record_kind = 'allegation' AND external_id = ${row.row_id}`.execute(t.db);
    const id = rows[0]!.id;
    await t.db
      .updateTable('allegations')
      .set({ publication_state: 'in_review' })
      .where('id', '=', id)
      .execute();
    const file = variant(ACCUSED, (lines) =>
      lines.map((l) => (l.startsWith(`${row.row_id},`) ? l.replace('UNFOUNDED', 'SUSTAINED') : l)),
    );
    const r = await runImport(t.db, cpdpAccused, file, opts);
    assert.equal(r.status, 'imported');
    const a = await t.db
      .selectFrom('allegations')
      .select('status_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(a.status_code, 'no_case_to_answer');
  });

  test('an officer an editor has moved on gets no new star, rank or unit; a draft officer does', async () => {
    const [held, draft] = profiles.filter((r) => !unknown(r) && r.star && r.current_unit && r.rank);
    const idOf = async (r: Row) =>
      (
        await sql<{ id: string }>`SELECT entity_id AS id FROM dataset_records
          WHERE record_kind = 'officer' AND external_id = ${r[UID]!.replace(/\.0+$/, '')}`.execute(t.db)
      ).rows[0]!.id;
    const parts = async (id: string) =>
      (
        await sql<{ part: string }>`
          SELECT 'badge ' || identifier AS part FROM officer_identifiers WHERE officer_id = ${id}
          UNION ALL SELECT 'rank ' || rank_code FROM officer_ranks WHERE officer_id = ${id}
          UNION ALL SELECT 'unit ' || u.code FROM officer_postings p JOIN units u ON u.id = p.unit_id
            WHERE p.officer_id = ${id}
          ORDER BY 1`.execute(t.db)
      ).rows.map((r) => r.part);
    const [heldId, draftId] = [await idOf(held!), await idOf(draft!)];
    await t.db
      .updateTable('officers')
      .set({ publication_state: 'in_review' })
      .where('id', '=', heldId)
      .execute();
    const before_ = await parts(heldId);
    assert.ok(before_.length > 0);
    const moved = (r: Row, star: string): Row => ({
      ...r,
      star,
      rank: 'CAPTAIN OF POLICE',
      current_unit: '777.0',
    });
    const file = path.join(fs.mkdtempSync(path.join(tmp, 'v-')), path.basename(PROFILES));
    fs.writeFileSync(
      file,
      toCsv(
        profiles.map((r) => (r === held ? moved(r, '99901.0') : r === draft ? moved(r, '99902.0') : r)),
        { header: Object.keys(profiles[0]!) },
      ),
    );
    const r = await runImport(t.db, cpdpProfiles, file, opts);
    assert.equal(r.status, 'imported', JSON.stringify(r.errors.slice(0, 3)));
    assert.deepEqual(await parts(heldId), before_);
    const now = await parts(draftId);
    for (const p of ['badge 99902', 'rank captain', 'unit 777']) assert.ok(now.includes(p), `${p} in ${now}`);
  });

  test('a bad row in the middle leaves the database unchanged and the report names it', async () => {
    const before = await counts(t.db);
    const middle = Math.floor(accused.length / 2);
    const file = variant(ACCUSED, (lines) =>
      lines.map((l, i) =>
        i === middle ? l.replace(/,\d+$/, ',not-an-id') : l.replace('UNFOUNDED', 'EXONERATED'),
      ),
    );
    const r = await runImport(t.db, cpdpAccused, file, opts);
    assert.equal(r.status, 'failed');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.line, middle + 2);
    assert.equal(r.errors[0]!.column, UID);
    assert.deepEqual(await counts(t.db), before);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM findings WHERE outcome_code = 'exonerated'`.execute(t.db);
    assert.equal(Number(rows[0]!.n), accused.filter((x) => x.final_finding === 'EXONERATED').length);
  });

  test('a row id repeated within one file is one allegation, with the last row’s values', async () => {
    const row = accused.find((r) => r.final_finding === 'NOT SUSTAINED' && r.final_penalty === '')!;
    const file = variant(ACCUSED, (lines) => {
      const line = lines.find((l) => l.startsWith(`${row.row_id},`))!;
      return [...lines, line.replace('NOT SUSTAINED', 'EXONERATED')];
    });
    const before = await counts(t.db);
    const r = await runImport(t.db, cpdpAccused, file, opts);
    assert.equal(r.status, 'imported');
    assert.deepEqual(await counts(t.db), before);
    const { rows } = await sql<{ outcome_code: string }>`
      SELECT f.outcome_code FROM findings f JOIN dataset_records d ON d.entity_id = f.allegation_id
      WHERE d.record_kind = 'allegation' AND d.external_id = ${row.row_id}`.execute(t.db);
    assert.deepEqual(rows, [{ outcome_code: 'exonerated' }]);
  });

  test('a file without the officer id column is refused as a whole', async () => {
    const file = variant(ACCUSED, (lines) => lines.slice(0, 3));
    const text = fs.readFileSync(file, 'utf8').replace(UID, 'officer');
    fs.writeFileSync(file, text);
    const r = await runImport(t.db, cpdpAccused, file, opts);
    assert.equal(r.status, 'failed');
    assert.match(r.errors[0]!.message, /officer id column/);
  });
});

describe('Chicago CPDP files in another order', () => {
  let forward: TestDatabase;
  let backward: TestDatabase;
  before(async () => {
    [forward, backward] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await load(forward.db, FORWARD);
    await load(backward.db, [...FORWARD].reverse());
  });
  after(async () => {
    await forward.close();
    await backward.close();
  });

  test('accused before complaints gives the same records (placeholders are filled in)', async () => {
    const state = async (db: Db) => {
      const { rows } = await sql<Record<string, unknown>>`
        SELECT i.slug, i.title, i.summary, i.place, i.occurred_on, a.summary AS allegation, a.status_code,
          a.reported_on, o.slug AS officer, o.published_name, f.decided_on, f.deciding_body, s.sanction_code
        FROM allegations a JOIN incidents i ON i.id = a.incident_id
        LEFT JOIN officers o ON o.id = a.officer_id LEFT JOIN findings f ON f.allegation_id = a.id
        LEFT JOIN sanctions s ON s.finding_id = f.id
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13`.execute(db);
      return rows;
    };
    assert.deepEqual(await state(backward.db), await state(forward.db));
    assert.deepEqual(await counts(backward.db), await counts(forward.db));
  });
});

describe('Chicago CPDP accused rows in small batches', () => {
  // Officer 5533's second row gives another star, its third the first star again: each batch
  // adds what its rows describe, and an officer a batch already wrote just so is not re-sent.
  let rowOf5533 = 0;
  let whole: TestDatabase;
  let batched: TestDatabase;
  before(async () => {
    fs.mkdirSync(tmp, { recursive: true });
    const file = variant(ACCUSED, (lines) =>
      lines.map((l) => (l.includes(',1397.0,') && rowOf5533++ === 1 ? l.replace(',1397.0,', ',1398.0,') : l)),
    );
    [whole, batched] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await load(whole.db, [[cpdpAccused as ImportFormat<unknown, unknown>, file]]);
    await load(batched.db, [[{ ...cpdpAccused, batchSize: 3 } as ImportFormat<unknown, unknown>, file]]);
  });
  after(async () => {
    await whole.close();
    await batched.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const officersOf = async (db: Db) => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT o.slug, o.published_name, o.role_type,
        (SELECT array_agg(identifier ORDER BY identifier) FROM officer_identifiers WHERE officer_id = o.id) AS stars,
        (SELECT array_agg(rank_code ORDER BY rank_code) FROM officer_ranks WHERE officer_id = o.id) AS ranks,
        (SELECT array_agg(u.slug ORDER BY u.slug) FROM officer_postings p JOIN units u ON u.id = p.unit_id
          WHERE p.officer_id = o.id) AS units,
        d.attributes
      FROM officers o JOIN dataset_records d ON d.entity_id = o.id AND d.record_kind = 'officer'
      ORDER BY o.slug`.execute(db);
    return rows;
  };

  test('give the records one batch gives, the last row’s values winning', async () => {
    assert.ok(rowOf5533 >= 3, 'officer 5533 has three rows or more in the fixture');
    const officers = await officersOf(batched.db);
    assert.deepEqual(officers, await officersOf(whole.db));
    assert.deepEqual(await counts(batched.db), await counts(whole.db));
    const doskocz = officers.find((o) => o.slug === 'cpdp-officer-5533')!;
    assert.deepEqual(doskocz.stars, ['1397', '1398']);
    assert.equal((doskocz.attributes as Record<string, unknown>).star, '1397');
  });
});
