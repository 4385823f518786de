import { z } from 'zod';
import { code, isoDate, line, text, uuid } from '../schema/common.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);

/** Values an editor may change on an item before accepting it. */
export const itemEdits = z
  .object({
    name: z.preprocess(blank, line(200).optional()),
    rank: z.preprocess(blank, code.optional()),
    linkTo: z.preprocess(blank, uuid.optional()),
    title: z.preprocess(blank, line(300).optional()),
    summary: z.preprocess(blank, text(5000).optional()),
    on: z.preprocess(blank, isoDate.optional()),
    speaker: z.preprocess(blank, line(200).optional()),
    standards: z.array(code).max(10).optional(),
  })
  .strict();

/** The review form: a decision (and any edits) per item, the incident, the status label, the action. */
export const reviewInput = z
  .object({
    action: z.enum(['save', 'apply']),
    status: code.default('reported'),
    incident: z
      .object({
        existingId: z.preprocess(blank, uuid.optional()),
        title: line(300),
        summary: text(10_000),
        occurredOn: z.preprocess(blank, isoDate.optional()),
        place: z.preprocess(blank, line(300).optional()),
        forceId: uuid,
      })
      .strict(),
    items: z.record(
      z.string().regex(/^\d+$/),
      z
        .object({ decision: z.enum(['undecided', 'accepted', 'rejected']), edited: itemEdits.optional() })
        .strict(),
    ),
  })
  .strict();
export type ReviewInput = z.input<typeof reviewInput>;
