import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { EditorClient, csrfFrom, encode, makeUser, setCookies, signIn } from '../../test/helpers/editor.ts';
import { met } from '../../test/helpers/factories.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';
import { can } from './policy.ts';
import { hashToken } from './session.ts';

describe('passwords', () => {
  test('hash and verify; a wrong password fails; every hash has its own salt', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    assert.match(a, /^\$scrypt\$v=1\$N=32768,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b, 'random salt');
    assert.equal(await verifyPassword('correct horse battery staple', a), true);
    assert.equal(await verifyPassword('correct horse battery stapler', a), false);
    assert.equal(await verifyPassword('anything', 'not a hash'), false);
    assert.equal(needsRehash(a), false);
    assert.equal(needsRehash(a.replace('N=32768', 'N=16384')), true, 'older parameters are flagged');
  });

  test('hashes with other (versioned) parameters still verify', async () => {
    const crypto = await import('node:crypto');
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync('pw-with-old-params', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = `$scrypt$v=1$N=16384,r=8,p=1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    assert.equal(await verifyPassword('pw-with-old-params', stored), true);
    assert.equal(await verifyPassword('other', stored), false);
  });
});

describe('policy', () => {
  test('contributors edit and submit; editors, moderators and admins also publish and withdraw', () => {
    assert.equal(can({ role: 'contributor' }, 'record.submit'), true);
    assert.equal(can({ role: 'contributor' }, 'record.publish'), false);
    assert.equal(can({ role: 'contributor' }, 'record.edit_published'), false);
    for (const role of ['editor', 'moderator', 'admin'])
      assert.equal(can({ role }, 'record.publish') && can({ role }, 'record.withdraw'), true, role);
    assert.equal(can({ role: 'admin' }, 'user.manage'), true);
    assert.equal(can({ role: 'editor' }, 'user.manage'), false);
    assert.equal(can({ role: 'nobody' }, 'record.submit'), false);
  });
});

describe('sign-in, sessions and CSRF', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('signing in sets a hardened session cookie and stores only the token hash', async () => {
    const app = testApp(t);
    const user = await makeUser(t.db, 'editor');
    const { res, session } = await signIn(app, user.email, user.password);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/editor');
    const cookie = setCookies(res).get('custodiet_session')!.header;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/, 'plain http in tests');
    assert.match(session!, /^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, hashToken(session!));
    assert.ok(!JSON.stringify(rows).includes(session!), 'the token itself is never stored');
    const page = await app.request('/editor', { headers: { cookie: `custodiet_session=${session}` } });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    assert.match(await page.text(), /Signed in as <strong>Test editor<\/strong>/);
  });

  test('the cookie is Secure when the public URL is https', async () => {
    const app = testApp(t, { publicUrl: 'https://custodiet.example.org' });
    const user = await makeUser(t.db, 'editor');
    const { res } = await signIn(app, user.email, user.password);
    assert.match(setCookies(res).get('custodiet_session')!.header, /; Secure/);
  });

  test('failures give one generic message whether the address exists or not', async () => {
    const app = testApp(t);
    const user = await makeUser(t.db, 'editor');
    const wrong = await signIn(app, user.email, 'not the password at all');
    const unknown = await signIn(app, 'nobody@example.org', 'not the password at all');
    for (const r of [wrong, unknown]) {
      assert.equal(r.res.status, 401);
      assert.equal(r.session, undefined);
    }
    const [a, b] = [await wrong.res.text(), await unknown.res.text()];
    assert.match(a, /The email address or password is not right/);
    const strip = (h: string) => h.replace(/value="[^"]*"/g, '');
    assert.equal(strip(a), strip(b), 'the two failures look the same');
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    assert.equal((await signIn(app, user.email, user.password)).res.status, 401, 'disabled account');
  });

  test('a new token at every sign-in; a token presented at sign-in is dropped', async () => {
    const app = testApp(t);
    const user = await makeUser(t.db, 'editor');
    const first = await signIn(app, user.email, user.password);
    const second = await signIn(app, user.email, user.password, `custodiet_session=${first.session}`);
    assert.notEqual(first.session, second.session);
    const hashes = (
      await t.db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.id).execute()
    ).map((r) => r.token_hash);
    assert.deepEqual(hashes, [hashToken(second.session!)]);
  });

  test('idle and expired sessions are refused and deleted; unknown tokens go to sign-in', async () => {
    const app = testApp(t);
    const idle = await EditorClient.as(app, t.db);
    const expired = await EditorClient.as(app, t.db);
    await sql`UPDATE sessions SET last_seen_at = now() - interval '2 hours 1 minute' WHERE token_hash = ${hashToken(idle.token)}`.execute(
      t.db,
    );
    await sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ${hashToken(expired.token)}`.execute(
      t.db,
    );
    for (const c of [idle, expired]) {
      const res = await c.get('/editor/incidents');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/login?next=%2Feditor%2Fincidents');
      const left = await t.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', hashToken(c.token))
        .execute();
      assert.equal(left.length, 0);
    }
    const none = await app.request('/editor', { headers: { cookie: 'custodiet_session=forged' } });
    assert.equal(none.status, 303);
    // An active session slides: last_seen_at moves forward.
    const active = await EditorClient.as(app, t.db);
    await sql`UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE token_hash = ${hashToken(active.token)}`.execute(
      t.db,
    );
    assert.equal((await active.get('/editor')).status, 200);
    const row = await t.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('token_hash', '=', hashToken(active.token))
      .executeTakeFirstOrThrow();
    assert.ok(Date.now() - row.last_seen_at.getTime() < 60_000);
  });

  test('sign-out needs the CSRF token, then deletes the session', async () => {
    const app = testApp(t);
    const c = await EditorClient.as(app, t.db);
    assert.equal((await c.post('/logout', {}, null)).status, 403);
    assert.equal((await c.get('/editor')).status, 200, 'still signed in');
    const out = await c.post('/logout', {});
    assert.equal(out.status, 303);
    assert.match(setCookies(out).get('custodiet_session')!.header, /Max-Age=0/);
    assert.equal((await c.get('/editor')).status, 303);
    const left = await t.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('token_hash', '=', hashToken(c.token))
      .execute();
    assert.equal(left.length, 0);
  });

  test('sign-in without its CSRF token is refused with CUS_CSRF', async () => {
    const app = testApp(t);
    const user = await makeUser(t.db, 'editor');
    const res = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: encode({ email: user.email, password: user.password, _csrf: 'x'.repeat(43) }),
    });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /CUS_CSRF/);
    assert.equal(setCookies(res).has('custodiet_session'), false);
  });

  test('editor POSTs with a missing or wrong CSRF token get 403 and write nothing', async () => {
    const app = testApp(t);
    const c = await EditorClient.as(app, t.db);
    const force = await met(t.db);
    const fields = {
      title: 'Forged',
      slug: 'forged-by-csrf',
      summary: 'x',
      'occurred.precision': 'unknown',
      forceId: force.id,
    };
    const seqBefore = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log`.execute(t.db);
    // The last character changed to one it is not (an 'A' replaced by 'A' would be the real token).
    const altered = `${c.csrf.slice(0, -1)}${c.csrf.endsWith('A') ? 'B' : 'A'}`;
    for (const csrf of [null, 'wrong-token-wrong-token-wrong-token-wrong-t', altered]) {
      const res = await c.post('/editor/incidents/new', fields, csrf);
      assert.equal(res.status, 403);
      assert.match(await res.text(), /CUS_CSRF/);
    }
    const seqAfter = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log`.execute(t.db);
    assert.equal(seqAfter.rows[0]!.n, seqBefore.rows[0]!.n);
    const found = await t.db
      .selectFrom('incidents')
      .select('id')
      .where('slug', '=', 'forged-by-csrf')
      .execute();
    assert.equal(found.length, 0);
    assert.equal((await c.post('/editor/incidents/new', fields)).status, 303, 'with the token it works');
  });

  test('only editor paths are accepted as the place to return to', async () => {
    const app = testApp(t);
    const user = await makeUser(t.db, 'editor');
    for (const next of ['https://evil.example/', '//evil.example/editor', '/editor/incidents']) {
      const form = await app.request(`/login?next=${encodeURIComponent(next)}`);
      const html = await form.text();
      const res = await app.request(`/login?next=${encodeURIComponent(next)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `custodiet_login_csrf=${setCookies(form).get('custodiet_login_csrf')!.value}`,
        },
        body: encode({ email: user.email, password: user.password, _csrf: csrfFrom(html) }),
      });
      assert.equal(res.headers.get('location'), next === '/editor/incidents' ? next : '/editor');
    }
  });
});
