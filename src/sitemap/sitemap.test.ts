import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { saveProceedings } from '../legal/proceedings.ts';
import { saveRestriction } from '../legal/restrictions.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR, makeIncident } from '../../test/helpers/factories.ts';
import { makePublishedIncident } from '../../test/helpers/pages.ts';
import { buildRecordGraph, plain, type RecordGraph } from '../../test/helpers/records.ts';
import { PARTS, SITEMAP_KINDS } from './service.ts';

const ORIGIN = 'https://custodiet.example.org';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describe('sitemaps', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  const hidden: Record<string, string> = {};
  before(async () => {
    t = await createTestDatabase();
    g = await buildRecordGraph(t.db, plain);
    // Pages that must not be listed: a draft, one under active proceedings (only its court
    // report is public), one a reporting restriction holds (its address alone could identify).
    hidden.draft = (await makeIncident(t.db)).slug;
    const proceedings = await makePublishedIncident(t.db);
    const restricted = await makePublishedIncident(t.db);
    await inTransaction(t.db, async (trx) => {
      await saveProceedings(trx, ACTOR, {
        incidentId: proceedings.id,
        startedBy: 'charge',
        startedOn: '2025-02-01',
      });
      await saveRestriction(trx, ACTOR, {
        orderType: 'cca_1981_s4_2',
        caseReference: 'T20250001',
        startsOn: '2025-01-01',
        scopeIncidentId: restricted.id,
      });
    });
    hidden.proceedings = proceedings.slug;
    hidden.restricted = restricted.slug;
  });
  after(() => t.close());

  const app = () => testApp(t, { publicUrl: `${ORIGIN}/` });

  async function allRecordLocs(): Promise<string[]> {
    const index = await app().request('/sitemap.xml');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^application\/xml/);
    const files = locs(await index.text());
    assert.equal(files.length, 1 + SITEMAP_KINDS.length * PARTS.length);
    const out: string[] = [];
    for (const file of files.slice(1)) {
      assert.ok(file.startsWith(`${ORIGIN}/sitemaps/`), file);
      const res = await app().request(file.slice(ORIGIN.length));
      assert.equal(res.status, 200, file);
      const body = await res.text();
      assert.match(
        body,
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org/,
      );
      out.push(...locs(body));
    }
    return out;
  }

  test('the record parts list exactly the public record pages, each once, each answering 200', async () => {
    const listed = await allRecordLocs();
    assert.deepEqual(
      [...listed].sort(),
      [
        `${ORIGIN}/incidents/${g.incident.slug}`,
        `${ORIGIN}/officers/${g.officer.slug}`,
        `${ORIGIN}/statements/${g.statement.slug}`,
      ].sort(),
    );
    for (const loc of listed) assert.equal((await app().request(loc.slice(ORIGIN.length))).status, 200, loc);
    for (const [why, slug] of Object.entries(hidden))
      assert.ok(!listed.some((l) => l.includes(slug)), `the ${why} incident is not listed`);
  });

  test('a record’s entry carries when it last changed, and is in the part its id begins with', async () => {
    const part = g.incident.id[0]!;
    const body = await (await app().request(`/sitemaps/incidents-${part}.xml`)).text();
    assert.match(
      body,
      new RegExp(
        `<url><loc>${ORIGIN}/incidents/${g.incident.slug}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT[^<]+Z</lastmod></url>`,
      ),
    );
    const other = PARTS.find((p) => p !== part)!;
    assert.ok(
      !(await (await app().request(`/sitemaps/incidents-${other}.xml`)).text()).includes(g.incident.slug),
    );
  });

  test('a newly published record is listed at once', async () => {
    const fresh = await makePublishedIncident(t.db);
    const body = await (await app().request(`/sitemaps/incidents-${fresh.id[0]}.xml`)).text();
    assert.ok(body.includes(`/incidents/${fresh.slug}<`));
  });

  test('the pages part: entry pages, every UK force and its units', async () => {
    const listed = locs(await (await app().request('/sitemaps/pages.xml')).text());
    for (const path of ['/', '/forces', '/patterns', '/forces/metropolitan', '/forces/dorset'])
      assert.ok(listed.includes(ORIGIN + path), path);
    assert.ok(listed.includes(`${ORIGIN}/forces/metropolitan/units/${g.station.slug}`));
  });

  test('unknown sitemap files are not found; robots.txt points at the index', async () => {
    for (const path of ['/sitemaps/nope.xml', '/sitemaps/incidents-g.xml', '/sitemaps/allegations-0.xml'])
      assert.equal((await app().request(path)).status, 404, path);
    const robots = await (await app().request('/robots.txt')).text();
    assert.match(robots, new RegExp(`^Sitemap: ${ORIGIN}/sitemap.xml$`, 'm'));
    // Without PUBLIC_URL, the request's own origin.
    const local = await (await testApp(t).request('http://localhost/robots.txt')).text();
    assert.match(local, /^Sitemap: http:\/\/localhost\/sitemap.xml$/m);
  });
});
