import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { addIncidentUnit } from '../incidents/service.ts';
import { refreshPatterns } from '../patterns/refresh.ts';
import { saveUnit } from '../units/service.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeAllegation, makeIncident, met } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { runImport } from './framework.ts';
import { unitHeadcounts } from './formats/unit-headcounts.ts';

// Unit headcounts through the import framework, and the rate per 100 officers they feed.

let t: TestDatabase;
let dir: string;
before(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-headcounts-'));
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER = 'unit,year,headcount,source';
let n = 0;
function file(lines: string[]): string {
  const p = path.join(dir, `headcounts-${++n}.csv`);
  fs.writeFileSync(p, [HEADER, ...lines].join('\n') + '\n');
  return p;
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('headcounts import and give the rate per 100 officers (hand-computed)', async () => {
  const force = await met(t.db);
  const unit = await inTransaction(t.db, (trx) =>
    saveUnit(trx, ACTOR, { forceId: force.id, slug: 'test-station', name: 'Test Station', kind: 'station' }),
  );
  // Six published allegations in 2024 on an incident linked to the station (six: no cell is suppressed).
  const incident = await makeIncident(t.db, { occurred: { on: '2024-03-01', precision: 'day' } });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await makeAllegation(t.db, { incidentId: incident.id })).id);
  await inTransaction(t.db, async (trx) => {
    await addIncidentUnit(trx, ACTOR, incident.id, unit.id);
    await publish(trx, 'incidents', incident.id);
    for (const id of ids) await publish(trx, 'allegations', id);
  });
  const report = await runImport(
    t.db,
    unitHeadcounts,
    file([
      'metropolitan/test-station,2024,240,"Metropolitan Police FOI answer (test)"',
      '/forces/metropolitan/units/test-station,2023,250,Test annual report',
    ]),
    { actor: ACTOR },
  );
  assert.equal(report.status, 'imported', JSON.stringify(report.errors));
  const rows = await t.db.selectFrom('unit_headcounts').selectAll().orderBy('year').execute();
  assert.deepEqual(
    rows.map((r) => [r.unit_id, r.year, r.headcount, r.source]),
    [
      [unit.id, 2023, 250, 'Test annual report'],
      [unit.id, 2024, 240, 'Metropolitan Police FOI answer (test)'],
    ],
  );
  await refreshPatterns(t.db);
  const page = text(await (await testApp(t).request('/patterns/forces/metropolitan/units')).text());
  // 100 × 6 / 240 = 2.5 per 100 officers in 2024; no published allegation in 2023: 0 of 250.
  assert.match(page, /Test Station, 2024 240 2\.5 Metropolitan Police FOI answer \(test\)/);
  assert.match(page, /Test Station, 2023 250 0 Test annual report/);
});

test('a later file replaces a figure; an unknown unit, a repeated year and a bad number are reported by line', async () => {
  const later = await runImport(
    t.db,
    unitHeadcounts,
    file(['metropolitan/test-station,2024,300,Revised FOI']),
    {
      actor: ACTOR,
    },
  );
  assert.equal(later.status, 'imported');
  const row = await t.db
    .selectFrom('unit_headcounts')
    .selectAll()
    .where('year', '=', 2024)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.headcount, row.source], [300, 'Revised FOI']);

  const bad = await runImport(
    t.db,
    unitHeadcounts,
    file([
      'metropolitan/no-such-station,2024,10,X',
      'metropolitan/test-station,2022,10,X',
      'metropolitan/test-station,2022,11,X',
    ]),
    { actor: ACTOR },
  );
  assert.equal(bad.status, 'failed');
  assert.deepEqual(
    bad.errors.map((e) => [e.line, e.column]),
    [
      [2, 'unit'],
      [4, 'year'],
    ],
  );
  const shape = await runImport(t.db, unitHeadcounts, file(['Test Station,24,many,']), { actor: ACTOR });
  assert.deepEqual(
    shape.errors.map((e) => e.column),
    ['unit', 'year', 'headcount', 'source'],
  );
  const count = await t.db
    .selectFrom('unit_headcounts')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 2, 'nothing from the refused files');
});
