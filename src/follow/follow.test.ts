import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { seedDemo } from '../demo/seed.ts';
import { startJobs } from '../jobs/boss.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeIncident } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { startWebhooks } from './queue.ts';
import { createSubscription, SIGNATURE_HEADER, sign, verifySignature } from './webhooks.ts';

const SCHEMA = path.resolve('test/fixtures/atom/atom.rng');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint && process.env.CI === 'true')
  throw new Error('CI needs xmllint (libxml2-utils) to validate feeds');

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
});
after(() => t.close());

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-atom-'));
process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

/** xmllint --relaxng against RFC 4287's schema: null when valid, else its complaint. */
function relaxNg(xml: string): string | null {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, file], { encoding: 'utf8' });
  return r.status === 0 ? null : r.stderr;
}

test(
  'feeds per officer, unit, force and saved search validate as Atom (RELAX NG) with the required elements',
  { skip: !hasXmllint && 'xmllint (libxml2-utils) is not installed' },
  async () => {
    const app = testApp(t, { publicUrl: 'https://custodiet.example.org' });
    for (const url of [
      '/forces/metropolitan/feed.atom',
      '/officers/david-carrick/feed.atom',
      '/forces/metropolitan/units/central-west/feed.atom',
      '/search/feed.atom?q=Charing+Cross',
    ]) {
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
      const xml = await res.text();
      assert.equal(relaxNg(xml), null, `${url} is valid Atom`);
      // RFC 4287 rules the schema cannot express: an author, a self link, and per entry an id, a
      // title, an updated date and an alternate link.
      assert.match(xml, /<author><name>Custodiet<\/name><\/author>/);
      assert.match(
        xml,
        new RegExp(
          `<link rel="self" type="application/atom\\+xml" href="https://custodiet.example.org${url.split('?')[0]!.replace(/[.+]/g, '\\$&')}`,
        ),
      );
      const entries = xml.split('<entry>').slice(1);
      assert.ok(entries.length > 0, `${url} has entries`);
      for (const e of entries)
        for (const el of ['<id>https://', '<title', '<updated>', '<link rel="alternate"'])
          assert.ok(e.includes(el), `${url}: entry has ${el}`);
    }
    const carrick = await (await app.request('/officers/david-carrick/feed.atom')).text();
    assert.match(
      carrick,
      /David Carrick \((Convicted|Gross misconduct proven)\)/,
      'the status label is beside the name',
    );
  },
);

test(
  'the validator rejects a broken feed (so the check above can fail)',
  { skip: !hasXmllint && 'xmllint is not installed' },
  async () => {
    const xml = await (await testApp(t).request('/forces/metropolitan/feed.atom')).text();
    assert.notEqual(relaxNg(xml.replace(/<id>[^<]*<\/id>/, '')), null, 'a feed without its id');
    assert.notEqual(
      relaxNg(xml.replace(/<updated>[^<]*<\/updated>/, '<updated>last Tuesday</updated>')),
      null,
      'a bad date',
    );
    // RFC 4287's schema, rule by rule (README beside the schema): what it refuses and allows.
    const head = '<feed xmlns="http://www.w3.org/2005/Atom"';
    const meta = '<id>urn:x</id><title>t</title><updated>2024-01-01T00:00:00Z</updated>';
    assert.notEqual(relaxNg(`${head} foo="1">${meta}</feed>`), null, 'an unqualified attribute');
    assert.notEqual(relaxNg(`${head}>${meta}<foo>b</foo></feed>`), null, 'an unknown Atom element');
    assert.notEqual(relaxNg(`${head}>${meta}<id>y</id></feed>`), null, 'two ids');
    assert.equal(relaxNg(`${head} xmlns:x="urn:x" x:a="1">${meta}<x:b c="d">e</x:b></feed>`), null);
    assert.equal(
      relaxNg(
        `${head}><id>x</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">t</div></title><updated>2024-01-01T00:00:00Z</updated></feed>`,
      ),
      null,
      'an XHTML title',
    );
  },
);

test('signatures: HMAC-SHA256 over "t.body", checked in constant time and refused when stale or altered', () => {
  const body = '{"event":"record.published"}';
  const header = sign('s'.repeat(64), 1_700_000_000, body);
  assert.match(header, /^t=1700000000,v1=[0-9a-f]{64}$/);
  assert.ok(verifySignature('s'.repeat(64), header, body, 1_700_000_000_000));
  assert.ok(!verifySignature('s'.repeat(64), header, body + ' ', 1_700_000_000_000), 'altered body');
  assert.ok(!verifySignature('x'.repeat(64), header, body, 1_700_000_000_000), 'other secret');
  assert.ok(!verifySignature('s'.repeat(64), header, body, 1_700_000_000_000 + 3_600_000), 'an hour late');
});

