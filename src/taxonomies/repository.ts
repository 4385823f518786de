import type { Db } from '../db/client.ts';

/** A taxonomy's title and where it comes from, with its terms in their published order. */
export interface TaxonomyView {
  id: string;
  title: string;
  version: string;
  sourceNote: string | null;
  terms: { code: string; label: string; description: string | null; parentCode: string | null }[];
}

/** One versioned taxonomy and its terms; undefined when the database does not hold it. */
export async function getTaxonomy(db: Db, id: string): Promise<TaxonomyView | undefined> {
  const [taxonomy, terms] = await Promise.all([
    db
      .selectFrom('taxonomies')
      .select(['id', 'title', 'version', 'source_note'])
      .where('id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('taxonomy_terms')
      .select(['code', 'label', 'description', 'parent_code'])
      .where('taxonomy_id', '=', id)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
  ]);
  if (!taxonomy) return undefined;
  return {
    id: taxonomy.id,
    title: taxonomy.title,
    version: taxonomy.version,
    sourceNote: taxonomy.source_note,
    terms: terms.map((t) => ({
      code: t.code,
      label: t.label,
      description: t.description,
      parentCode: t.parent_code,
    })),
  };
}
