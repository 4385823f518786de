import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import {
  EditorClient,
  csrfFrom,
  encode,
  giveSecondFactor,
  makeUser,
  setCookies,
  signIn,
  totpCode,
} from '../../test/helpers/editor.ts';
import { hashToken } from './session.ts';
import { FREE_FAILURES } from './throttle.ts';

// Sign-in hardening: brute force, second factor, invitations and privilege changes, each
// driven through the real forms against a real database.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const userRow = (id: string) =>
  t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const events = async (userId: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'users')
      .where('entity_id', '=', userId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);

describe('brute force', () => {
  test('after the free failures the address is locked, even for the right password, until an admin unlocks it', async () => {
    const app = testApp(t);
    const user = await makeUser(t.db, 'editor');
    for (let i = 1; i < FREE_FAILURES; i++)
      assert.equal((await signIn(app, user.email, `wrong ${i}`)).res.status, 401);
    const last = await signIn(app, user.email, 'wrong again');
    assert.equal(last.res.status, 429);
    assert.match(await last.res.text(), /Too many failed attempts/);
    const right = await signIn(app, user.email, user.password);
    assert.equal(right.res.status, 429, 'the right password does not get through a lock');
    assert.equal(right.session, undefined);
    assert.ok((await events(user.id)).includes('account.locked'));
    // The lock grows with each further failure once it has passed.
    await t.db
      .updateTable('login_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .execute();
    await signIn(app, user.email, 'one more wrong');
    const row = await t.db
      .selectFrom('login_throttle')
      .selectAll()
      .orderBy('failures', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.failures, FREE_FAILURES + 1);
    assert.ok(row.locked_until!.getTime() - Date.now() > 90_000, 'second lock is about two minutes');
    const admin = await EditorClient.as(app, t.db, 'admin');
    const users = await admin.page('/editor/users');
    assert.match(users.html, /locked until/);
    assert.equal((await admin.post(`/editor/users/${user.id}/unlock`, {})).status, 303);
    const after = await signIn(app, user.email, user.password);
    assert.equal(after.res.status, 303);
    assert.ok(after.session);
  });

  test('unknown addresses are throttled the same way (no account enumeration)', async () => {
    const app = testApp(t);
    for (let i = 0; i < FREE_FAILURES; i++) await signIn(app, 'ghost@example.org', `guess ${i}`);
    assert.equal((await signIn(app, 'ghost@example.org', 'guess')).res.status, 429);
    const stored = await t.db.selectFrom('login_throttle').select('email_hash').execute();
    assert.ok(!JSON.stringify(stored).includes('ghost'), 'addresses are stored only hashed');
  });
});

describe('second factor', () => {
  test('a moderator is held at the code step; the editor stays closed until a valid code', async () => {
    const app = testApp(t);
    const mod = await makeUser(t.db, 'moderator');
    const { res, session } = await signIn(app, mod.email, mod.password);
    assert.equal(res.headers.get('location'), '/login/2fa?next=%2Feditor');
    const half = await app.request('/editor', { headers: { cookie: `custodiet_session=${session}` } });
    assert.equal(half.status, 303, '2FA bypass: the editor refuses a password-only session');
    assert.equal(half.headers.get('location'), '/login/2fa');
    const wrong = await giveSecondFactor(app, session!, '000000');
    assert.equal(wrong.res.status, 401);
    const ok = await giveSecondFactor(app, session!, await totpCode(mod.totpSecret!));
    assert.equal(ok.res.status, 303);
    assert.notEqual(ok.session, session, 'a new token once the second factor is given');
    const old = await app.request('/editor', { headers: { cookie: `custodiet_session=${session}` } });
    assert.equal(old.headers.get('location'), '/login?next=%2Feditor', 'the half session is gone');
    const full = await app.request('/editor', { headers: { cookie: `custodiet_session=${ok.session}` } });
    assert.equal(full.status, 200);
    assert.deepEqual((await events(mod.id)).slice(-1), ['account.sign_in']);
  });

  test('a code is accepted once; recovery codes work once each; five wrong codes end the attempt', async () => {
    const app = testApp(t);
    const admin = await makeUser(t.db, 'admin');
    const code = await totpCode(admin.totpSecret!);
    const first = await signIn(app, admin.email, admin.password);
    assert.equal((await giveSecondFactor(app, first.session!, code)).res.status, 303);
    const second = await signIn(app, admin.email, admin.password);
    assert.equal(
      (await giveSecondFactor(app, second.session!, code)).res.status,
      401,
      'replayed code refused',
    );
    // Recovery codes: set up through the account page, then each signs in once.
    const client = await EditorClient.as(app, t.db, 'moderator');
    await t.db.updateTable('users').set({ totp_last_step: '0' }).where('id', '=', client.user.id).execute();
    const { totp_secret: secret, email } = await userRow(client.user.id);
    const page = await client.post('/editor/account/recovery-codes', {
      code: await totpCode(secret!, Date.now() + 30_000),
    });
    const codes = [
      ...(await page.text()).matchAll(/<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/code>/g),
    ].map((m) => m[1]!);
    assert.equal(codes.length, 10);
    const a = await signIn(app, email, 'correct horse battery staple');
    assert.equal((await giveSecondFactor(app, a.session!, codes[0]!.toUpperCase())).res.status, 303);
    const b = await signIn(app, email, 'correct horse battery staple');
    assert.equal((await giveSecondFactor(app, b.session!, codes[0]!)).res.status, 401, 'used recovery code');
    // Guessing: the fifth wrong code ends the half session and counts against the address.
    const c = await signIn(app, email, 'correct horse battery staple');
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) last = (await giveSecondFactor(app, c.session!, `12345${i}`)).res;
    assert.equal(last!.headers.get('location'), '/login?reason=factor');
    const gone = await t.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('token_hash', '=', hashToken(c.session!))
      .execute();
    assert.equal(gone.length, 0);
  });

  test('a moderator without a second factor must set one up at sign-in (QR code, then recovery codes)', async () => {
    const app = testApp(t);
    const mod = await makeUser(t.db, 'moderator');
    await t.db
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null })
      .where('id', '=', mod.id)
      .execute();
    const { session } = await signIn(app, mod.email, mod.password);
    const setup = await app.request('/login/2fa', { headers: { cookie: `custodiet_session=${session}` } });
    const html = await setup.text();
    assert.match(html, /Set up two-factor sign-in/);
    assert.match(html, /<img src="data:image\/svg\+xml;base64,/);
    const secret = (await userRow(mod.id)).totp_secret!;
    assert.match(html.replace(/ /g, ''), new RegExp(secret));
    const done = await app.request('/login/2fa?next=%2Feditor', {
      method: 'POST',
      headers: {
        cookie: `custodiet_session=${session}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: encode({ code: await totpCode(secret), _csrf: csrfFrom(html) }),
    });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Your recovery codes/);
    const token = setCookies(done).get('custodiet_session')!.value;
    assert.equal(
      (await app.request('/editor', { headers: { cookie: `custodiet_session=${token}` } })).status,
      200,
    );
    assert.ok((await events(mod.id)).includes('account.totp_enabled'));
  });
});

describe('invitations and privilege changes', () => {
  test('an invitation link makes one account with its role, once; expired and reused links fail', async () => {
    const app = testApp(t);
    const admin = await EditorClient.as(app, t.db, 'admin');
    const made = await admin.post('/editor/users/invite', {
      email: 'New.Person@Example.org',
      role: 'editor',
      days: '3',
    });
    const link = /\/invite\/([A-Za-z0-9_-]{43})/.exec(await made.text())![1]!;
    const form = await app.request(`/invite/${link}`);
    assert.equal(form.status, 200);
    const cookie = `custodiet_invite_csrf=${setCookies(form).get('custodiet_invite_csrf')!.value}`;
    const body = encode({
      displayName: 'New Person',
      password: 'a long enough passphrase',
      _csrf: csrfFrom(await form.text()),
    });
    const accept = await app.request(`/invite/${link}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.equal(accept.status, 303);
    const user = await t.db
      .selectFrom('users')
      .select(['role', 'email'])
      .where('email', '=', 'new.person@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(user.role, 'editor');
    assert.equal((await app.request(`/invite/${link}`)).status, 404, 'used');
    const stale = await admin.post('/editor/users/invite', { role: 'contributor', days: '1' });
    const staleLink = /\/invite\/([A-Za-z0-9_-]{43})/.exec(await stale.text())![1]!;
    await sql`UPDATE invitations SET created_at = now() - interval '3 days', expires_at = now() - interval '1 day' WHERE token_hash = ${hashToken(staleLink)}`.execute(
      t.db,
    );
    assert.equal((await app.request(`/invite/${staleLink}`)).status, 404, 'expired');
    const bad = await admin.post('/editor/users/invite', { role: 'overlord', days: '99' });
    assert.equal(bad.status, 422);
  });

  test("a role change or disabling ends the account's sessions; the last admin cannot be demoted", async () => {
    const app = testApp(t);
    const admin = await EditorClient.as(app, t.db, 'admin');
    const editor = await EditorClient.as(app, t.db, 'editor');
    assert.equal(
      (await admin.post(`/editor/users/${editor.user.id}/role`, { role: 'contributor' })).status,
      303,
    );
    assert.equal((await editor.get('/editor')).status, 303, 'old session ended by the privilege change');
    const other = await EditorClient.as(app, t.db, 'editor');
    await admin.post(`/editor/users/${other.user.id}/disable`, {});
    assert.equal((await other.get('/editor')).status, 303);
    await t.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('role', '=', 'admin')
      .where('id', '!=', admin.user.id)
      .execute();
    const self = await admin.post(`/editor/users/${admin.user.id}/role`, { role: 'editor' });
    assert.equal(self.status, 409);
    assert.equal((await editor.get('/editor/users')).status, 303);
    const contributor = await EditorClient.as(app, t.db, 'contributor');
    assert.equal((await contributor.get('/editor/users')).status, 403);
  });

  test('sign out everywhere ends every other session of the account', async () => {
    const app = testApp(t);
    const a = await EditorClient.as(app, t.db, 'editor');
    const row = await t.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', a.user.id)
      .executeTakeFirstOrThrow();
    const b = await signIn(app, row.email, 'correct horse battery staple');
    const res = await a.post('/editor/account/sign-out-everywhere', {});
    assert.match(await res.text(), /Signed out of 1 other session/);
    assert.equal(
      (await app.request('/editor', { headers: { cookie: `custodiet_session=${b.session}` } })).status,
      303,
    );
    assert.equal((await a.get('/editor')).status, 200);
  });
});
