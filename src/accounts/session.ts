import crypto from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/client.ts';
import {
  deleteSession,
  deleteStaleSessions,
  findSession,
  insertSession,
  touchSession,
} from './repository.ts';
import { requiresSecondFactor } from './totp.ts';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'custodiet_session';
/** A session ends after this long without a request… */
export const IDLE_MS = 2 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** The signed-in user and their session, as handlers see them. */
export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
  /**
   * 'full' once every factor the account needs was given; 'password' after the password alone
   * (the second factor, or its enrolment for roles that require one, is still due).
   */
  stage: 'password' | 'full';
  user: { id: string; email: string; displayName: string; role: string; totpEnabled: boolean };
}

/** SHA-256 hex of a token: the only form in which a token is stored. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A random 32-byte token, base64url. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Constant-time string equality (false for different lengths). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Starts a new session for a user and returns the token for the cookie. Every sign-in and every
 * change of stage gets a new token (the old one is deleted by the caller): no fixation.
 */
export async function startSession(
  db: Db,
  userId: string,
  stage: 'password' | 'full',
  now = new Date(),
): Promise<string> {
  await deleteStaleSessions(db, now, IDLE_MS);
  const token = randomToken();
  await insertSession(db, {
    token_hash: hashToken(token),
    user_id: userId,
    csrf_token: randomToken(),
    created_at: now,
    expires_at: new Date(now.getTime() + ABSOLUTE_MS),
    stage,
  });
  return token;
}

/**
 * The live session for a token, sliding its idle window; null when unknown, expired, idle too
 * long or the account is disabled (such a session is deleted on the spot).
 */
export async function resumeSession(db: Db, token: string, now = new Date()): Promise<SessionInfo | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const s = await findSession(db, tokenHash);
  if (!s) return null;
  const idleFor = now.getTime() - s.last_seen_at.getTime();
  if (s.expires_at <= now || idleFor >= IDLE_MS || s.disabled_at !== null) {
    await deleteSession(db, tokenHash);
    return null;
  }
  await touchSession(db, tokenHash, now);
  const totpEnabled = s.totp_enabled_at !== null;
  // A role that needs a second factor without one set up (say, just promoted) is held at the
  // password stage until it is enrolled, whatever the stored stage says.
  const complete = s.stage === 'full' && (totpEnabled || !requiresSecondFactor(s.role));
  return {
    tokenHash,
    csrfToken: s.csrf_token,
    stage: complete ? 'full' : 'password',
    user: { id: s.user_id, email: s.email, displayName: s.display_name, role: s.role, totpEnabled },
  };
}

/** Ends a session (sign-out). */
export function endSession(db: Db, tokenHash: string): Promise<void> {
  return deleteSession(db, tokenHash);
}

/** Cookie attributes for the session; Secure whenever the site is served over https. */
function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure } as const;
}

/** Puts the session token in the browser. */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(secure), maxAge: ABSOLUTE_MS / 1000 });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(secure));
}

/** The session token the browser sent, if any. */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
