import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { inTransaction } from '../audit/records.ts';
import { csvRow } from '../http/csv.ts';
import { runImport } from '../imports/framework.ts';
import { FORMATS } from '../imports/formats/index.ts';
import { datasetRecordId } from '../imports/records.ts';
import { matchAfterImport } from './after-import.ts';
import { mergeRecords } from './merge.ts';

// A re-import after a merge writes to the survivor: the Chicago CPDP files, two officers merged,
// then a changed accused file (a finding changed, a new allegation, a new rank and unit).
const DIR = 'test/fixtures/chicago-cpdp';
let t: TestDatabase;
let tmp: string;
before(async () => {
  t = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-match-'));
});
after(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const load = (format: string, file: string) =>
  runImport(t.db, FORMATS[format]!, file, { actor: 'test:import', retrievedOn: '2026-11-01' });

test('after a merge, a re-imported accused file lands on the survivor', async () => {
  for (const [format, file] of [
    ['cpdp-profiles', 'complaints-accused-profiles.csv'],
    ['cpdp-complaints', 'complaints-complaints.csv'],
    ['cpdp-accused', 'complaints-accused.csv'],
  ] as const) {
    const r = await load(format, path.join(DIR, file));
    assert.equal(r.status, 'imported', `${file}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  const source = await t.db
    .selectFrom('sources')
    .select('id')
    .where('kind', '=', 'dataset')
    .executeTakeFirstOrThrow();
  const officer = (uid: string) => datasetRecordId(source.id, 'officer', uid);
  const keep = officer('8629');
  const gone = officer('6964');
  const goneBefore = await t.db
    .selectFrom('allegations')
    .select('id')
    .where('officer_id', '=', gone)
    .execute();
  assert.equal(goneBefore.length, 6, 'the accused file names officer 6964 six times');
  await inTransaction(t.db, (trx) =>
    mergeRecords(
      trx,
      { actor: 'test:editor', user: { role: 'editor' } },
      { kind: 'officer', survivorId: keep, mergedId: gone },
    ),
  );

  const text = fs.readFileSync(path.join(DIR, 'complaints-accused.csv'), 'utf8');
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  const idCol = Object.keys(rows[0]!).find((k) => k.endsWith('_ID'))!;
  const mine = rows.filter((r) => r[idCol] === '6964');
  const changed: Record<string, string> = {
    ...mine[0]!,
    final_finding: 'SUSTAINED',
    final_penalty: 'REPRIMAND',
  };
  const added: Record<string, string> = {
    ...mine[1]!,
    row_id: '99999901',
    rank: 'SERGEANT OF POLICE',
    current_unit: '7.0',
    allegation_category: 'Use Of Force',
  };
  const out = rows.map((r) => (r.row_id === changed.row_id ? changed : r));
  out.push(added);
  const file = path.join(tmp, 'complaints-accused.csv');
  const columns = Object.keys(rows[0]!);
  fs.writeFileSync(file, [columns, ...out.map((r) => columns.map((k) => r[k]))].map(csvRow).join(''));
  const report = await load('cpdp-accused', file);
  assert.equal(report.status, 'imported', JSON.stringify(report.errors.slice(0, 3)));

  const allegation = (rowId: string) => datasetRecordId(source.id, 'allegation', rowId);
  const a = await t.db
    .selectFrom('allegations')
    .select(['officer_id', 'status_code'])
    .where('id', '=', allegation(added.row_id!))
    .executeTakeFirstOrThrow();
  assert.equal(a.officer_id, keep, 'the new allegation names the survivor');
  const c = await t.db
    .selectFrom('allegations')
    .select(['officer_id', 'status_code'])
    .where('id', '=', allegation(changed.row_id!))
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    c,
    { officer_id: keep, status_code: 'misconduct_proven' },
    'the changed one was updated where it is',
  );
  const left = await t.db.selectFrom('allegations').select('id').where('officer_id', '=', gone).execute();
  assert.deepEqual(left, [], 'nothing is written to the merged officer');
  const links = await t.db
    .selectFrom('incident_officers')
    .select('officer_id')
    .where('incident_id', '=', datasetRecordId(source.id, 'incident', added.cr_id!))
    .execute();
  assert.ok(links.some((l) => l.officer_id === keep));
  const ranks = await t.db
    .selectFrom('officer_ranks')
    .select(['officer_id', 'rank_code'])
    .where('rank_code', '=', 'sergeant')
    .where('officer_id', 'in', [keep, gone])
    .execute();
  assert.deepEqual(ranks, [{ officer_id: keep, rank_code: 'sergeant' }], 'the new rank goes to the survivor');
  const postings = await t.db
    .selectFrom('officer_postings as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.officer_id'])
    .where('u.code', '=', '7')
    .where('p.officer_id', 'in', [keep, gone])
    .execute();
  assert.deepEqual(postings, [{ officer_id: keep }], 'so does the new unit');

  // Matching after that import looks at the file's records only, and can run again harmlessly.
  const matched = await matchAfterImport(t.db, report, { autoMerge: true, actor: 'test:import' });
  assert.ok(matched?.officer && matched.incident, 'officers and incidents were compared');
  const again = await matchAfterImport(t.db, report, { autoMerge: true, actor: 'test:import' });
  assert.equal(again?.officer?.created, 0);
  assert.equal(again?.incident?.created, 0);
  const unchanged = await load('cpdp-accused', file);
  assert.equal(
    await matchAfterImport(t.db, unchanged, { autoMerge: true, actor: 'x' }),
    null,
    'an unchanged file costs nothing',
  );
});
