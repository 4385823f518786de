import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { EditorClient } from '../../test/helpers/editor.ts';

const FIXTURE = 'test/fixtures/police-uk/2016-06-metropolitan-stop-and-search.csv';
let t: TestDatabase;
let app: Hono;
before(async () => {
  t = await createTestDatabase();
  app = testApp(t);
});
after(() => t.close());

function upload(
  client: EditorClient,
  name: string,
  content: Buffer | string,
  extra: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('_csrf', client.csrf);
  form.set('format', 'police-uk-stop-search');
  form.set('encoding', 'utf-8');
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  form.set('file', new Blob([content], { type: 'text/csv' }), name);
  return app.request('/editor/imports', {
    method: 'POST',
    headers: { cookie: `custodiet_session=${client.token}` },
    body: form,
  });
}

test('an admin imports a file through the page; the same file again changes nothing; a bad one is listed', async () => {
  const editor = await EditorClient.as(app, t.db, 'editor');
  assert.equal((await editor.get('/editor/imports')).status, 403);
  const admin = await EditorClient.as(app, t.db, 'admin');
  const bytes = fs.readFileSync(FIXTURE);
  const checked = await upload(admin, '2016-06-metropolitan-stop-and-search.csv', bytes, { dryRun: 'on' });
  assert.match(await checked.text(), /Checked: every row is valid/);
  const first = await upload(admin, '2016-06-metropolitan-stop-and-search.csv', bytes, {
    retrieved: '2026-11-20',
  });
  const html = await first.text();
  assert.equal(first.status, 200);
  assert.match(html, /Imported \(10,490 rows read\)/);
  assert.match(html, /Open Government Licence v3\.0/);
  assert.match(
    await (await upload(admin, '2016-06-metropolitan-stop-and-search.csv', bytes)).text(),
    /imported before: nothing changed/,
  );
  const lines = bytes.toString('utf8').split('\n');
  lines[2] = lines[2]!.replace('2016-', 'yesterday-');
  const bad = await upload(admin, '2016-07-metropolitan-stop-and-search.csv', lines.join('\n'));
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, /Nothing was imported/);
  assert.match(badHtml, /<td>3<\/td><td>Date<\/td>/);
  const evil = await upload(
    admin,
    '../../2016-08-metropolitan-stop-and-search.csv',
    lines.slice(0, 2).join('\n') + '\n',
  );
  assert.match(
    await evil.text(),
    /Imported \(1 rows read\)/,
    'a path in the name is reduced to its last segment',
  );
  const n = await t.db
    .selectFrom('police_powers_events')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 10_491);
});

test('the page takes a mapping file for the generic format and lists a wrong mapping’s problems', async () => {
  const admin = await EditorClient.as(app, t.db, 'admin');
  const page = await (await admin.get('/editor/imports')).text();
  assert.match(page, /<input id="f-mapping" type="file" name="mapping"/);
  const csv = fs.readFileSync('test/fixtures/generic/outcomes.csv');
  const mapping = fs.readFileSync('test/fixtures/generic/mapping.json', 'utf8');
  const send = (mappingText?: string, format = 'generic') => {
    const form = new FormData();
    form.set('_csrf', admin.csrf);
    form.set('format', format);
    form.set('encoding', 'utf-8');
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'outcomes.csv');
    if (mappingText !== undefined)
      form.set('mapping', new Blob([mappingText], { type: 'application/json' }), 'mapping.json');
    return app.request('/editor/imports', {
      method: 'POST',
      headers: { cookie: `custodiet_session=${admin.token}` },
      body: form,
    });
  };
  const missing = await send();
  assert.equal(missing.status, 422);
  assert.match(await missing.text(), /needs a mapping file/);
  const wrong = await send(mapping.replace('"published_name": "Officer"', '"home_address": "Officer"'));
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /records\.officer\.fields\.home_address: Custodiet never stores this/);
  const notTaken = await send(mapping, 'police-uk-stop-search');
  assert.match(await notTaken.text(), /takes no mapping file/);
  const ok = await send(mapping);
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /Imported \(9 rows read\)/);
});
