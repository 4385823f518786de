import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { savePerson } from '../people/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { EditorClient } from '../../test/helpers/editor.ts';
import { ACTOR, makeAllegation, makeIncident, makeOfficer } from '../../test/helpers/factories.ts';

describe('editor preview', () => {
  let t: TestDatabase;
  let editor: EditorClient;
  before(async () => {
    t = await createTestDatabase();
    editor = await EditorClient.as(testApp(t), t.db, 'editor');
  });
  after(() => t.close());

  test('shows exactly the public page of a draft incident, with a banner, before the public can see it', async () => {
    const incident = await makeIncident(t.db, { title: 'Draft incident for preview' });
    const draftOfficer = await makeOfficer(t.db, { publishedName: 'Unpublished Officername' });
    const allegation = await makeAllegation(t.db, {
      incidentId: incident.id,
      officerId: draftOfficer.id,
      summary: 'Alleged rudeness.',
    });
    assert.equal((await testApp(t).request(`/incidents/${incident.slug}`)).status, 404, 'not public yet');
    const page = await editor.page(`/editor/preview/incidents/${incident.id}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1 id="record-title">Draft incident for preview<\/h1>/);
    assert.match(page.html, /class="preview-banner"/);
    assert.match(page.html, /Alleged rudeness\./, 'draft allegations are included in the preview');
    assert.ok(
      !page.html.includes('Unpublished Officername'),
      'another unpublished officer is never named, even in preview',
    );
    // A child record previews on its incident's page.
    const viaAllegation = await editor.page(`/editor/preview/allegations/${allegation.id}`);
    assert.match(viaAllegation.html, /<h1 id="record-title">Draft incident for preview<\/h1>/);
  });

  test('an officer previews on the officer page; a person has no public page', async () => {
    const officer = await makeOfficer(t.db, { publishedName: 'Preview Officer' });
    const page = await editor.page(`/editor/preview/officers/${officer.id}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /Preview Officer/);
    const person = await inTransaction(t.db, (trx) => savePerson(trx, ACTOR, { pseudonym: 'Witness P' }));
    const none = await editor.page(`/editor/preview/people/${person.id}`);
    assert.equal(none.status, 200);
    assert.match(none.html, /No public page to preview/);
    assert.ok(!none.html.includes('Witness P'));
  });

  test('needs a signed-in editor; unknown records are 404', async () => {
    const incident = await makeIncident(t.db);
    const anonymous = await testApp(t).request(`/editor/preview/incidents/${incident.id}`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/login/);
    assert.equal((await editor.page(`/editor/preview/incidents/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await editor.page(`/editor/preview/nonsense/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await editor.page('/editor/preview/incidents/not-a-uuid')).status, 404);
  });
});
