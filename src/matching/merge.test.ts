import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeAllegation, makeIncident, makeSource, uniq } from '../../test/helpers/factories.ts';
import {
  candidatesOf,
  linkToDataset,
  makeDataset,
  makeMatchOfficer,
  makeUnit,
  tableStates,
} from '../../test/helpers/matching.ts';
import type { Insertable } from 'kysely';
import { inTransaction } from '../audit/records.ts';
import type { DB } from '../db/schema.generated.ts';
import { isAppError } from '../errors/catalogue.ts';
import { publicationChecks } from '../publication/checks.ts';
import { findCandidates } from './candidates.ts';
import { mergeRecords, unmergeRecords, type Merger } from './merge.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

/** Test setup rows, straight into a table. */
const add = <T extends keyof DB>(table: T, values: Insertable<DB[T]>) =>
  t.db
    .insertInto(table)
    .values(values as never)
    .execute();

const editor: Merger = { actor: 'test:editor', user: { role: 'editor' } };
const merge = (survivorId: string, mergedId: string, kind: 'officer' | 'incident' = 'officer', by = editor) =>
  inTransaction(t.db, (trx) => mergeRecords(trx, by, { kind, survivorId, mergedId }));
const unmerge = (id: string, by = editor) => inTransaction(t.db, (trx) => unmergeRecords(trx, by, id));
const refusal = (code: string, pattern?: RegExp) => (err: unknown) =>
  isAppError(err) && err.code === code && (!pattern || pattern.test(err.message));

const OFFICER_TABLES = [
  'officers',
  'allegations',
  'officer_ranks',
  'officer_postings',
  'officer_identifiers',
  'incident_officers',
  'claims',
  'statements',
  'court_proceedings',
  'incidents',
];
const INCIDENT_TABLES = [
  'incidents',
  'allegations',
  'timeline_events',
  'claims',
  'statements',
  'court_proceedings',
  'reporting_restrictions',
  'incident_officers',
  'incident_units',
  'incident_people',
  'incident_forces',
];
// Timestamps record that rows changed (twice); every other column must come back exactly.
const OMIT = ['updated_at'];

async function officerWithEverything(name: string, badge: string) {
  const unit = await makeUnit(t.db);
  const o = await makeMatchOfficer(t.db, {
    name,
    numbers: [{ type: 'shoulder_number', value: badge, from: '2015-01-01' }],
    ranks: ['sergeant'],
    units: [unit.id],
  });
  const allegation = await makeAllegation(t.db, { officerId: o.id });
  const src = await makeSource(t.db);
  await add('incident_officers', { incident_id: allegation.incident_id, officer_id: o.id, role: 'subject' });
  await add('claims', { officer_id: o.id, source_id: src.id, passage_note: 'Named in the notice.' });
  await add('statements', {
    slug: uniq('st'),
    speaker_name: name,
    speaker_role: 'Sergeant',
    speaker_officer_id: o.id,
    said_on: '2024-01-02',
    summary: 'Said something.',
    source_id: src.id,
  });
  await add('court_proceedings', {
    incident_id: allegation.incident_id,
    officer_id: o.id,
    started_by: 'charge',
    started_on: '2024-02-01',
  });
  return { officer: o, incidentId: allegation.incident_id };
}

