import type { Db } from '../db/client.ts';
import type { GazetteerEntry } from './places.ts';

/** The whole gazetteer, as the place matcher needs it. */
export async function loadGazetteer(db: Db): Promise<GazetteerEntry[]> {
  const rows = await db
    .selectFrom('gazetteer_entries as g')
    .innerJoin('forces as f', 'f.id', 'g.force_id')
    .select(['g.id', 'g.kind', 'g.name', 'g.aliases', 'g.force_id', 'f.slug', 'g.parent_id', 'g.unit_id'])
    .orderBy('g.kind')
    .orderBy('g.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as GazetteerEntry['kind'],
    name: r.name,
    aliases: r.aliases,
    forceId: r.force_id,
    forceSlug: r.slug,
    parentId: r.parent_id,
    unitId: r.unit_id,
  }));
}

/** A bundle with its items in order. */
export async function getBundle(db: Db, id: string) {
  const bundle = await db.selectFrom('ingest_bundles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!bundle) return undefined;
  const items = await db
    .selectFrom('ingest_items')
    .selectAll()
    .where('bundle_id', '=', id)
    .orderBy('position')
    .execute();
  return { bundle, items };
}

/** The newest bundles, for the ingest page. */
export function recentBundles(db: Db, limit = 20) {
  return db
    .selectFrom('ingest_bundles')
    .select(['id', 'title', 'state', 'article_date', 'created_at', 'active_proceedings'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
