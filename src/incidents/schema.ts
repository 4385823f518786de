import { z } from 'zod';
import { code, datePrecision, isoDate, line, slug, text, uuid } from '../schema/common.ts';

/** A date known to a day, month or year, or a range between two such dates. */
export const partialDate = z
  .object({ on: isoDate.nullable(), precision: datePrecision, until: isoDate.optional() })
  .strict()
  .superRefine((d, ctx) => {
    const fail = (message: string, path = 'on') => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (d.precision === 'unknown') {
      if (d.on !== null || d.until) fail('an unknown date has no value');
      return;
    }
    if (d.on === null) return fail('is required for this precision');
    const ranged = d.precision.endsWith('range');
    if (ranged && !d.until) fail('a range needs an end date', 'until');
    if (!ranged && d.until) fail('only a range has an end date', 'until');
    if (d.until && d.until < d.on) fail('must not be before the start', 'until');
    if (/month/.test(d.precision) && !d.on.endsWith('-01')) fail('a month is stored as its first day');
    if (/year/.test(d.precision) && !d.on.endsWith('-01-01')) fail('a year is stored as 1 January');
  });
export type PartialDate = z.output<typeof partialDate>;

export const incidentInput = z
  .object({
    slug,
    title: line(300),
    summary: text(10_000),
    occurred: partialDate,
    place: line(300).optional(),
    forceId: uuid,
    tags: z
      .array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'tags are short lower-case words'))
      .max(30)
      .default([]),
  })
  .strict();
export type IncidentInput = z.input<typeof incidentInput>;

export const timelineEventInput = z
  .object({
    incidentId: uuid,
    occurred: partialDate.refine((d) => d.precision !== 'unknown', 'a timeline event needs a date'),
    title: line(300),
    description: text(5000).optional(),
    processState: code.optional(),
    processTaxonomy: code.default('ew_process_states_2020'),
  })
  .strict();
export type TimelineEventInput = z.input<typeof timelineEventInput>;

export const incidentOfficerRole = z.enum(['subject', 'witness', 'supervisor']);
export const incidentPersonRole = z.enum(['complainant', 'victim', 'witness', 'bystander', 'relative']);
