import type { Selectable } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Units } from '../db/schema.generated.ts';

export type Unit = Selectable<Units>;

/** A unit of a force by slug. */
export function getUnitBySlug(db: Db, forceId: string, slug: string): Promise<Unit | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('force_id', '=', forceId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** All units of a force, parents before children where names sort that way. */
export function listUnitsOfForce(db: Db, forceId: string): Promise<Unit[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('force_id', '=', forceId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}
