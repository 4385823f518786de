import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import type { AppError } from '../errors/catalogue.ts';
import { approve } from '../publication/approvals.ts';
import { addIncidentPerson } from '../incidents/service.ts';
import { savePerson } from '../people/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createdId, EditorClient } from '../../test/helpers/editor.ts';
import {
  ACTOR,
  makeAllegation,
  makeIncident,
  makeOfficer,
  makeSource,
  met,
} from '../../test/helpers/factories.ts';
import { wordDiff } from './diff.ts';

const note = {
  'correction.kind': 'correction',
  'correction.what': 'Corrected the title.',
  'correction.why': 'A typo.',
};

describe('editorial workflow', () => {
  let t: TestDatabase;
  let editor: EditorClient;
  let contributor: EditorClient;
  let app: ReturnType<typeof testApp>;
  before(async () => {
    t = await createTestDatabase();
    app = testApp(t);
    editor = await EditorClient.as(app, t.db, 'editor');
    contributor = await EditorClient.as(app, t.db, 'contributor');
  });
  after(() => t.close());

  const state = async (table: 'incidents' | 'allegations' | 'officers', id: string) =>
    (await t.db.selectFrom(table).select('publication_state').where('id', '=', id).executeTakeFirstOrThrow())
      .publication_state;
  const claim = (
    subjectType: string,
    subjectId: string,
    sourceId: string,
    extra: Record<string, string> = {},
  ) =>
    editor.post('/editor/claims/new', {
      subjectType,
      subjectId,
      sourceId,
      quotedPassage: 'As quoted.',
      ...extra,
    });

  test('contributors submit for review but cannot publish', async () => {
    const inc = await makeIncident(t.db);
    assert.equal(
      (await contributor.post(`/editor/incidents/${inc.id}/state`, { to: 'in_review' })).status,
      303,
    );
    assert.equal(await state('incidents', inc.id), 'in_review');
    const page = await contributor.page(`/editor/incidents/${inc.id}`);
    assert.ok(!page.html.includes('?to=published'), 'no publish button for a contributor');
    const res = await contributor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /CUS_FORBIDDEN/);
    assert.equal(await state('incidents', inc.id), 'in_review');
    assert.equal(
      (await contributor.post(`/editor/incidents/${inc.id}/state`, { to: 'withdrawn' })).status,
      409,
    );
  });

  test('an incident is blocked without a sourced claim, and publishes once it has one', async () => {
    const inc = await makeIncident(t.db);
    const src = await makeSource(t.db);
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'in_review' });
    const confirm = await editor.page(`/editor/incidents/${inc.id}/state?to=published`);
    assert.match(confirm.html, /Why is this blocked\?/);
    assert.match(confirm.html, /Rule R4:<\/strong> An incident needs at least one claim/);
    assert.ok(!confirm.html.includes('<button type="submit">Publish'), 'no publish button while blocked');
    const refused = await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /CUS_PUBLICATION_BLOCKED|R4/);
    assert.equal(await state('incidents', inc.id), 'in_review');
    assert.equal((await claim('incident', inc.id, src.id)).status, 303);
    const ready = await editor.page(`/editor/incidents/${inc.id}`);
    assert.match(ready.html, /Ready to publish/);
    assert.match(ready.html, new RegExp(`href="/editor/preview/incidents/${inc.id}"`));
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' })).status, 303);
    assert.equal(await state('incidents', inc.id), 'published');
  });

  test('a named allegation needs a quoted passage; an officer name needs a claim on published_name', async () => {
    // An official source: the right-of-reply rule (R12, tested on its own) does not apply.
    const src = await makeSource(t.db, { kind: 'hearing_notice' });
    const officer = await makeOfficer(t.db, { publishedName: 'PC Named Example' });
    const a = await makeAllegation(t.db, { officerId: officer.id });
    for (const [table, id] of [
      ['allegations', a.id],
      ['officers', officer.id],
    ] as const) {
      await editor.post(`/editor/${table}/${id}/state`, { to: 'in_review' });
      assert.equal(
        (await editor.post(`/editor/${table}/${id}/state`, { to: 'published' })).status,
        422,
        table,
      );
    }
    const page = await editor.page(`/editor/allegations/${a.id}`);
    assert.match(
      page.html,
      /Rule R4:<\/strong> An allegation naming an officer needs at least one claim on it with a quoted passage/,
    );
    // A claim with only a note does not satisfy the named-allegation rule.
    await editor.post('/editor/claims/new', {
      subjectType: 'allegation',
      subjectId: a.id,
      sourceId: src.id,
      passageNote: 'Paywalled.',
    });
    assert.equal((await editor.post(`/editor/allegations/${a.id}/state`, { to: 'published' })).status, 422);
    await claim('allegation', a.id, src.id);
    // Sourced now; what is left is the two-person rule (the record names an officer).
    const blocked = await editor.post(`/editor/allegations/${a.id}/state`, { to: 'published' });
    assert.equal(blocked.status, 422);
    assert.match(await blocked.text(), /Rule TWO-PERSON:<\/strong> This needs approval by a second editor/);
    const second = await EditorClient.as(app, t.db, 'editor');
    for (const [table, id] of [
      ['allegations', a.id],
      ['officers', officer.id],
    ] as const)
      assert.equal((await second.post(`/editor/${table}/${id}/approve`, {})).status, 303);
    assert.equal((await editor.post(`/editor/allegations/${a.id}/state`, { to: 'published' })).status, 303);
    await claim('officer', officer.id, src.id); // not on the name field: still blocked
    assert.equal(
      (await editor.post(`/editor/officers/${officer.id}/state`, { to: 'published' })).status,
      422,
    );
    await claim('officer', officer.id, src.id, { field: 'published_name' });
    assert.equal(
      (await editor.post(`/editor/officers/${officer.id}/state`, { to: 'published' })).status,
      303,
    );
  });

  test('two-person rule: a child involved blocks publication until a second person approves this version', async () => {
    const inc = await makeIncident(t.db);
    const src = await makeSource(t.db);
    await claim('incident', inc.id, src.id);
    await inTransaction(t.db, async (trx) => {
      const p = await savePerson(trx, ACTOR, {
        pseudonym: 'Child Q',
        ageStatus: 'minor',
        officialPseudonym: true,
      });
      await addIncidentPerson(trx, ACTOR, inc.id, p.id, 'victim');
    });
    // The author edits and submits; they cannot approve their own record, by form or service.
    await editor.post(`/editor/incidents/${inc.id}/edit`, {
      ...(await fieldsOf(inc.id, 'Edited by the author')),
    });
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'in_review' });
    const page = await editor.page(`/editor/incidents/${inc.id}`);
    assert.match(page.html, /Rule TWO-PERSON:<\/strong>.*child or a person of unknown age \(Child Q\)/);
    assert.match(page.html, /You changed this record, so someone else must approve it/);
    const self = await editor.post(`/editor/incidents/${inc.id}/approve`, {});
    assert.equal(self.status, 403);
    await assert.rejects(
      inTransaction(t.db, (trx) => approve(trx, editor.user, 'incidents', inc.id)),
      (e: AppError) => e.code === 'CUS_SELF_APPROVAL',
    );
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' })).status, 422);
    assert.equal((await contributor.post(`/editor/incidents/${inc.id}/approve`, {})).status, 403, 'role');
    // A second editor approves; a change after that needs a new approval.
    const second = await EditorClient.as(app, t.db, 'moderator');
    assert.equal((await second.post(`/editor/incidents/${inc.id}/approve`, {})).status, 303);
    assert.match(
      (await editor.page(`/editor/incidents/${inc.id}`)).html,
      /This version was approved by Test moderator/,
    );
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'draft' });
    await editor.post(`/editor/incidents/${inc.id}/edit`, {
      ...(await fieldsOf(inc.id, 'Edited after approval')),
    });
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'in_review' });
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' })).status, 422);
    assert.equal((await second.post(`/editor/incidents/${inc.id}/approve`, {})).status, 303);
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' })).status, 303);
    assert.equal(await state('incidents', inc.id), 'published');
  });

  async function publishedIncident(title: string) {
    const inc = await makeIncident(t.db, { title });
    const src = await makeSource(t.db);
    await claim('incident', inc.id, src.id);
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'in_review' });
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' });
    assert.equal(await state('incidents', inc.id), 'published');
    return inc;
  }
  const fieldsOf = async (id: string, title: string) => ({
    title,
    slug: id
      ? (await t.db.selectFrom('incidents').select('slug').where('id', '=', id).executeTakeFirstOrThrow())
          .slug
      : 'history-case',
    summary: 'A test incident.',
    'occurred.precision': 'month',
    'occurred.on': '2024-05-01',
    forceId: (await met(t.db)).id,
  });
  const corrections = (id: string) =>
    t.db
      .selectFrom('corrections')
      .select(['entity_type', 'kind', 'what', 'why', 'actor'])
      .where('entity_id', '=', id)
      .execute();

  test('editing a published record needs a public correction note, written with the change', async () => {
    const inc = await publishedIncident('Original title');
    const form = await editor.page(`/editor/incidents/${inc.id}/edit`);
    assert.match(form.html, /Public correction note/);
    const refused = await editor.post(
      `/editor/incidents/${inc.id}/edit`,
      await fieldsOf(inc.id, 'Edited title'),
    );
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /href="#f-correction-what"/);
    assert.ok(html.includes('value="Edited title"'), 'typed values kept');
    assert.equal(
      (await t.db.selectFrom('incidents').select('title').where('id', '=', inc.id).executeTakeFirstOrThrow())
        .title,
      'Original title',
    );
    assert.deepEqual(await corrections(inc.id), []);
    assert.equal(
      (
        await contributor.post(`/editor/incidents/${inc.id}/edit`, {
          ...(await fieldsOf(inc.id, 'By contributor')),
          ...note,
        })
      ).status,
      403,
    );
    const ok = await editor.post(`/editor/incidents/${inc.id}/edit`, {
      ...(await fieldsOf(inc.id, 'Edited title')),
      ...note,
    });
    assert.equal(ok.status, 303);
    assert.deepEqual(await corrections(inc.id), [
      {
        entity_type: 'incidents',
        kind: 'correction',
        what: 'Corrected the title.',
        why: 'A typo.',
        actor: `user:${editor.user.id}`,
      },
    ]);
    // A new timeline event under the public incident is a public change too.
    const ev = {
      incidentId: inc.id,
      title: 'Hearing',
      'occurred.precision': 'day',
      'occurred.on': '2025-01-02',
    };
    assert.equal((await editor.post('/editor/timeline_events/new', ev)).status, 422);
    assert.equal(
      (await editor.post('/editor/timeline_events/new', { ...ev, ...note, 'correction.kind': 'update' }))
        .status,
      303,
    );
    assert.equal((await corrections(inc.id)).length, 2);
  });

  test('withdrawing needs a withdrawal or takedown note; publishing again needs a note too', async () => {
    const inc = await publishedIncident('To withdraw');
    const page = await editor.page(`/editor/incidents/${inc.id}/state?to=withdrawn`);
    assert.match(page.html, /<option value="withdrawal">/);
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'withdrawn' })).status, 422);
    assert.equal(await state('incidents', inc.id), 'published');
    const take = {
      to: 'withdrawn',
      'correction.kind': 'takedown',
      'correction.what': 'Removed.',
      'correction.why': 'Legal advice.',
    };
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/state`, take)).status, 303);
    assert.equal(await state('incidents', inc.id), 'withdrawn');
    assert.deepEqual(
      (await corrections(inc.id)).map((c) => c.kind),
      ['takedown'],
    );
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'draft' });
    await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'in_review' });
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/state`, { to: 'published' })).status, 422);
    assert.equal(
      (
        await editor.post(`/editor/incidents/${inc.id}/state`, {
          to: 'published',
          ...note,
          'correction.kind': 'update',
        })
      ).status,
      303,
    );
    assert.deepEqual((await corrections(inc.id)).map((c) => c.kind).sort(), ['takedown', 'update']);
  });

  test('history shows who changed what, word by word, and revert restores the old values', async () => {
    const id = createdId(
      await editor.post('/editor/incidents/new', {
        ...(await fieldsOf('', 'First title')),
        summary: 'The officer stopped the car at night on a quiet street in the borough.',
      }),
    );
    await editor.post(`/editor/incidents/${id}/edit`, {
      ...(await fieldsOf(id, 'Second title')),
      summary: 'The officer stopped the red car at dawn on a quiet street in the borough.',
    });
    const history = await editor.page(`/editor/incidents/${id}/history`);
    assert.equal(history.status, 200);
    assert.match(history.html, /Version 2: update/);
    assert.match(history.html, /Test editor/);
    assert.match(history.html, /<del>First title<\/del>/);
    assert.match(history.html, /<ins>Second title<\/ins>/);
    assert.match(
      history.html,
      /stopped the <ins>red <\/ins>car at <del>night<\/del><ins>dawn<\/ins> on a quiet/,
    );
    assert.match(history.html, new RegExp(`href="/editor/incidents/${id}/revert/1"`));
    const confirm = await editor.page(`/editor/incidents/${id}/revert/1`);
    assert.match(confirm.html, /<del>Second title<\/del>/);
    assert.equal(
      (await editor.post(`/editor/incidents/${id}/revert/1`, {}, null)).status,
      403,
      'CSRF checked',
    );
    assert.equal((await editor.post(`/editor/incidents/${id}/revert/1`, {})).status, 303);
    const row = await t.db
      .selectFrom('incidents')
      .select(['title', 'summary'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      title: 'First title',
      summary: 'The officer stopped the car at night on a quiet street in the borough.',
    });
    const last = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_id', '=', id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(last, { action: 'revert', actor: `user:${editor.user.id}` });
    assert.match((await editor.page(`/editor/incidents/${id}/history`)).html, /Version 3: revert/);
  });

  test('reverting a published record needs a correction note', async () => {
    const inc = await publishedIncident('Published original');
    await editor.post(`/editor/incidents/${inc.id}/edit`, {
      ...(await fieldsOf(inc.id, 'Published edit')),
      ...note,
    });
    const refused = await editor.post(`/editor/incidents/${inc.id}/revert/1`, {});
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /Public correction note/);
    assert.equal((await editor.post(`/editor/incidents/${inc.id}/revert/1`, note)).status, 303);
    const row = await t.db
      .selectFrom('incidents')
      .select(['title', 'publication_state'])
      .where('id', '=', inc.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      row,
      { title: 'Published original', publication_state: 'published' },
      'content reverted, state kept',
    );
    assert.equal((await corrections(inc.id)).length, 2);
  });

  test('word diff marks exactly the changed words', () => {
    assert.deepEqual(wordDiff('a b c', 'a x c'), [
      { op: 'same', text: 'a ' },
      { op: 'del', text: 'b' },
      { op: 'ins', text: 'x' },
      { op: 'same', text: ' c' },
    ]);
    assert.deepEqual(wordDiff('', 'new'), [{ op: 'ins', text: 'new' }]);
  });
});
