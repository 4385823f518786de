import { z } from 'zod';
import { line, text } from '../schema/common.ts';

/**
 * A complainant, victim or witness. Pseudonymous by default; a public name needs a recorded
 * basis and is refused for children, protected people and sexual-offence complainants (R7–R9).
 */
export const personInput = z
  .object({
    pseudonym: line(120),
    officialPseudonym: z.boolean().default(false),
    ageStatus: z.enum(['adult', 'minor', 'unknown']).default('unknown'),
    vulnerable: z.boolean().default(false),
    protectedIdentity: z.boolean().default(true),
    sexualOffenceComplainant: z.boolean().default(false),
    sexualOffenceWaiver: z.boolean().default(false),
    deceased: z.boolean().default(false),
    publicName: line(200).optional(),
    publicNameBasis: text(1000).optional(),
  })
  .strict();
export type PersonInput = z.input<typeof personInput>;

/** A real identity: held apart and only ever read through the restricted repository. */
export const personIdentityInput = z
  .object({
    personId: z.string().uuid(),
    realName: line(200).optional(),
    contactNote: text(2000).optional(),
  })
  .strict();
export type PersonIdentityInput = z.input<typeof personIdentityInput>;
