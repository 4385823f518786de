import type { Selectable } from 'kysely';
import { sql } from '../db/kysely.ts';
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

/** How the site names each jurisdiction a force can have. */
export const JURISDICTIONS: Record<string, string> = {
  england_wales: 'England and Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
  great_britain: 'Great Britain',
  united_kingdom: 'United Kingdom',
  united_states: 'United States',
  other: 'Other',
};

/** Jurisdictions whose forces are always listed (imported agencies elsewhere only once they have public records). */
export const UK_JURISDICTIONS = [
  'england_wales',
  'scotland',
  'northern_ireland',
  'great_britain',
  'united_kingdom',
];

/**
 * Forces a reader can choose from: every UK force, territorial first, then any other agency
 * (imported from a dataset: thousands of US agencies) that has a published incident.
 */
export function listForces(db: Db): Promise<Force[]> {
  return db
    .selectFrom('forces as f')
    .selectAll('f')
    .where((eb) =>
      eb.or([
        eb('f.jurisdiction', 'in', UK_JURISDICTIONS),
        eb.exists(
          eb
            .selectFrom('incidents as i')
            .select('i.id')
            .whereRef('i.force_id', '=', 'f.id')
            .where('i.publication_state', '=', 'published'),
        ),
      ]),
    )
    .orderBy(sql`f.jurisdiction = ANY(${UK_JURISDICTIONS}::text[])`, 'desc')
    .orderBy('f.kind', 'desc')
    .orderBy('f.name')
    .execute();
}
