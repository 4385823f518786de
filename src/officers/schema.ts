import { z } from 'zod';
import { code, isoDate, line, slug, uuid } from '../schema/common.ts';

const validity = { validFrom: isoDate.optional(), validTo: isoDate.optional() };
const validOrder = (v: { validFrom?: string; validTo?: string }) =>
  !v.validFrom || !v.validTo || v.validTo >= v.validFrom;
const orderMessage = { message: 'must not end before it starts', path: ['validTo'] };

/** An officer's professional identity. Nothing personal is accepted (rule R10). */
export const officerInput = z
  .object({
    forceId: uuid,
    slug,
    publishedName: line(200).optional(),
    roleType: z
      .enum(['police_officer', 'special_constable', 'pcso', 'designated_detention_officer', 'police_staff'])
      .default('police_officer'),
    serviceStatus: z
      .enum([
        'serving',
        'suspended',
        'resigned',
        'retired',
        'dismissed',
        'transferred',
        'deceased',
        'unknown',
      ])
      .default('unknown'),
  })
  .strict();
export type OfficerInput = z.input<typeof officerInput>;

export const officerRankInput = z
  .object({
    officerId: uuid,
    rankTaxonomy: code.default('ew_ranks_2025'),
    rankCode: code,
    detective: z.boolean().default(false),
    ...validity,
  })
  .strict()
  .refine(validOrder, orderMessage);
export type OfficerRankInput = z.input<typeof officerRankInput>;

export const officerPostingInput = z
  .object({ officerId: uuid, unitId: uuid, ...validity })
  .strict()
  .refine(validOrder, orderMessage);
export type OfficerPostingInput = z.input<typeof officerPostingInput>;

/** Identity is (force, type, identifier, validity), never a number alone (rule R11). */
export const officerIdentifierInput = z
  .object({
    officerId: uuid,
    forceId: uuid,
    identifierType: z.enum([
      'shoulder_number',
      'warrant_number',
      'cipher',
      'badge_number',
      'payroll_number',
      'external_id',
    ]),
    identifier: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 /.-]{0,39}$/, 'must be letters and digits (up to 40)'),
    ...validity,
  })
  .strict()
  .refine(validOrder, orderMessage);
export type OfficerIdentifierInput = z.input<typeof officerIdentifierInput>;
