import { z } from 'zod';
import type { Actor } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import { accountEvent } from './events.ts';
import { ROLES } from './policy.ts';
import type { User } from './repository.ts';
import { emailAddress } from './schema.ts';
import { createUser } from './service.ts';
import { hashToken, randomToken } from './session.ts';

/**
 * Invitations: the only way to an account besides the first admin from the command line. The
 * link carries a random token; only its hash is stored, it expires, and it works once.
 */

/** What an administrator fills in. */
export const invitationInput = z
  .object({
    email: z.union([z.literal(''), emailAddress]).optional(),
    role: z.enum(ROLES),
    days: z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(14, 'must be at most 14'),
  })
  .strict();

/** Creates an invitation and returns its token (to be shown once, as a link). */
export async function createInvitation(
  trx: Db,
  actor: Actor,
  actorId: string,
  input: unknown,
): Promise<string> {
  const v = parseInput(invitationInput, input);
  const token = randomToken();
  const now = new Date();
  await trx
    .insertInto('invitations')
    .values({
      token_hash: hashToken(token),
      email: v.email || null,
      role: v.role,
      created_by: actorId,
      created_at: now,
      expires_at: new Date(now.getTime() + v.days * 24 * 60 * 60 * 1000),
    })
    .execute();
  await accountEvent(trx, actor, 'account.invitation_created', actorId, {
    role: v.role,
    email: v.email || null,
    expires_in_days: v.days,
  });
  return token;
}

/** The open invitation for a token; CUS_NOT_FOUND when unknown, used, revoked or expired. */
export async function openInvitation(db: Db, token: string, now = new Date()) {
  const row = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst()
    : undefined;
  if (!row || row.accepted_at || row.revoked_at || row.expires_at <= now)
    throw new AppError(
      'CUS_NOT_FOUND',
      'This invitation link is not valid: it may have expired or been used.',
    );
  return row;
}

const acceptance = z.object({ email: z.string(), displayName: z.string(), password: z.string() });

/** Accepts an invitation: creates the account with the invited role, once. */
export async function acceptInvitation(trx: Db, token: string, input: unknown): Promise<User> {
  const inv = await openInvitation(trx, token);
  // Lock the row so two submissions of one link cannot both create an account.
  await trx
    .selectFrom('invitations')
    .select('token_hash')
    .where('token_hash', '=', inv.token_hash)
    .forUpdate()
    .execute();
  const v = parseInput(acceptance, input);
  const user = await createUser(trx, 'system:invitation', {
    email: inv.email ?? v.email,
    displayName: v.displayName,
    role: inv.role as (typeof ROLES)[number],
    password: v.password,
  });
  const res = await trx
    .updateTable('invitations')
    .set({ accepted_at: new Date(), accepted_user_id: user.id })
    .where('token_hash', '=', inv.token_hash)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CUS_CONFLICT', 'This invitation was just used.');
  return user;
}

/** Invitations not yet used, revoked or expired, newest first. */
export function pendingInvitations(db: Db, now = new Date()) {
  return db
    .selectFrom('invitations')
    .select(['token_hash', 'email', 'role', 'created_at', 'expires_at'])
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes an invitation by its hash (the id shown to administrators). */
export async function revokeInvitation(
  trx: Db,
  actor: Actor,
  actorId: string,
  tokenHash: string,
): Promise<void> {
  const res = await trx
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw new AppError('CUS_NOT_FOUND', 'There is no open invitation with this id.');
  await accountEvent(trx, actor, 'account.invitation_revoked', actorId, {
    invitation: tokenHash.slice(0, 12),
  });
}
