import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { setPublicationState } from '../publication/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR, makeIncident } from '../../test/helpers/factories.ts';
import { fetchPage, makeCorrection, publish } from '../../test/helpers/pages.ts';
import { buildRecordGraph, plain, type RecordGraph } from '../../test/helpers/records.ts';
import { CORRECTIONS_PAGE_SIZE, pageWindow } from './routes.tsx';

describe('public corrections log', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  before(async () => {
    t = await createTestDatabase();
    g = await buildRecordGraph(t.db, plain);
  });
  after(() => t.close());

  test('newest first, each entry linking its record while that record is published', async () => {
    const page = await fetchPage(testApp(t), '/corrections');
    assert.equal(page.status, 200);
    const html = page.html;
    const order = ['Statements', 'Officers', 'Findings', 'Incidents'].map((e) =>
      html.indexOf(`${e} correction what`),
    );
    assert.ok(
      order.every((n, i) => n > 0 && (i === 0 || n > order[i - 1]!)),
      'newest first',
    );
    assert.ok(html.includes(`Incident: <a href="/incidents/${g.incident.slug}">Incident title</a>`));
    assert.ok(
      html.includes(`Finding: <a href="/incidents/${g.incident.slug}#finding-${g.findings.first.id}">`),
    );
    assert.ok(html.includes(`Officer: <a href="/officers/${g.officer.slug}">Officer name</a>`));
    assert.match(
      html,
      new RegExp(`Statement: <a href="/statements/${g.statement.slug}">Speaker name, 26 October 2023</a>`),
    );
    assert.ok(html.includes('<strong class="badge">Clarification</strong>'));
    assert.ok(html.includes('<time datetime="2025-02-04T12:00:00.000Z">4 February 2025 at 12:00 UTC</time>'));
    assert.ok(
      page.headers.get('last-modified')?.includes('04 Feb 2025'),
      'Last-Modified is the newest entry',
    );
  });

  test('a record taken down is neither linked nor named, but its log entry stays', async () => {
    const gone = await inTransaction(t.db, async (trx) => {
      const i = await makeIncident(trx, { title: 'Taken down title' });
      await publish(trx, 'incidents', i.id);
      await setPublicationState(trx, ACTOR, 'incidents', i.id, 'withdrawn');
      await makeCorrection(trx, {
        entityType: 'incidents',
        entityId: i.id,
        kind: 'takedown',
        what: 'Removed the record.',
        why: 'A court order restricts reporting.',
        publishedAt: new Date('2025-03-01T09:00:00Z'),
      });
      return i;
    });
    const html = (await fetchPage(testApp(t), '/corrections')).html;
    assert.ok(html.includes('Removed the record.') && html.includes('A court order restricts reporting.'));
    assert.ok(html.includes('Incident (no longer published)'));
    assert.ok(!html.includes('Taken down title'));
    assert.ok(!html.includes(gone.slug));
  });

  test('the home page shows the latest corrections, linked titles and names, and a search box', async () => {
    const page = await fetchPage(testApp(t), '/');
    assert.equal(page.status, 200);
    const html = page.html;
    const latest = html.slice(html.indexOf('Latest corrections'));
    assert.ok(latest.includes('Removed the record.'), 'the newest correction');
    assert.ok(latest.includes('Statements correction what'));
    assert.ok(latest.includes('href="/corrections"'));
    assert.ok(html.includes(`<a href="/incidents/${g.incident.slug}">Incident title</a>`));
    assert.ok(html.includes(`<a href="/officers/${g.officer.slug}">Officer name</a>`));
    assert.match(html, /<form class="home-search" role="search" action="\/search" method="get"/);
    assert.ok(page.headers.get('last-modified'));
  });

  test('paginated: 25 a page, a numbered page list, past-the-end is 404, a bad ?page is 400', async () => {
    await inTransaction(t.db, async (trx) => {
      for (let n = 0; n < CORRECTIONS_PAGE_SIZE; n++)
        await makeCorrection(trx, {
          entityType: 'incidents',
          entityId: g.incident.id,
          kind: 'update',
          what: `Update number ${n}.`,
          why: 'New information.',
          publishedAt: new Date(Date.UTC(2025, 5, 1, 0, n)),
        });
    });
    const app = testApp(t);
    const one = await fetchPage(app, '/corrections');
    assert.equal(one.html.match(/<strong class="badge">/g)?.length, CORRECTIONS_PAGE_SIZE);
    assert.ok(one.html.includes('Update number 24.') && !one.html.includes('Removed the record.'));
    assert.ok(one.html.includes('<span aria-current="page">1</span>'));
    assert.ok(one.html.includes('href="/corrections?page=2"'));
    const two = await fetchPage(app, '/corrections?page=2');
    assert.equal(two.status, 200);
    assert.ok(two.html.includes('Removed the record.') && two.html.includes('Incidents correction what'));
    assert.ok(two.html.includes('<span aria-current="page">2</span>'));
    assert.equal((await fetchPage(app, '/corrections?page=3')).status, 404);
    for (const bad of ['x', '0', '-1', '1.5', '', '9999999']) {
      const res = await fetchPage(app, `/corrections?page=${bad}`);
      assert.equal(res.status, 400, `page=${bad}`);
      assert.ok(res.html.includes('CUS_BAD_REQUEST'));
    }
  });

  test('the page list keeps the first, the last and the neighbours of the current page', () => {
    assert.deepEqual(pageWindow(1, 1), [1]);
    assert.deepEqual(pageWindow(1, 4), [1, 2, 3, 4]);
    assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
    assert.deepEqual(pageWindow(20, 20), [1, null, 18, 19, 20]);
  });
});
