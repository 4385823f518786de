import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { EditorClient } from '../../test/helpers/editor.ts';
import { linkToDataset, makeDataset, makeMatchOfficer } from '../../test/helpers/matching.ts';
import { findCandidates } from './candidates.ts';

let t: TestDatabase;
let app: Hono;
before(async () => {
  t = await createTestDatabase();
  app = testApp(t);
});
after(() => t.close());

/** Two officers a second dataset says share a badge: one pending candidate. */
async function pair(
  nameA: string,
  nameB: string,
  badge: string,
  numbers: { type: string; value: string }[] = [],
) {
  const ds = await makeDataset(t.db, `Roster ${badge}`);
  const a = await makeMatchOfficer(t.db, {
    name: nameA,
    numbers: [{ type: 'badge_number', value: badge }, ...numbers],
  });
  const b = await makeMatchOfficer(t.db, { name: nameB });
  await linkToDataset(t.db, ds, 'officer', b.id, {
    star: badge,
    ...Object.fromEntries(numbers.map((n) => [n.type, n.value])),
  });
  await findCandidates(t.db, { ids: [b.id] }, { kinds: ['officer'] });
  const c = await t.db
    .selectFrom('match_candidates')
    .selectAll()
    .where('record_a', 'in', [a.id, b.id])
    .where('record_b', 'in', [a.id, b.id])
    .executeTakeFirstOrThrow();
  return { a, b, c, ds };
}

const mergedInto = async (id: string) =>
  (await t.db.selectFrom('officers').select('merged_into').where('id', '=', id).executeTakeFirstOrThrow())
    .merged_into;

test('the review page: who may see it, the pair side by side, CSRF, merge, undo, and where a merged record leads', async () => {
  const { a, b, c } = await pair('Bianca Hollis', 'Bianca Holis', '3141');
  const contributor = await EditorClient.as(app, t.db, 'contributor');
  assert.equal((await contributor.get('/editor/matches')).status, 403);
  assert.equal((await contributor.post(`/editor/matches/${c.id}/merge`, { survivor: a.id })).status, 403);
  const editor = await EditorClient.as(app, t.db, 'editor');
  const list = await editor.page('/editor/matches?kind=officer');
  assert.equal(list.status, 200);
  assert.match(list.html, /Bianca Hollis/);
  assert.match(list.html, /Bianca Holis/);
  assert.match(list.html, /Same badge \(star\) number in the same force over an overlapping period: 3141/);
  assert.match(list.html, /Roster 3141 \(Test publisher\)/, 'provenance of the dataset record');
  assert.match(list.html, /star: 3141/);
  assert.match(list.html, /href="\/editor\/matches"/, 'the editor bar links here');

  const forged = await editor.post(`/editor/matches/${c.id}/merge`, { survivor: a.id }, null);
  assert.equal(forged.status, 403);
  assert.match(await forged.text(), /CUS_CSRF/);
  assert.equal(await mergedInto(b.id), null, 'nothing merged without the token');
  const bad = await editor.post(`/editor/matches/${c.id}/merge`, {
    survivor: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Choose which of the two records to keep/);

  const done = await editor.post(`/editor/matches/${c.id}/merge`, { survivor: a.id });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), '/editor/matches?kind=officer&notice=merged');
  assert.equal(await mergedInto(b.id), a.id);
  assert.doesNotMatch((await editor.page('/editor/matches?kind=officer')).html, /Bianca Holis/);
  assert.doesNotMatch(
    (await editor.page('/editor/officers')).html,
    /Bianca Holis/,
    'lists hide a merged record',
  );
  const page = await editor.page(`/editor/officers/${b.id}`);
  assert.match(page.html, /Merged into another record/);
  assert.match(page.html, new RegExp(`href="/editor/officers/${a.id}"`));
  assert.equal((await editor.post(`/editor/matches/${c.id}/merge`, { survivor: a.id })).status, 409);

  // The public address of the merged record leads to the survivor once that is published.
  const slugOf = async (id: string) =>
    (await t.db.selectFrom('officers').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  assert.equal(
    (await app.request(`/officers/${await slugOf(b.id)}`)).status,
    404,
    'a draft survivor: nothing',
  );
  await t.db
    .updateTable('officers')
    .set({ publication_state: 'published', published_at: new Date() })
    .where('id', '=', a.id)
    .execute();
  const moved = await app.request(`/officers/${await slugOf(b.id)}`);
  assert.equal(moved.status, 302);
  assert.equal(moved.headers.get('location'), `/officers/${await slugOf(a.id)}`);
  // The API answers the same way, in the API: fetch follows it to the survivor's data.
  const apiMoved = await app.request(`/api/v1/officers/${await slugOf(b.id)}`);
  assert.equal(apiMoved.status, 302);
  assert.equal(apiMoved.headers.get('location'), `/api/v1/officers/${await slugOf(a.id)}`);
  const survivor = await app.request(apiMoved.headers.get('location')!);
  assert.equal(survivor.status, 200);
  assert.equal(((await survivor.json()) as { officer: { slug: string } }).officer.slug, await slugOf(a.id));

  const history = await editor.page('/editor/matches/history');
  assert.match(history.html, /Bianca Hollis/);
  assert.match(history.html, /Undo \(needs a public note\)/, 'the kept record is published now');
  const merge = await t.db
    .selectFrom('record_merges')
    .select('id')
    .where('merged_id', '=', b.id)
    .executeTakeFirstOrThrow();
  const noNote = await editor.post(`/editor/matches/merges/${merge.id}/undo`, {});
  assert.equal(noNote.status, 422);
  assert.match(await noNote.text(), /What changed/);
  const undone = await editor.post(`/editor/matches/merges/${merge.id}/undo`, {
    'correction.kind': 'correction',
    'correction.what': 'Two records joined by mistake were separated.',
    'correction.why': 'They are different officers.',
  });
  assert.equal(undone.status, 303);
  assert.equal(await mergedInto(b.id), null);
  assert.equal((await app.request(`/officers/${await slugOf(b.id)}`)).status, 404);
  assert.equal(
    (await app.request(`/api/v1/officers/${await slugOf(b.id)}`)).status,
    404,
    'undone: not found',
  );
  const log = await t.db.selectFrom('corrections').select('what').where('entity_id', '=', a.id).execute();
  assert.deepEqual(log, [{ what: 'Two records joined by mistake were separated.' }]);
  const status = await t.db
    .selectFrom('match_candidates')
    .select('status')
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  assert.equal(status.status, 'unmerged');
});

