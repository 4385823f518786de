import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { renderDocument } from '../http/cache.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { makeAllegation, makeIncident, makeOfficer } from '../../test/helpers/factories.ts';
import { fetchPage, publish } from '../../test/helpers/pages.ts';
import {
  buildRecordGraph,
  HIDDEN_OFFICER,
  plain,
  WARRANT_NUMBER,
  type RecordGraph,
} from '../../test/helpers/records.ts';
import { loadOfficerPage, OfficerPage } from './page.tsx';

describe('public officer page', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  let html: string;
  before(async () => {
    t = await createTestDatabase();
    g = await buildRecordGraph(t.db, plain);
    const page = await fetchPage(testApp(t), `/officers/${g.officer.slug}`);
    assert.equal(page.status, 200);
    assert.ok(page.headers.get('last-modified'));
    html = page.html;
  });
  after(() => t.close());

  test('name as published, force, rank and unit history, numbers with their dates', () => {
    assert.match(html, /<h1 id="record-title">Officer name<\/h1>/);
    assert.ok(html.includes('href="/forces/metropolitan"'));
    assert.match(
      html,
      /<th scope="row">Sergeant<\/th>\s*<td><span>From <time datetime="2019-04-01">1 April 2019/,
    );
    assert.ok(html.includes(`href="/forces/metropolitan/units/${g.station.slug}">Station name</a>`));
    assert.ok(html.includes('<time datetime="2021-03-31">31 March 2021</time>'));
    assert.ok(html.includes(`<th scope="row">${g.shoulder}</th>`), 'shoulder number');
    assert.ok(html.includes(`<th scope="row">${g.cipher}</th>`), 'cipher');
    assert.ok(!html.includes(WARRANT_NUMBER), 'a warrant number is personal and never shown');
    assert.ok(html.includes('Dismissed (as last reported)'));
    assert.ok(html.includes('<caption>Shoulder numbers and ciphers</caption>'));
  });

  test('every published allegation with its label and outcome, linked to the incident', () => {
    const main = g.allegations.main;
    assert.ok(html.includes(`href="/incidents/${g.incident.slug}#allegation-${main.id}"`));
    assert.match(html, /data-status="overturned_on_appeal">Overturned on appeal/);
    for (const text of [
      'Allegation summary',
      'Finding: Gross misconduct proven',
      'Sanction: Dismissal without notice',
    ])
      assert.ok(html.includes(text), text);
    assert.ok(html.includes('Appeal allowed: finding overturned'));
    assert.ok(html.includes('class="step finding superseded"'));
    assert.ok(!html.includes('Draft allegation awaiting review'));
    assert.ok(!html.includes('Hidden officer allegation summary'), 'only this officer’s allegations');
    assert.ok(!html.includes(HIDDEN_OFFICER));
  });

  test('sources about the officer and the corrections of their record', () => {
    assert.ok(html.includes('Officer passage'));
    assert.ok(html.includes('Officers correction what') && html.includes('Officers correction why'));
    assert.ok(html.includes('Findings correction what'), 'a correction to a finding on their allegation');
    assert.ok(!html.includes('Incidents correction what'));
  });

  test('unknown, unpublished and unnamed officers are not found', async () => {
    const unnamed = await inTransaction(t.db, async (trx) => {
      const o = await makeOfficer(trx, { publishedName: undefined });
      await publish(trx, 'officers', o.id);
      return o;
    });
    const app = testApp(t);
    for (const slug of ['no-such-officer', g.hidden.slug, unnamed.slug]) {
      const page = await fetchPage(app, `/officers/${slug}`);
      assert.equal(page.status, 404, slug);
      assert.ok(!page.html.includes(HIDDEN_OFFICER));
    }
  });

  test('preview: an unpublished officer with their draft allegations, marked as such', async () => {
    await inTransaction(t.db, async (trx) => {
      const i = await makeIncident(trx, { title: 'Incident still a draft' });
      await makeAllegation(trx, {
        incidentId: i.id,
        officerId: g.hidden.id,
        summary: 'Draft allegation about them',
      });
    });
    assert.equal(await loadOfficerPage(t.db, { id: g.hidden.id }, { preview: false }), null);
    const data = await loadOfficerPage(t.db, { id: g.hidden.id }, { preview: true });
    assert.ok(data);
    const page = await renderDocument(<OfficerPage data={data} />);
    assert.ok(page.includes(HIDDEN_OFFICER), 'the previewed officer is named in their own preview');
    assert.ok(page.includes('class="preview-banner"'));
    assert.ok(page.includes('Draft allegation about them'));
    assert.ok(page.includes('Incident still a draft (incident not yet published)'));
    assert.ok(
      !page.includes(`href="/officers/${g.hidden.slug}"`),
      'no link to a page that does not exist yet',
    );
  });

  test('a repeat request gets 304', async () => {
    const app = testApp(t);
    const first = await app.request(`/officers/${g.officer.slug}`);
    const again = await app.request(`/officers/${g.officer.slug}`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
  });
});
