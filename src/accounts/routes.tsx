import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm } from '../http/form.ts';
import { CsrfInput, ErrorSummary, FormField, type FieldSpec } from '../http/forms.tsx';
import { Layout } from '../http/layout.tsx';
import type { AppDeps } from '../http/app.ts';
import { checkCsrf, safeNext } from './middleware.ts';
import { authenticate } from './service.ts';
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

// Before sign-in there is no session to hold a CSRF token, so the sign-in form uses a
// double-submit token: a random value in a cookie scoped to /login, echoed by the form.
const LOGIN_CSRF_COOKIE = 'custodiet_login_csrf';

const FIELDS: FieldSpec[] = [
  { name: 'email', label: 'Email address', kind: 'email', required: true, autocomplete: 'username' },
  { name: 'password', label: 'Password', kind: 'password', required: true, autocomplete: 'current-password' },
];

function LoginPage(props: { csrf: string; next: string; email: string; failed: boolean }) {
  return (
    <Layout title="Sign in" section="editor" noindex>
      <h1>Sign in to the editor</h1>
      <ErrorSummary
        problems={[]}
        fields={FIELDS}
        message={
          props.failed ? 'The email address or password is not right. Check both and try again.' : undefined
        }
      />
      <form method="post" action={`/login?next=${encodeURIComponent(props.next)}`}>
        <CsrfInput token={props.csrf} />
        {FIELDS.map((f) => (
          <FormField field={f} values={{ email: props.email }} />
        ))}
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
      <p class="note">
        Accounts are created by an administrator. Sessions end after two hours without activity.
      </p>
    </Layout>
  );
}

function renderLogin(c: Context, secure: boolean, email: string, failed: boolean) {
  const csrf = randomToken();
  setCookie(c, LOGIN_CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'Lax', path: '/login', secure });
  const next = safeNext(c.req.query('next'));
  return sendPrivatePage(
    c,
    <LoginPage csrf={csrf} next={next} email={email} failed={failed} />,
    failed ? 401 : 200,
  );
}

/** GET/POST /login and POST /logout. */
export function accountRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const secure = (deps.publicUrl ?? '').startsWith('https:');

  app.get('/login', async (c) => {
    const token = sessionToken(c);
    if (token && (await resumeSession(deps.db, token))) return c.redirect(safeNext(c.req.query('next')), 303);
    return renderLogin(c, secure, '', false);
  });

  app.post('/login', async (c) => {
    await checkCsrf(c, getCookie(c, LOGIN_CSRF_COOKIE));
    const form = await readForm(c);
    const user = await authenticate(deps.db, one(form, 'email'), one(form, 'password'));
    if (!user) return renderLogin(c, secure, one(form, 'email'), true);
    // A fresh token at every sign-in: a token planted before sign-in (session fixation) is dropped.
    const previous = sessionToken(c);
    if (previous) await endSession(deps.db, hashToken(previous));
    setSessionCookie(c, await startSession(deps.db, user.id), secure);
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/login', secure });
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

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
