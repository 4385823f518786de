import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { sql } from '../db/kysely.ts';
import { ensureAgency } from '../imports/agencies.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { makeIncident } from '../../test/helpers/factories.ts';
import { fetchPage, makePublishedIncident } from '../../test/helpers/pages.ts';
import { buildRecordGraph, plain } from '../../test/helpers/records.ts';
import { UK_JURISDICTIONS } from './repository.ts';

/** The cells of the table row whose header links to the force, as text. */
function forceRow(html: string, slug: string): string[] | null {
  const m = html.match(
    new RegExp(`<th scope="row"><a href="/forces/${slug}">[^<]*</a></th>((?:<td[^>]*>[^<]*</td>)+)`),
  );
  return m ? [...m[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]!) : null;
}

/** Published incidents and visible allegations per force, counted from the records themselves. */
async function independentCounts(t: TestDatabase) {
  const { rows } = await sql<{ slug: string; incidents: number; allegations: number }>`
    SELECT f.slug,
      (SELECT count(*)::int FROM incidents i WHERE i.force_id = f.id AND i.publication_state = 'published') AS incidents,
      (SELECT count(*)::int FROM allegations a JOIN incidents i ON i.id = a.incident_id
        WHERE i.force_id = f.id AND a.visible) AS allegations
    FROM forces f`.execute(t.db);
  return new Map(rows.map((r) => [r.slug, r]));
}

describe('the list of police forces', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await buildRecordGraph(t.db, plain);
    // A draft incident counts nowhere.
    await makeIncident(t.db);
  });
  after(() => t.close());

  test('every UK force is listed with the published counts the records themselves give', async () => {
    const page = await fetchPage(testApp(t), '/forces');
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Police forces<\/h1>/);
    assert.ok(page.headers.get('last-modified'));
    const counts = await independentCounts(t);
    const { rows: uk } = await sql<{ slug: string }>`
      SELECT slug FROM forces WHERE jurisdiction = ANY(${UK_JURISDICTIONS}::text[])`.execute(t.db);
    assert.ok(uk.length >= 45, `${uk.length} UK forces`);
    for (const { slug } of uk) {
      const c = counts.get(slug)!;
      const cells = forceRow(page.html, slug);
      assert.ok(cells, `${slug} is listed`);
      assert.deepEqual(cells.slice(-2), [String(c.incidents), String(c.allegations)], slug);
    }
    assert.deepEqual(forceRow(page.html, 'metropolitan')!.slice(-2), ['1', '3']);
    assert.deepEqual(forceRow(page.html, 'dorset'), ['0', '0']);
    assert.ok(
      page.html.includes(
        '<caption>Police forces of Scotland, with their published incidents and allegations</caption>',
      ),
    );
  });

  test('an agency elsewhere appears once a published incident concerns it, and at once', async () => {
    const app = testApp(t);
    const agency = await inTransaction(t.db, (trx) =>
      ensureAgency(trx, { name: 'Springfield Police Department', state: 'IL', type: 'local_police' }),
    );
    const slug = 'us-il-springfield-police-department';
    const before = await fetchPage(app, '/forces');
    assert.equal(forceRow(before.html, slug), null, 'an agency with nothing published is not listed');
    assert.ok(!before.html.includes('United States'));
    await makePublishedIncident(t.db, undefined, { forceId: agency });
    const afterPublish = await fetchPage(app, '/forces');
    assert.notEqual(afterPublish.headers.get('etag'), before.headers.get('etag'));
    assert.deepEqual(forceRow(afterPublish.html, slug), ['IL', '1', '0']);
    assert.ok(afterPublish.html.includes('<h2 id="united_states-title">United States</h2>'));
    // The API gives the page's data, the same figures.
    const api = (await (await app.request('/api/v1/overview/forces')).json()) as {
      groups: { jurisdiction: string; forces: { slug: string; incidents: number; allegations: number }[] }[];
    };
    const us = api.groups.find((g) => g.jurisdiction === 'united_states')!;
    assert.deepEqual(
      us.forces.map((f) => [f.slug, f.incidents, f.allegations]),
      [[slug, 1, 0]],
    );
    const met = api.groups[0]!.forces.find((f) => f.slug === 'metropolitan')!;
    assert.deepEqual([met.incidents, met.allegations], [1, 3]);
  });

  test('a force page leads back to the list, which marks the Forces section', async () => {
    const page = await fetchPage(testApp(t), '/forces/metropolitan');
    assert.ok(page.html.includes('<li><a href="/forces">Police forces</a></li>'));
    assert.ok(page.html.includes('<a href="/forces" aria-current="page">Forces</a>'));
  });

  test('a repeat request gets 304', async () => {
    const app = testApp(t);
    const first = await app.request('/forces');
    const again = await app.request('/forces', { headers: { 'if-none-match': first.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });

  test('the listing addresses of each kind lead to the search for that kind, keeping other parameters', async () => {
    const app = testApp(t);
    const listings: [string, string][] = [
      ['/officers', 'officer'],
      ['/incidents', 'incident'],
      ['/units', 'unit'],
      ['/statements', 'statement'],
    ];
    for (const [path, type] of listings) {
      const res = await app.request(path);
      assert.equal(res.status, 302, path);
      assert.equal(res.headers.get('location'), `/search?type=${type}`, path);
    }
    const res = await app.request('/officers?force=metropolitan&type=incident');
    assert.equal(res.headers.get('location'), '/search?force=metropolitan&type=officer');
    const listed = await fetchPage(app, '/search?type=officer');
    assert.equal(listed.status, 200);
    assert.ok(listed.html.includes('Officer name'));
    assert.match(listed.html, /<title>Officers named in published records · Custodiet<\/title>/);
    const filtered = await fetchPage(app, '/search?type=officer&force=metropolitan');
    assert.match(filtered.html, /<title>Search results · Custodiet<\/title>/);
  });
});
