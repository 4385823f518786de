// What a feed address follows: the one reading of /officers/:slug/feed.atom, /forces/:slug/feed.atom,
// /forces/:force/units/:unit/feed.atom and /search/feed.atom?…, shared by the Atom routes and the
// e-mail digests (a digest subscription stores the feed address it follows).
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { getForceBySlug } from '../forces/repository.ts';
import { parseParams } from '../http/query.ts';
import { loadFilterOptions, resolveFilters } from '../search/filters.ts';
import { runSearch } from '../search/repository.ts';
import { isBlankSearch, searchQuery, searchUrl } from '../search/schema.ts';
import { getUnitBySlug } from '../units/repository.ts';
import { publicOfficer, type FeedScope } from './feeds.ts';

/** A feed: whose records, its title, and the page it follows. */
export interface FeedTarget {
  scope: FeedScope;
  title: string;
  page: string;
}

const OFFICER = /^\/officers\/([^/]+)\/feed\.atom$/;
const FORCE = /^\/forces\/([^/]+)\/feed\.atom$/;
const UNIT = /^\/forces\/([^/]+)\/units\/([^/]+)\/feed\.atom$/;
const SEARCH = /^\/search\/feed\.atom$/;

/** The canonical address of a search's feed (the search page's own parameters). */
export function searchFeedPath(searchPage: string): string {
  return searchPage.replace(/^\/search/, '/search/feed.atom');
}

/**
 * Resolves a feed address to what it follows; a 404 when the officer, force or unit is not
 * public, a 400 for a search without words or filters or with a bad parameter.
 */
export async function feedTarget(db: Db, pathname: string, params: URLSearchParams): Promise<FeedTarget> {
  let m: RegExpExecArray | null;
  if ((m = OFFICER.exec(pathname))) {
    const o = await publicOfficer(db, decodeURIComponent(m[1]!));
    if (!o) throw new AppError('CUS_NOT_FOUND', 'There is no published officer record at this address.');
    return { scope: { officerId: o.id }, title: o.name, page: `/officers/${o.slug}` };
  }
  if ((m = FORCE.exec(pathname))) {
    const f = await getForceBySlug(db, decodeURIComponent(m[1]!));
    if (!f) throw new AppError('CUS_NOT_FOUND', 'There is no police force at this address.');
    return { scope: { forceId: f.id }, title: f.name, page: `/forces/${f.slug}` };
  }
  if ((m = UNIT.exec(pathname))) {
    const f = await getForceBySlug(db, decodeURIComponent(m[1]!));
    const u = f && (await getUnitBySlug(db, f.id, decodeURIComponent(m[2]!)));
    if (!f || !u) throw new AppError('CUS_NOT_FOUND', 'There is no unit at this address.');
    return {
      scope: { unitId: u.id },
      title: `${u.name}, ${f.name}`,
      page: `/forces/${f.slug}/units/${u.slug}`,
    };
  }
  if (SEARCH.test(pathname)) {
    const p = parseParams(params, searchQuery);
    if (isBlankSearch(p)) throw new AppError('CUS_BAD_REQUEST', 'A search feed needs words or a filter.');
    const filters = await resolveFilters(db, p, await loadFilterOptions(db, p.force));
    const { hits } = await runSearch(db, filters, p.q, 1);
    const search = hits.filter((h): h is { type: 'incident' | 'allegation' | 'statement'; id: string } =>
      ['incident', 'allegation', 'statement'].includes(h.type),
    );
    return {
      scope: { search },
      title: p.q ? `Search: ${p.q}` : 'Saved search',
      page: searchUrl({ ...p, page: undefined }),
    };
  }
  throw new AppError('CUS_NOT_FOUND', 'There is no feed at this address.');
}
