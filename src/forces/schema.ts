import { z } from 'zod';
import { httpUrl, line, slug } from '../schema/common.ts';

/** Input for creating or editing a force. */
export const forceInput = z
  .object({
    slug,
    name: line(200),
    shortName: line(100).optional(),
    jurisdiction: z.enum([
      'england_wales',
      'scotland',
      'northern_ireland',
      'great_britain',
      'united_kingdom',
      'other',
    ]),
    kind: z.enum(['territorial', 'special', 'other']),
    policeUkId: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    website: httpUrl.optional(),
  })
  .strict();
export type ForceInput = z.input<typeof forceInput>;
