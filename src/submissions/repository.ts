import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { newSalt } from './crypto.ts';

/** Submission states, as moderators see them. */
export const STATES = {
  new: 'New',
  needs_information: 'Needs information',
  duplicate: 'Duplicate',
  converted: 'Converted to a draft',
  rejected: 'Rejected',
} as const;
export type SubmissionState = keyof typeof STATES;

/** The active moderation key, if one was created (submissions are closed without it). */
export function findActiveModerationKey(db: Db) {
  return db.selectFrom('moderation_keys').selectAll().where('retired_at', 'is', null).executeTakeFirst();
}

/** The active moderation key; CUS_UNAVAILABLE when none was created yet. */
export async function activeModerationKey(db: Db) {
  const key = await findActiveModerationKey(db);
  if (!key)
    throw new AppError(
      'CUS_UNAVAILABLE',
      'Submissions are not open yet: an administrator must first create the moderation key.',
    );
  return key;
}

/** This installation's codename salt, made on first use. */
export async function codenameSalt(db: Db): Promise<Buffer> {
  await db
    .insertInto('submission_settings')
    .values({ singleton: true, codename_salt: newSalt() })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .execute();
  const row = await db.selectFrom('submission_settings').select('codename_salt').executeTakeFirstOrThrow();
  return row.codename_salt;
}

/** One queue row. */
export interface QueueRow {
  id: string;
  kind: string;
  state: string;
  received_on: string;
  last_activity_on: string;
  awaiting_moderator: boolean;
  assignee: string | null;
  messages: number;
}

/** The moderation queue, newest first; filtered by state when given. */
export async function listQueue(db: Db, state?: SubmissionState): Promise<QueueRow[]> {
  let q = db
    .selectFrom('submissions as s')
    .leftJoin('users as u', 'u.id', 's.assigned_to')
    .select([
      's.id',
      's.kind',
      's.state',
      's.received_on',
      's.last_activity_on',
      's.awaiting_moderator',
      'u.display_name as assignee',
      sql<number>`(SELECT count(*)::int FROM submission_messages m WHERE m.submission_id = s.id)`.as(
        'messages',
      ),
    ])
    .orderBy('s.id', 'desc')
    .limit(500);
  if (state) q = q.where('s.state', '=', state);
  return q.execute();
}

/** A submission row with its assignee's name; CUS_NOT_FOUND when absent. */
export async function getSubmission(db: Db, id: string) {
  if (!/^\d{1,18}$/.test(id)) throw new AppError('CUS_NOT_FOUND', 'There is no such submission.');
  const row = await db
    .selectFrom('submissions as s')
    .leftJoin('users as u', 'u.id', 's.assigned_to')
    .leftJoin('incidents as i', 'i.id', 's.duplicate_of')
    .selectAll('s')
    .select(['u.display_name as assignee', 'i.title as duplicate_title'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('CUS_NOT_FOUND', 'There is no such submission.');
  return row;
}

/** A submission's messages in order, sealed. */
export function messagesOf(db: Db, submissionId: string) {
  return db
    .selectFrom('submission_messages as m')
    .leftJoin('users as u', 'u.id', 'm.moderator_id')
    .select([
      'm.id',
      'm.author',
      'm.sent_on',
      'm.key_id',
      'm.sealed_for_moderators',
      'm.sealed_for_submitter',
      'u.display_name as moderator',
    ])
    .where('m.submission_id', '=', submissionId)
    .orderBy('m.id')
    .execute();
}

/** Draft records made from a submission. */
export function conversionsOf(db: Db, submissionId: string) {
  return db
    .selectFrom('submission_conversions as c')
    .leftJoin('incidents as i', (j) =>
      j.onRef('i.id', '=', 'c.record_id').on('c.record_table', '=', 'incidents'),
    )
    .select(['c.record_table', 'c.record_id', 'c.converted_on', 'i.title'])
    .where('c.submission_id', '=', submissionId)
    .execute();
}

/** Users who may be assigned submissions (moderators and admins with active accounts). */
export function moderators(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', 'in', ['moderator', 'admin'])
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
}
