// Records the legal checks now keep off their public pages (src/publication/render-guard.ts):
// an order made since publication (R6), a child made identifiable (R8), personal details no
// longer allowed (R10). A page the guard refuses to render must not leave through an export
// either, so the export asks the very same predicate about every published page first.
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { renderProblemsAmong } from '../publication/render-guard.ts';
import { after } from './datasets.ts';

/** Ids (per table) and public paths of the pages the render guard holds. */
export interface Blocked {
  incidents: Set<string>;
  officers: Set<string>;
  statements: Set<string>;
  /** '/incidents/slug' and the like, for entries that link to a held page. */
  paths: Set<string>;
}

const PAGES = [
  { table: 'incidents', prefix: '/incidents/' },
  { table: 'officers', prefix: '/officers/' },
  { table: 'statements', prefix: '/statements/' },
] as const;

const PAGE_SIZE = 500;

/** Asks the render guard about every published incident, officer and statement page. */
export async function blockedPages(db: Db): Promise<Blocked> {
  const blocked: Blocked = {
    incidents: new Set(),
    officers: new Set(),
    statements: new Set(),
    paths: new Set(),
  };
  for (const { table, prefix } of PAGES) {
    let last: string | null = null;
    for (;;) {
      const { rows }: { rows: { id: string; slug: string }[] } = await sql<{ id: string; slug: string }>`
        SELECT id, slug FROM ${sql.table(table)} WHERE publication_state = 'published' ${after('id', last)}
        ORDER BY id LIMIT ${PAGE_SIZE}`.execute(db);
      await addHeld(db, blocked, table, prefix, rows);
      if (rows.length < PAGE_SIZE) break;
      last = rows[rows.length - 1]!.id;
    }
  }
  return blocked;
}

/** Pages to ask about: record ids per table, and public paths such as '/incidents/slug'. */
export interface PageRefs {
  incidents?: unknown[];
  officers?: unknown[];
  statements?: unknown[];
  paths?: unknown[];
}

const ids = (xs: unknown[] | undefined) => [
  ...new Set((xs ?? []).filter((x): x is string => typeof x === 'string' && x !== '')),
];

/**
 * The render guard's verdict on just these pages, for callers that show a few records at a time
 * (the API's list pages and search): the same predicate as blockedPages, asked about them together.
 */
export async function blockedAmong(db: Db, refs: PageRefs): Promise<Blocked> {
  const blocked: Blocked = {
    incidents: new Set(),
    officers: new Set(),
    statements: new Set(),
    paths: new Set(),
  };
  const wanted = {
    incidents: ids(refs.incidents),
    officers: ids(refs.officers),
    statements: ids(refs.statements),
  };
  for (const { table, prefix } of PAGES) {
    const slugs = ids(refs.paths)
      .filter((p) => p.startsWith(prefix))
      .map((p) => p.slice(prefix.length));
    if (slugs.length > 0) {
      const rows = await db.selectFrom(table).select(['id', 'slug']).where('slug', 'in', slugs).execute();
      wanted[table].push(...rows.map((r) => r.id));
    }
    const { rows } =
      wanted[table].length === 0
        ? { rows: [] }
        : await sql<{ id: string; slug: string }>`
            SELECT id, slug FROM ${sql.table(table)} WHERE id = ANY(${wanted[table]}::uuid[])`.execute(db);
    await addHeld(db, blocked, table, prefix, rows);
  }
  return blocked;
}

// Asks the guard about these pages together and adds those it holds.
async function addHeld(
  db: Db,
  blocked: Blocked,
  table: (typeof PAGES)[number]['table'],
  prefix: string,
  rows: { id: string; slug: string }[],
) {
  const verdicts = await renderProblemsAmong(
    db,
    table,
    rows.map((r) => r.id),
  );
  for (const r of rows) {
    if ((verdicts.get(r.id) ?? []).length === 0) continue;
    blocked[table].add(r.id);
    blocked.paths.add(prefix + r.slug);
  }
}
