import type { Db } from '../db/client.ts';
import { draftIds, idFor, type RecordScope } from './records.ts';

/**
 * Units (districts, teams) of an imported agency, keyed by the dataset's unit code, and the
 * postings of officers to them. A unit is made once; its name is not changed by later files (an
 * editor may have corrected it), and a posting carries no dates when the dataset gives none.
 */

/** A unit as a dataset names it. */
export interface ImportedUnit {
  /** The dataset's code for the unit (letters and digits): the key. */
  code: string;
  slug: string;
  name: string;
  kind: 'bcu' | 'station' | 'team' | 'specialist';
}

/** The unit id a dataset's unit code maps to. */
export function unitId(scope: RecordScope, code: string): string {
  return idFor(scope, 'unit', code);
}

/** Makes the units that are missing (the first description of a code wins). */
export async function ensureUnits(
  trx: Db,
  scope: RecordScope,
  forceId: string,
  units: ImportedUnit[],
): Promise<void> {
  const byCode = new Map<string, ImportedUnit>();
  for (const u of units) if (!byCode.has(u.code)) byCode.set(u.code, u);
  if (byCode.size === 0) return;
  await trx
    .insertInto('units')
    .values(
      [...byCode.values()].map((u) => ({
        id: unitId(scope, u.code),
        force_id: forceId,
        slug: u.slug,
        name: u.name,
        kind: u.kind,
        code: u.code,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Records that the officer (by the dataset's officer id) served in the unit (by its code), while
 * the officer is a draft: a published career changes only by an editor.
 */
export async function writePostings(
  trx: Db,
  scope: RecordScope,
  postings: { officer: string; unit: string }[],
): Promise<void> {
  const drafts = await draftIds(
    trx,
    'officers',
    postings.map((p) => idFor(scope, 'officer', p.officer)),
  );
  const rows = new Map(
    postings
      .filter((p) => drafts.has(idFor(scope, 'officer', p.officer)))
      .map((p) => [
        `${p.officer}#unit#${p.unit}`,
        {
          id: idFor(scope, 'officer', `${p.officer}#unit#${p.unit}`),
          officer_id: idFor(scope, 'officer', p.officer),
          unit_id: unitId(scope, p.unit),
        },
      ]),
  );
  if (rows.size === 0) return;
  await trx
    .insertInto('officer_postings')
    .values([...rows.values()])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
