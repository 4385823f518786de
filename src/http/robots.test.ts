import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ROBOTS_DISALLOW } from './robots.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

/** Whether robots.txt's rules (prefix matches, as crawlers read them) leave a path open. */
async function allowed(path: string): Promise<boolean> {
  const text = await (await testApp(t).request('/robots.txt')).text();
  const rules = [...text.matchAll(/^Disallow: (.+)$/gm)].map((m) => m[1]!);
  return !rules.some((r) => path.startsWith(r));
}

test('robots.txt is plain text for every crawler, one Disallow per listed path', async () => {
  const res = await testApp(t).request('/robots.txt');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
  const text = await res.text();
  assert.match(text, /^User-agent: \*$/m);
  assert.equal([...text.matchAll(/^Disallow: /gm)].length, ROBOTS_DISALLOW.length);
});

test('published records stay open to crawlers; search, forms, accounts, the editor and the API do not', async () => {
  const open = ['/', '/incidents/x', '/officers/x', '/forces', '/forces/x', '/forces/x/units/y'];
  open.push('/statements/x', '/patterns', '/promises', '/corrections', '/methodology', '/right-of-reply');
  for (const path of open) assert.ok(await allowed(path), `${path} is open`);
  const closed = ['/search?q=x', '/search/feed.atom', '/api/v1/incidents', '/editor', '/editor/incidents'];
  closed.push('/login', '/submit/report', '/receipts', '/right-of-reply/complaint', '/evidence/abc');
  for (const path of closed) assert.ok(!(await allowed(path)), `${path} is closed`);
});

test('every path robots.txt names is a route of the app', () => {
  const routes = testApp(t).routes.map((r) => r.path);
  for (const { path } of ROBOTS_DISALLOW)
    assert.ok(
      routes.some((r) => r.startsWith(path) || `${r}/`.startsWith(path)),
      `${path} names no route`,
    );
});
