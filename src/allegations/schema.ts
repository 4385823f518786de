import { z } from 'zod';
import { code, isoDate, line, text, uuid } from '../schema/common.ts';

/** An allegation against one named officer or one described, unidentified officer. */
export const allegationInput = z
  .object({
    incidentId: uuid,
    officerId: uuid.optional(),
    unidentifiedOfficer: line(300).optional(),
    summary: text(5000),
    standards: z.array(code).max(10).default([]),
    standardsTaxonomy: code.default('ew_standards_2020'),
    iopcCategory: code.optional(),
    iopcTaxonomy: code.default('iopc_complaint_categories_2020'),
    status: code,
    statusTaxonomy: code.default('publication_status_v1'),
    conductFrom: isoDate.optional(),
    conductTo: isoDate.optional(),
    reportedOn: isoDate.optional(),
  })
  .strict()
  .refine((a) => (a.officerId === undefined) !== (a.unidentifiedOfficer === undefined), {
    message: 'give either a named officer or a description of an unidentified one',
    path: ['officerId'],
  });
export type AllegationInput = z.input<typeof allegationInput>;

/** A finding's track: misconduct proceedings, or a criminal court. */
export const FINDING_TRACKS = ['conduct', 'criminal'] as const;

/** Where a finding was decided: a misconduct meeting or hearing, an appeal tribunal, a court. */
export const FINDING_FORUMS = [
  'misconduct_meeting',
  'misconduct_hearing',
  'accelerated_hearing',
  'police_appeals_tribunal',
  'magistrates_court',
  'crown_court',
  'court_of_appeal',
  'other',
] as const;

/** A decision on an allegation by a panel or court; never merged into the allegation (R2). */
export const findingInput = z
  .object({
    allegationId: uuid,
    track: z.enum(FINDING_TRACKS),
    forum: z.enum(FINDING_FORUMS),
    decidingBody: line(300),
    outcomeTaxonomy: code,
    outcome: code,
    decidedOn: isoDate,
    chairType: z
      .enum(['legally_qualified_chair', 'senior_officer', 'judge', 'magistrates', 'other'])
      .optional(),
    legalTestVersion: line(100).optional(),
    supersedesFindingId: uuid.optional(),
    summary: text(5000).optional(),
  })
  .strict();
export type FindingInput = z.input<typeof findingInput>;

/** An outcome imposed after a finding (a disciplinary sanction or a sentence). */
export const sanctionInput = z
  .object({
    findingId: uuid,
    sanctionTaxonomy: code,
    sanction: code,
    imposedOn: isoDate,
    detail: text(2000).optional(),
    custodialTermDays: z.number().int().nonnegative().optional(),
    minimumTermDays: z.number().int().nonnegative().optional(),
  })
  .strict();
export type SanctionInput = z.input<typeof sanctionInput>;
