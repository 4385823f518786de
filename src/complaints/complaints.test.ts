import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { EditorClient, encode } from '../../test/helpers/editor.ts';
import { makePublishedIncident } from '../../test/helpers/pages.ts';
import { addWorkingHours, bankHolidays } from './clock.ts';

describe('the 48-hour clock (weekends and bank holidays excluded)', () => {
  test('England and Wales bank holidays, substitute days included', () => {
    assert.deepEqual(bankHolidays(2025), [
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ]);
    assert.deepEqual(bankHolidays(2026).slice(-2), ['2026-12-25', '2026-12-28'], 'Boxing Day on a Saturday');
    assert.deepEqual(bankHolidays(2027).slice(-2), ['2027-12-27', '2027-12-28'], 'Christmas on a Saturday');
    assert.deepEqual(bankHolidays(2022).slice(-2), ['2022-12-26', '2022-12-27'], 'Christmas on a Sunday');
    assert.equal(bankHolidays(2027)[0], '2027-01-01');
    assert.deepEqual(bankHolidays(2026).slice(1, 3), ['2026-04-03', '2026-04-06'], 'Easter 2026');
  });

  test('a notice on Friday evening is due on Tuesday evening; one on Saturday from Monday midnight', () => {
    assert.equal(
      addWorkingHours(new Date('2025-11-21T17:00:00Z'), 48).toISOString(),
      '2025-11-25T17:00:00.000Z',
    );
    assert.equal(
      addWorkingHours(new Date('2025-11-22T10:00:00Z'), 48).toISOString(),
      '2025-11-26T00:00:00.000Z',
    );
  });

  test('Easter is skipped, in UK summer time', () => {
    // Thursday 2 April 2026, noon in London (11:00 UTC): Good Friday and Easter Monday do not count.
    assert.equal(
      addWorkingHours(new Date('2026-04-02T11:00:00Z'), 48).toISOString(),
      '2026-04-08T11:00:00.000Z',
    );
  });

  test('a holiday the operator adds is skipped too', () => {
    assert.equal(
      addWorkingHours(new Date('2025-11-24T00:00:00Z'), 24, ['2025-11-24']).toISOString(),
      '2025-11-26T00:00:00.000Z',
    );
  });
});

describe('notices of complaint', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  const complain = (fields: Record<string, string>) =>
    testApp(t).request('/right-of-reply/complaint', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: encode(fields),
    });

  const publishedIncident = () =>
    makePublishedIncident(t.db, 'An officer was said to have lied in his statement.');

  const valid = (slug: string) => ({
    pageAddress: `https://custodiet.example.org/incidents/${slug}`,
    words: 'lied in his statement',
    meaning: 'It says I was dishonest. The panel found no case to answer.',
    name: 'A. Example',
    email: 'a.example@example.org',
  });

  test('an incomplete notice is refused with reasons and nothing is stored', async () => {
    const res = await complain({
      pageAddress: 'https://elsewhere.example/x',
      words: '',
      name: 'A',
      email: 'nope',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /quote the words you complain of/);
    assert.match(html, /give an email address/);
    assert.equal((await t.db.selectFrom('complaints').select('id').execute()).length, 0);
    const wrongPage = await complain({ ...valid('x'), pageAddress: '/methodology' });
    assert.equal(wrongPage.status, 422);
    assert.match(await wrongPage.text(), /address of an incident, officer, statement or force page/);
  });

  test('a notice starts the clock; an editor takes the page down and the public log says so, anonymously', async () => {
    const inc = await publishedIncident();
    const res = await complain(valid(inc.slug));
    assert.equal(res.status, 201);
    const reference = /NC-[A-Z0-9]{8}/.exec(await res.text())![0];
    const row = await t.db
      .selectFrom('complaints')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.equal(row.page_path, `/incidents/${inc.slug}`);
    assert.equal(
      row.respond_by.toISOString(),
      (await import('./clock.ts')).addWorkingHours(row.received_at, 48).toISOString(),
    );
    const app = testApp(t);
    const contributor = await EditorClient.as(app, t.db, 'contributor');
    assert.equal((await contributor.get('/editor/complaints')).status, 403);
    const editor = await EditorClient.as(app, t.db, 'editor');
    const queue = await editor.page('/editor/complaints');
    assert.match(queue.html, new RegExp(reference));
    assert.match(queue.html, /h \d+ min left/);
    const tooShort = await editor.post(`/editor/complaints/${row.id}/decision`, {
      outcome: 'hidden',
      note: 'ok',
    });
    assert.equal(tooShort.status, 422);
    const done = await editor.post(`/editor/complaints/${row.id}/decision`, {
      outcome: 'hidden',
      note: 'The panel found no case to answer; the allegation is taken down pending review.',
    });
    assert.equal(done.status, 303);
    assert.equal((await app.request(`/incidents/${inc.slug}`)).status, 404, 'taken down at once');
    const log = await (await app.request('/corrections')).text();
    assert.match(log, /Taken down after a notice of complaint/);
    assert.doesNotMatch(log, /A\. Example|a\.example@example\.org/);
    const again = await editor.post(`/editor/complaints/${row.id}/decision`, {
      outcome: 'kept',
      note: 'Changed our mind entirely.',
    });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /already been decided/);
    const decided = await t.db
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(decided.outcome, 'hidden');
    assert.equal(decided.decided_by, editor.user.id);
  });

  test('keeping a page changes nothing public, and the decision is audited', async () => {
    const inc = await publishedIncident();
    await complain(valid(inc.slug));
    const row = await t.db
      .selectFrom('complaints')
      .select('id')
      .where('page_path', '=', `/incidents/${inc.slug}`)
      .executeTakeFirstOrThrow();
    const editor = await EditorClient.as(testApp(t), t.db, 'editor');
    await editor.post(`/editor/complaints/${row.id}/decision`, {
      outcome: 'kept',
      note: 'The words are a fair report of the official hearing notice.',
    });
    assert.equal((await testApp(t).request(`/incidents/${inc.slug}`)).status, 200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_type', '=', 'complaints')
      .where('entity_id', '=', row.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(audit, [
      { action: 'create', actor: 'public:complaint-form' },
      { action: 'update', actor: `user:${editor.user.id}` },
    ]);
  });
});
