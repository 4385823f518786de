import { Hono, type Context } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import { getForceBySlug } from '../forces/repository.ts';
import type { AppDeps } from '../http/app.ts';
import { parseQuery } from '../http/query.ts';
import { resolveFilters, loadFilterOptions } from '../search/filters.ts';
import { runSearch } from '../search/repository.ts';
import { isBlankSearch, searchQuery, searchUrl } from '../search/schema.ts';
import { getUnitBySlug } from '../units/repository.ts';
import { atomDocument } from './atom.ts';
import { feedEntries, feedUpdated, publicOfficer, type FeedScope } from './feeds.ts';

function baseUrl(c: Context, deps: AppDeps): string {
  return (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

async function sendFeed(c: Context, deps: AppDeps, scope: FeedScope, title: string, page: string) {
  const entries = await feedEntries(deps.db, scope);
  const base = baseUrl(c, deps);
  const url = new URL(c.req.url);
  const body = atomDocument({
    self: base + url.pathname + url.search,
    alternate: base + page,
    title: `${title} · Custodiet`,
    subtitle: `Newly published records: ${title}`,
    updated: feedUpdated(entries),
    base,
    entries,
  });
  return c.body(body, 200, {
    'Content-Type': 'application/atom+xml; charset=UTF-8',
    'Cache-Control': 'public, max-age=0, must-revalidate',
  });
}

/** Atom feeds of newly published records per officer, unit, force and saved search. */
export function followRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/officers/:slug/feed.atom', async (c) => {
    const o = await publicOfficer(deps.db, c.req.param('slug'));
    if (!o) throw new AppError('CUS_NOT_FOUND', 'There is no published officer record at this address.');
    return sendFeed(c, deps, { officerId: o.id }, o.name, `/officers/${o.slug}`);
  });
  app.get('/forces/:slug/feed.atom', async (c) => {
    const f = await getForceBySlug(deps.db, c.req.param('slug'));
    if (!f) throw new AppError('CUS_NOT_FOUND', 'There is no police force at this address.');
    return sendFeed(c, deps, { forceId: f.id }, f.name, `/forces/${f.slug}`);
  });
  app.get('/forces/:force/units/:unit/feed.atom', async (c) => {
    const f = await getForceBySlug(deps.db, c.req.param('force'));
    const u = f && (await getUnitBySlug(deps.db, f.id, c.req.param('unit')));
    if (!f || !u) throw new AppError('CUS_NOT_FOUND', 'There is no unit at this address.');
    return sendFeed(c, deps, { unitId: u.id }, `${u.name}, ${f.name}`, `/forces/${f.slug}/units/${u.slug}`);
  });
  // A saved search: the same parameters as /search; its first page of results, newest first.
  app.get('/search/feed.atom', async (c) => {
    const params = parseQuery(c, searchQuery);
    if (isBlankSearch(params))
      throw new AppError('CUS_BAD_REQUEST', 'A search feed needs words or a filter.');
    const filters = await resolveFilters(deps.db, params, await loadFilterOptions(deps.db, params.force));
    const { hits } = await runSearch(deps.db, filters, params.q, 1);
    const search = hits.filter((h): h is { type: 'incident' | 'allegation' | 'statement'; id: string } =>
      ['incident', 'allegation', 'statement'].includes(h.type),
    );
    return sendFeed(
      c,
      deps,
      { search },
      params.q ? `Search: ${params.q}` : 'Saved search',
      searchUrl({ ...params, page: undefined }),
    );
  });
  return app;
}
