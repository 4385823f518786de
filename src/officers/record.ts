// Reads behind the public officer page: professional identity only (rule R10). Warrant and
// payroll numbers are personal and never leave the database through this module.
import type { Db } from '../db/client.ts';

/** Find an officer by public slug or (for the editor) id. */
export type OfficerKey = { slug: string } | { id: string };

/** Identifier types shown to the public: worn or court-given numbers, never personnel numbers. */
export const PUBLIC_IDENTIFIER_TYPES = ['shoulder_number', 'cipher', 'badge_number'] as const;

/** An officer with an officially published name, in one of the given publication states. */
export async function findNamedOfficer(db: Db, key: OfficerKey, states: string[]) {
  let q = db
    .selectFrom('officers as o')
    .innerJoin('forces as f', 'f.id', 'o.force_id')
    .select([
      'o.id',
      'o.slug',
      'o.published_name',
      'o.role_type',
      'o.service_status',
      'o.publication_state',
      'o.published_at',
      'o.updated_at',
      'f.name as force_name',
      'f.slug as force_slug',
    ])
    .where('o.publication_state', 'in', states)
    .where('o.published_name', 'is not', null);
  q = 'slug' in key ? q.where('o.slug', '=', key.slug) : q.where('o.id', '=', key.id);
  const row = await q.executeTakeFirst();
  return row ? { ...row, published_name: row.published_name! } : undefined;
}

/** Ranks held, postings and public identifiers, oldest first. */
export async function officerCareer(db: Db, officerId: string) {
  const [ranks, postings, identifiers] = await Promise.all([
    db
      .selectFrom('officer_ranks as r')
      .innerJoin('taxonomy_terms as t', (j) =>
        j.onRef('t.taxonomy_id', '=', 'r.rank_taxonomy').onRef('t.code', '=', 'r.rank_code'),
      )
      .select(['r.id', 'r.detective', 'r.valid_from', 'r.valid_to', 't.label'])
      .where('r.officer_id', '=', officerId)
      .orderBy('r.valid_from', (ob) => ob.asc().nullsFirst())
      .orderBy('t.sort_order')
      .execute(),
    db
      .selectFrom('officer_postings as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .innerJoin('forces as f', 'f.id', 'u.force_id')
      .select([
        'p.id',
        'p.valid_from',
        'p.valid_to',
        'u.name',
        'u.slug',
        'u.updated_at',
        'f.slug as force_slug',
      ])
      .where('p.officer_id', '=', officerId)
      .orderBy('p.valid_from', (ob) => ob.asc().nullsFirst())
      .orderBy('u.name')
      .execute(),
    db
      .selectFrom('officer_identifiers as i')
      .innerJoin('forces as f', 'f.id', 'i.force_id')
      .select([
        'i.id',
        'i.identifier_type',
        'i.identifier',
        'i.valid_from',
        'i.valid_to',
        'f.name as force_name',
      ])
      .where('i.officer_id', '=', officerId)
      .where('i.identifier_type', 'in', [...PUBLIC_IDENTIFIER_TYPES])
      .orderBy('i.valid_from', (ob) => ob.asc().nullsFirst())
      .orderBy('i.identifier')
      .execute(),
  ]);
  return { ranks, postings, identifiers };
}
