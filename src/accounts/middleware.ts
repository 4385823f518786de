import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { one, readForm } from '../http/form.ts';
import { resumeSession, safeEqual, sessionToken, type SessionInfo } from './session.ts';

/** What editor handlers find on the context once the middleware has run. */
export interface EditorEnv {
  Variables: { session: SessionInfo };
}

/** The name of the hidden field that carries the CSRF token on every form. */
export const CSRF_FIELD = '_csrf';

/** Only same-site editor paths are accepted as a place to return to after sign-in. */
export function safeNext(next: string | undefined): string {
  return next && /^\/editor(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(next) && !next.startsWith('//')
    ? next
    : '/editor';
}

function loginRedirect(c: Context): Response {
  const url = new URL(c.req.url);
  const next = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/editor';
  return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
}

/**
 * Loads the signed-in user for every /editor page. Without a live session a GET is sent to the
 * sign-in page (and back afterwards); any other method is refused the same way, writing nothing.
 */
export function requireSession(db: Db): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const session = token ? await resumeSession(db, token) : null;
    if (!session) return loginRedirect(c);
    // Past the password but not the second factor: nothing in the editor until it is given.
    if (session.stage !== 'full') return c.redirect('/login/2fa', 303);
    c.set('session', session);
    await next();
  };
}

/** Throws CUS_CSRF unless the submitted token equals the expected one. */
export async function checkCsrf(c: Context, expected: string | undefined): Promise<void> {
  const sent = one(await readForm(c), CSRF_FIELD);
  if (!expected || !sent || !safeEqual(sent, expected)) {
    throw new AppError('CUS_CSRF', 'Reload the page and try again. Nothing was changed.');
  }
}

/**
 * Synchronizer-token check on every state-changing request under /editor: the form must echo
 * the session's CSRF token. Runs after requireSession and before any handler reads or writes.
 */
export function requireCsrf(): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await checkCsrf(c, c.get('session').csrfToken);
    await next();
  };
}
