import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deleteRecord, inTransaction, insertRecord } from '../audit/records.ts';
import { bumpWriteGeneration } from '../db/cache.ts';
import { addIncidentPerson } from '../incidents/service.ts';
import { saveRestriction } from '../legal/restrictions.ts';
import { savePerson } from '../people/service.ts';
import { renderProblems, renderProblemsAmong } from './render-guard.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeAllegation, makeIncident, makeOfficer } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';

// The legal checks run again on every public render, not only when publishing.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function publishedOfficerCase(summary = 'Alleged to have been discourteous.') {
  const officer = await makeOfficer(t.db, { publishedName: 'PC Render Example' });
  const incident = await makeIncident(t.db);
  const a = await makeAllegation(t.db, { incidentId: incident.id, officerId: officer.id, summary });
  await inTransaction(t.db, async (trx) => {
    await publish(trx, 'incidents', incident.id);
    await publish(trx, 'allegations', a.id);
    await publish(trx, 'officers', officer.id);
  });
  return { officer, incident, a };
}

test('an order made after publication withholds the officer page too (451), and nothing says why', async () => {
  const { officer, incident } = await publishedOfficerCase();
  const app = testApp(t);
  assert.equal((await app.request(`/officers/${officer.slug}`)).status, 200, 'allowed before the order');
  await inTransaction(t.db, (trx) =>
    saveRestriction(trx, ACTOR, {
      orderType: 'cca_1981_s4_2',
      caseReference: 'T20260042',
      scopeIncidentId: incident.id,
      startsOn: day(0),
    }),
  );
  const held = await app.request(`/officers/${officer.slug}`);
  assert.equal(held.status, 451);
  assert.doesNotMatch(await held.text(), /T20260042|Render Example/);
  assert.equal((await app.request(`/incidents/${incident.slug}`)).status, 451);
});

test('a term an order forbids, in an allegation shown on the page, withholds it', async () => {
  const { officer } = await publishedOfficerCase('Alleged to have assaulted a pupil of Eastfield School.');
  const app = testApp(t);
  assert.equal((await app.request(`/officers/${officer.slug}`)).status, 200);
  await inTransaction(t.db, (trx) =>
    saveRestriction(trx, ACTOR, {
      orderType: 'yjcea_1999_s45',
      caseReference: 'YJ-77',
      scopeTerms: 'Eastfield School',
      startsOn: day(-1),
    }),
  );
  assert.equal((await app.request(`/officers/${officer.slug}`)).status, 451);
});

test('a personal detail published under an allowlist entry is withheld once the entry is withdrawn', async () => {
  const number = '020 7946 0991';
  const incident = await makeIncident(t.db, { summary: `Witnesses were asked to call ${number}.` });
  const entry = await inTransaction(t.db, (trx) =>
    insertRecord(trx, ACTOR, 'pii_allowlist', { text: number, reason: 'The press office line.' }),
  );
  await inTransaction(t.db, (trx) => publish(trx, 'incidents', incident.id));
  const app = testApp(t);
  assert.equal((await app.request(`/incidents/${incident.slug}`)).status, 200);
  await inTransaction(t.db, (trx) => deleteRecord(trx, ACTOR, 'pii_allowlist', entry.id));
  assert.equal((await app.request(`/incidents/${incident.slug}`)).status, 451);
});

// Lists and exports ask about hundreds of pages at once; the batch must agree with each page alone.
test('asked about many pages together, the guard gives each the verdict it gives alone', async () => {
  const termCase = await publishedOfficerCase('Alleged to have searched a pupil of Westgate Academy.');
  const clean = await publishedOfficerCase();
  const ordered = await makeIncident(t.db);
  const phone = await makeIncident(t.db, { summary: 'Witnesses were asked to call 020 7946 0123.' });
  const child = await makeIncident(t.db, { summary: 'A girl was searched at Eastfield Primary School.' });
  await inTransaction(t.db, async (trx) => {
    for (const i of [ordered, phone, child]) await publish(trx, 'incidents', i.id);
    const person = await savePerson(trx, ACTOR, {
      pseudonym: 'Child Q',
      ageStatus: 'minor',
      officialPseudonym: true,
    });
    await addIncidentPerson(trx, ACTOR, child.id, person.id, 'victim');
    await saveRestriction(trx, ACTOR, {
      orderType: 'cca_1981_s4_2',
      caseReference: 'T20260077',
      scopeIncidentId: ordered.id,
      startsOn: day(0),
    });
    await saveRestriction(trx, ACTOR, {
      orderType: 'yjcea_1999_s45',
      caseReference: 'YJ-78',
      scopeTerms: 'Westgate Academy',
      startsOn: day(-1),
    });
  });
  const pages = {
    incidents: [ordered.id, phone.id, child.id, termCase.incident.id, clean.incident.id],
    officers: [termCase.officer.id, clean.officer.id],
  } as const;
  for (const [table, ids] of Object.entries(pages) as [keyof typeof pages, readonly string[]][]) {
    const alone = new Map<string, unknown>();
    for (const id of ids) {
      bumpWriteGeneration(); // each verdict worked out afresh, not read from the cache
      alone.set(id, await renderProblems(t.db, table, id));
    }
    bumpWriteGeneration();
    assert.deepEqual(await renderProblemsAmong(t.db, table, [...ids, ids[0]!]), alone, table);
  }
  bumpWriteGeneration();
  const rules = async (table: 'incidents' | 'officers', id: string) =>
    (await renderProblems(t.db, table, id)).map((p) => p.rule);
  assert.deepEqual(await rules('incidents', ordered.id), ['R6']);
  assert.deepEqual(await rules('incidents', phone.id), ['R10']);
  assert.deepEqual(await rules('incidents', child.id), ['R8']);
  assert.deepEqual(await rules('incidents', termCase.incident.id), ['R6'], 'the term is in its allegation');
  assert.deepEqual(await rules('officers', termCase.officer.id), ['R6']);
  assert.deepEqual(await rules('officers', clean.officer.id), []);
  assert.deepEqual(await rules('incidents', clean.incident.id), []);
});
