import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { appendAudit } from '../audit/chain.ts';
import { inTransaction } from '../audit/records.ts';
import { ed25519Signer } from '../config/signing.ts';
import { verifyExportBundle } from '../exports/bundle.ts';
import { saveRestriction } from '../legal/restrictions.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR, makeIncident } from '../../test/helpers/factories.ts';
import { makePublishedIncident } from '../../test/helpers/pages.ts';
import { refreshDownload } from './queue.ts';
import { downloadState, publishExport } from './service.ts';

const signer = ed25519Signer(crypto.randomBytes(32));
const links = (html: string) => [...html.matchAll(/href="\/data\/([^"]+)"/g)].map((m) => m[1]!);

describe('the public download', () => {
  let t: TestDatabase;
  let shown: { id: string; slug: string };
  let restricted: { id: string; slug: string };
  before(async () => {
    t = await createTestDatabase();
    shown = await makePublishedIncident(t.db, 'Officers stopped a cyclist on Lambeth Bridge.');
    restricted = await makePublishedIncident(t.db, 'A man was restrained outside Brixton station.');
    await makeIncident(t.db, { summary: 'A draft nobody has checked yet.' });
  });
  after(() => t.close());

  const app = () => testApp(t);
  const get = (url: string, headers: Record<string, string> = {}) => app().request(url, { headers });

  test('before the first export the page says so and no file is served', async () => {
    const page = await get('/data');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /have not been made yet/);
    assert.deepEqual(links(html), []);
    assert.equal((await get('/data/incidents.csv')).status, 404);
    const api = (await (await get('/api/v1/downloads')).json()) as { state: string; files: unknown[] };
    assert.deepEqual([api.state, api.files.length], ['none', 0]);
  });

  test('every file downloads, gzip or not, and the bundle verifies against the published key', async () => {
    // Tiny pieces: each file is stored in many, and must come back whole and in order.
    await publishExport(t.db, { signer, pieceBytes: 97 });
    const html = await (await get('/data')).text();
    assert.ok(html.includes(signer.publicKeyBase64), 'the page shows the key to verify with');
    const names = links(html);
    assert.ok(names.includes('manifest.json') && names.includes('manifest.sig'));
    assert.ok(names.includes('incidents.csv') && names.includes('allegations.ndjson'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-download-test-'));
    try {
      for (const [i, name] of [...new Set(names)].entries()) {
        // Alternate: half as the stored gzip, half decompressed by the server.
        const gzip = i % 2 === 0;
        const res = await get(`/data/${name}`, gzip ? { 'accept-encoding': 'gzip, br' } : {});
        assert.equal(res.status, 200, name);
        assert.match(
          res.headers.get('content-disposition') ?? '',
          new RegExp(`attachment; filename="${name}"`),
        );
        let bytes = Buffer.from(await res.arrayBuffer());
        if (res.headers.get('content-encoding') === 'gzip') bytes = zlib.gunzipSync(bytes);
        else assert.equal(gzip && !name.startsWith('manifest'), false, `${name} should have come gzipped`);
        fs.writeFileSync(path.join(dir, name), bytes);
      }
      const check = await verifyExportBundle(dir, signer.publicKey);
      assert.deepEqual(check, { ok: true, files: names.length - 2, keyId: signer.keyId });
      const incidents = fs.readFileSync(path.join(dir, 'incidents.csv'), 'utf8');
      assert.ok(incidents.includes(shown.slug) && incidents.includes(restricted.slug));
      assert.ok(!incidents.includes('A draft nobody has checked yet.'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a repeated request with the ETag is answered 304', async () => {
    const first = await get('/data/incidents.json');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    assert.equal((await get('/data/incidents.json', { 'if-none-match': etag })).status, 304);
  });

  test('a change that holds a record pauses every file until new files leave it out', async () => {
    const before = await downloadState(t.db);
    assert.equal(before.kind, 'current');
    // An account change cannot alter the public data: it does not pause the download.
    await inTransaction(t.db, (trx) =>
      appendAudit(trx, {
        actor: ACTOR,
        action: 'users.login',
        entityType: 'users',
        entityId: 'u1',
        diff: {},
      }),
    );
    assert.equal((await downloadState(t.db)).kind, 'current');
    await inTransaction(t.db, (trx) =>
      saveRestriction(trx, ACTOR, {
        orderType: 'cca_1981_s4_2',
        caseReference: 'T20260001',
        startsOn: '2026-01-01',
        scopeIncidentId: restricted.id,
      }),
    );
    const page = await (await get('/data')).text();
    assert.match(page, /Records have changed since these files were made/);
    assert.deepEqual(links(page), []);
    for (const name of ['incidents.csv', 'manifest.json', 'manifest.sig']) {
      const res = await get(`/data/${name}`);
      assert.equal(res.status, 503, name);
      assert.equal(res.headers.get('retry-after'), '60');
    }
    const api = (await (await get('/api/v1/downloads')).json()) as {
      state: string;
      files: { url: unknown }[];
    };
    assert.equal(api.state, 'outdated');
    assert.ok(api.files.every((f) => f.url === null));

    assert.equal(await refreshDownload(t.db, { signer }), 'made');
    assert.equal(await refreshDownload(t.db, { signer }), 'current', 'nothing changed: not made again');
    const csv = await (await get('/data/incidents.csv')).text();
    assert.ok(csv.includes(shown.slug));
    assert.ok(!csv.includes(restricted.slug), 'the held incident has left the files');
    const old = await t.db
      .selectFrom('public_export_chunks')
      .select(({ fn }) => fn.count<string>('export_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(old.n), 1, 'the superseded files are gone');
  });

  test('files made on an earlier day are not served: the legal checks move with the date', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const state = await downloadState(t.db, tomorrow);
    assert.deepEqual([state.kind, state.kind === 'outdated' && state.reason], ['outdated', 'new-day']);
  });

  test('names that are not files of the download are 404', async () => {
    for (const name of ['nothing.csv', '..%2Fmanifest.json', 'INCIDENTS.CSV'])
      assert.equal((await get(`/data/${name}`)).status, 404, name);
  });
});
