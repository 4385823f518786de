import { sql } from '../db/kysely.ts';
import { can, requirePermission } from '../accounts/policy.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { childrenInvolved, incidentsOf } from './involvement.ts';
import type { PublishableTable } from './service.ts';
import type { Editor } from './workflow.ts';

/**
 * The two-person rule: a record that names an officer, or touches a child (or a person of
 * unknown age), is published only after someone who did not write it approved exactly what
 * will go out. "Wrote it" means any change to the record or its links, by anyone, ever; "what
 * will go out" is the record's revision (the audit sequence number of its latest change), so
 * any edit after an approval needs a new one. Enforced in the publication checks, which every
 * path to publishing (editor, API, CLI) runs.
 */

/** Why a record needs a second person, or an empty list when it does not. */
export async function approvalReasons(db: Db, table: PublishableTable, id: string): Promise<string[]> {
  const reasons: string[] = [];
  let namesOfficer = table === 'officers' || table === 'allegations';
  if (table === 'incidents') {
    const link = await db
      .selectFrom('incident_officers')
      .select('officer_id')
      .where('incident_id', '=', id)
      .executeTakeFirst();
    namesOfficer = link !== undefined;
  }
  if (table === 'statements') {
    const row = await db
      .selectFrom('statements')
      .select('speaker_officer_id')
      .where('id', '=', id)
      .executeTakeFirst();
    namesOfficer = row?.speaker_officer_id != null;
  }
  if (namesOfficer) reasons.push('it names a police officer');
  const children = await childrenInvolved(db, await incidentsOf(db, table, id));
  if (children.length > 0)
    reasons.push(`it involves a child or a person of unknown age (${children.join(', ')})`);
  return reasons;
}

// The record's own audit rows and those of its links (whose ids start with the record's id).
function ownRows(id: string) {
  return sql`(entity_id = ${id} OR entity_id LIKE ${`${id}:%`})`;
}

/** The record's revision: the sequence number of the latest audit row about it or its links. */
export async function currentRevision(db: Db, id: string): Promise<number> {
  const { rows } = await sql<{ seq: string | null }>`
    SELECT max(seq) AS seq FROM audit_log WHERE ${ownRows(id)} AND action <> 'approve'`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}

/**
 * Everyone who changed the record or its links (user ids). A change made with an API token
 * (actor `token:<id>`) counts as its owner's, so nobody approves what their own token wrote.
 */
export async function authorsOf(db: Db, id: string): Promise<Set<string>> {
  const { rows } = await sql<{ actor: string; owner: string | null }>`
    SELECT DISTINCT l.actor, t.user_id AS owner FROM audit_log l
    LEFT JOIN api_tokens t ON l.actor = 'token:' || t.id::text
    WHERE ${ownRows(id)} AND l.action <> 'approve'`.execute(db);
  const ids = rows.map((r) => (r.actor.startsWith('user:') ? r.actor.slice(5) : r.owner));
  return new Set(ids.filter((x): x is string => x !== null));
}

/** Approvals of the current revision by people who are not among its authors. */
export async function validApprovals(db: Db, table: PublishableTable, id: string) {
  const [revision, authors] = await Promise.all([currentRevision(db, id), authorsOf(db, id)]);
  const rows = await db
    .selectFrom('publication_approvals as a')
    .innerJoin('users as u', 'u.id', 'a.approver_id')
    .select(['a.approver_id', 'u.display_name', 'a.approved_at'])
    .where('a.entity_type', '=', table)
    .where('a.entity_id', '=', id)
    .where('a.revision', '=', String(revision))
    .execute();
  return rows.filter((r) => !authors.has(r.approver_id));
}

/**
 * Records the user's approval of the record as it is now. Refused to its authors (no
 * self-approval, whatever the path), to roles without the permission, and outside review.
 */
export async function approve(trx: Db, user: Editor, table: PublishableTable, id: string): Promise<void> {
  requirePermission(user, 'record.approve', 'approve records for publication');
  const row = await trx
    .selectFrom(table)
    .select('publication_state')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('CUS_NOT_FOUND', 'There is no record at this address.');
  if (row.publication_state !== 'in_review')
    throw new AppError('CUS_STATE_TRANSITION', 'Only a record in review can be approved.');
  if ((await authorsOf(trx, id)).has(user.id))
    throw new AppError('CUS_SELF_APPROVAL', 'You changed this record, so someone else must approve it.');
  const revision = await currentRevision(trx, id);
  await trx
    .insertInto('publication_approvals')
    .values({ entity_type: table, entity_id: id, revision: String(revision), approver_id: user.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await appendAudit(trx, {
    actor: `user:${user.id}`,
    action: 'approve',
    entityType: table,
    entityId: id,
    diff: { revision },
  });
}

/** The two-person panel for a user looking at a record, or null when the rule does not apply. */
export async function approvalInfo(db: Db, user: Editor, table: PublishableTable, id: string, state: string) {
  const reasons = await approvalReasons(db, table, id);
  if (reasons.length === 0 || (state !== 'in_review' && state !== 'draft')) return null;
  const [approvals, authors] = await Promise.all([validApprovals(db, table, id), authorsOf(db, id)]);
  const isAuthor = authors.has(user.id);
  const already = approvals.some((a) => a.approver_id === user.id);
  const canApprove = state === 'in_review' && !isAuthor && !already && can(user, 'record.approve');
  return { reasons, approvals, canApprove, isAuthor };
}
