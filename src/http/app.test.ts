import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { saveAllegation } from '../allegations/service.ts';
import { setPublicationState } from '../publication/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR, makeIncident, makeOfficer } from '../../test/helpers/factories.ts';
import { assetUrl } from './assets.ts';

describe('HTTP app', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('/healthz reports the database and schema version', async () => {
    const res = await testApp(t).request('/healthz');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; backend: string; schemaVersion: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.backend, t.backend);
    assert.match(body.schemaVersion, /^\d{14}$/);
  });

  test('the home page lists only published incidents, each named officer with a status label', async () => {
    const { published, draft } = await inTransaction(t.db, async (trx) => {
      const published = await makeIncident(trx, { title: 'Published incident <script>alert(1)</script>' });
      const draft = await makeIncident(trx, { title: 'Draft incident not for the public' });
      const named = await makeOfficer(trx, { publishedName: 'PC Jane Example' });
      const unpublished = await makeOfficer(trx, { publishedName: 'Secret Draftname' });
      for (const [officerId, status] of [
        [named.id, 'gross_misconduct_proven'],
        [unpublished.id, 'reported'],
      ] as const) {
        const a = await saveAllegation(trx, ACTOR, {
          incidentId: published.id,
          officerId,
          summary: 's',
          status,
        });
        await setPublicationState(trx, ACTOR, 'allegations', a.id, 'published');
      }
      await setPublicationState(trx, ACTOR, 'officers', named.id, 'published');
      await setPublicationState(trx, ACTOR, 'incidents', published.id, 'published');
      return { published, draft };
    });
    const res = await testApp(t).request('/');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(
      html.includes('Published incident &lt;script&gt;alert(1)&lt;/script&gt;'),
      'titles are escaped',
    );
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(!html.includes(draft.title));
    assert.match(
      html,
      /PC Jane Example<\/a> <span class="label label-proven" data-status="gross_misconduct_proven">Gross misconduct proven/,
    );
    assert.ok(!html.includes('Secret Draftname'), 'an unpublished officer is never named');
    assert.match(
      html,
      /An officer not named in this record<\/span> <span class="label label-open" data-status="reported">Allegation reported/,
    );
    assert.ok(html.includes(published.title.replace('<', '&lt;').replace('>', '&gt;').slice(0, 20)));
  });

  test('security headers are on every response', async () => {
    const res = await testApp(t).request('/');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, 'no inline script is ever allowed');
    assert.doesNotMatch(await res.text(), /<script(?![^>]*\ssrc=)/, 'no inline script on the page');
    assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
    const https = await testApp(t, { publicUrl: 'https://custodiet.example.org' }).request('/methodology');
    assert.match(
      https.headers.get('strict-transport-security') ?? '',
      /^max-age=63072000; includeSubDomains$/,
    );
  });

  test('unknown paths get a 404 page for people and problem details for API clients', async () => {
    const app = testApp(t);
    const page = await app.request('/no/such/page');
    assert.equal(page.status, 404);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /CUS_NOT_FOUND/);
    const api = await app.request('/no/such/page', { headers: { accept: 'application/json' } });
    assert.equal(api.status, 404);
    assert.equal(api.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await api.json()) as { code: string }).code, 'CUS_NOT_FOUND');
  });

  test('oversized bodies get a clear 413', async () => {
    const res = await testApp(t).request('/', {
      method: 'POST',
      body: 'x'.repeat(2 * 1024 * 1024),
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(res.status, 413);
  });

  test('static assets: fingerprinted URLs are immutable, stale fingerprints 404, ETags revalidate', async () => {
    const app = testApp(t);
    const url = assetUrl('app.css');
    const res = await app.request(url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('cache-control') ?? '', /immutable/);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
    const again = await app.request(url, { headers: { 'if-none-match': res.headers.get('etag')! } });
    assert.equal(again.status, 304);
    assert.equal((await app.request('/static/app.000000000000.css')).status, 404);
    assert.equal((await app.request('/static/..%2Fapp.ts')).status, 404);
  });

  test('every page names its icon, and /favicon.ico leads to the same SVG', async () => {
    const app = testApp(t);
    const html = await (await app.request('/')).text();
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(html)?.[1];
    assert.equal(href, assetUrl('favicon.svg'));
    const ico = await app.request('/favicon.ico');
    assert.equal(ico.status, 301);
    assert.equal(ico.headers.get('location'), href);
    const svg = await app.request(href!);
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(await svg.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
