import type { Selectable } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Forces } from '../db/schema.generated.ts';

export type Force = Selectable<Forces>;

/** A force by its URL slug (e.g. 'metropolitan'). */
export function getForceBySlug(db: Db, slug: string): Promise<Force | undefined> {
  return db.selectFrom('forces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** A force by its data.police.uk id, the external key importers use. */
export function getForceByPoliceUkId(db: Db, policeUkId: string): Promise<Force | undefined> {
  return db.selectFrom('forces').selectAll().where('police_uk_id', '=', policeUkId).executeTakeFirst();
}

/** Every force, territorial first, by name. */
export function listForces(db: Db): Promise<Force[]> {
  return db.selectFrom('forces').selectAll().orderBy('kind', 'desc').orderBy('name').execute();
}
