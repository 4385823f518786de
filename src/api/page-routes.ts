// The data of every public page, from the page's own loader (the same queries, the same render
// guard, the same R5 rule), so the API can show nothing the page would not.
import type { Context } from 'hono';
import { z } from 'zod';
import { loadAllegations } from '../allegations/repository.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { blockedAmong } from '../exports/blocked.ts';
import { loadForcesIndex } from '../forces/index-page.tsx';
import { loadForcePage, loadUnitPage } from '../forces/routes.tsx';
import { loadHomePage } from '../incidents/routes.tsx';
import { loadPublicIncident } from '../incidents/routes.tsx';
import { loadOrMoved } from '../matching/redirect.ts';
import { loadPublicOfficer } from '../officers/routes.tsx';
import { slug } from '../schema/common.ts';
import { MARK_START, MARK_STOP } from '../search/match.ts';
import { loadSearchPage } from '../search/routes.tsx';
import { isBlankSearch, searchQuery } from '../search/schema.ts';
import { loadPublicStatement } from '../statements/routes.tsx';
import {
  Allegation,
  ForcePage,
  ForcesIndex,
  IncidentPage,
  OfficerPage,
  Overview,
  SearchResults,
  StatementPage,
  UnitPage,
} from './page-schemas.ts';
import { id } from './registry.ts';
import { API_BASE, defineRoute, type ApiRoute } from './route.ts';

const bySlug = z.object({ slug });
const PAGE_ERRORS = [404, 451];
const MOVED =
  'The record was merged into another (the same person or event, recorded twice): Location is the ' +
  'survivor in this API. Temporary, since a merge can be undone. The public page redirects the same way.';

/** The record at `slug`, or a 302 to its survivor's address in the API when it was merged. */
async function orMoved<T>(
  c: Context,
  db: Db,
  table: 'officers' | 'incidents',
  slug: string,
  load: (slug: string) => Promise<T>,
): Promise<T | Response> {
  const found = await loadOrMoved(db, table, slug, load);
  return 'moved' in found
    ? c.redirect(`${API_BASE}/${table}/${encodeURIComponent(found.moved)}`, 302)
    : found.data;
}

/** One published allegation as the incident page shows it; 451 while a page showing it is held. */
async function publicAllegation(db: Db, allegationId: string) {
  const row = await db
    .selectFrom('allegations as a')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .leftJoin('officers as o', (j) =>
      j.onRef('o.id', '=', 'a.officer_id').on('o.publication_state', '=', 'published'),
    )
    .select(['a.incident_id', 'o.id as officer_id'])
    .where('a.id', '=', allegationId)
    .where('a.visible', '=', true)
    .where('i.proceedings_active', '=', false)
    .executeTakeFirst();
  if (!row) throw new AppError('CUS_NOT_FOUND', 'There is no published allegation with this id.');
  const blocked = await blockedAmong(db, { incidents: [row.incident_id], officers: [row.officer_id] });
  if (blocked.incidents.size + blocked.officers.size > 0)
    throw new AppError('CUS_LEGAL_HOLD', 'This record is unavailable while we review it for legal reasons.');
  const all = await loadAllegations(db, { incidentId: row.incident_id }, { preview: false });
  const found = all.find((a) => a.id === allegationId);
  if (!found) throw new AppError('CUS_NOT_FOUND', 'There is no published allegation with this id.');
  return found;
}

const strip = (s: string | null) =>
  s === null ? null : s.replaceAll(MARK_START, '').replaceAll(MARK_STOP, '');

