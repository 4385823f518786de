import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';

/**
 * The public page a merged record's address now leads to: its survivor (through later merges),
 * when that is published (and, for an officer, named). Null when there is none, so the address
 * stays "not found" exactly as any unpublished record's does. A merge can be undone, so callers
 * redirect temporarily (302), never permanently.
 */
export async function survivorSlug(
  db: Db,
  table: 'officers' | 'incidents',
  slug: string,
): Promise<string | null> {
  const t = sql.table(table);
  const named = table === 'officers' ? sql`AND r.published_name IS NOT NULL` : sql``;
  const { rows } = await sql<{ slug: string }>`
    WITH RECURSIVE chain(id, merged_into, depth) AS (
      SELECT id, merged_into, 0 FROM ${t} WHERE slug = ${slug} AND merged_into IS NOT NULL
      UNION ALL
      SELECT r.id, r.merged_into, c.depth + 1 FROM chain c JOIN ${t} r ON r.id = c.merged_into WHERE c.depth < 20
    )
    SELECT r.slug FROM chain c JOIN ${t} r ON r.id = c.id
    WHERE c.merged_into IS NULL AND r.publication_state = 'published' ${named}`.execute(db);
  return rows[0]?.slug ?? null;
}

/**
 * A public page's data, or where a merged record's address leads instead: the loader's "not
 * found" is answered with the survivor's slug when there is one (the caller redirects, 302), and
 * rethrown otherwise. Every other error (a 451 hold) passes through unchanged.
 */
export async function loadOrMoved<T>(
  db: Db,
  table: 'officers' | 'incidents',
  slug: string,
  load: (slug: string) => Promise<T>,
): Promise<{ data: T } | { moved: string }> {
  try {
    return { data: await load(slug) };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'CUS_NOT_FOUND') throw err;
    const moved = await survivorSlug(db, table, slug);
    if (!moved) throw err;
    return { moved };
  }
}
