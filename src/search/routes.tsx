import { Hono, type Context } from 'hono';
import type { Db } from '../db/client.ts';
import type { AppDeps } from '../http/app.ts';
import { sendRenderedOnce } from '../http/cache.ts';
import { Layout } from '../http/layout.tsx';
import { parseQuery } from '../http/query.ts';
import { lastChange, loadFilterOptions, resolveFilters, type FilterOptions } from './filters.ts';
import { Results, SearchForm } from './page.tsx';
import { runSearch } from './repository.ts';
import { loadResults, type SearchResult } from './results.ts';
import { isBlankSearch, searchQuery, searchUrl, type SearchParams, type SearchType } from './schema.ts';
import { cached } from '../db/cache.ts';
import { feedLinks, FollowBox, type Follow } from '../follow/components.tsx';
import { searchFeedPath } from '../follow/targets.ts';

const LISTING_TITLES: Record<SearchType, string> = {
  incident: 'Published incidents',
  allegation: 'Published allegations',
  officer: 'Officers named in published records',
  unit: 'Units',
  statement: 'Published official statements',
};

function pageTitle(p: SearchParams, page: number): string {
  // One kind and nothing else is a listing (where /officers and the like lead): named as one.
  const listing = p.type && isBlankSearch({ ...p, type: undefined }) ? LISTING_TITLES[p.type] : undefined;
  const base = p.q
    ? `Search results for “${p.q}”`
    : isBlankSearch(p)
      ? 'Search'
      : (listing ?? 'Search results');
  return page > 1 ? `${base} (page ${page})` : base;
}

/** Everything the search page shows. */
export interface SearchPageData {
  params: SearchParams;
  page: number;
  options: FilterOptions;
  results: { counts: Record<SearchType, number>; total: number; results: SearchResult[] } | null;
  modified: Date | null;
}

/** How long a search's results are reused by default; any write (here or on another instance) drops them. */
export const SEARCH_CACHE_SECONDS = 30;
/** Distinct searches kept (each is one page of results): bounded, so varied queries cannot fill memory. */
const SEARCH_ENTRIES = 500;

/**
 * Runs a validated search and loads what its page needs (no results for a blank search). When a
 * story breaks, many readers run the same search: identical searches share one run and its
 * results for 30 s, or until anything is written.
 */
export function loadSearchPage(
  db: Db,
  params: SearchParams,
  cacheSeconds = SEARCH_CACHE_SECONDS,
): Promise<SearchPageData> {
  if (cacheSeconds === 0) return searchPageNow(db, params);
  const key = `search:${searchUrl(params)}`;
  return cached(db, key, cacheSeconds * 1000, () => searchPageNow(db, params), SEARCH_ENTRIES);
}

async function searchPageNow(db: Db, params: SearchParams): Promise<SearchPageData> {
  const page = params.page ?? 1;
  // Read first, so the page is never older than the Last-Modified it is sent with.
  const modified = await lastChange(db);
  const options = await loadFilterOptions(db, params.force);
  const filters = await resolveFilters(db, params, options);
  let results = null;
  if (!isBlankSearch(params)) {
    const { counts, hits } = await runSearch(db, filters, params.q, page);
    const total = params.type ? counts[params.type] : Object.values(counts).reduce((a, b) => a + b, 0);
    results = { counts, total, results: await loadResults(db, hits, params.q) };
  }
  return { params, page, options, results, modified };
}

/** The search page: form, and results when there is a search. */
export function SearchPage(props: { data: SearchPageData; digests?: boolean }) {
  const { params, page, options, results } = props.data;
  // A search with words or filters can be followed: its first page, newest first, as a feed.
  const follow: Follow | undefined = results
    ? {
        feed: searchFeedPath(searchUrl(params, { page: undefined })),
        title: params.q ? `Search: ${params.q}` : 'Saved search',
        patterns: [{ href: '/patterns', label: 'Patterns across the published records' }],
        digests: props.digests ?? false,
      }
    : undefined;
  return (
    <Layout
      title={pageTitle(params, page)}
      section="search"
      query={params.q}
      noindex
      feeds={feedLinks(follow)}
    >
      <h1>Search the records</h1>
      <SearchForm params={params} options={options} />
      {results ? (
        <>
          <Results params={params} page={page} {...results} />
          {follow && <FollowBox follow={follow} />}
        </>
      ) : (
        <p>
          Type words, a name or part of a shoulder number, or choose a filter, to search published incidents,
          allegations, officers, units and official statements.
        </p>
      )}
    </Layout>
  );
}

/**
 * GET /search: full-text and name/number search over published incidents, allegations,
 * officers, units and statements, with filters. Bad parameters are a 400 naming the parameter;
 * the URL alone determines the page, so it can be shared and cached (ETag, Last-Modified).
 */
export function searchRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/search', async (c) => {
    const data = await loadSearchPage(deps.db, parseQuery(c, searchQuery), deps.searchCacheSeconds);
    const digests = deps.mailer !== undefined;
    // Readers of a breaking story run the same search: its cached data is rendered once, not per request.
    return sendRenderedOnce(
      c,
      data,
      String(digests),
      () => <SearchPage data={data} digests={digests} />,
      data.modified,
    );
  });
  for (const [path, type] of Object.entries(LISTINGS)) app.get(path, (c) => listing(c, type));
  return app;
}

/**
 * Addresses a reader may type to list one kind of record. Each listing is the search with that
 * kind and no words (every published record of the kind, filters beside it), so the redirect is
 * temporary: a dedicated page could take the address later. Other parameters are kept.
 */
const LISTINGS: Record<string, SearchType> = {
  '/incidents': 'incident',
  '/officers': 'officer',
  '/units': 'unit',
  '/statements': 'statement',
};

function listing(c: Context, type: SearchType): Response {
  const params = new URL(c.req.url).searchParams;
  params.set('type', type);
  return c.redirect(`/search?${params}`, 302);
}
