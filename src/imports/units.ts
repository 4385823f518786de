import type { Db } from '../db/client.ts';
import { slugify } from '../schema/common.ts';
import { idFor, type RecordScope } from './records.ts';

/**
 * Units (districts, teams) of an imported agency: keyed by the dataset's unit code, or found by
 * name. A unit is made once; its name is not changed by later files (an editor may have
 * corrected it). Officers' postings to them are dated parts of the officer (officers.ts).
 */

/** A unit as a dataset names it. */
export interface ImportedUnit {
  /** The dataset's key for the unit (letters and digits): the record id derives from it. */
  code: string;
  slug: string;
  name: string;
  kind: 'bcu' | 'station' | 'team' | 'specialist';
  /**
   * The code stored on the unit, when the key is not the force's own code for it (an
   * OpenOversight unit id is only a database id: null). Defaults to `code`.
   */
  storedCode?: string | null;
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
        code: u.storedCode === undefined ? u.code : u.storedCode,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * The units of a force by name, as a dataset writes them: an existing unit whose slug the name
 * gives (made by an editor or another dataset) is used, a missing one is made as a team.
 */
export async function unitsByName(trx: Db, forceId: string, names: string[]): Promise<Map<string, string>> {
  const bySlug = new Map(names.map((n) => [slugify(n, 100), n]));
  bySlug.delete('');
  if (bySlug.size === 0) return new Map();
  await trx
    .insertInto('units')
    .values([...bySlug].map(([slug, name]) => ({ force_id: forceId, slug, name, kind: 'team' })))
    .onConflict((oc) => oc.columns(['force_id', 'slug']).doNothing())
    .execute();
  const rows = await trx
    .selectFrom('units')
    .select(['id', 'slug'])
    .where('force_id', '=', forceId)
    .where('slug', 'in', [...bySlug.keys()])
    .execute();
  const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return new Map(
    names.flatMap((n) => (idBySlug.has(slugify(n, 100)) ? [[n, idBySlug.get(slugify(n, 100))!]] : [])),
  );
}
