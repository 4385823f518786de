import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import {
  candidatesOf,
  linkToDataset,
  makeDataset,
  makeMatchOfficer,
  makeUnit,
} from '../../test/helpers/matching.ts';
import { findCandidates } from './candidates.ts';
import { inTransaction } from '../audit/records.ts';
import { rejectCandidate } from './merge.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());
// Each test starts from no officers, so the pairs it counts are its own.
beforeEach(async () => {
  await sql`DELETE FROM record_merges; DELETE FROM match_candidates; DELETE FROM dataset_records;
    DELETE FROM officer_identifiers; DELETE FROM officer_ranks; DELETE FROM officer_postings;
    DELETE FROM officers`.execute(t.db);
});

const officers = () => findCandidates(t.db, { all: true }, { kinds: ['officer'] });

test('the same badge and a similar name make a candidate, with its reasons', async () => {
  const ds = await makeDataset(t.db, 'Second dataset');
  const unit = await makeUnit(t.db);
  const a = await makeMatchOfficer(t.db, {
    name: 'Jonathan Clapham',
    numbers: [{ type: 'badge_number', value: '4411' }],
    ranks: ['police_constable'],
    units: [unit.id],
  });
  // The second source gave the same badge, which the importer could not attach (a holds it).
  const b = await makeMatchOfficer(t.db, { name: 'Jonathon Clapham', units: [unit.id] });
  await linkToDataset(t.db, ds, 'officer', b.id, { star: '4411' });
  const report = await officers();
  assert.equal(report.officer?.created, 1);
  const [c] = await candidatesOf(t.db, 'officer');
  assert.deepEqual([c!.record_a, c!.record_b], [a.id, b.id].sort());
  assert.equal(c!.status, 'pending');
  assert.deepEqual(c!.codes.sort(), ['for:name_similar', 'for:same_identifier', 'for:same_unit']);
  assert.equal(c!.score, 0.7);
  const text = JSON.stringify(c!.reasons);
  assert.match(text, /badge \(star\) number in the same force over an overlapping period: 4411/);
  assert.match(text, /Jonathan Clapham|Jonathon Clapham/);
  assert.match(text, /trigram similarity 0\.70/);
});

test('the same badge with a different name is no candidate (rule R11: never a number alone)', async () => {
  const ds = await makeDataset(t.db);
  const unit = await makeUnit(t.db);
  await makeMatchOfficer(t.db, {
    name: 'Sam Franks',
    numbers: [{ type: 'badge_number', value: '7001' }],
    ranks: ['police_constable'],
    units: [unit.id],
  });
  const b = await makeMatchOfficer(t.db, {
    name: 'Ada Okonkwo',
    ranks: ['police_constable'],
    units: [unit.id],
  });
  await linkToDataset(t.db, ds, 'officer', b.id, { star: '7001' });
  const report = await officers();
  assert.equal(report.officer?.compared, 1, 'the pair was compared');
  assert.equal(report.officer?.candidates, 0, 'but the different name counts against it');
  assert.deepEqual(await candidatesOf(t.db, 'officer'), []);
});

test('a partly similar name beside the same badge is a candidate marked with what disagrees', async () => {
  const ds = await makeDataset(t.db, 'Roster');
  const unit = await makeUnit(t.db);
  const a = await makeMatchOfficer(t.db, {
    name: 'Catherine Lee',
    numbers: [{ type: 'badge_number', value: '20164' }],
    ranks: ['sergeant'],
    units: [unit.id],
  });
  const b = await makeMatchOfficer(t.db, { name: 'Katherine Lee', ranks: ['sergeant'], units: [unit.id] });
  await linkToDataset(t.db, ds, 'officer', b.id, { star: '20164' });
  const other = await makeDataset(t.db, 'Roster');
  await linkToDataset(t.db, { sourceId: ds.sourceId, fileId: other.fileId }, 'officer', a.id);
  await officers();
  const [c] = await candidatesOf(t.db, 'officer');
  assert.ok(c, 'a candidate');
  assert.ok(c.codes.includes('against:same_dataset'), c.codes.join());
  assert.ok(c.codes.includes('for:name_partly'), c.codes.join());
  assert.equal(c.score, 0.5, 'badge 0.3 + name 0.1 + unit 0.15 + rank 0.05 − same dataset 0.1');
  assert.match(JSON.stringify(c.reasons), /Roster lists them as two officers/);
});

test('a similar name alone is not enough; with a unit in common it is', async () => {
  const unit = await makeUnit(t.db);
  await makeMatchOfficer(t.db, { name: 'Martyn Blake', ranks: ['police_constable'] });
  await makeMatchOfficer(t.db, { name: 'Martyn Blake', ranks: ['police_constable'] });
  assert.equal((await officers()).officer?.candidates, 0, 'same name and rank: 0.40, under the threshold');
  await makeMatchOfficer(t.db, { name: 'Wayne Couzens', units: [unit.id] });
  await makeMatchOfficer(t.db, { name: 'Wayne Couzens', units: [unit.id] });
  const report = await officers();
  assert.equal(report.officer?.candidates, 1);
  const [c] = await candidatesOf(t.db, 'officer');
  assert.deepEqual(c!.codes.sort(), ['for:name_identical', 'for:same_unit']);
});

