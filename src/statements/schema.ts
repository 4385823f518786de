import { z } from 'zod';
import { isoDate, line, slug, text, uuid } from '../schema/common.ts';

export const promiseType = z.enum([
  'root_out',
  'dismissals',
  'culture_change',
  'reform',
  'vetting',
  'transparency',
  'other',
]);

/** A public statement by an official; the quote is verbatim from the source or absent. */
export const statementInput = z
  .object({
    slug,
    speakerName: line(200),
    speakerRole: line(200),
    speakerOfficerId: uuid.optional(),
    forceId: uuid.optional(),
    incidentId: uuid.optional(),
    saidOn: isoDate,
    summary: text(5000),
    quote: text(2000).optional(),
    sourceId: uuid,
    isPromise: z.boolean().default(false),
    promiseType: promiseType.optional(),
  })
  .strict()
  .refine((s) => s.isPromise === (s.promiseType !== undefined), {
    message: 'a promise needs a type, and only a promise has one',
    path: ['promiseType'],
  });
export type StatementInput = z.input<typeof statementInput>;
