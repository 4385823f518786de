// List endpoints: each public export dataset, read in keyset pages behind an opaque cursor. The
// export's queries and its render-guard filters are reused as they are, so the API lists exactly
// what a public export holds.
import type { Context } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { blockedAmong, type PageRefs } from '../exports/blocked.ts';
import type { Dataset, Row } from '../exports/datasets.ts';
import { DATASETS, toRecord } from '../exports/service.ts';
import { COLLECTION_ITEMS } from './collection-schemas.ts';
import { pageOf } from './registry.ts';
import { defineRoute, type ApiRoute } from './route.ts';

/** Largest page a client may ask for. */
export const MAX_LIMIT = 200;
const CURSOR_PREFIX = 'k1:';
const KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,19})$/;

/** An opaque cursor for "after this key". */
export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

/** The key a cursor stands for; a cursor we did not make is a 400. */
export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!KEY.test(key))
    throw new AppError('CUS_BAD_REQUEST', 'The cursor is not valid: use the `next` value of a page.', [
      { field: 'cursor', message: 'is not a cursor this API made' },
    ]);
  return key;
}

/** ?cursor=…&limit=… */
export const pageQuery = z.object({
  cursor: z.string().max(100).optional().describe('The `next` value of the previous page.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(50)
    .describe(`Items per page, at most ${MAX_LIMIT}.`),
});

// Which public pages each dataset's rows show on, for the render guard.
const SHOWN_ON: Record<string, (r: Row) => PageRefs> = {
  incidents: (r) => ({ incidents: [r.id] }),
  allegations: (r) => ({ incidents: [r._incident_id], officers: [r._officer_id] }),
  findings: (r) => ({ incidents: [r._incident_id], officers: [r._officer_id] }),
  sanctions: (r) => ({ incidents: [r._incident_id], officers: [r._officer_id] }),
  officers: (r) => ({ officers: [r.id] }),
  statements: (r) => ({ statements: [r.id], incidents: [r.incident_id], officers: [r.speaker_officer_id] }),
  corrections: (r) => ({
    paths: [typeof r.record_path === 'string' ? r.record_path.replace(/#.*$/, '') : null],
  }),
};

function merge(refs: PageRefs[]): PageRefs {
  return {
    incidents: refs.flatMap((r) => r.incidents ?? []),
    officers: refs.flatMap((r) => r.officers ?? []),
    statements: refs.flatMap((r) => r.statements ?? []),
    paths: refs.flatMap((r) => r.paths ?? []),
  };
}

/** One page of a dataset: the rows the render guard lets through, and the cursor after the last row read. */
export async function datasetPage(db: Db, dataset: Dataset, after: string | null, limit: number) {
  const rows = await dataset.page(db, after, limit);
  const shownOn = SHOWN_ON[dataset.name];
  const blocked = await blockedAmong(db, shownOn ? merge(rows.map(shownOn)) : {});
  const items = rows
    .filter((r) => !dataset.keep || dataset.keep(r, blocked))
    .map((r) => toRecord(dataset.shape ? dataset.shape(r, blocked) : r, dataset.columns));
  const next = rows.length === limit ? encodeCursor(dataset.key(rows[rows.length - 1]!)) : null;
  return { items, next };
}

function linkNext(c: Context, next: string | null, limit: number): void {
  if (!next) return;
  const url = new URL(c.req.url);
  url.searchParams.set('cursor', next);
  url.searchParams.set('limit', String(limit));
  c.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
}

const TITLES: Record<string, string> = {
  incidents: 'published incidents',
  allegations: 'published allegations',
  findings: 'findings of published allegations',
  sanctions: 'sanctions of published allegations',
  officers: 'officers named on a published record',
  statements: 'published official statements',
  forces: 'police forces',
  units: 'units of police forces',
  corrections: 'entries of the public corrections log',
  'police-powers-events': 'uses of police powers from imported open data',
};

function listRoute(dataset: Dataset): ApiRoute {
  const item = COLLECTION_ITEMS[dataset.name as keyof typeof COLLECTION_ITEMS];
  if (!item) throw new Error(`No API item schema for dataset ${dataset.name}`);
  return defineRoute({
    method: 'get',
    path: `/${dataset.name}`,
    operationId: `list-${dataset.name}`,
    tag: 'Lists',
    summary: `List ${TITLES[dataset.name] ?? dataset.name}`,
    description: `Keyset pages in id order, exactly the rows of the public export's \`${dataset.name}\` dataset. Follow \`next\` (or the Link header) until it is null.`,
    ...(dataset.name === 'corrections' ? { page: '/corrections' } : {}),
    query: pageQuery,
    response: pageOf(pascal(dataset.name), item),
    async handler({ query, deps, c }) {
      const page = await datasetPage(
        deps.db,
        dataset,
        query.cursor ? decodeCursor(query.cursor) : null,
        query.limit,
      );
      linkNext(c, page.next, query.limit);
      return page;
    },
  });
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
}

/** GET /api/v1/<dataset> for every public dataset. */
export const LIST_ROUTES: readonly ApiRoute[] = DATASETS.map(listRoute);
