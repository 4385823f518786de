import { requirePermission, type Permission, type Principal } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { publicationChecks } from './checks.ts';
import {
  EDIT_KINDS,
  recordCorrection,
  WITHDRAW_KINDS,
  type CorrectionKind,
  type CorrectionNote,
} from './corrections.ts';
import { setPublicationState, type PublishableTable } from './service.ts';

/** A signed-in user as the workflow needs them. */
export interface Editor extends Principal {
  id: string;
  /**
   * Who the audit log names for this user's changes: `user:<id>` when they act themselves,
   * `token:<id>` when one of their API tokens acts for them (src/api/tokens.ts).
   */
  actor?: string;
}

/** The audit-log actor of a user's change (see Editor.actor). */
export function actorOf(user: Editor): string {
  return user.actor ?? `user:${user.id}`;
}

/** The moves the editorial workflow allows, and who may make them. */
const TRANSITIONS: Record<string, { to: string; permission: Permission; label: string }[]> = {
  draft: [{ to: 'in_review', permission: 'record.submit', label: 'Submit for review' }],
  in_review: [
    { to: 'published', permission: 'record.publish', label: 'Publish' },
    { to: 'draft', permission: 'record.submit', label: 'Return to draft' },
  ],
  published: [{ to: 'withdrawn', permission: 'record.withdraw', label: 'Withdraw' }],
  withdrawn: [{ to: 'draft', permission: 'record.withdraw', label: 'Return to draft' }],
};

/** The moves open from a state (the caller shows only those the user may make). */
export function transitionsFrom(state: string) {
  return TRANSITIONS[state] ?? [];
}

/**
 * Which kinds of public note a move needs, or null when none: withdrawing always needs one, and
 * so does publishing again a record that was public before (its edits since are not silent).
 */
export function noteKindsFor(
  to: string,
  publishedBefore: boolean,
): readonly [CorrectionKind, ...CorrectionKind[]] | null {
  if (to === 'withdrawn') return WITHDRAW_KINDS;
  if (to === 'published' && publishedBefore) return EDIT_KINDS;
  return null;
}

/**
 * Moves a record along the workflow: checks the move exists and the user may make it, runs the
 * publication checks before publishing, and writes the public note in the same transaction.
 */
export async function changeState(
  trx: Db,
  user: Editor,
  table: PublishableTable,
  id: string,
  to: string,
  note: CorrectionNote | null,
): Promise<void> {
  const row = await trx
    .selectFrom(table)
    .select(['publication_state', 'published_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('CUS_NOT_FOUND', 'There is no record at this address.');
  const move = transitionsFrom(row.publication_state).find((t) => t.to === to);
  if (!move)
    throw new AppError('CUS_STATE_TRANSITION', `A ${row.publication_state} record cannot move to ${to}.`);
  requirePermission(user, move.permission, move.label.toLowerCase());
  if (to === 'published') {
    const report = await publicationChecks(trx, table, id);
    if (report.blocking.length > 0) {
      throw new AppError(
        'CUS_PUBLICATION_BLOCKED',
        report.blocking.map((b) => `${b.rule}: ${b.message}`).join(' '),
        report.blocking.map((b) => ({ field: b.rule, message: b.message })),
      );
    }
  }
  const kinds = noteKindsFor(to, row.published_at !== null);
  if (kinds && (!note || !kinds.includes(note.kind))) {
    throw new AppError('CUS_CORRECTION_REQUIRED', undefined, [
      { field: 'correction.what', message: 'say what changed, and why, for the public corrections log' },
    ]);
  }
  const actor = actorOf(user);
  await setPublicationState(trx, actor, table, id, to);
  if (kinds && note) await recordCorrection(trx, actor, { entityType: table, entityId: id }, note);
}