test('an officer merge moves everything, and the unmerge restores every row exactly', async () => {
  const a = await officerWithEverything('Alex Morgan', '101AB');
  const b = await officerWithEverything('Alex J Morgan', '202CD');
  // Both are subjects of one incident: that link cannot move (a has it) and stays on b.
  await add('incident_officers', { incident_id: a.incidentId, officer_id: b.officer.id, role: 'subject' });
  const before = await tableStates(t.db, OFFICER_TABLES, OMIT);
  const { mergeId, moved } = await merge(a.officer.id, b.officer.id);
  assert.deepEqual(Object.keys(moved.rows).sort(), [
    'allegations',
    'claims',
    'court_proceedings',
    'officer_identifiers',
    'officer_postings',
    'officer_ranks',
    'statements',
  ]);
  assert.deepEqual(moved.links.incident_officers, [
    { incident_id: b.incidentId, officer_id: b.officer.id, role: 'subject' },
  ]);
  assert.deepEqual(moved.kept.incident_officers, [
    { incident_id: a.incidentId, officer_id: b.officer.id, role: 'subject' },
  ]);
  const left = await t.db
    .selectFrom('allegations')
    .select('id')
    .where('officer_id', '=', b.officer.id)
    .execute();
  assert.equal(left.length, 0, 'no allegation stays on the merged officer');
  const gone = await t.db
    .selectFrom('officers')
    .select(['merged_into', 'publication_state'])
    .where('id', '=', b.officer.id)
    .executeTakeFirstOrThrow();
  assert.equal(gone.merged_into, a.officer.id);
  const stored = await t.db
    .selectFrom('record_merges')
    .selectAll()
    .where('id', '=', mergeId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(stored.moved, JSON.parse(JSON.stringify(moved)));
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['action', 'entity_id', 'diff'])
    .where('action', '=', 'merge')
    .where('entity_id', '=', a.officer.id)
    .execute();
  assert.equal(audit.length, 1);
  // A merged record can never be published (R11 check, and the database constraint).
  const checks = await publicationChecks(t.db, 'officers', b.officer.id);
  assert.ok(checks.blocking.some((p) => p.rule === 'R11'));
  await assert.rejects(
    inTransaction(t.db, (trx) =>
      trx
        .updateTable('officers')
        .set({ publication_state: 'published', published_at: new Date() })
        .where('id', '=', b.officer.id)
        .execute(),
    ),
    refusal('CUS_MERGED_RECORD'),
  );
  const result = await unmerge(mergeId);
  assert.equal(result.skipped, 0);
  assert.deepEqual(await tableStates(t.db, OFFICER_TABLES, OMIT), before);
  const undone = await t.db
    .selectFrom('record_merges')
    .select(['undone_by', 'undone_at'])
    .where('id', '=', mergeId)
    .executeTakeFirstOrThrow();
  assert.equal(undone.undone_by, 'test:editor');
  await assert.rejects(unmerge(mergeId), refusal('CUS_MERGE_REFUSED', /already been undone/));
});

async function otherForce() {
  return t.db
    .selectFrom('forces')
    .select('id')
    .where('slug', '<>', 'metropolitan')
    .orderBy('slug')
    .executeTakeFirstOrThrow();
}

