import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { renderDocument } from '../http/cache.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR, makeIncident, makeSource, uniq } from '../../test/helpers/factories.ts';
import { fetchPage, publish } from '../../test/helpers/pages.ts';
import { buildRecordGraph, plain, type RecordGraph } from '../../test/helpers/records.ts';
import { loadStatementPage, StatementPage } from './page.tsx';
import { saveStatement } from './service.ts';

describe('public statement page', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  before(async () => {
    t = await createTestDatabase();
    g = await buildRecordGraph(t.db, plain);
  });
  after(() => t.close());

  /** A statement with no quote, about an incident that is still a draft. */
  function plainStatement(publishIt: boolean) {
    return inTransaction(t.db, async (trx) => {
      const incident = await makeIncident(trx, { title: 'Unpublished incident title' });
      const source = await makeSource(trx);
      const s = await saveStatement(trx, ACTOR, {
        slug: uniq('statement'),
        speakerName: 'A Chief Constable',
        speakerRole: 'Chief Constable',
        incidentId: incident.id,
        saidOn: '2024-02-29',
        summary: 'Said the force would publish its vetting figures.',
        sourceId: source.id,
      });
      if (publishIt) await publish(trx, 'statements', s.id);
      return s;
    });
  }

  test('who said what, when, in what role; summary always, quote verbatim; source; promise; incident', async () => {
    const page = await fetchPage(testApp(t), `/statements/${g.statement.slug}`);
    assert.equal(page.status, 200);
    const html = page.html;
    assert.match(html, /<h1 id="record-title">Statement by Speaker name, 26 October 2023<\/h1>/);
    assert.ok(
      html.includes(`<a href="/officers/${g.officer.slug}">Speaker name</a>`),
      'a published speaker is linked',
    );
    for (const text of ['Speaker role', 'Statement summary', 'Source title', 'Source publisher'])
      assert.ok(html.includes(text), text);
    assert.match(
      html,
      /<blockquote cite="https:\/\/news\.example\.org\/[^"]+"><p>Statement quote<\/p><\/blockquote>/,
    );
    assert.ok(html.includes('Yes: a promise about reform'));
    assert.ok(html.includes(`<a href="/incidents/${g.incident.slug}">Incident title</a>`));
    assert.ok(html.includes('Archived copy not yet captured.'));
    assert.ok(html.includes('<time datetime="2023-10-26">26 October 2023</time>'));
    assert.ok(html.includes('Statements correction what') && html.includes('Statements correction why'));
    assert.ok(page.headers.get('last-modified'));
  });

  test('no quote means no quote section; an unpublished incident is not named', async () => {
    const s = await plainStatement(true);
    const page = await fetchPage(testApp(t), `/statements/${s.slug}`);
    assert.equal(page.status, 200);
    assert.ok(page.html.includes('Said the force would publish its vetting figures.'));
    assert.ok(!page.html.includes('Verbatim quote'));
    assert.ok(!page.html.includes('<blockquote'));
    assert.ok(page.html.includes('No: not recorded as a promise'));
    assert.ok(!page.html.includes('Unpublished incident title'));
    assert.ok(page.html.includes('<time datetime="2024-02-29">29 February 2024</time>'));
  });

  test('unknown and unpublished statements are not found; the preview shows a draft', async () => {
    const draft = await plainStatement(false);
    const app = testApp(t);
    assert.equal((await fetchPage(app, '/statements/no-such-statement')).status, 404);
    assert.equal((await fetchPage(app, `/statements/${draft.slug}`)).status, 404);
    assert.equal(await loadStatementPage(t.db, { id: draft.id }, { preview: false }), null);
    const data = await loadStatementPage(t.db, { id: draft.id }, { preview: true });
    assert.ok(data);
    const html = await renderDocument(<StatementPage data={data} />);
    assert.ok(html.includes('class="preview-banner"'));
    assert.ok(html.includes('Unpublished incident title (incident not yet published)'));
  });

  test('a repeat request gets 304', async () => {
    const app = testApp(t);
    const path = `/statements/${g.statement.slug}`;
    const first = await app.request(path);
    const again = await app.request(path, { headers: { 'if-none-match': first.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });
});
