import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { isAppError } from '../errors/catalogue.ts';
import { publicationChecks } from '../publication/checks.ts';
import { saveClaim } from '../sources/service.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { EditorClient } from '../../test/helpers/editor.ts';
import {
  ACTOR,
  makeAllegation,
  makeFinding,
  makeIncident,
  makeSource,
} from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { saveReplyRequest, type ReplyRequestInput } from './replies.ts';

// Rule R12: a named allegation resting on non-official sources waits for a reply or its deadline.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const r12 = async (id: string) =>
  (await publicationChecks(t.db, 'allegations', id)).blocking
    .filter((b) => b.rule === 'R12')
    .map((b) => b.message);

async function namedAllegation(kind: 'news' | 'hearing_notice' | 'submission' = 'news') {
  const a = await makeAllegation(t.db, { incidentId: (await makeIncident(t.db)).id });
  const src = await makeSource(t.db, kind === 'submission' ? { kind, url: undefined } : { kind });
  await inTransaction(t.db, (trx) =>
    saveClaim(trx, ACTOR, {
      subjectType: 'allegation',
      subjectId: a.id,
      sourceId: src.id,
      passageNote: 'The account given to us.',
    }),
  );
  return a;
}

const ask = (allegationId: string, extra: Partial<ReplyRequestInput> = {}, id?: string) =>
  inTransaction(t.db, (trx) =>
    saveReplyRequest(
      trx,
      ACTOR,
      { allegationId, addressedTo: 'force_press_office', method: 'email', sentOn: day(-2), ...extra },
      id,
    ),
  );

test('blocked without a request; blocked until the deadline; allowed after it', async () => {
  const a = await namedAllegation();
  assert.match((await r12(a.id))[0] ?? '', /record a request for their reply/);
  const req = await ask(a.id);
  assert.equal(req.deadline, day(5), 'seven days after sending by default');
  assert.match((await r12(a.id))[0] ?? '', new RegExp(`deadline \\(${day(5)}\\) has not passed`));
  await ask(a.id, { sentOn: day(-9) }, req.id);
  assert.deepEqual(await r12(a.id), []);
});

test('allowed as soon as the reply is recorded, and the reply is shown with the allegation', async () => {
  const a = await namedAllegation();
  const req = await ask(a.id);
  await ask(
    a.id,
    {
      replyReceivedOn: day(-1),
      replyText: 'The officer denies the allegation and will co-operate fully with any investigation.',
    },
    req.id,
  );
  assert.deepEqual(await r12(a.id), []);
  const incident = await t.db
    .selectFrom('incidents as i')
    .innerJoin('allegations as a', 'a.incident_id', 'i.id')
    .select(['i.id', 'i.slug'])
    .where('a.id', '=', a.id)
    .executeTakeFirstOrThrow();
  await inTransaction(t.db, async (trx) => {
    await publish(trx, 'incidents', incident.id);
    await publish(trx, 'allegations', a.id);
  });
  const html = await (await testApp(t).request(`/incidents/${incident.slug}`)).text();
  assert.match(html, /Right of reply:<\/strong> we asked the force press office/);
  assert.match(html, /The officer denies the allegation/);
});

test('no request is needed when an official source supports it, or a finding exists', async () => {
  const official = await namedAllegation('hearing_notice');
  assert.deepEqual(await r12(official.id), []);
  const found = await namedAllegation('submission');
  assert.equal((await r12(found.id)).length, 1);
  await makeFinding(t.db, { allegationId: found.id });
  assert.deepEqual(await r12(found.id), []);
});

test('an allegation against an unidentified officer names nobody and needs no request', async () => {
  const a = await makeAllegation(t.db, { unidentifiedOfficer: 'A sergeant' });
  assert.deepEqual(await r12(a.id), []);
});

test('a deadline shorter than seven days needs a recorded reason; a reply needs its date', async () => {
  const a = await namedAllegation();
  await assert.rejects(
    ask(a.id, { sentOn: day(-1), deadline: day(1) }),
    (e) => isAppError(e) && /reason/.test(JSON.stringify(e)),
  );
  const ok = await ask(a.id, {
    sentOn: day(-1),
    deadline: day(1),
    shortDeadlineReason: 'The hearing is on Friday.',
  });
  assert.equal(ok.deadline, day(1));
  await assert.rejects(ask(a.id, { replyText: 'No comment.' }), (e) => isAppError(e));
  const app = testApp(t);
  const editor = await EditorClient.as(app, t.db, 'editor');
  const res = await editor.post('/editor/reply_requests/new', {
    allegationId: a.id,
    addressedTo: 'officer',
    method: 'letter',
    sentOn: day(0),
    deadline: day(2),
  });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /a deadline under 7 days needs a recorded reason/);
});
