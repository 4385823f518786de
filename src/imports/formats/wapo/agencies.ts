import { z } from 'zod';
import { agencySlug, ensureAgencies, type Agency } from '../../agencies.ts';
import { code, codeList, externalId, requiredText, wholeNumber } from '../../fields.ts';
import type { ImportFormat } from '../../framework.ts';
import { linkRecords } from '../../records.ts';
import { US_STATE_CODES } from '../../us-states.ts';
import { WAPO_DATASET } from './shared.ts';

/** The Post's classification of an agency (its v2 README). */
export const AGENCY_TYPES = [
  'local_police',
  'local_other',
  'sheriff',
  'state_police',
  'state_other',
  'federal',
  'other',
] as const;

/** `fatal-police-shootings-agencies.csv`: one row per agency involved in at least one shooting. */
const agencyRow = z.looseObject({
  id: externalId(20),
  name: requiredText(200),
  type: code(AGENCY_TYPES),
  state: code([...US_STATE_CODES, 'US'], []),
  oricodes: codeList(/^[A-Z0-9]{5,9}$/),
  total_shootings: wholeNumber(),
});
type AgencyRow = z.output<typeof agencyRow>;

const agencyOf = (r: AgencyRow): Agency => ({ name: r.name, state: r.state!, type: r.type });

/**
 * Agencies become forces (jurisdiction united_states, region = state, agency_type = the Post's
 * type), found by name and state so the same department from another dataset is one force:
 * "Sheriff’s" and "Sheriff's" are one agency. The Post's id maps to the force; its ORI codes,
 * the name exactly as published and its count of shootings stay in the dataset record.
 */
export const wapoAgencies: ImportFormat<AgencyRow, null> = {
  id: 'wapo-fatal-force-agencies',
  title: 'Washington Post Fatal Force (v2) agencies',
  columns: ['id', 'name', 'type', 'state', 'oricodes', 'total_shootings'],
  dataset: () => WAPO_DATASET,
  prepare: async () => null,
  row: agencyRow,
  async write(trx, rows, ctx) {
    const values = rows.map((r) => r.value);
    const forces = await ensureAgencies(trx, values.map(agencyOf), ctx.counts);
    await linkRecords(
      trx,
      ctx,
      'force',
      values.map((r) => ({
        externalId: r.id,
        entityId: forces.get(agencySlug(agencyOf(r)))!,
        attributes: {
          name: r.name,
          type: r.type,
          state: r.state,
          ori_codes: r.oricodes,
          total_shootings: r.total_shootings === null ? null : Number(r.total_shootings),
        },
      })),
      'repoint',
    );
  },
};
