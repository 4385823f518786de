import { z } from 'zod';
import { isoDate, line, slug, text, uuid } from '../schema/common.ts';

/** Input for a unit: a BCU, station, team or specialist command. */
export const unitInput = z
  .object({
    forceId: uuid,
    parentUnitId: uuid.optional(),
    slug,
    name: line(200),
    kind: z.enum(['bcu', 'station', 'team', 'specialist']),
    code: z
      .string()
      .regex(/^[A-Za-z0-9]{1,12}$/, 'must be 1–12 letters or digits')
      .optional(),
    description: text(2000).optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
  })
  .strict();
export type UnitInput = z.input<typeof unitInput>;

/** A station's public front-counter address: the only address Custodiet publishes. */
export const stationAddressInput = z
  .object({
    unitId: uuid,
    addressLine: line(300),
    locality: line(100).optional(),
    postcode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'must be a UK postcode')
      .optional(),
    sourceNote: line(500).optional(),
  })
  .strict();
export type StationAddressInput = z.input<typeof stationAddressInput>;
