import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { testApp, testReceipts } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { met } from '../../test/helpers/factories.ts';
import { csrfFrom, EditorClient, setCookies } from '../../test/helpers/editor.ts';
import { JPEG } from '../../test/helpers/upload-fixtures.ts';
import { verifyReceipt } from './receipt.ts';

let t: TestDatabase;
let app: Hono;
const PASSPHRASE = 'four unrelated words for moderators';

before(async () => {
  t = await createTestDatabase();
  app = testApp(t);
});
after(() => t.close());

function report(
  fields: Record<string, string>,
  files: { bytes: Uint8Array; name: string; type: string }[] = [],
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type }), f.name);
  return form;
}

/** A moderator's request with both the session and (when unlocked) the unlock cookie. */
function as(m: EditorClient, unlock: string | undefined, path: string, form?: Record<string, string>) {
  const cookie = [`custodiet_session=${m.token}`, unlock ? `custodiet_unlock=${unlock}` : '']
    .filter(Boolean)
    .join('; ');
  return app.request(path, {
    method: form ? 'POST' : 'GET',
    headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(form ? { body: new URLSearchParams({ ...form, _csrf: m.csrf }) } : {}),
  });
}

test('the forms are closed until a key exists, and never set a cookie or load another origin', async () => {
  const landing = await app.request('/submit');
  assert.equal(landing.status, 200);
  assert.equal(landing.headers.get('set-cookie'), null);
  assert.match(await landing.text(), /does not accept reports yet/);
  assert.equal((await app.request('/submit/report')).status, 503);
  const admin = await EditorClient.as(app, t.db, 'admin');
  const created = await admin.post('/editor/submissions/key', {
    passphrase: PASSPHRASE,
    confirm: PASSPHRASE,
  });
  assert.equal(created.status, 303);
  for (const path of ['/submit', '/submit/report', '/submit/insider', '/submit/inbox']) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('set-cookie'), null, path);
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    const html = await res.text();
    assert.doesNotMatch(html, /<script/, `${path} has no script`);
    assert.doesNotMatch(
      html,
      /(src|href|action)="(https?:)?\/\//,
      `${path} loads nothing from another origin`,
    );
  }
  const insider = await (await app.request('/submit/insider')).text();
  assert.match(insider, /Independent Office for\s+Police Conduct/);
  assert.match(insider, /s\.43G/);
});

