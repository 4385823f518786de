import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { inTransaction, updateRecord } from '../audit/records.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR } from '../../test/helpers/factories.ts';
import { fetchPage } from '../../test/helpers/pages.ts';
import { buildRecordGraph, HIDDEN_OFFICER, plain, type RecordGraph } from '../../test/helpers/records.ts';

/** The cells of the table row headed `label`, as text. */
function row(html: string, label: string): string[] {
  const m = html.match(new RegExp(`<th scope="row">${label}</th>((?:\\s*<td[^>]*>[^<]*</td>)+)`));
  assert.ok(m, `a row for ${label}`);
  return [...m[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]!);
}

describe('public force and unit pages', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  before(async () => {
    t = await createTestDatabase();
    g = await buildRecordGraph(t.db, plain);
  });
  after(() => t.close());

  test('a force: officers with labels, incidents, counts by Standard and by year, its units', async () => {
    const page = await fetchPage(testApp(t), '/forces/metropolitan');
    assert.equal(page.status, 200);
    const html = page.html;
    assert.match(html, /<h1>Metropolitan Police Service<\/h1>/);
    assert.ok(html.includes(`<a href="/incidents/${g.incident.slug}">Incident title</a>`));
    assert.match(
      html,
      new RegExp(
        `<a href="/officers/${g.officer.slug}">Officer name</a><span class="label [^"]+" data-status="overturned_on_appeal">`,
      ),
    );
    assert.ok(!html.includes(HIDDEN_OFFICER));
    assert.ok(html.includes('<caption>Published allegations about Metropolitan Police Service, by Standard'));
    assert.ok(html.includes('<th scope="col">Standard</th>'));
    // The overturned finding no longer counts as proven.
    assert.deepEqual(row(html, 'Honesty and integrity'), ['1', '0']);
    // Three published allegations; the draft one is not counted.
    assert.deepEqual(row(html, '2020'), ['1', '3']);
    assert.ok(html.includes(`href="/forces/metropolitan/units/${g.bcu.slug}">Command unit name</a>`));
    assert.ok(html.includes(`href="/forces/metropolitan/units/${g.station.slug}">Station name</a>`));
    assert.ok(page.headers.get('last-modified'));
  });

  test('a command unit covers the units under it: sub-units, their incidents and officers', async () => {
    const page = await fetchPage(testApp(t), `/forces/metropolitan/units/${g.bcu.slug}`);
    assert.equal(page.status, 200);
    const html = page.html;
    assert.match(html, /<h1>Command unit name<\/h1>/);
    assert.ok(html.includes('Command unit description'));
    assert.ok(html.includes('Basic command unit'));
    assert.ok(html.includes(`<h2 id="units-title">Units under Command unit name</h2>`));
    assert.ok(html.includes(`href="/forces/metropolitan/units/${g.station.slug}">Station name</a>`));
    assert.ok(html.includes(`<a href="/incidents/${g.incident.slug}">Incident title</a>`));
    assert.ok(html.includes(`<a href="/officers/${g.officer.slug}">Officer name</a>`));
    assert.deepEqual(row(html, '2020'), ['1', '3']);
  });

  test('a station: its public address, its parent, no address for anything else', async () => {
    const page = await fetchPage(testApp(t), `/forces/metropolitan/units/${g.station.slug}`);
    assert.equal(page.status, 200);
    const html = page.html;
    assert.match(html, /<address>Address line<br\/?>Locality<br\/?>SW1A 2AA<\/address>/);
    assert.ok(html.includes('Source: Address source'));
    assert.ok(
      html.includes(
        `<dt>Part of</dt><dd><a href="/forces/metropolitan/units/${g.bcu.slug}">Command unit name</a>`,
      ),
    );
    assert.ok(!html.includes('Units under'), 'a station without sub-units lists none');
    const bcu = await fetchPage(testApp(t), `/forces/metropolitan/units/${g.bcu.slug}`);
    assert.ok(!bcu.html.includes('<address>'));
  });

  test('a force with nothing published says so plainly', async () => {
    const page = await fetchPage(testApp(t), '/forces/dorset');
    assert.equal(page.status, 200);
    assert.ok(page.html.includes('No incidents about Dorset Police have been published.'));
    assert.ok(page.html.includes('No officer of Dorset Police has been named in a published record.'));
  });

  test('unknown forces and units, and a unit asked for under the wrong force, are not found', async () => {
    const app = testApp(t);
    for (const path of [
      '/forces/no-such-force',
      '/forces/metropolitan/units/no-such-unit',
      `/forces/kent/units/${g.bcu.slug}`,
    ])
      assert.equal((await fetchPage(app, path)).status, 404, path);
  });

  test('a repeat request gets 304', async () => {
    const app = testApp(t);
    const first = await app.request('/forces/metropolitan');
    const again = await app.request('/forces/metropolitan', {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
  });

  // The page is rendered once per cached data and its units: a change to a unit shows at once.
  test('a renamed unit shows at once on the force and unit pages, which are otherwise sent as rendered', async () => {
    const app = testApp(t);
    const url = `/forces/metropolitan/units/${g.station.slug}`;
    const [force, unit] = [await app.request('/forces/metropolitan'), await app.request(url)];
    const [forceAgain, unitAgain] = [await app.request('/forces/metropolitan'), await app.request(url)];
    assert.equal(forceAgain.headers.get('etag'), force.headers.get('etag'));
    assert.equal(await unitAgain.text(), await unit.text());
    // The API's answers are likewise encoded once and sent again until the rename.
    const apiUrls = ['/api/v1/forces/metropolitan', `/api/v1${url}`];
    const api = await Promise.all(apiUrls.map((u) => app.request(u)));
    const apiAgain = await Promise.all(apiUrls.map((u) => app.request(u)));
    apiAgain.forEach((r, i) => assert.equal(r.headers.get('etag'), api[i]!.headers.get('etag')));
    await inTransaction(t.db, (trx) =>
      updateRecord(trx, ACTOR, 'units', g.station.id, { name: 'Renamed Station' }),
    );
    const renamed = await fetchPage(app, '/forces/metropolitan');
    assert.notEqual(renamed.headers.get('etag'), force.headers.get('etag'));
    assert.ok(renamed.html.includes('Renamed Station'));
    assert.ok((await fetchPage(app, url)).html.includes('<h1>Renamed Station</h1>'));
    for (const [i, u] of apiUrls.entries()) {
      const r = await app.request(u);
      assert.notEqual(r.headers.get('etag'), api[i]!.headers.get('etag'), `${u} changed`);
      assert.ok((await r.text()).includes('"Renamed Station"'), `${u} has the new name`);
    }
  });
});
