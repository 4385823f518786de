import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { isAppError } from '../errors/catalogue.ts';
import { publicationChecks } from '../publication/checks.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { createdId, EditorClient, makeUser } from '../../test/helpers/editor.ts';
import { ACTOR, makeAllegation, makeSourcedIncident } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { saveProceedings, type ProceedingsInput } from './proceedings.ts';

// Rule R5: while proceedings are active only the court report is public, everywhere.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const r5 = async (table: 'incidents' | 'allegations', id: string) =>
  (await publicationChecks(t.db, table, id)).blocking.filter((b) => b.rule === 'R5').map((b) => b.message);

const sourcedIncident = (summary?: string) => makeSourcedIncident(t.db, summary);

const charge = (incidentId: string, extra: Partial<ProceedingsInput> = {}, id?: string, actor = ACTOR) =>
  inTransaction(t.db, (trx) =>
    saveProceedings(
      trx,
      actor,
      {
        incidentId,
        startedBy: 'charge',
        startedOn: '2025-02-01',
        court: 'Westminster Magistrates’ Court',
        charge: 'Assault occasioning actual bodily harm',
        plea: 'not_guilty',
        ...extra,
      },
      id,
    ),
  );

const visible = async (id: string) =>
  (await t.db.selectFrom('allegations').select('visible').where('id', '=', id).executeTakeFirstOrThrow())
    .visible;

test('an allegation on an incident under active proceedings is blocked; once they end it is allowed', async () => {
  const inc = await sourcedIncident('Officers stopped a cyclist in Brixton.');
  const a = await makeAllegation(t.db, { incidentId: inc.id, unidentifiedOfficer: 'A constable' });
  assert.deepEqual(await r5('allegations', a.id), [], 'allowed before any proceedings');
  const p = await charge(inc.id);
  assert.match((await r5('allegations', a.id))[0] ?? '', /proceedings on this incident are active/);
  const editor = await makeUser(t.db, 'editor');
  await charge(inc.id, { endedBy: 'acquitted', endedOn: '2025-06-01' }, p.id, `user:${editor.id}`);
  assert.deepEqual(await r5('allegations', a.id), []);
});

test('a status label of active proceedings with none recorded is blocked until they are', async () => {
  const inc = await sourcedIncident('A stop in Croydon.');
  const a = await makeAllegation(t.db, { incidentId: inc.id, status: 'active_proceedings' });
  assert.match((await r5('allegations', a.id))[0] ?? '', /none are recorded/);
});

test('only an editor can record the end that lifts the hold, and the sign-off is kept', async () => {
  const inc = await sourcedIncident('A custody death in Lambeth.');
  const p = await charge(inc.id);
  const contributor = await makeUser(t.db, 'contributor');
  await assert.rejects(
    charge(inc.id, { endedBy: 'discontinued', endedOn: '2025-03-01' }, p.id, `user:${contributor.id}`),
    (e) => isAppError(e) && e.code === 'CUS_FORBIDDEN',
  );
  await assert.rejects(charge(inc.id, { endedBy: 'discontinued', endedOn: '2025-03-01' }, p.id), (e) =>
    isAppError(e),
  );
  const editor = await makeUser(t.db, 'editor');
  const ended = await charge(
    inc.id,
    { endedBy: 'discontinued', endedOn: '2025-03-01' },
    p.id,
    `user:${editor.id}`,
  );
  assert.equal(ended.end_signed_off_by, editor.id);
  const row = await t.db
    .selectFrom('incidents')
    .select('proceedings_active')
    .where('id', '=', inc.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.proceedings_active, false);
});

test('the public page shows only the court report while proceedings are active; listings and search leave it out', async () => {
  const inc = await sourcedIncident(
    'Witnesses said the officer struck the man repeatedly near Kennington Park.',
  );
  const a = await makeAllegation(t.db, { incidentId: inc.id, unidentifiedOfficer: 'A constable' });
  await inTransaction(t.db, async (trx) => {
    await publish(trx, 'incidents', inc.id);
    await publish(trx, 'allegations', a.id);
  });
  const app = testApp(t);
  assert.equal(await visible(a.id), true);
  assert.match(await (await app.request(`/incidents/${inc.slug}`)).text(), /struck the man repeatedly/);
  const p = await charge(inc.id);
  assert.equal(await visible(a.id), false, 'the allegation leaves every public listing at once');
  const res = await app.request(`/incidents/${inc.slug}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /criminal proceedings are active/);
  assert.match(html, /Assault occasioning actual bodily harm/);
  assert.match(html, /Westminster Magistrates/);
  assert.match(html, /Not guilty/);
  assert.doesNotMatch(
    html,
    /struck the man repeatedly|Kennington|discourteous/,
    'no account, no allegations',
  );
  assert.doesNotMatch(await (await app.request('/')).text(), new RegExp(inc.slug));
  assert.doesNotMatch(await (await app.request('/search?q=Kennington')).text(), new RegExp(inc.slug));
  const editor = await makeUser(t.db, 'editor');
  await charge(inc.id, { endedBy: 'acquitted', endedOn: '2025-07-01' }, p.id, `user:${editor.id}`);
  assert.equal(await visible(a.id), true);
  assert.match(await (await app.request(`/incidents/${inc.slug}`)).text(), /struck the man repeatedly/);
});

test('the incident check warns editors that the page will show the court report only', async () => {
  const inc = await sourcedIncident('A raid in Peckham.');
  await charge(inc.id, { startedBy: 'arrest', charge: undefined });
  const report = await publicationChecks(t.db, 'incidents', inc.id);
  assert.match(report.warnings.map((w) => w.message).join(' '), /shows only the court report/);
});

test('editors record proceedings through the editor; a contributor cannot end them there either', async () => {
  const app = testApp(t);
  const inc = await sourcedIncident('A protest in Whitehall.');
  const editor = await EditorClient.as(app, t.db, 'editor');
  const created = await editor.post('/editor/court_proceedings/new', {
    incidentId: inc.id,
    startedBy: 'summons',
    startedOn: '2025-04-01',
    court: 'Southwark Crown Court',
  });
  assert.equal(created.status, 303);
  const id = createdId(created);
  const contributor = await EditorClient.as(app, t.db, 'contributor');
  const refused = await contributor.post(`/editor/court_proceedings/${id}/edit`, {
    incidentId: inc.id,
    startedBy: 'summons',
    startedOn: '2025-04-01',
    endedBy: 'discontinued',
    endedOn: '2025-05-01',
  });
  assert.equal(refused.status, 403);
  const badDates = await editor.post(`/editor/court_proceedings/${id}/edit`, {
    incidentId: inc.id,
    startedBy: 'summons',
    startedOn: '2025-04-01',
    endedBy: 'discontinued',
  });
  assert.equal(badDates.status, 422);
  assert.match(await badDates.text(), /an end needs both/);
});