test('officers of different forces are never paired', async () => {
  const ds = await makeDataset(t.db);
  const other = await t.db
    .selectFrom('forces')
    .select('id')
    .where('slug', '<>', 'metropolitan')
    .executeTakeFirstOrThrow();
  await makeMatchOfficer(t.db, { name: 'Pat Doyle', numbers: [{ type: 'badge_number', value: '99' }] });
  const b = await makeMatchOfficer(t.db, { name: 'Pat Doyle', forceId: other.id });
  await linkToDataset(t.db, ds, 'officer', b.id, { star: '99' });
  assert.equal((await officers()).officer?.compared, 0);
});

test('numbers held over periods that do not overlap are not the same identifier', async () => {
  const unit = await makeUnit(t.db);
  await makeMatchOfficer(t.db, {
    name: 'Lee Harper',
    numbers: [{ type: 'shoulder_number', value: '123CW', from: '2010-01-01', to: '2014-12-31' }],
  });
  await makeMatchOfficer(t.db, {
    name: 'Lee Harper',
    numbers: [{ type: 'shoulder_number', value: '123CW', from: '2016-01-01' }],
    units: [unit.id],
  });
  await officers();
  const cs = await candidatesOf(t.db, 'officer');
  assert.equal(cs.length, 0, 'a reissued number is not evidence; same name alone is not enough');
});

test('different warrant numbers count strongly against', async () => {
  const unit = await makeUnit(t.db);
  await makeMatchOfficer(t.db, {
    name: 'Chris Hill',
    numbers: [{ type: 'warrant_number', value: '100200' }],
    units: [unit.id],
  });
  await makeMatchOfficer(t.db, {
    name: 'Chris Hill',
    numbers: [{ type: 'warrant_number', value: '300400' }],
    units: [unit.id],
  });
  const report = await officers();
  assert.equal(report.officer?.compared, 1);
  assert.equal(report.officer?.candidates, 0, '0.35 + 0.15 − 0.5');
});

test('re-running changes nothing; a rejected pair stays rejected unless new evidence raises its score', async () => {
  const ds = await makeDataset(t.db);
  const unit = await makeUnit(t.db);
  const a = await makeMatchOfficer(t.db, {
    name: 'Kim Ward',
    numbers: [{ type: 'badge_number', value: '808' }],
  });
  const b = await makeMatchOfficer(t.db, { name: 'Kim Ward' });
  await linkToDataset(t.db, ds, 'officer', b.id, { star: '808' });
  await officers();
  const [first] = await candidatesOf(t.db, 'officer');
  assert.equal(first!.score, 0.65, JSON.stringify(first!.reasons));
  const seq = async () =>
    (
      await t.db
        .selectFrom('audit_log')
        .select((e) => e.fn.max('seq').as('s'))
        .executeTakeFirstOrThrow()
    ).s;
  const before = await seq();
  const again = await officers();
  assert.deepEqual(again.officer, {
    compared: 1,
    candidates: 1,
    created: 0,
    updated: 0,
    reopened: 0,
    removed: 0,
    autoMerged: 0,
  });
  assert.equal(await seq(), before, 'nothing written, nothing audited');
  await inTransaction(t.db, (trx) => rejectCandidate(trx, 'test:editor', first!.id));
  await officers();
  assert.equal((await candidatesOf(t.db, 'officer'))[0]!.status, 'rejected', 'not resurrected');
  // New evidence: both are now posted to the same unit.
  await t.db
    .insertInto('officer_postings')
    .values([
      { officer_id: a.id, unit_id: unit.id },
      { officer_id: b.id, unit_id: unit.id },
    ])
    .execute();
  const reopened = await officers();
  assert.equal(reopened.officer?.reopened, 1);
  const [c] = await candidatesOf(t.db, 'officer');
  assert.equal(c!.status, 'pending');
  assert.equal(c!.decided_at, null);
  assert.equal(c!.score, 0.8);
});

test('a pending pair whose evidence is gone is removed; a scoped run only touches its records', async () => {
  const ds = await makeDataset(t.db);
  const a = await makeMatchOfficer(t.db, {
    name: 'Dana Reyes',
    numbers: [{ type: 'badge_number', value: '515' }],
  });
  const b = await makeMatchOfficer(t.db, { name: 'Dana Reyes' });
  await linkToDataset(t.db, ds, 'officer', b.id, { star: '515' });
  const elsewhere = await makeDataset(t.db);
  const c = await makeMatchOfficer(t.db, { name: 'Dana Reyes' });
  await linkToDataset(t.db, elsewhere, 'officer', c.id, { star: '515' });
  const scoped = await findCandidates(t.db, { fileId: ds.fileId }, { kinds: ['officer'] });
  assert.equal(scoped.officer?.created, 2, 'the pairs with a record of that file: a–b and b–c');
  const pairs = (await candidatesOf(t.db, 'officer')).map((r) => [r.record_a, r.record_b].join());
  assert.deepEqual(pairs.sort(), [[a.id, b.id].sort().join(), [b.id, c.id].sort().join()].sort());
  await officers();
  assert.equal((await candidatesOf(t.db, 'officer')).length, 3, 'a–c, and b–c: two sources give 515');
  await t.db.updateTable('officers').set({ published_name: 'Someone Else' }).where('id', '=', b.id).execute();
  const report = await officers();
  assert.equal(report.officer?.removed, 2, 'a–b and b–c: a different name with the same number');
  assert.equal((await candidatesOf(t.db, 'officer')).length, 1);
});
