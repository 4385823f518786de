// API tokens: created by an admin for an account (editor or CLI), shown once, stored as SHA-256,
// revocable, and used as `Authorization: Bearer cus_…`. Why a plain SHA-256 and not a slow KDF:
// the token is 32 random bytes (256 bits), so there is nothing to guess offline — a slow hash
// protects low-entropy secrets like passwords and would only cost time on every API request.
import crypto from 'node:crypto';
import { z } from 'zod';
import { ROLES } from '../accounts/policy.ts';
import { hashToken, safeEqual } from '../accounts/session.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Editor } from '../publication/workflow.ts';
import { line, parseInput, uuid } from '../schema/common.ts';
import { isScope, SCOPE_NAMES, type ApiScope } from './scopes.ts';

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'cus_';
const TOKEN_SHAPE = /^cus_[A-Za-z0-9_-]{43}$/;

/** What an admin gives to create a token. */
export const tokenInput = z
  .object({
    userId: uuid,
    name: line(100),
    scopes: z.array(z.enum(SCOPE_NAMES)).min(1, 'choose at least one scope').max(SCOPE_NAMES.length),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type TokenInput = z.input<typeof tokenInput>;

/** A token as lists show it: never the token or its hash. */
export interface TokenView {
  id: string;
  userId: string;
  userName: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The account and scopes a presented token acts with. */
export interface TokenPrincipal {
  tokenId: string;
  scopes: ReadonlySet<ApiScope>;
  /** The owner as the services see them; their changes are logged as `token:<id>`. */
  editor: Editor;
}

function audit(trx: Db, actor: Actor, action: string, id: string, diff: Record<string, string | string[]>) {
  return appendAudit(trx, { actor, action, entityType: 'api_tokens', entityId: id, diff });
}

/** Creates a token for an account; returns the token itself, which is shown once and never stored. */
export async function createToken(db: Db, actor: Actor, input: TokenInput, now = new Date()) {
  const t = parseInput(tokenInput, input);
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('id', '=', t.userId)
      .executeTakeFirst();
    if (!owner || owner.disabled_at)
      throw new AppError('CUS_VALIDATION', 'No such active account.', [
        { field: 'userId', message: 'choose an active account' },
      ]);
    const expiresAt = t.expiresInDays ? new Date(now.getTime() + t.expiresInDays * 86_400_000) : null;
    const scopes = [...new Set(t.scopes)];
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: t.userId,
        name: t.name,
        scopes,
        token_hash: hashToken(token),
        prefix: token.slice(0, 12),
        created_by: actor,
        created_at: now,
        expires_at: expiresAt,
      })
      .returning(['id', 'prefix'])
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'api_token.create', row.id, {
      user: t.userId,
      name: t.name,
      scopes,
      expires: expiresAt?.toISOString() ?? 'never',
    });
    return { id: row.id, prefix: row.prefix, token, expiresAt };
  });
}

/** Tokens, newest first; of one account when `userId` is given. */
export async function listTokens(db: Db, userId?: string): Promise<TokenView[]> {
  let q = db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.user_id',
      'u.display_name',
      't.name',
      't.prefix',
      't.scopes',
      't.created_at',
      't.expires_at',
      't.last_used_at',
      't.revoked_at',
    ])
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id');
  if (userId) q = q.where('t.user_id', '=', userId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.display_name,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes.filter(isScope),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a token at once (audited). Revoking twice changes nothing and says so. */
export async function revokeToken(db: Db, actor: Actor, id: string): Promise<{ revoked: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date(), revoked_by: actor })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const exists = await trx.selectFrom('api_tokens').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new AppError('CUS_NOT_FOUND', 'There is no API token with this id.');
      return { revoked: false };
    }
    await audit(trx, actor, 'api_token.revoke', id, {});
    return { revoked: true };
  });
}

/**
 * The principal a presented token acts as, or null when it is unknown, revoked, expired or its
 * owner is disabled. Use is recorded (at most once a minute per token) for the token list.
 */
export async function authenticateToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<TokenPrincipal | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const hash = hashToken(token);
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.token_hash', 't.scopes', 't.expires_at', 't.revoked_at', 't.last_used_at'])
    .select(['u.id as user_id', 'u.role', 'u.disabled_at'])
    .where('t.token_hash', '=', hash)
    .executeTakeFirst();
  // The lookup is by hash; the comparison is repeated in constant time for good measure.
  if (!row || !safeEqual(row.token_hash, hash)) return null;
  if (row.revoked_at || row.disabled_at || (row.expires_at && row.expires_at <= now)) return null;
  if (!(ROLES as readonly string[]).includes(row.role)) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000)
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return {
    tokenId: row.id,
    scopes: new Set(row.scopes.filter(isScope)),
    editor: { id: row.user_id, role: row.role, actor: `token:${row.id}` },
  };
}
