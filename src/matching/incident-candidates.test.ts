import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeIncident, makeOfficer, uniq } from '../../test/helpers/factories.ts';
import { candidatesOf } from '../../test/helpers/matching.ts';
import type { Db } from '../db/client.ts';
import { findCandidates } from './candidates.ts';
import { incidentEvidence } from './incident-evidence.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

// Each test works in a force of its own, so pairs never cross tests.
async function newForce(db: Db) {
  return db
    .insertInto('forces')
    .values({ slug: uniq('force'), name: uniq('Force'), jurisdiction: 'other', kind: 'other' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

type Occurred = { on: string; precision: 'day' | 'month' | 'year' | 'range'; until?: string };

async function incident(forceId: string, occurred: Occurred, place: string | null, officers: string[] = []) {
  const i = await makeIncident(t.db, { forceId, occurred, ...(place ? { place } : {}) });
  for (const officerId of officers)
    await t.db
      .insertInto('incident_officers')
      .values({ incident_id: i.id, officer_id: officerId, role: 'subject' })
      .execute();
  return i;
}

const day = (on: string): Occurred => ({ on, precision: 'day' });
const run = (ids: string[]) => findCandidates(t.db, { ids }, { kinds: ['incident'] });
const pairsOf = async (ids: string[]) =>
  (await candidatesOf(t.db, 'incident')).filter((c) => ids.includes(c.record_a) || ids.includes(c.record_b));

test('the same day and the same place make a candidate; a date alone never does', async () => {
  const f = await newForce(t.db);
  const a = await incident(f.id, day('2020-05-21'), '3100 block of S Michigan Ave, Chicago');
  const b = await incident(f.id, day('2020-05-21'), '3100 block of S Michigan Avenue, Chicago');
  const c = await incident(f.id, day('2020-05-21'), 'Clapham High Street');
  const r = await run([a.id, b.id, c.id]);
  assert.equal(r.incident?.candidates, 1);
  const [m] = await pairsOf([a.id]);
  assert.deepEqual(m!.codes.sort(), ['for:place_similar', 'for:same_day']);
  assert.equal(m!.score, 0.5);
  assert.deepEqual([m!.record_a, m!.record_b], [a.id, b.id].sort());
});

test('the window is three days, read with precision: a month covers the whole month', async () => {
  const f = await newForce(t.db);
  const officer = await makeOfficer(t.db, { forceId: f.id, publishedName: 'Window Officer' });
  const place = 'Stockwell station';
  const may = await incident(f.id, { on: '2024-05-01', precision: 'month' }, place, [officer.id]);
  const inMay = await incident(f.id, day('2024-05-20'), place, [officer.id]);
  const twoAfter = await incident(f.id, day('2024-06-02'), place, [officer.id]);
  const tooLate = await incident(f.id, day('2024-06-05'), place, [officer.id]);
  await run([may.id]);
  const pairs = await pairsOf([may.id]);
  const partner = (p: { record_a: string; record_b: string }) =>
    p.record_a === may.id ? p.record_b : p.record_a;
  assert.deepEqual(pairs.map(partner).sort(), [inMay.id, twoAfter.id].sort(), 'not 5 days after the month');
  const compatible = pairs.find((p) => partner(p) === inMay.id)!;
  assert.ok(compatible.codes.includes('for:dates_compatible'), compatible.codes.join());
  assert.equal(compatible.score, 0.65, 'month 0.1 + same place 0.3 + one officer 0.25');
  const near = pairs.find((p) => partner(p) === twoAfter.id)!;
  assert.ok(near.codes.includes('for:dates_near'));
  void tooLate;
});

test('days apart count less the further apart; four days is outside the window', async () => {
  const f = await newForce(t.db);
  const o = await makeOfficer(t.db, { forceId: f.id, publishedName: 'Near Officer' });
  const a = await incident(f.id, day('2023-03-10'), 'Brixton Road', [o.id]);
  const one = await incident(f.id, day('2023-03-11'), 'Brixton Road', [o.id]);
  const three = await incident(f.id, day('2023-03-13'), 'Brixton Road', [o.id]);
  const four = await incident(f.id, day('2023-03-14'), 'Brixton Road', [o.id]);
  await run([a.id]);
  const byPartner = new Map(
    (await pairsOf([a.id])).map((p) => [p.record_a === a.id ? p.record_b : p.record_a, p]),
  );
  assert.equal(byPartner.get(one.id)?.score, 0.75);
  assert.equal(byPartner.get(three.id)?.score, 0.65);
  assert.equal(byPartner.has(four.id), false);
});

test('a year and a range are matched too, through their own probes', async () => {
  const f = await newForce(t.db);
  const o = await makeOfficer(t.db, { forceId: f.id, publishedName: 'Period Officer' });
  const year = await incident(f.id, { on: '2019-01-01', precision: 'year' }, 'Tottenham Court Road', [o.id]);
  const range = await incident(
    f.id,
    { on: '2019-03-01', precision: 'range', until: '2019-03-20' },
    'Tottenham Court Rd',
    [o.id],
  );
  const d = await incident(f.id, day('2019-03-22'), 'Tottenham Court Road', [o.id]);
  await run([d.id]);
  const partners = (await pairsOf([d.id])).map((p) => (p.record_a === d.id ? p.record_b : p.record_a)).sort();
  assert.deepEqual(partners, [year.id, range.id].sort());
});

test('a place many records share is not counted; officers in common are', async () => {
  const f = await newForce(t.db);
  const withheld = 'Chicago (a residence: address withheld)';
  const same: string[] = [];
  for (let i = 0; i < 6; i++) same.push((await incident(f.id, day('2021-07-04'), withheld)).id);
  assert.equal((await run(same)).incident?.candidates, 0, 'six residences on one day are not one incident');
  const o = await makeOfficer(t.db, { forceId: f.id, publishedName: 'Shared Officer' });
  const o2 = await makeOfficer(t.db, { forceId: f.id, publishedName: 'Second Officer' });
  const x = await incident(f.id, day('2021-07-04'), withheld, [o.id, o2.id]);
  const y = await incident(f.id, day('2021-07-05'), withheld, [o.id, o2.id]);
  await run([x.id]);
  const [m] = await pairsOf([x.id]);
  assert.ok(m!.codes.includes('note:place_common'), m!.codes.join());
  assert.equal(m!.score, 0.7, 'one day 0.2 + two officers 0.5');
  assert.deepEqual([m!.record_a, m!.record_b], [x.id, y.id].sort());
});

test('incidents share a force through incident_forces; other forces never pair', async () => {
  const f = await newForce(t.db);
  const g = await newForce(t.db);
  const h = await newForce(t.db);
  const a = await incident(f.id, day('2018-09-09'), 'Hackney Downs');
  const b = await incident(g.id, day('2018-09-09'), 'Hackney Downs');
  const c = await incident(h.id, day('2018-09-09'), 'Hackney Downs');
  await t.db.insertInto('incident_forces').values({ incident_id: b.id, force_id: f.id }).execute();
  await run([a.id, c.id]);
  const pairs = await pairsOf([a.id, b.id, c.id]);
  assert.equal(pairs.length, 1);
  assert.deepEqual([pairs[0]!.record_a, pairs[0]!.record_b], [a.id, b.id].sort());
});

test('both listing officers with none in common counts against; nothing merges automatically', async () => {
  const f = await newForce(t.db);
  const o1 = await makeOfficer(t.db, { forceId: f.id, publishedName: 'First Officer' });
  const o2 = await makeOfficer(t.db, { forceId: f.id, publishedName: 'Other Officer' });
  const a = await incident(f.id, day('2022-02-02'), 'Peckham Rye station', [o1.id]);
  const b = await incident(f.id, day('2022-02-02'), 'Peckham Rye station', [o2.id]);
  const r = await findCandidates(t.db, { ids: [a.id] }, { kinds: ['incident'], autoMerge: true });
  assert.equal(r.incident?.autoMerged, 0);
  const [m] = await pairsOf([a.id, b.id]);
  assert.ok(m!.codes.includes('against:officers_differ'));
  assert.equal(m!.score, 0.5);
});

// A whole-database run looks for each pair from its lower id only (being neighbours is
// symmetric); it must find exactly the pairs that runs from each record find.
test('a whole-database run finds the same pairs as a run from each record, whatever the dates', async () => {
  const f = await newForce(t.db);
  const g = await newForce(t.db);
  const o = await makeOfficer(t.db, { forceId: f.id, publishedName: 'Symmetry Officer' });
  const dates: Occurred[] = [
    { on: '2024-05-01', precision: 'month' },
    day('2024-04-28'),
    day('2024-04-27'),
    day('2024-05-31'),
    day('2024-06-03'),
    day('2024-06-04'),
    { on: '2024-01-01', precision: 'year' },
    day('2023-12-29'),
    day('2025-01-03'),
    { on: '2024-04-30', precision: 'range', until: '2024-05-02' },
    { on: '2023-12-01', precision: 'month' },
  ];
  const ids: string[] = [];
  for (const d of dates) ids.push((await incident(f.id, d, 'Brixton Road', [o.id])).id);
  const other = await incident(g.id, day('2024-06-01'), 'Brixton Road', [o.id]);
  await t.db.insertInto('incident_forces').values({ incident_id: other.id, force_id: f.id }).execute();
  ids.push(other.id);
  const key = (e: { a: string; b: string }) => `${e.a}/${e.b}`;
  const mine = (e: { a: string; b: string }) => ids.includes(e.a) && ids.includes(e.b);
  const whole = (await incidentEvidence(t.db, { all: true })).filter(mine).map(key).sort();
  const each = new Set<string>();
  for (const id of ids)
    for (const e of await incidentEvidence(t.db, { ids: [id] })) if (mine(e)) each.add(key(e));
  assert.deepEqual(whole, [...each].sort());
  assert.ok(whole.length >= 20, `a real mix of neighbours (${whole.length} pairs)`);
});
