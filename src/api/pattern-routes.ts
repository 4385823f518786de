// The pattern pages' and the promise tracker's data, from the pages' own loaders (the same
// suppression of small counts, the same render guard), so the API shows nothing they would not.
import { z } from 'zod';
import { nameable } from '../patterns/components.tsx';
import { networkJson } from '../patterns/network.tsx';
import {
  forcesWith,
  loadNetwork,
  officerPattern,
  requireForce,
  stopSearchQuery,
  yearQuery,
} from '../patterns/routes.tsx';
import { loadLifecycle } from '../patterns/lifecycle.tsx';
import { loadStopSearch } from '../patterns/stop-search.tsx';
import { loadUnitsPattern } from '../patterns/units.tsx';
import { loadForceTimeline, loadLeaderTimeline, loadPromiseIndex } from '../promises/routes.tsx';
import { slug } from '../schema/common.ts';
import {
  ForceTimeline,
  LeaderTimeline,
  Lifecycle,
  OfficerPattern,
  PatternIndex,
  PromiseIndex,
  StopSearchPattern,
  UnitNetwork,
  UnitsPattern,
} from './pattern-schemas.ts';
import { defineRoute, type ApiRoute } from './route.ts';

const bySlug = z.object({ slug });
const tag = 'Patterns';

/** The endpoints of /patterns… and /promises…. */
export const PATTERN_ROUTES: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/patterns',
    operationId: 'get-pattern-index',
    tag,
    page: '/patterns',
    summary: 'The forces with unit or stop and search figures',
    response: PatternIndex,
    handler: async ({ deps }) => ({ forces: await forcesWith(deps.db) }),
  }),
  defineRoute({
    method: 'get',
    path: '/patterns/officers/{slug}',
    operationId: 'get-officer-pattern',
    tag,
    page: '/patterns/officers/{slug}',
    summary: 'An officer’s pattern: counts, peer percentiles, co-accused',
    params: bySlug,
    query: yearQuery,
    response: OfficerPattern,
    errors: [404, 451],
    async handler({ deps, params, query }) {
      const data = await officerPattern(deps.db, params.slug, query.year ?? 0);
      // Rule R1: a status label beside the name, as on the officer's page.
      const self = (await nameable(deps.db, [data.officer.id])).get(data.officer.id);
      const o = data.officer;
      return {
        ...data,
        officer: { ...o, name: o.published_name, labels: self?.labels ?? [] },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patterns/lifecycle',
    operationId: 'get-lifecycle',
    tag,
    page: '/patterns/lifecycle',
    summary: 'How long cases take, per force',
    response: Lifecycle,
    handler: ({ deps }) => loadLifecycle(deps.db),
  }),
  defineRoute({
    method: 'get',
    path: '/patterns/forces/{slug}/units',
    operationId: 'get-units-pattern',
    tag,
    page: '/patterns/forces/{slug}/units',
    summary: 'Allegations per unit and year for one force',
    params: bySlug,
    response: UnitsPattern,
    errors: [404],
    handler: async ({ deps, params }) => loadUnitsPattern(deps.db, await requireForce(deps.db, params.slug)),
  }),
  defineRoute({
    method: 'get',
    path: '/patterns/forces/{slug}/stop-search',
    operationId: 'get-stop-search-pattern',
    tag,
    page: '/patterns/forces/{slug}/stop-search',
    summary: 'Stop and search by ethnicity for one force',
    params: bySlug,
    query: stopSearchQuery,
    response: StopSearchPattern,
    errors: [404],
    async handler({ deps, params, query }) {
      const force = await requireForce(deps.db, params.slug);
      const data = await loadStopSearch(deps.db, force, query.basis ?? 'officer', query.month ?? null);
      return {
        ...data,
        baseline: { ...data.baseline, residents: Object.fromEntries(data.baseline.residents) },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/patterns/forces/{forceSlug}/units/{unitSlug}/network',
    operationId: 'get-unit-network',
    tag,
    page: '/patterns/forces/{forceSlug}/units/{unitSlug}/network',
    summary: 'A unit’s co-accusal network',
    params: z.object({ forceSlug: slug, unitSlug: slug }),
    response: UnitNetwork,
    errors: [404],
    handler: async ({ deps, params }) =>
      networkJson(await loadNetwork(deps.db, params.forceSlug, params.unitSlug)),
  }),
  defineRoute({
    method: 'get',
    path: '/promises',
    operationId: 'get-promise-index',
    tag,
    page: '/promises',
    summary: 'Every leader with recorded promises, and every force they were made about',
    response: PromiseIndex,
    handler: ({ deps }) => loadPromiseIndex(deps.db),
  }),
  defineRoute({
    method: 'get',
    path: '/promises/leaders/{slug}',
    operationId: 'get-leader-promises',
    tag,
    page: '/promises/leaders/{slug}',
    summary: 'A leader’s promises and what the records show after each',
    params: bySlug,
    response: LeaderTimeline,
    errors: [404],
    handler: ({ deps, params }) => loadLeaderTimeline(deps.db, params.slug),
  }),
  defineRoute({
    method: 'get',
    path: '/promises/forces/{slug}',
    operationId: 'get-force-promises',
    tag,
    page: '/promises/forces/{slug}',
    summary: 'The promises made about a force and what the records show after each',
    params: bySlug,
    response: ForceTimeline,
    errors: [404],
    handler: ({ deps, params }) => loadForceTimeline(deps.db, params.slug),
  }),
];
