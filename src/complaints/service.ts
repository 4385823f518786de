import crypto from 'node:crypto';
import { z } from 'zod';
import { requirePermission } from '../accounts/policy.ts';
import { inTransaction, insertRecord, updateRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { changeState, type Editor } from '../publication/workflow.ts';
import type { PublishableTable } from '../publication/service.ts';
import { parseInput, text } from '../schema/common.ts';
import { addWorkingHours } from './clock.ts';

/** Hours (weekends and bank holidays excluded) within which a notice must be acted on. */
export const RESPONSE_HOURS = 48;

export const OUTCOMES = {
  hidden: 'Page taken down',
  amended: 'Page amended',
  reply_attached: 'The complainant’s reply attached',
  kept: 'Kept as published',
} as const;
export type Outcome = keyof typeof OUTCOMES;

/** The public form. Every field is required except who the complainant acts for. */
export const complaintInput = z
  .object({
    pageAddress: z.string().trim().min(1, 'give the address of the page').max(600),
    name: z.string().trim().min(2, 'give your name').max(200),
    email: z.email('give an email address we can reply to').max(320),
    actingFor: text(300).optional(),
    words: z.string().trim().min(3, 'quote the words you complain of').max(8000),
    meaning: z.string().trim().min(10, 'say what the words mean to you and why they are wrong').max(8000),
  })
  .strict();
export type ComplaintInput = z.input<typeof complaintInput>;

/** A page of ours the complaint can be about: the path only, whatever host was pasted. */
export function pagePath(address: string): string {
  let path: string;
  try {
    path = new URL(address, 'http://site.invalid').pathname;
  } catch {
    throw new AppError('CUS_VALIDATION', 'That is not a page address.', [
      { field: 'pageAddress', message: 'paste the address of the page, such as /incidents/…' },
    ]);
  }
  if (!/^\/(incidents|officers|statements|forces)\/[^\s]{1,300}$/.test(path))
    throw new AppError('CUS_VALIDATION', 'That is not a page about a record on this site.', [
      { field: 'pageAddress', message: 'paste the address of an incident, officer, statement or force page' },
    ]);
  return path;
}

/** Records a notice of complaint and starts its clock; returns the reference and when it is due. */
export async function receiveComplaint(db: Db, input: ComplaintInput, now = new Date()) {
  const c = parseInput(complaintInput, input);
  const path = pagePath(c.pageAddress);
  const reference = `NC-${crypto
    .randomBytes(6)
    .toString('base64url')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')
    .slice(0, 8)}`;
  const respondBy = addWorkingHours(now, RESPONSE_HOURS);
  await inTransaction(db, (trx) =>
    insertRecord(trx, 'public:complaint-form', 'complaints', {
      reference,
      received_at: now,
      respond_by: respondBy,
      page_path: path,
      complainant_name: c.name,
      complainant_email: c.email.toLowerCase(),
      acting_for: c.actingFor?.trim() || null,
      words_complained_of: c.words,
      meaning_and_why_wrong: c.meaning,
    }),
  );
  return { reference, respondBy };
}

const decisionInput = z
  .object({
    outcome: z.enum(Object.keys(OUTCOMES) as [Outcome, ...Outcome[]]),
    note: z
      .string()
      .trim()
      .min(10, 'explain the decision (it goes to the complainant, and to the public log if the page changes)')
      .max(4000),
  })
  .strict();

/** The publishable record a page path shows, if any. */
export async function recordAt(
  db: Db,
  path: string,
): Promise<{ table: PublishableTable; id: string } | null> {
  const m = /^\/(incidents|officers|statements)\/([^/]+)$/.exec(path);
  if (!m) return null;
  const table = m[1] as 'incidents' | 'officers' | 'statements';
  const row = await db.selectFrom(table).select('id').where('slug', '=', m[2]!).executeTakeFirst();
  return row ? { table, id: row.id } : null;
}

/**
 * Records the decision on a complaint. "Hidden" takes the page down at once (a withdrawal with a
 * takedown entry in the public log); amending and attaching a reply are done through the record's
 * own edit (which needs its own public note); "kept" changes nothing public.
 */
export async function decideComplaint(
  db: Db,
  user: Editor,
  id: string,
  input: { outcome?: string; note?: string },
) {
  requirePermission(user, 'record.publish', 'decide notices of complaint');
  const d = parseInput(decisionInput, input);
  return inTransaction(db, async (trx) => {
    const c = await trx
      .selectFrom('complaints')
      .select(['outcome', 'page_path'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!c) throw new AppError('CUS_NOT_FOUND', 'There is no such complaint.');
    if (c.outcome) throw new AppError('CUS_CONFLICT', 'This complaint has already been decided.');
    if (d.outcome === 'hidden') {
      const target = await recordAt(trx, c.page_path);
      const state = target
        ? (
            await trx
              .selectFrom(target.table)
              .select('publication_state')
              .where('id', '=', target.id)
              .executeTakeFirst()
          )?.publication_state
        : undefined;
      if (target && state === 'published')
        await changeState(trx, user, target.table, target.id, 'withdrawn', {
          kind: 'takedown',
          what: 'Taken down after a notice of complaint.',
          why: d.note,
        });
    }
    return updateRecord(trx, `user:${user.id}`, 'complaints', id, {
      outcome: d.outcome,
      outcome_note: d.note,
      decided_at: new Date(),
      decided_by: user.id,
    });
  });
}