test('an incident merge moves the conduct chain, links, holds and agencies; the unmerge restores them exactly', async () => {
  const other = await otherForce();
  const a = await makeIncident(t.db, { place: 'Maida Vale' });
  const b = await makeIncident(t.db, { forceId: other.id, place: 'Maida Vale, London' });
  // b shares the Met through incident_forces, so the two can be one incident.
  const met = await t.db
    .selectFrom('incidents')
    .select('force_id')
    .where('id', '=', a.id)
    .executeTakeFirstOrThrow();
  await add('incident_forces', { incident_id: b.id, force_id: met.force_id });
  await makeAllegation(t.db, { incidentId: b.id });
  const unit = await makeUnit(t.db);
  const person = await t.db
    .insertInto('people')
    .values({ pseudonym: 'Person A' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const src = await makeSource(t.db);
  await add('incident_units', { incident_id: b.id, unit_id: unit.id });
  await add('incident_people', { incident_id: b.id, person_id: person.id, role: 'complainant' });
  await add('timeline_events', { incident_id: b.id, occurred_on: '2024-05-02', title: 'Stopped' });
  await add('claims', { incident_id: b.id, source_id: src.id, passage_note: 'Reported.' });
  await add('court_proceedings', { incident_id: b.id, started_by: 'charge', started_on: '2024-06-01' });
  await add('reporting_restrictions', {
    order_type: 'cca_1981_s4_2',
    case_reference: 'T2024',
    scope_incident_id: b.id,
    starts_on: '2024-06-01',
  });
  const before = await tableStates(t.db, INCIDENT_TABLES, OMIT);
  const { mergeId, moved } = await merge(a.id, b.id, 'incident');
  assert.deepEqual(
    moved.added.incident_forces,
    [{ incident_id: a.id, force_id: other.id }],
    "b's own agency joins a",
  );
  assert.deepEqual(
    moved.kept.incident_forces,
    [{ incident_id: b.id, force_id: met.force_id }],
    "a's own force is not listed again",
  );
  const survivor = await t.db
    .selectFrom('incidents')
    .select('proceedings_active')
    .where('id', '=', a.id)
    .executeTakeFirstOrThrow();
  assert.equal(survivor.proceedings_active, true, 'the active-proceedings hold (R5) follows its matter');
  const restriction = await t.db
    .selectFrom('reporting_restrictions')
    .select('scope_incident_id')
    .executeTakeFirstOrThrow();
  assert.equal(restriction.scope_incident_id, a.id, 'so does the reporting restriction (R6)');
  await unmerge(mergeId);
  assert.deepEqual(await tableStates(t.db, INCIDENT_TABLES, OMIT), before);
});

test('refused: a published record merged away, officers of two forces, a published survivor without a note', async () => {
  const other = await otherForce();
  const x = await makeMatchOfficer(t.db, { name: 'Pat One' });
  const y = await makeMatchOfficer(t.db, { name: 'Pat One' });
  const z = await makeMatchOfficer(t.db, { name: 'Pat One', forceId: other.id });
  await t.db
    .updateTable('officers')
    .set({ publication_state: 'published', published_at: new Date() })
    .where('id', '=', x.id)
    .execute();
  await assert.rejects(merge(y.id, x.id), refusal('CUS_MERGE_REFUSED', /published: its page would vanish/));
  await assert.rejects(merge(y.id, z.id), refusal('CUS_MERGE_REFUSED', /different forces/));
  await assert.rejects(merge(y.id, y.id), refusal('CUS_MERGE_REFUSED', /into itself/));
  await assert.rejects(merge(x.id, y.id), refusal('CUS_CORRECTION_REQUIRED'));
  await assert.rejects(
    merge(x.id, y.id, 'officer', { actor: 'test:c', user: { role: 'contributor' } }),
    refusal('CUS_FORBIDDEN'),
  );
  await assert.rejects(
    merge(x.id, y.id, 'officer', { actor: 'system:match' }),
    refusal('CUS_MERGE_REFUSED', /automatic/),
  );
  const note = {
    kind: 'update' as const,
    what: 'Records of one officer joined.',
    why: 'Two sources, one officer.',
  };
  const { mergeId } = await inTransaction(t.db, (trx) =>
    mergeRecords(trx, editor, { kind: 'officer', survivorId: x.id, mergedId: y.id, note }),
  );
  const corrections = await t.db
    .selectFrom('corrections')
    .select(['entity_id', 'what'])
    .where('entity_id', '=', x.id)
    .execute();
  assert.deepEqual(corrections, [{ entity_id: x.id, what: note.what }]);
  await assert.rejects(
    unmerge(mergeId),
    refusal('CUS_CORRECTION_REQUIRED'),
    'undoing changes the public page too',
  );
  await inTransaction(t.db, (trx) => unmergeRecords(trx, editor, mergeId, note));
});

test('a chain: undo the later merge first; rows changed since a merge stay where they are', async () => {
  const a = await makeMatchOfficer(t.db, { name: 'Jo Chain' });
  const b = await makeMatchOfficer(t.db, { name: 'Jo Chain' });
  const c = await makeMatchOfficer(t.db, { name: 'Jo Chain' });
  const allegation = await makeAllegation(t.db, { officerId: c.id });
  const first = await merge(b.id, c.id);
  const second = await merge(a.id, b.id);
  await assert.rejects(unmerge(first.mergeId), refusal('CUS_MERGE_REFUSED', /undo that later merge first/));
  await unmerge(second.mergeId);
  // Someone moves the allegation elsewhere by hand: the unmerge leaves it there and says so.
  await t.db.updateTable('allegations').set({ officer_id: a.id }).where('id', '=', allegation.id).execute();
  const r = await unmerge(first.mergeId);
  assert.equal(r.skipped, 1);
  const now = await t.db
    .selectFrom('allegations')
    .select('officer_id')
    .where('id', '=', allegation.id)
    .executeTakeFirstOrThrow();
  assert.equal(now.officer_id, a.id);
});

test('two independent identifiers and a near-identical name merge automatically (logged); off by config', async () => {
  const ds = await makeDataset(t.db, 'Payroll roster');
  const numbers = [
    { type: 'badge_number', value: 'B5150' },
    { type: 'payroll_number', value: 'P990001' },
  ];
  const a = await makeMatchOfficer(t.db, { name: 'Ricardo Dos Santos', numbers });
  const b = await makeMatchOfficer(t.db, { name: 'Ricardo dos Santos' });
  await linkToDataset(t.db, ds, 'officer', b.id, { badge_number: 'B5150', payroll_number: 'P990001' });
  const scope = { ids: [b.id] };
  // MATCH_AUTO_MERGE=false: the caller asks for no automatic merge; the pair waits for a person.
  const off = await findCandidates(t.db, scope, { kinds: ['officer'], autoMerge: false });
  assert.equal(off.officer?.autoMerged, 0);
  const [pending] = (await candidatesOf(t.db, 'officer')).filter((c) =>
    [c.record_a, c.record_b].includes(b.id),
  );
  assert.equal(pending!.status, 'pending');
  assert.equal(pending!.score, 1);
  const on = await findCandidates(t.db, scope, { kinds: ['officer'], autoMerge: true });
  assert.equal(on.officer?.autoMerged, 1);
  const merged = await t.db
    .selectFrom('officers')
    .select('merged_into')
    .where('id', '=', b.id)
    .executeTakeFirstOrThrow();
  assert.equal(merged.merged_into, a.id, 'the older record is kept');
  const m = await t.db
    .selectFrom('record_merges')
    .selectAll()
    .where('merged_id', '=', b.id)
    .executeTakeFirstOrThrow();
  assert.equal(m.automatic, true);
  assert.equal(m.merged_by, 'system:match');
  const log = await t.db
    .selectFrom('audit_log')
    .select(['actor', 'diff'])
    .where('action', '=', 'merge')
    .where('entity_id', '=', a.id)
    .executeTakeFirstOrThrow();
  assert.equal(log.actor, 'system:match');
  assert.equal((log.diff as { automatic: boolean }).automatic, true);
  const [c] = (await candidatesOf(t.db, 'officer')).filter((x) => x.id === pending!.id);
  assert.equal(c!.status, 'merged');
});

test('one identifier, or a record in review, never merges automatically', async () => {
  const ds = await makeDataset(t.db);
  const a = await makeMatchOfficer(t.db, {
    name: 'Sol Rivers',
    numbers: [
      { type: 'badge_number', value: 'S1' },
      { type: 'warrant_number', value: 'W1' },
    ],
  });
  const b = await makeMatchOfficer(t.db, { name: 'Sol Rivers' });
  await linkToDataset(t.db, ds, 'officer', b.id, { badge_number: 'S1', warrant_number: 'W1' });
  await t.db.updateTable('officers').set({ publication_state: 'in_review' }).where('id', '=', a.id).execute();
  const c = await makeMatchOfficer(t.db, {
    name: 'Max Stone',
    numbers: [{ type: 'badge_number', value: 'S2' }],
  });
  const d = await makeMatchOfficer(t.db, { name: 'Max Stone' });
  await linkToDataset(t.db, ds, 'officer', d.id, { star: 'S2' });
  const r = await findCandidates(t.db, { ids: [b.id, d.id] }, { kinds: ['officer'], autoMerge: true });
  assert.equal(r.officer?.autoMerged, 0);
  assert.equal(r.officer?.candidates, 2);
  void c;
});
