import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/client.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm } from '../http/form.ts';
import type { FieldSpec } from '../http/forms.tsx';
import type { AppDeps } from '../http/app.ts';
import { accountEvent } from './events.ts';
import { checkCsrf, safeNext } from './middleware.ts';
import { AccountFormPage } from './pages.tsx';
import { authenticate } from './service.ts';
import { inviteRoutes } from './invite-routes.tsx';
import { secondFactorRoutes } from './second-factor-routes.tsx';
import {
  clearSessionCookie,
  endSession,
  hashToken,
  randomToken,
  resumeSession,
  sessionToken,
  setSessionCookie,
  startSession,
} from './session.ts';
import { clearFailures, lockedUntil, recordFailure } from './throttle.ts';
import { requiresSecondFactor } from './totp.ts';

// Before sign-in there is no session to hold a CSRF token, so the sign-in form uses a
// double-submit token: a random value in a cookie scoped to /login, echoed by the form.
const LOGIN_CSRF_COOKIE = 'custodiet_login_csrf';

const FIELDS: FieldSpec[] = [
  { name: 'email', label: 'Email address', kind: 'email', required: true, autocomplete: 'username' },
  { name: 'password', label: 'Password', kind: 'password', required: true, autocomplete: 'current-password' },
];

const MESSAGES = {
  failed: 'The email address or password is not right. Check both and try again.',
  locked: (until: Date) =>
    `Too many failed attempts for this address. Try again after ${until.toISOString().slice(11, 16)} UTC, or ask an administrator to unlock it.`,
  factor: 'Too many wrong codes. Sign in again.',
};

function renderLogin(c: Context, secure: boolean, email: string, message?: string, status = 200) {
  const csrf = randomToken();
  setCookie(c, LOGIN_CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'Lax', path: '/login', secure });
  const next = safeNext(c.req.query('next'));
  const page = (
    <AccountFormPage
      title="Sign in"
      heading="Sign in to the editor"
      action={`/login?next=${encodeURIComponent(next)}`}
      csrf={csrf}
      fields={FIELDS}
      values={{ email }}
      message={message}
      submit="Sign in"
      after={
        <p class="note">
          Accounts are made by invitation from an administrator. Sessions end after two hours without
          activity.
        </p>
      }
    />
  );
  return sendPrivatePage(c, page, status);
}

/** Starts a lock's audit trail when the address belongs to an account (unknown ones have none). */
async function auditLock(db: Db, email: string, until: Date): Promise<void> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (user)
    await accountEvent(db, 'system:throttle', 'account.locked', user.id, { until: until.toISOString() });
}

async function signIn(deps: AppDeps, c: Context, secure: boolean) {
  await checkCsrf(c, getCookie(c, LOGIN_CSRF_COOKIE));
  const form = await readForm(c);
  const email = one(form, 'email').trim().toLowerCase().slice(0, 254);
  // While locked the password is not even checked: guesses during a lock teach nothing.
  const locked = await lockedUntil(deps.db, email);
  if (locked) return renderLogin(c, secure, email, MESSAGES.locked(locked), 429);
  const user = await authenticate(deps.db, email, one(form, 'password'));
  if (!user) {
    const until = await recordFailure(deps.db, email);
    if (until) await auditLock(deps.db, email, until);
    return renderLogin(c, secure, email, until ? MESSAGES.locked(until) : MESSAGES.failed, until ? 429 : 401);
  }
  await clearFailures(deps.db, email);
  // A fresh token at every sign-in: a token planted before sign-in (session fixation) is dropped.
  const previous = sessionToken(c);
  if (previous) await endSession(deps.db, hashToken(previous));
  const needsFactor = user.totp_enabled_at !== null || requiresSecondFactor(user.role);
  setSessionCookie(c, await startSession(deps.db, user.id, needsFactor ? 'password' : 'full'), secure);
  deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/login', secure });
  const next = safeNext(c.req.query('next'));
  if (needsFactor) return c.redirect(`/login/2fa?next=${encodeURIComponent(next)}`, 303);
  await accountEvent(deps.db, `user:${user.id}`, 'account.sign_in', user.id, { second_factor: 'none' });
  return c.redirect(next, 303);
}

/** Sign-in (password, then the second factor where needed) and sign-out. */
export function accountRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const secure = (deps.publicUrl ?? '').startsWith('https:');

  app.get('/login', async (c) => {
    const token = sessionToken(c);
    const session = token ? await resumeSession(deps.db, token) : null;
    if (session?.stage === 'full') return c.redirect(safeNext(c.req.query('next')), 303);
    const message = c.req.query('reason') === 'factor' ? MESSAGES.factor : undefined;
    return renderLogin(c, secure, '', message);
  });
  app.post('/login', (c) => signIn(deps, c, secure));
  app.route('/login/2fa', secondFactorRoutes(deps, secure));
  app.route('/invite', inviteRoutes(deps, secure));

  app.post('/logout', async (c) => {
    const token = sessionToken(c);
    const session = token ? await resumeSession(deps.db, token) : null;
    if (session) {
      await checkCsrf(c, session.csrfToken);
      await endSession(deps.db, session.tokenHash);
    }
    clearSessionCookie(c, secure);
    return c.redirect('/login', 303);
  });
  return app;
}
