import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction, updateRecord } from '../audit/records.ts';
import { renderDocument } from '../http/cache.ts';
import { setPublicationState } from '../publication/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR, makeAllegation, makeIncident } from '../../test/helpers/factories.ts';
import { fetchPage } from '../../test/helpers/pages.ts';
import {
  ARCHIVE_SHA,
  buildRecordGraph,
  CHILD_REAL_NAME,
  HIDDEN_OFFICER,
  plain,
  type RecordGraph,
} from '../../test/helpers/records.ts';
import { IncidentPage, loadIncidentPage } from './page.tsx';

describe('public incident page', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  let html: string;
  before(async () => {
    t = await createTestDatabase();
    g = await buildRecordGraph(t.db, plain);
    const page = await fetchPage(testApp(t), `/incidents/${g.incident.slug}`);
    assert.equal(page.status, 200);
    assert.ok(page.headers.get('last-modified'), 'sent with Last-Modified');
    html = page.html;
  });
  after(() => t.close());

  test('summary, date with its precision, place, force, linked units, tags, last updated; one h1', () => {
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    for (const text of ['Incident title', 'Incident summary', 'Incident place', 'Tag', 'Last updated'])
      assert.ok(html.includes(text), text);
    assert.ok(
      html.includes('<time datetime="2020-12">December 2020</time>'),
      'a month-precise date stays a month',
    );
    assert.ok(html.includes('href="/forces/metropolitan"'));
    assert.ok(html.includes(`href="/forces/metropolitan/units/${g.station.slug}">Station name</a>`));
  });

  test('officers: the published one named and linked with each label; the unpublished one never named', () => {
    assert.ok(html.includes(`<a href="/officers/${g.officer.slug}">Officer name</a>`));
    assert.match(html, /data-status="overturned_on_appeal">Overturned on appeal/);
    assert.ok(!html.includes(HIDDEN_OFFICER), 'an unpublished officer is never named');
    assert.match(
      html,
      /An officer not named in this record<\/span> <span class="label label-open" data-status="under_investigation">/,
    );
    assert.match(
      html,
      /Unidentified officer<\/span> <span class="label label-open" data-status="case_to_answer">/,
    );
    assert.ok(
      !html.includes('Draft allegation awaiting review'),
      'draft allegations stay off the public page',
    );
    for (const a of [g.allegations.main, g.allegations.against, g.allegations.unidentified])
      assert.ok(html.includes(`id="allegation-${a.id}"`), 'each allegation has its anchor');
    assert.ok(!html.includes(`allegation-${g.allegations.draft.id}`));
  });

  test('allegation, findings and sanction are separate steps; the superseded finding stays, marked', () => {
    const order = [
      'Allegation summary',
      'Panel name',
      'Sanction: Dismissal without notice',
      'Appeal allowed',
    ];
    const at = order.map((s) => html.indexOf(s));
    assert.ok(
      at.every((n, i) => n > 0 && (i === 0 || n > at[i - 1]!)),
      `in order: ${order.join(' → ')}`,
    );
    assert.ok(html.includes('Finding: Gross misconduct proven'), 'the 2023 finding is still shown');
    assert.match(html, new RegExp(`class="step finding superseded" id="finding-${g.findings.first.id}"`));
    assert.ok(
      html.includes(`href="#finding-${g.findings.appeal.id}"`),
      'the superseded finding links to its replacement',
    );
    assert.ok(
      html.includes(`href="#finding-${g.findings.first.id}"`),
      'the appeal links back to what it replaced',
    );
    assert.ok(!html.toLowerCase().includes('verdict'), 'never a merged verdict');
    for (const text of ['Legal test', 'Finding summary', 'Sanction detail', 'Legally qualified chair'])
      assert.ok(html.includes(text), text);
  });

  test('sources: passage, note, and the archive said honestly (pending, or hash and capture time)', () => {
    assert.ok(html.includes('<blockquote cite="https://news.example.org/'));
    for (const text of [
      'Source title',
      'Source publisher',
      'Incident passage',
      'Passage note',
      'Finding passage',
    ])
      assert.ok(html.includes(text), text);
    assert.ok(html.includes('Archived copy not yet captured.'));
    assert.ok(html.includes(ARCHIVE_SHA));
    assert.ok(html.includes('<time datetime="2025-01-02T03:04:05.000Z">2 January 2025 at 03:04 UTC</time>'));
  });

  test('people by pseudonym or public name, never linked; a child by pseudonym only', () => {
    assert.ok(html.includes('<span>Public name</span>'));
    assert.ok(
      !html.includes('Adult pseudonym'),
      'an adult named with a recorded basis is shown by that name',
    );
    assert.ok(html.includes('<span>Child pseudonym</span>'));
    assert.ok(html.includes('<span>Witness pseudonym</span>'), 'a protected witness keeps the pseudonym');
    assert.ok(!html.includes(CHILD_REAL_NAME), 'a real identity never reaches a page');
  });

  test('timeline, statements about the incident, and this record’s corrections', () => {
    for (const text of ['Event title', 'Event description', 'Stage: Complaint Logged', 'Event source note'])
      assert.ok(html.includes(text), text);
    assert.ok(html.includes(`href="/statements/${g.statement.slug}"`));
    assert.ok(html.includes('Incidents correction what') && html.includes('Incidents correction why'));
    assert.ok(html.includes('Findings correction what'), 'corrections to parts of the record show too');
    assert.ok(!html.includes('Officers correction what'), 'corrections to other records do not');
  });

  test('unknown, draft and withdrawn incidents are not found', async () => {
    const draft = await inTransaction(t.db, (trx) => makeIncident(trx, { title: 'Draft only' }));
    const app = testApp(t);
    for (const slug of ['no-such-incident', draft.slug, 'Bad%20Slug']) {
      const page = await fetchPage(app, `/incidents/${slug}`);
      assert.equal(page.status, 404, slug);
      assert.ok(!page.html.includes('Draft only'));
    }
    const withdrawn = await inTransaction(t.db, async (trx) => {
      const i = await makeIncident(trx, { title: 'Withdrawn later' });
      await setPublicationState(trx, ACTOR, 'incidents', i.id, 'published');
      await setPublicationState(trx, ACTOR, 'incidents', i.id, 'withdrawn');
      return i;
    });
    assert.equal((await fetchPage(app, `/incidents/${withdrawn.slug}`)).status, 404);
  });

  test('preview: a draft incident with its draft allegations, still never naming an unpublished officer', async () => {
    const draft = await inTransaction(t.db, async (trx) => {
      const i = await makeIncident(trx, { title: 'Incident in review' });
      await makeAllegation(trx, { incidentId: i.id, officerId: g.hidden.id, summary: 'Draft about hidden' });
      await makeAllegation(trx, { incidentId: i.id, officerId: g.officer.id, summary: 'Draft about named' });
      await setPublicationState(trx, ACTOR, 'incidents', i.id, 'in_review');
      return i;
    });
    assert.equal(await loadIncidentPage(t.db, { id: draft.id }, { preview: false }), null);
    const data = await loadIncidentPage(t.db, { id: draft.id }, { preview: true });
    assert.ok(data);
    const page = await renderDocument(<IncidentPage data={data} />);
    assert.ok(page.includes('class="preview-banner"') && page.includes('in review'));
    assert.ok(page.includes('noindex'));
    assert.ok(page.includes('Draft about hidden') && page.includes('Draft about named'));
    assert.ok(page.includes('Not published yet (draft)'));
    assert.ok(!page.includes(HIDDEN_OFFICER), 'the preview never names another unpublished officer');
    assert.ok(page.includes('Officer name'), 'a published officer is named in the preview');
    const published = await loadIncidentPage(t.db, { slug: g.incident.slug }, { preview: true });
    assert.ok(published?.allegations.some((a) => a.summary === 'Draft allegation awaiting review'));
  });

  test('a repeat request gets 304; a change gives a new ETag', async () => {
    const app = testApp(t);
    const path = `/incidents/${g.incident.slug}`;
    const first = await app.request(path);
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    assert.equal((await app.request(path, { headers: { 'if-none-match': etag } })).status, 304);
    await inTransaction(t.db, (trx) =>
      updateRecord(trx, ACTOR, 'incidents', g.incident.id, { summary: 'A corrected summary.' }),
    );
    const changed = await app.request(path, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.ok((await changed.text()).includes('A corrected summary.'));
  });
});
