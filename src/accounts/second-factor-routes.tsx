import { Hono, type Context } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm } from '../http/form.ts';
import { countSecondFactorFailure } from './repository.ts';
import { accountEvent } from './events.ts';
import { checkCsrf, safeNext } from './middleware.ts';
import { AccountFormPage, CODE_FIELD, EnrolmentInstructions, RecoveryCodes } from './pages.tsx';
import { enableTotp, pendingSecret, verifySecondFactor } from './second-factor.ts';
import {
  endSession,
  resumeSession,
  sessionToken,
  setSessionCookie,
  startSession,
  type SessionInfo,
} from './session.ts';
import { recordFailure } from './throttle.ts';
import { totpQrSvg, totpUri } from './totp.ts';

/** Wrong codes allowed on one half-signed-in session before it is ended. */
export const MAX_SECOND_FACTOR_FAILURES = 5;

/** The page for the second step: a code form, or the set-up when the account has no factor yet. */
async function factorPage(deps: AppDeps, c: Context, s: SessionInfo, message?: string, status = 200) {
  const next = safeNext(c.req.query('next'));
  const action = `/login/2fa?next=${encodeURIComponent(next)}`;
  if (s.user.totpEnabled) {
    return sendPrivatePage(
      c,
      <AccountFormPage
        title="Second factor"
        heading="Enter your code"
        action={action}
        csrf={s.csrfToken}
        fields={[CODE_FIELD]}
        message={message}
        submit="Continue"
      />,
      status,
    );
  }
  const secret = (await pendingSecret(deps.db, s.user.id))!;
  const qr = totpQrSvg(totpUri(secret, s.user.email));
  return sendPrivatePage(
    c,
    <AccountFormPage
      title="Set up two-factor sign-in"
      heading="Set up two-factor sign-in"
      action={action}
      csrf={s.csrfToken}
      fields={[{ ...CODE_FIELD, hint: 'The 6-digit code your authenticator app shows now.' }]}
      message={message}
      submit="Turn on two-factor sign-in"
      before={<EnrolmentInstructions qrSvg={qr} secret={secret} />}
    />,
    status,
  );
}

/** Replaces the half-signed-in session by a full one (new token: the privilege changed). */
async function promote(deps: AppDeps, c: Context, s: SessionInfo, secure: boolean): Promise<void> {
  await endSession(deps.db, s.tokenHash);
  setSessionCookie(c, await startSession(deps.db, s.user.id, 'full'), secure);
}

async function wrongCode(deps: AppDeps, c: Context, s: SessionInfo) {
  const failures = await countSecondFactorFailure(deps.db, s.tokenHash);
  if (failures < MAX_SECOND_FACTOR_FAILURES) {
    return factorPage(deps, c, s, 'That code is not right, or was already used. Try the current one.', 401);
  }
  // Guessing codes is guessing a password: end the session and count it against the address.
  await endSession(deps.db, s.tokenHash);
  await recordFailure(deps.db, s.user.email);
  await accountEvent(deps.db, `user:${s.user.id}`, 'account.second_factor_failed', s.user.id, { failures });
  return c.redirect('/login?reason=factor', 303);
}

async function submitCode(deps: AppDeps, c: Context, s: SessionInfo, secure: boolean) {
  await checkCsrf(c, s.csrfToken);
  const code = one(await readForm(c), 'code').slice(0, 64);
  const next = safeNext(c.req.query('next'));
  if (!s.user.totpEnabled) {
    const codes = await enableTotp(deps.db, s.user.id, code);
    if (!codes) return wrongCode(deps, c, s);
    await promote(deps, c, s, secure);
    await accountEvent(deps.db, `user:${s.user.id}`, 'account.sign_in', s.user.id, { second_factor: 'totp' });
    return sendPrivatePage(c, <RecoveryCodes codes={codes} next={next} />);
  }
  const how = await verifySecondFactor(deps.db, s.user.id, code);
  if (!how) return wrongCode(deps, c, s);
  await promote(deps, c, s, secure);
  if (how === 'recovery_code')
    await accountEvent(deps.db, `user:${s.user.id}`, 'account.recovery_code_used', s.user.id);
  await accountEvent(deps.db, `user:${s.user.id}`, 'account.sign_in', s.user.id, { second_factor: how });
  return c.redirect(next, 303);
}

/** GET/POST /login/2fa: the second step of signing in, for a session past the password only. */
export function secondFactorRoutes(deps: AppDeps, secure: boolean): Hono {
  const app = new Hono();
  const session = async (c: Context) => {
    const token = sessionToken(c);
    const s = token ? await resumeSession(deps.db, token) : null;
    return s?.stage === 'password' ? s : null;
  };
  app.get('/', async (c) => {
    const s = await session(c);
    return s ? factorPage(deps, c, s) : c.redirect('/login', 303);
  });
  app.post('/', async (c) => {
    const s = await session(c);
    return s ? submitCode(deps, c, s, secure) : c.redirect('/login', 303);
  });
  return app;
}