/** Search results without highlight markers, and without records whose page the render guard holds. */
async function searchResults(db: Db, params: z.output<typeof searchQuery>, cacheSeconds?: number) {
  if (isBlankSearch(params))
    throw new AppError('CUS_BAD_REQUEST', 'Give words (q) or at least one filter.', [
      { field: 'q', message: 'is required without filters' },
    ]);
  const data = await loadSearchPage(db, params, cacheSeconds);
  const results = data.results!;
  const allegationIds = results.results.filter((r) => r.type === 'allegation').map((r) => r.id);
  const owners = allegationIds.length
    ? await db
        .selectFrom('allegations')
        .select(['id', 'officer_id'])
        .where('id', 'in', allegationIds)
        .execute()
    : [];
  const blocked = await blockedAmong(db, {
    paths: results.results.map((r) => r.href.replace(/#.*$/, '')),
    officers: owners.map((o) => o.officer_id),
  });
  const officerOf = new Map(owners.map((o) => [o.id, o.officer_id]));
  const shown = results.results.filter(
    (r) => !blocked.paths.has(r.href.replace(/#.*$/, '')) && !blocked.officers.has(officerOf.get(r.id) ?? ''),
  );
  return {
    counts: results.counts,
    total: results.total,
    page: data.page,
    results: shown.map((r) => ({
      ...r,
      title: strip(r.title),
      snippet: strip(r.snippet),
      quote: strip(r.quote),
    })),
  };
}

/** The public pages' endpoints. */
export const PAGE_ROUTES: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/overview',
    operationId: 'get-overview',
    tag: 'Pages',
    page: '/',
    summary: 'What the home page shows',
    response: Overview,
    handler: ({ deps }) => loadHomePage(deps.db),
  }),
  defineRoute({
    method: 'get',
    path: '/search',
    operationId: 'search',
    tag: 'Pages',
    page: '/search',
    summary: 'Search published incidents, allegations, officers, units and statements',
    description:
      'The same parameters as the /search page. Counts stop at 1,000 per kind; pages run to 1,000. ' +
      'With words, incidents and allegations are ranked among the 1,000 most recent matches of each.',
    query: searchQuery,
    response: SearchResults,
    handler: ({ deps, query }) => searchResults(deps.db, query, deps.searchCacheSeconds),
  }),
  defineRoute({
    method: 'get',
    path: '/incidents/{slug}',
    operationId: 'get-incident',
    tag: 'Pages',
    page: '/incidents/{slug}',
    summary: 'An incident as its page shows it',
    params: bySlug,
    response: IncidentPage,
    errors: PAGE_ERRORS,
    redirects: MOVED,
    handler: ({ deps, params, c }) =>
      orMoved(c, deps.db, 'incidents', params.slug, async (s) => {
        const shown = await loadPublicIncident(deps.db, s);
        return shown.kind === 'record' ? { kind: 'record', ...shown.data } : shown;
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/allegations/{id}',
    operationId: 'get-allegation',
    tag: 'Pages',
    page: '/incidents/{slug}#allegation-{id}',
    summary: 'One allegation with its findings and sanctions',
    params: z.object({ id }),
    response: Allegation,
    errors: PAGE_ERRORS,
    handler: ({ deps, params }) => publicAllegation(deps.db, params.id.toLowerCase()),
  }),
  defineRoute({
    method: 'get',
    path: '/officers/{slug}',
    operationId: 'get-officer',
    tag: 'Pages',
    page: '/officers/{slug}',
    summary: 'An officer as their page shows them',
    params: bySlug,
    response: OfficerPage,
    errors: PAGE_ERRORS,
    redirects: MOVED,
    handler: ({ deps, params, c }) =>
      orMoved(c, deps.db, 'officers', params.slug, (s) => loadPublicOfficer(deps.db, s)),
  }),
  defineRoute({
    method: 'get',
    path: '/statements/{slug}',
    operationId: 'get-statement',
    tag: 'Pages',
    page: '/statements/{slug}',
    summary: 'An official statement as its page shows it',
    params: bySlug,
    response: StatementPage,
    errors: PAGE_ERRORS,
    handler: ({ deps, params }) => loadPublicStatement(deps.db, params.slug),
  }),
  defineRoute({
    method: 'get',
    path: '/overview/forces',
    operationId: 'get-forces-overview',
    tag: 'Pages',
    page: '/forces',
    summary: 'What the forces page shows: every force with its published incidents and allegations',
    response: ForcesIndex,
    handler: ({ deps }) => loadForcesIndex(deps.db),
  }),
  defineRoute({
    method: 'get',
    path: '/forces/{slug}',
    operationId: 'get-force',
    tag: 'Pages',
    page: '/forces/{slug}',
    summary: 'A police force as its page shows it',
    params: bySlug,
    response: ForcePage,
    errors: [404],
    handler: ({ deps, params }) => loadForcePage(deps.db, params.slug),
  }),
  defineRoute({
    method: 'get',
    path: '/forces/{forceSlug}/units/{unitSlug}',
    operationId: 'get-unit',
    tag: 'Pages',
    page: '/forces/{forceSlug}/units/{unitSlug}',
    summary: 'A unit (command unit, station, team) as its page shows it',
    params: z.object({ forceSlug: slug, unitSlug: slug }),
    response: UnitPage,
    errors: [404],
    handler: ({ deps, params }) => loadUnitPage(deps.db, params.forceSlug, params.unitSlug),
  }),
];
