import type { Selectable } from 'kysely';
import type { Db } from '../db/client.ts';
import type { OfficerIdentifiers, Officers } from '../db/schema.generated.ts';

export type Officer = Selectable<Officers>;
export type OfficerIdentifier = Selectable<OfficerIdentifiers>;

/** An officer by slug, whatever their publication state (editor use). */
export function getOfficerBySlug(db: Db, slug: string): Promise<Officer | undefined> {
  return db.selectFrom('officers').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/**
 * Officers who held an identifier in a force on a date (or at any time when no date is given).
 * Case-insensitive, as forces print shoulder numbers in either case.
 */
export function findOfficersByIdentifier(
  db: Db,
  forceId: string,
  identifier: string,
  onDate?: string,
): Promise<(OfficerIdentifier & { slug: string; published_name: string | null })[]> {
  let q = db
    .selectFrom('officer_identifiers as oi')
    .innerJoin('officers as o', 'o.id', 'oi.officer_id')
    .selectAll('oi')
    .select(['o.slug', 'o.published_name'])
    .where('oi.force_id', '=', forceId)
    .where((eb) => eb.fn('upper', ['oi.identifier']), '=', identifier.toUpperCase());
  if (onDate) {
    q = q
      .where((eb) => eb.or([eb('oi.valid_from', 'is', null), eb('oi.valid_from', '<=', onDate)]))
      .where((eb) => eb.or([eb('oi.valid_to', 'is', null), eb('oi.valid_to', '>=', onDate)]));
  }
  return q.orderBy('oi.valid_from').execute();
}

/** Ranks, postings and identifiers of one officer, oldest first. */
export async function getOfficerCareer(db: Db, officerId: string) {
  const [ranks, postings, identifiers] = await Promise.all([
    db
      .selectFrom('officer_ranks as r')
      .innerJoin('taxonomy_terms as t', (j) =>
        j.onRef('t.taxonomy_id', '=', 'r.rank_taxonomy').onRef('t.code', '=', 'r.rank_code'),
      )
      .select(['r.id', 'r.rank_code', 'r.detective', 'r.valid_from', 'r.valid_to', 't.label'])
      .where('r.officer_id', '=', officerId)
      .orderBy('r.valid_from')
      .execute(),
    db
      .selectFrom('officer_postings as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'p.valid_from', 'p.valid_to', 'u.name', 'u.slug', 'u.kind'])
      .where('p.officer_id', '=', officerId)
      .orderBy('p.valid_from')
      .execute(),
    db
      .selectFrom('officer_identifiers')
      .selectAll()
      .where('officer_id', '=', officerId)
      .orderBy('valid_from')
      .execute(),
  ]);
  return { ranks, postings, identifiers };
}
