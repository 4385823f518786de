// Drives the editor like a browser: signs in through the real forms, carries the session cookie
// and the CSRF token, and posts urlencoded forms.
import crypto from 'node:crypto';
import type { Hono } from 'hono';
import { generate } from 'otplib';
import { createUser } from '../../src/accounts/service.ts';
import { newTotpSecret, requiresSecondFactor } from '../../src/accounts/totp.ts';
import type { Role } from '../../src/accounts/policy.ts';
import { inTransaction } from '../../src/audit/records.ts';
import type { Db } from '../../src/db/client.ts';

/** Form fields; an array repeats the name (checkbox groups). */
export type Fields = Record<string, string | string[] | undefined>;

/** Cookies a response set, by name (value '' when deleted). */
export function setCookies(res: Response): Map<string, { value: string; header: string }> {
  const out = new Map<string, { value: string; header: string }>();
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, ...rest] = pair!.split('=');
    out.set(name!.trim(), { value: rest.join('='), header });
  }
  return out;
}

/** The value of the first hidden `_csrf` input on a page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

/** Urlencodes fields, repeating names for arrays. */
export function encode(fields: Fields): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  }
  return body;
}

/**
 * Creates an account directly (the CLI path is tested separately). Roles that need a second
 * factor get one set up (the enrolment pages are tested on their own); `totpSecret` is then
 * the secret to make codes from.
 */
export async function makeUser(db: Db, role: Role = 'editor', password = 'correct horse battery staple') {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@example.org`;
  const user = await inTransaction(db, (trx) =>
    createUser(trx, 'test:setup', { email, displayName: `Test ${role}`, role, password }),
  );
  let totpSecret: string | null = null;
  if (requiresSecondFactor(role)) {
    totpSecret = newTotpSecret();
    await db
      .updateTable('users')
      .set({ totp_secret: totpSecret, totp_enabled_at: new Date() })
      .where('id', '=', user.id)
      .execute();
  }
  return { ...user, password, totpSecret };
}

/** The current TOTP code for a secret. */
export function totpCode(secret: string, at = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at / 1000) });
}

/** Gives the second factor on a half-signed-in session; returns the response and the new cookie. */
export async function giveSecondFactor(app: Hono, session: string, code: string) {
  const cookie = `custodiet_session=${session}`;
  const form = await app.request('/login/2fa', { headers: { cookie } });
  const res = await app.request('/login/2fa?next=%2Feditor', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: encode({ code, _csrf: csrfFrom(await form.text()) }),
  });
  return { res, session: setCookies(res).get('custodiet_session')?.value };
}

/** Signs in through GET/POST /login; returns the raw sign-in response and the session cookie. */
export async function signIn(app: Hono, email: string, password: string, extraCookie = '') {
  const form = await app.request('/login');
  const loginCsrf = setCookies(form).get('custodiet_login_csrf')!.value;
  const res = await app.request('/login?next=%2Feditor', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `custodiet_login_csrf=${loginCsrf}${extraCookie ? `; ${extraCookie}` : ''}`,
    },
    body: encode({ email, password, _csrf: csrfFrom(await form.text()) }),
  });
  return { res, session: setCookies(res).get('custodiet_session')?.value };
}

/** A signed-in editor session against the app. */
export class EditorClient {
  constructor(
    readonly app: Hono,
    readonly token: string,
    readonly csrf: string,
    readonly user: { id: string; role: string },
  ) {}

  /** Creates a user with this role and signs them in. */
  static async as(app: Hono, db: Db, role: Role = 'editor'): Promise<EditorClient> {
    const user = await makeUser(db, role);
    let { session } = await signIn(app, user.email, user.password);
    if (session && user.totpSecret)
      ({ session } = await giveSecondFactor(app, session, await totpCode(user.totpSecret)));
    if (!session) throw new Error('sign-in failed');
    const page = await app.request('/editor', { headers: { cookie: `custodiet_session=${session}` } });
    return new EditorClient(app, session, csrfFrom(await page.text()), user);
  }

  get(path: string): Promise<Response> {
    return Promise.resolve(
      this.app.request(path, { headers: { cookie: `custodiet_session=${this.token}` } }),
    );
  }

  /** GETs a page and returns its status and HTML. */
  async page(path: string): Promise<{ status: number; html: string }> {
    const res = await this.get(path);
    return { status: res.status, html: await res.text() };
  }

  /** POSTs a form with the session's CSRF token (override with `csrf: null` to leave it out). */
  post(path: string, fields: Fields, csrf: string | null = this.csrf): Promise<Response> {
    return Promise.resolve(
      this.app.request(path, {
        method: 'POST',
        headers: {
          cookie: `custodiet_session=${this.token}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: encode(csrf === null ? fields : { ...fields, _csrf: csrf }),
      }),
    );
  }
}

/** The record id a successful create redirected to (/editor/<type>/<id>?notice=…). */
export function createdId(res: Response): string {
  const m = /\/editor\/[a-z_]+\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '');
  if (!m)
    throw new Error(`no record in redirect (status ${res.status}, location ${res.headers.get('location')})`);
  return m[1]!;
}