test('reject, and a merge into a published record that needs the public note', async () => {
  const editor = await EditorClient.as(app, t.db, 'editor');
  const first = await pair('Ruth Ellery', 'Ruth Elery', '2718');
  const rejected = await editor.post(`/editor/matches/${first.c.id}/reject`, {});
  assert.equal(rejected.status, 303);
  const row = await t.db
    .selectFrom('match_candidates')
    .select(['status', 'decided_by'])
    .where('id', '=', first.c.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'rejected', decided_by: `user:${editor.user.id}` });
  const audit = await t.db
    .selectFrom('audit_log')
    .select('actor')
    .where('action', '=', 'match.reject')
    .where('entity_id', '=', first.c.id)
    .execute();
  assert.equal(audit.length, 1);

  const second = await pair('Omar Siddiq', 'Omar Sidiq', '1618');
  await t.db
    .updateTable('officers')
    .set({ publication_state: 'published', published_at: new Date() })
    .where('id', '=', second.a.id)
    .execute();
  const list = await editor.page('/editor/matches?kind=officer');
  assert.match(
    list.html,
    new RegExp(`href="/editor/matches/${second.c.id}"`),
    'a published record: review page',
  );
  const form = await editor.page(`/editor/matches/${second.c.id}`);
  assert.match(form.html, /Public correction note/);
  const without = await editor.post(`/editor/matches/${second.c.id}/merge`, { survivor: second.a.id });
  assert.equal(without.status, 422);
  const away = await editor.post(`/editor/matches/${second.c.id}/merge`, {
    survivor: second.b.id,
    'correction.kind': 'update',
    'correction.what': 'x',
    'correction.why': 'y',
  });
  assert.equal(away.status, 409);
  assert.match(await away.text(), /its page would vanish/);
  const ok = await editor.post(`/editor/matches/${second.c.id}/merge`, {
    survivor: second.a.id,
    'correction.kind': 'update',
    'correction.what': 'Allegations from a second source were added to this officer.',
    'correction.why': 'The same officer appears in two datasets.',
  });
  assert.equal(ok.status, 303);
  assert.equal(await mergedInto(second.b.id), second.a.id);
});

test('an automatic merge shows as such in the history, with its undo', async () => {
  const editor = await EditorClient.as(app, t.db, 'editor');
  const numbers = [{ type: 'payroll_number', value: 'PN4242' }];
  const { a, b } = await pair('Grace Adeyemi', 'Grace Adeyemi', '4242', numbers);
  await findCandidates(t.db, { ids: [b.id] }, { kinds: ['officer'], autoMerge: true });
  assert.equal(await mergedInto(b.id), a.id);
  const history = await editor.page('/editor/matches/history');
  assert.match(history.html, /merged automatically/);
  assert.match(history.html, /Merged automatically: undo/);
  const merge = await t.db
    .selectFrom('record_merges')
    .select('id')
    .where('merged_id', '=', b.id)
    .executeTakeFirstOrThrow();
  assert.equal((await editor.post(`/editor/matches/merges/${merge.id}/undo`, {})).status, 303);
  assert.equal(await mergedInto(b.id), null);
  await findCandidates(t.db, { all: true }, { kinds: ['officer'], autoMerge: true });
  assert.equal(await mergedInto(b.id), null, 'an undone pair never merges automatically again');
});
