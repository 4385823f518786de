import { z } from 'zod';
import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { isoDate, parseInput, text, uuid } from '../schema/common.ts';

/**
 * Rule R12, right of reply. An allegation naming an officer that rests only on non-official
 * sources (news, submissions, video) and has no official finding yet publishes only after we
 * asked the officer or the force for a response and the reply came or the deadline passed.
 */
export const ADDRESSEES = {
  officer: 'The officer',
  force_press_office: 'The force press office',
  representative: 'The officer’s representative',
} as const;

export const METHODS = {
  email: 'Email',
  letter: 'Letter',
  phone: 'Phone',
  online_form: 'Online form',
  in_person: 'In person',
} as const;

/** Source kinds that are the authorities' own words: an allegation resting on one needs no reply request. */
export const OFFICIAL_KINDS = ['official_report', 'court_judgment', 'hearing_notice', 'press_release'];

/** Days given to reply unless a shorter deadline is justified. */
export const DEFAULT_REPLY_DAYS = 7;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A reply request as the editor's form sends it; the deadline defaults to 7 days after sending. */
export const replyRequestInput = z
  .object({
    allegationId: uuid,
    addressedTo: z.enum(keys(ADDRESSEES)),
    method: z.enum(keys(METHODS)),
    sentOn: isoDate,
    deadline: isoDate.optional(),
    shortDeadlineReason: text(2000).optional(),
    replyReceivedOn: isoDate.optional(),
    replyText: text(8000).optional(),
    replyVerbatim: z.boolean().default(true),
    notes: text(4000).optional(),
  })
  .strict()
  .transform((r) => ({ ...r, deadline: r.deadline ?? addDays(r.sentOn, DEFAULT_REPLY_DAYS) }))
  .refine((r) => r.deadline >= r.sentOn, {
    message: 'must not be before the request was sent',
    path: ['deadline'],
  })
  .refine((r) => r.deadline >= addDays(r.sentOn, DEFAULT_REPLY_DAYS) || !!r.shortDeadlineReason?.trim(), {
    message: `a deadline under ${DEFAULT_REPLY_DAYS} days needs a recorded reason`,
    path: ['shortDeadlineReason'],
  })
  .refine((r) => !r.replyReceivedOn === !r.replyText?.trim(), {
    message: 'a reply needs both the date it came and what it said',
    path: ['replyText'],
  });
export type ReplyRequestInput = z.input<typeof replyRequestInput>;

/** Creates or updates a reply request (audited). */
export function saveReplyRequest(trx: Db, actor: Actor, input: ReplyRequestInput, id?: string) {
  const r = parseInput(replyRequestInput, input);
  return saveRecord(trx, actor, 'reply_requests', id, {
    allegation_id: r.allegationId,
    addressed_to: r.addressedTo,
    method: r.method,
    sent_on: r.sentOn,
    deadline: r.deadline,
    short_deadline_reason: r.shortDeadlineReason?.trim() || null,
    reply_received_on: r.replyReceivedOn ?? null,
    reply_text: r.replyText?.trim() || null,
    reply_verbatim: r.replyVerbatim,
    notes: r.notes ?? null,
  });
}

/** Why an allegation may not publish yet under R12, or null when it may. */
export async function replyProblem(db: Db, allegationId: string, today: string): Promise<string | null> {
  const a = await db
    .selectFrom('allegations as a')
    .select((eb) => [
      'a.officer_id',
      eb
        .exists(eb.selectFrom('findings as f').select('f.id').whereRef('f.allegation_id', '=', 'a.id'))
        .as('has_finding'),
      eb
        .exists(
          eb
            .selectFrom('claims as c')
            .innerJoin('sources as s', 's.id', 'c.source_id')
            .select('c.id')
            .whereRef('c.allegation_id', '=', 'a.id')
            .where('c.stance', '=', 'supports')
            .where('s.kind', 'in', OFFICIAL_KINDS),
        )
        .as('officially_sourced'),
    ])
    .where('a.id', '=', allegationId)
    .executeTakeFirstOrThrow();
  if (a.officer_id === null || a.has_finding || a.officially_sourced) return null;
  const requests = await db
    .selectFrom('reply_requests')
    .select(['deadline', 'reply_received_on'])
    .where('allegation_id', '=', allegationId)
    .execute();
  if (requests.length === 0)
    return `This allegation names an officer on the word of non-official sources and has no official finding: record a request for their reply (or the force press office’s) with a deadline, ${DEFAULT_REPLY_DAYS} days by default.`;
  if (requests.some((r) => r.reply_received_on !== null || r.deadline < today)) return null;
  const due = requests.map((r) => r.deadline).sort()[0]!;
  return `A reply has been requested and its deadline (${due}) has not passed: publish after it, or once the reply is recorded.`;
}

/** A reply request as readers see it beside the allegation. */
export interface ReplyView {
  addressedTo: keyof typeof ADDRESSEES;
  sentOn: string;
  deadline: string;
  replyReceivedOn: string | null;
  replyText: string | null;
  replyVerbatim: boolean;
}

/** Reply requests for the given allegations, grouped by allegation, oldest first. */
export async function repliesFor(db: Db, allegationIds: string[]): Promise<Map<string, ReplyView[]>> {
  const out = new Map<string, ReplyView[]>();
  if (allegationIds.length === 0) return out;
  const rows = await db
    .selectFrom('reply_requests')
    .select([
      'allegation_id',
      'addressed_to',
      'sent_on',
      'deadline',
      'reply_received_on',
      'reply_text',
      'reply_verbatim',
    ])
    .where('allegation_id', 'in', allegationIds)
    .orderBy('sent_on')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const v: ReplyView = {
      addressedTo: r.addressed_to as ReplyView['addressedTo'],
      sentOn: r.sent_on,
      deadline: r.deadline,
      replyReceivedOn: r.reply_received_on,
      replyText: r.reply_text,
      replyVerbatim: r.reply_verbatim,
    };
    out.set(r.allegation_id, [...(out.get(r.allegation_id) ?? []), v]);
  }
  return out;
}