test('bad input gets the form back with a clear 4xx, and nothing stored', async () => {
  const short = await app.request('/submit/report', {
    method: 'POST',
    body: report({ whatHappened: 'too short' }),
  });
  assert.equal(short.status, 422);
  assert.match(await short.text(), /at least 20 characters/);
  const text = await app.request('/submit/report', {
    method: 'POST',
    body: report({ whatHappened: 'A long enough account of what happened.' }, [
      { bytes: new TextEncoder().encode('plain text'), name: 'notes.txt', type: 'text/plain' },
    ]),
  });
  assert.equal(text.status, 415);
  const insider = await app.request('/submit/insider', {
    method: 'POST',
    body: report({ whatHappened: 'A long enough account of what happened.' }),
  });
  assert.equal(insider.status, 422, 'the insider form needs what was challenged and to whom');
  assert.equal(
    Number(
      (
        await t.db
          .selectFrom('submissions')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    0,
  );
});

test('submit, open the inbox, moderator asks, submitter answers, moderator converts', async () => {
  const sent = await app.request('/submit/report', {
    method: 'POST',
    body: report(
      { whatHappened: 'Officers dragged a woman out of a vigil on the common.', place: 'Clapham Common' },
      [{ bytes: JPEG, name: 'vigil.jpg', type: 'image/jpeg' }],
    ),
  });
  assert.equal(sent.status, 201);
  const html = await sent.text();
  const codename = /<strong>([a-z -]+)<\/strong>/.exec(html.split('id="codename"')[1] ?? '')?.[1];
  assert.ok(codename);
  assert.match(html, /cannot recover it/);
  const receipt =
    /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1]?.replace(/&#x2B;|&#43;/g, '+') ?? '';
  assert.equal(verifyReceipt(receipt, Buffer.from(testReceipts.publicKeyBase64, 'base64')).ok, true);

  const opened = await app.request('/submit/inbox', {
    method: 'POST',
    body: new URLSearchParams({ codename: codename! }),
  });
  assert.equal(opened.status, 303);
  const cookie = setCookies(opened).get('custodiet_inbox');
  assert.ok(cookie);
  assert.match(cookie.header, /HttpOnly/);
  assert.match(cookie.header, /SameSite=Strict/);
  assert.match(cookie.header, /Path=\/submit\/inbox/);
  const inboxCookie = `custodiet_inbox=${cookie.value}`;
  const wrong = await app.request('/submit/inbox', {
    method: 'POST',
    body: new URLSearchParams({ codename: 'abacus abacus abacus abacus abacus abacus abacus' }),
  });
  assert.equal(wrong.status, 401);

  const plainEditor = await EditorClient.as(app, t.db, 'editor');
  assert.equal((await plainEditor.get('/editor/submissions')).status, 403);
  const mod = await EditorClient.as(app, t.db, 'moderator');
  const queue = await as(mod, undefined, '/editor/submissions');
  assert.match(await queue.text(), /Unlock submissions/);
  const id = (await t.db.selectFrom('submissions').select('id').executeTakeFirstOrThrow()).id;
  assert.equal(
    (await as(mod, undefined, `/editor/submissions/${id}`)).status,
    303,
    'locked: back to the queue',
  );
  assert.equal(
    (await as(mod, undefined, '/editor/submissions/unlock', { passphrase: 'not the passphrase' })).status,
    401,
  );
  const unlocked = await as(mod, undefined, '/editor/submissions/unlock', { passphrase: PASSPHRASE });
  const unlock = setCookies(unlocked).get('custodiet_unlock')?.value;
  assert.ok(unlock);
  const detail = await (await as(mod, unlock, `/editor/submissions/${id}`)).text();
  assert.match(detail, /Officers dragged a woman out of a vigil/);
  assert.match(detail, /vigil\.jpg/);
  const blob = /\/files\/([0-9a-f]{64})/.exec(detail)?.[1];
  const file = await as(mod, unlock, `/editor/submissions/${id}/files/${blob}`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-disposition') ?? '', /^attachment/);
  assert.equal(file.headers.get('content-type'), 'application/octet-stream');

  assert.equal(
    (await as(mod, unlock, `/editor/submissions/${id}/messages`, { text: 'Did you film it?' })).status,
    303,
  );
  const inbox = await (await app.request('/submit/inbox', { headers: { cookie: inboxCookie } })).text();
  assert.match(inbox, /Did you film it\?/);
  assert.match(inbox, /Needs information/);
  const noToken = await app.request('/submit/inbox/reply', {
    method: 'POST',
    headers: { cookie: inboxCookie },
    body: report({ text: 'Yes.' }),
  });
  assert.equal(noToken.status, 403);
  const answered = await app.request('/submit/inbox/reply', {
    method: 'POST',
    headers: { cookie: inboxCookie },
    body: report({ _csrf: csrfFrom(inbox), text: 'Yes, from the bandstand.' }),
  });
  assert.equal(answered.status, 201);
  assert.match(await answered.text(), /BEGIN CUSTODIET RECEIPT/);
  assert.match(
    await (await as(mod, unlock, `/editor/submissions/${id}`)).text(),
    /Yes, from the bandstand\./,
  );

  const forceId = (await met(t.db)).id;
  const bad = await as(mod, unlock, `/editor/submissions/${id}/convert`, {
    title: '',
    summary: 'x',
    forceId,
  });
  assert.equal(bad.status, 422);
  const converted = await as(mod, unlock, `/editor/submissions/${id}/convert`, {
    title: 'Woman dragged from vigil',
    summary: 'Officers removed a woman from a vigil, a witness says.',
    forceId,
  });
  assert.equal(converted.status, 303);
  assert.match(converted.headers.get('location') ?? '', /^\/editor\/incidents\/[0-9a-f-]{36}$/);
  const draft = await (await as(mod, unlock, converted.headers.get('location')!)).text();
  assert.match(draft, new RegExp(`from <a href="/editor/submissions/${id}">submission ${id}</a>`));
  const left = await app.request('/submit/inbox/leave', {
    method: 'POST',
    headers: { cookie: inboxCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(inbox) }),
  });
  assert.equal(left.status, 303);
  assert.match(
    await (await app.request('/submit/inbox', { headers: { cookie: inboxCookie } })).text(),
    /Open your inbox/,
  );
});