test('a newly published record reaches a local receiver with a valid signature, retried after a failure', async () => {
  const received: { body: string; signature: string }[] = [];
  let failFirst = true;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failFirst) {
        failFirst = false;
        res.writeHead(503).end();
        return;
      }
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers[SIGNATURE_HEADER.toLowerCase()]),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const jobs = await startJobs(t.db);
  try {
    const sub = await createSubscription(t.db, ACTOR, { url: `http://127.0.0.1:${port}/hook` });
    const incident = await makeIncident(t.db, { title: 'Webhook test incident' });
    await inTransaction(t.db, (trx) => publish(trx, 'incidents', incident.id));
    await startWebhooks(jobs, t.db, {
      baseUrl: 'https://custodiet.example.org',
      everySeconds: 1,
      retryDelaySeconds: 1,
      pollingSeconds: 0.5,
    });
    const deadline = Date.now() + 30_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(received.length, 1, 'delivered once, after one failed attempt');
    const [got] = received;
    assert.ok(
      verifySignature(sub.secret, got!.signature, got!.body),
      'the receiver accepts the signature over the exact body',
    );
    const payload = JSON.parse(got!.body);
    assert.equal(payload.record.type, 'incident');
    assert.equal(payload.record.url, `https://custodiet.example.org/incidents/${incident.slug}`);
    // The job records the delivery after the receiver has answered: wait for that write.
    const delivery = () =>
      t.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('subscription_id', '=', sub.id)
        .executeTakeFirstOrThrow();
    let row = await delivery();
    while (row.status !== 'delivered' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      row = await delivery();
    }
    assert.equal(row.status, 'delivered');
    assert.equal(row.attempts, 2);
    const audit = await t.db.selectFrom('audit_log').select('diff').where('entity_id', '=', sub.id).execute();
    assert.ok(!JSON.stringify(audit).includes(sub.secret), 'the secret is not in the audit log');
  } finally {
    await jobs.stop();
    server.close();
  }
});

test('officer, unit, force and search pages link to their pattern pages and feeds, in the body and the head', async () => {
  const app = testApp(t);
  const pages: Record<string, string[]> = {
    '/officers/david-carrick': ['/patterns/officers/david-carrick', '/officers/david-carrick/feed.atom'],
    '/forces/metropolitan': [
      '/patterns/forces/metropolitan/units',
      '/patterns/forces/metropolitan/stop-search',
      '/promises/forces/metropolitan',
      '/forces/metropolitan/feed.atom',
    ],
    '/forces/metropolitan/units/central-west': [
      '/patterns/forces/metropolitan/units/central-west/network',
      '/forces/metropolitan/units/central-west/feed.atom',
    ],
    '/search?q=Charing+Cross': ['/patterns', '/search/feed.atom?q=Charing+Cross'],
  };
  for (const [page, links] of Object.entries(pages)) {
    const html = await (await app.request(page)).text();
    const feed = links.at(-1)!;
    const head = html.slice(0, html.indexOf('</head>'));
    assert.ok(
      head.includes(`<link rel="alternate" type="application/atom+xml" title="Newly published records:`) &&
        head.includes(`href="${feed}"`),
      `${page} announces its feed in the head`,
    );
    for (const href of links) {
      assert.ok(html.includes(`href="${href}"`), `${page} links to ${href}`);
      assert.equal((await app.request(href)).status, 200, `${href} (linked from ${page}) answers`);
    }
    assert.doesNotMatch(html, /action="\/follow\/email"/, 'no e-mail form without SMTP');
  }
  const withMail = testApp(t, { mailer: { send: async () => undefined, close: () => undefined } });
  const html = await (await withMail.request('/forces/metropolitan')).text();
  assert.match(html, /<form method="post" action="\/follow\/email"/);
  assert.match(html, /<input type="hidden" name="feed" value="\/forces\/metropolitan\/feed.atom"/);
  assert.doesNotMatch(
    await (await app.request('/search')).text(),
    /application\/atom\+xml/,
    'a blank search has no feed',
  );
});
