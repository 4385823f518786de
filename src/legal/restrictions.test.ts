import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { addIncidentPerson } from '../incidents/service.ts';
import { savePerson } from '../people/service.ts';
import { publicationChecks } from '../publication/checks.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createdId, EditorClient } from '../../test/helpers/editor.ts';
import { ACTOR, makeSourcedIncident } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { saveRestriction, type RestrictionInput } from './restrictions.ts';

// Rule R6: each kind of scope blocks while the order is in force, and only then.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const r6 = async (id: string) =>
  (await publicationChecks(t.db, 'incidents', id)).blocking
    .filter((b) => b.rule === 'R6')
    .map((b) => b.message);
const order = (input: Partial<RestrictionInput>) =>
  inTransaction(t.db, (trx) =>
    saveRestriction(trx, ACTOR, {
      orderType: 'cca_1981_s4_2',
      caseReference: 'T20247001',
      startsOn: day(-1),
      ...input,
    }),
  );

const sourcedIncident = (summary?: string) => makeSourcedIncident(t.db, summary);

test('an order on the incident blocks while in force; expired or future orders do not', async () => {
  const inc = await sourcedIncident();
  assert.deepEqual(await r6(inc.id), []);
  const o = await order({ scopeIncidentId: inc.id, startsOn: day(-30), expiresOn: day(-1) });
  assert.deepEqual(await r6(inc.id), [], 'expired yesterday');
  await order({ scopeIncidentId: inc.id, startsOn: day(2), caseReference: 'FUTURE1' });
  assert.deepEqual(await r6(inc.id), [], 'starts the day after tomorrow');
  await inTransaction(t.db, (trx) =>
    saveRestriction(
      trx,
      ACTOR,
      {
        orderType: 'cca_1981_s4_2',
        caseReference: 'T20247001',
        scopeIncidentId: inc.id,
        startsOn: day(-30),
        expiresOn: day(30),
      },
      o.id,
    ),
  );
  assert.match(
    (await r6(inc.id))[0] ?? '',
    /Contempt of Court Act 1981 s\.4\(2\).*T20247001.*incident the order covers/,
  );
});

test('an order protecting a person blocks every incident involving them', async () => {
  const inc = await sourcedIncident();
  const person = await inTransaction(t.db, async (trx) => {
    const p = await savePerson(trx, ACTOR, { pseudonym: 'Complainant R', ageStatus: 'adult' });
    await addIncidentPerson(trx, ACTOR, inc.id, p.id, 'complainant');
    return p;
  });
  const other = await sourcedIncident();
  await order({ orderType: 'soaa_1992', caseReference: 'SOAA-1', scopePersonId: person.id });
  assert.match((await r6(inc.id))[0] ?? '', /person the order protects/);
  assert.deepEqual(await r6(other.id), [], 'an incident without them');
});

test('terms: a record whose public text contains one is blocked, whatever the case', async () => {
  const named = await sourcedIncident('Pupils at Northgate Academy saw the arrest.');
  const plain = await sourcedIncident('Pupils at a local school saw the arrest.');
  await order({
    orderType: 'yjcea_1999_s45',
    caseReference: 'YJ-9',
    scopeTerms: 'Jordan Example\nnorthgate academy',
  });
  assert.match((await r6(named.id))[0] ?? '', /contains “northgate academy”/);
  assert.deepEqual(await r6(plain.id), []);
});

test('a published page is withheld (451) from the moment an order reaches it, and back when it lapses', async () => {
  const inc = await sourcedIncident();
  await inTransaction(t.db, (trx) => publish(trx, 'incidents', inc.id));
  const app = testApp(t);
  assert.equal((await app.request(`/incidents/${inc.slug}`)).status, 200);
  const o = await order({ scopeIncidentId: inc.id, caseReference: 'LATE-1' });
  const held = await app.request(`/incidents/${inc.slug}`);
  assert.equal(held.status, 451);
  assert.doesNotMatch(await held.text(), /LATE-1|Test incident/, 'the notice gives nothing away');
  await inTransaction(t.db, (trx) =>
    saveRestriction(
      trx,
      ACTOR,
      {
        orderType: 'cca_1981_s4_2',
        caseReference: 'LATE-1',
        scopeIncidentId: inc.id,
        startsOn: day(-10),
        expiresOn: day(-1),
      },
      o.id,
    ),
  );
  assert.equal((await app.request(`/incidents/${inc.slug}`)).status, 200);
});

test('editors keep the register through the editor: an order without a scope is refused', async () => {
  const app = testApp(t);
  const editor = await EditorClient.as(app, t.db, 'editor');
  const none = await editor.post('/editor/reporting_restrictions/new', {
    orderType: 'injunction',
    caseReference: 'QB-1',
    startsOn: day(0),
  });
  assert.equal(none.status, 422);
  assert.match(await none.text(), /say what the order covers/);
  const ok = await editor.post('/editor/reporting_restrictions/new', {
    orderType: 'injunction',
    caseReference: 'QB-1',
    startsOn: day(0),
    scopeTerms: 'Secret Name',
  });
  const id = createdId(ok);
  assert.match((await editor.page(`/editor/reporting_restrictions/${id}`)).html, /QB-1/);
});
