import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { publicationChecks } from '../publication/checks.ts';
import { saveClaim } from '../sources/service.ts';
import { saveUnit } from '../units/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { EditorClient } from '../../test/helpers/editor.ts';
import { ACTOR, makeIncident, makeSource } from '../../test/helpers/factories.ts';
import { scanPii } from './pii.ts';

describe('personal-detail scanner (rule R10)', () => {
  const kinds = (text: string, allow: string[] = []) =>
    scanPii(text, allow).map((f) => `${f.kind}:${f.text}`);

  test('finds home addresses, phone numbers, e-mails, NI numbers and dates of birth', () => {
    assert.deepEqual(kinds('He lives at 12 Acacia Avenue, Hackney, E8 2LX with his family.'), [
      'address:12 Acacia Avenue, Hackney, E8 2LX',
    ]);
    assert.deepEqual(kinds('Flat 3, Mare Street House, London E8 1HE'), [
      'address:Flat 3, Mare Street House, London E8 1HE',
    ]);
    assert.deepEqual(kinds('Call 07700 900123 or +44 20 7946 0958.'), [
      'phone:07700 900123',
      'phone:+44 20 7946 0958',
    ]);
    assert.deepEqual(kinds('Write to pc.smith@example.com'), ['email:pc.smith@example.com']);
    assert.deepEqual(kinds('NI number AB 12 34 56 C'), ['ni_number:AB 12 34 56 C']);
    assert.deepEqual(kinds('born on 12 March 1990; DOB: 01/02/1985'), [
      'date_of_birth:born on 12 March 1990',
      'date_of_birth:DOB: 01/02/1985',
    ]);
  });

  test('leaves ordinary reporting alone: dates, shoulder numbers, counts, ages, places', () => {
    for (const text of [
      'The incident happened on 12 March 2024 at Charing Cross police station.',
      'PC 1234CW was dismissed on 3 May 2023; Sgt 27 attended.',
      'In 2019 there were 4,500 complaints across 32 boroughs.',
      'A 15-year-old girl was strip-searched in 2020.',
      'The IOPC published its report on 20 June 2023 (reference 2022/012345).',
    ])
      assert.deepEqual(kinds(text), [], text);
  });

  test('a reviewed allowlist entry lets exactly that text through, whatever the case or commas', () => {
    const text = 'The hearing was held at 10 Downing Street.';
    assert.equal(kinds(text).length, 1);
    assert.deepEqual(kinds(text, ['10 downing street']), []);
    assert.equal(kinds(text, ['Downing']).length, 1, 'a fragment of the match allows nothing');
  });
});

describe('rule R10 in the publication checks and the allowlist page', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('a record whose text or quoted passage holds a personal detail is blocked until it is removed or allowlisted', async () => {
    const inc = await makeIncident(t.db, {
      summary: 'Officers attended 14 Mill Lane, Leeds LS2 7AB at night.',
    });
    const src = await makeSource(t.db);
    await inTransaction(t.db, (trx) =>
      saveClaim(trx, ACTOR, {
        subjectType: 'incident',
        subjectId: inc.id,
        sourceId: src.id,
        quotedPassage: 'her mobile, 07700 900456, was seized',
      }),
    );
    const blocked = await publicationChecks(t.db, 'incidents', inc.id);
    assert.deepEqual(
      blocked.blocking.filter((b) => b.rule === 'R10').map((b) => /“(.+)”/.exec(b.message)![1]),
      ['14 Mill Lane, Leeds LS2 7AB', '07700 900456'],
    );
    const app = testApp(t);
    const editor = await EditorClient.as(app, t.db, 'editor');
    const contributor = await EditorClient.as(app, t.db, 'contributor');
    assert.equal((await contributor.get('/editor/pii-allowlist')).status, 403);
    const bad = await editor.post('/editor/pii-allowlist', { text: '', reason: '' });
    assert.equal(bad.status, 422);
    for (const text of ['14 Mill Lane, Leeds LS2 7AB', '07700 900456'])
      assert.equal(
        (await editor.post('/editor/pii-allowlist', { text, reason: 'A test exception.' })).status,
        303,
      );
    const page = await editor.page('/editor/pii-allowlist');
    assert.match(page.html, /14 Mill Lane, Leeds LS2 7AB/);
    const allowed = await publicationChecks(t.db, 'incidents', inc.id);
    assert.deepEqual(
      allowed.blocking.filter((b) => b.rule === 'R10'),
      [],
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'pii_allowlist')
      .execute();
    assert.equal(audit.length, 2);
  });

  test("a station's public front-counter address needs no allowlist entry", async () => {
    const inc = await makeIncident(t.db, {
      summary: 'The man was taken to the station at 1 Agar Street, London WC2N 4JP.',
    });
    assert.equal(
      (await publicationChecks(t.db, 'incidents', inc.id)).blocking.filter((b) => b.rule === 'R10').length,
      1,
    );
    const station = await inTransaction(t.db, (trx) =>
      saveUnit(trx, ACTOR, {
        forceId: inc.force_id,
        slug: 'agar-street',
        name: 'Agar Street',
        kind: 'station',
      }),
    );
    await t.db
      .insertInto('station_addresses')
      .values({
        unit_id: station.id,
        address_line: '1 Agar Street',
        locality: 'London',
        postcode: 'WC2N 4JP',
      })
      .execute();
    assert.equal(
      (await publicationChecks(t.db, 'incidents', inc.id)).blocking.filter((b) => b.rule === 'R10').length,
      0,
    );
  });
});
