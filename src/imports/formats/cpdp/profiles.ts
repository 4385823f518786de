import { z } from 'zod';
import { day, text, wholeNumber } from '../../fields.ts';
import type { ImportFormat } from '../../framework.ts';
import { ImportFileError } from '../../read.ts';
import { CPDP_DATASET, prepareChicago, uidOf, writeOfficers, type CpdpOfficer } from './shared.ts';

/**
 * `complaints-accused-profiles.csv`: one row per officer id of the accused file, with the name,
 * rank, unit and star (badge) number as of the release. The wide `cr_idN` columns repeat what
 * the accused file says and are ignored; so are birth year, race and gender (rule R10: an
 * officer's professional identity only).
 */
const profileRow = z
  .looseObject({
    first_name: text(80),
    middle_initial: text(10),
    last_name: text(80),
    rank: text(100),
    current_unit: wholeNumber(),
    star: wholeNumber(),
    appointed_date: day(),
  })
  .transform((r, ctx) => ({ ...r, uid: uidOf(r, ctx) }));
type ProfileRow = z.output<typeof profileRow>;

export const cpdpProfiles: ImportFormat<ProfileRow, { forceId: string }> = {
  id: 'cpdp-profiles',
  title: 'Chicago CPDP accused officer profiles',
  columns: ['first_name', 'last_name', 'rank', 'current_unit', 'star'],
  checkHeader(columns) {
    if (!columns.some((c) => /_ID$/.test(c)) || columns.includes('row_id'))
      throw new ImportFileError(
        'The header has no officer id column (its name ends in "_ID"), or it is an accused file: is this a CPDP profiles file?',
      );
  },
  dataset: () => CPDP_DATASET,
  prepare: prepareChicago,
  row: profileRow,
  async write(trx, rows, ctx) {
    const officers: CpdpOfficer[] = rows.map(({ value: r }) => ({
      uid: r.uid,
      first: r.first_name,
      middle: r.middle_initial,
      last: r.last_name,
      suffix: null,
      rank: r.rank,
      unit: r.current_unit,
      star: r.star,
      appointed: r.appointed_date,
    }));
    await writeOfficers(trx, ctx, ctx.state.forceId, officers, true);
  },
};
