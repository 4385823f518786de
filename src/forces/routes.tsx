import { Hono } from 'hono';
import { cached } from '../db/cache.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { latest, sendRenderedOnce } from '../http/cache.ts';
import { getUnitBySlug, listUnitsOfForce, type Unit } from '../units/repository.ts';
import type { ScopeData } from './components.tsx';
import { ForcesIndex, loadForcesIndex } from './index-page.tsx';
import { ForcePage, UnitPage } from './pages.tsx';
import {
  countsByStandard,
  countsByYear,
  countsChangedAt,
  scopeIncidents,
  scopeOfficers,
  stationAddress,
  unitAndDescendants,
  type Scope,
  type TallyScope,
} from './public.ts';
import { getForceBySlug, type Force } from './repository.ts';

/** A force's or unit's figures are reused this long; any write (on any instance) drops them at once. */
const SCOPE_TTL_MS = 60_000;

/** What a force or unit page reads, shared by every request until the next write (a minute at most). */
function untilWrite<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  return cached(db, key, SCOPE_TTL_MS, compute, 1000);
}

// The counts are kept by triggers and read in a few rows; the listings still sort a scope's
// incidents, so a page's data is computed once a minute at most and concurrent requests for the
// same page share that one computation.
function loadScope(db: Db, scope: Scope, tally: TallyScope): Promise<ScopeData> {
  const key = `scope:${'forceId' in scope ? scope.forceId : scope.unitIds.join(',')}`;
  return untilWrite(db, key, () => loadScopeNow(db, scope, tally));
}

async function loadScopeNow(db: Db, scope: Scope, tally: TallyScope): Promise<ScopeData> {
  const [incidents, officers, standards, years, countsChanged] = await Promise.all([
    scopeIncidents(db, scope),
    scopeOfficers(db, scope),
    countsByStandard(db, tally),
    countsByYear(db, tally),
    countsChangedAt(db, tally),
  ]);
  // Shared by every request until the next write: frozen, so the API converts it to JSON once.
  return Object.freeze({ incidents, officers, standards, years, countsChanged });
}

function changedAt(data: ScopeData, units: Unit[], force: Force): Date | null {
  return latest(
    force.updated_at,
    ...units.map((u) => u.updated_at),
    ...data.incidents.map((i) => i.updated_at),
    ...data.officers.map((o) => o.updatedAt),
    data.countsChanged,
  );
}

async function requireForce(db: Db, slug: string): Promise<Force> {
  const force = await getForceBySlug(db, slug);
  if (!force) throw new AppError('CUS_NOT_FOUND', 'There is no police force at this address.');
  return force;
}

/** Everything a force page shows. */
export interface ForcePageData {
  force: Force;
  units: Unit[];
  data: ScopeData;
  lastModified: Date | null;
}

type ForceUnits = Readonly<Pick<ForcePageData, 'force' | 'units'>>;

// A force and its unit tree are read on every force and unit page. Like the figures, they are
// shared until the next write: under load, reading and parsing the Met's units on every request
// was most of what such a page cost once its figures and HTML were cached.
function forceAndUnits(db: Db, slug: string): Promise<ForceUnits> {
  return untilWrite(db, `force-units:${slug}`, async () => {
    const force = await requireForce(db, slug);
    const units = Object.freeze(await listUnitsOfForce(db, force.id)) as Unit[];
    return Object.freeze({ force, units });
  });
}

// One page-data object per pair of shared parts (the force or unit, and the figures), so that its
// HTML and its JSON are each made once per pair (src/http/cache.ts, src/api/json.ts).
const pagesOf = new WeakMap<object, WeakMap<ScopeData, object>>();
function pageOnce<T extends object>(parts: object, data: ScopeData, make: () => T): T {
  let forParts = pagesOf.get(parts);
  if (!forParts) pagesOf.set(parts, (forParts = new WeakMap()));
  let page = forParts.get(data) as T | undefined;
  if (!page) forParts.set(data, (page = Object.freeze(make())));
  return page;
}

/** A force page's data (404 for an unknown force); the same object until the next write. */
export async function loadForcePage(db: Db, slug: string): Promise<ForcePageData> {
  const parts = await forceAndUnits(db, slug);
  const { force, units } = parts;
  const data = await loadScope(db, { forceId: force.id }, { forceId: force.id });
  return pageOnce(parts, data, () => ({ force, units, data, lastModified: changedAt(data, units, force) }));
}

/** Everything a unit page shows: its force's page data for the unit's scope, and its station address. */
export interface UnitPageData extends ForcePageData {
  unit: Unit;
  address: NonNullable<Awaited<ReturnType<typeof stationAddress>>> | null;
}

type UnitParts = Readonly<Pick<UnitPageData, 'force' | 'units' | 'unit' | 'address'> & { ids: string[] }>;

function unitParts(db: Db, forceSlug: string, unitSlug: string): Promise<UnitParts> {
  return untilWrite(db, `unit-parts:${forceSlug}/${unitSlug}`, async () => {
    const { force, units } = await forceAndUnits(db, forceSlug);
    const unit = await getUnitBySlug(db, force.id, unitSlug);
    if (!unit) throw new AppError('CUS_NOT_FOUND', `There is no unit of ${force.name} at this address.`);
    const [ids, address] = await Promise.all([
      unitAndDescendants(db, unit.id),
      unit.kind === 'station' ? stationAddress(db, unit.id) : undefined,
    ]);
    // null, not absent: the API sends the field either way.
    return Object.freeze({ force, units, unit, ids, address: address ?? null });
  });
}

/** A unit page's data (404 for an unknown force or unit); the same object until the next write. */
export async function loadUnitPage(db: Db, forceSlug: string, unitSlug: string): Promise<UnitPageData> {
  const parts = await unitParts(db, forceSlug, unitSlug);
  const { force, units, unit, ids, address } = parts;
  const data = await loadScope(db, { unitIds: ids }, { unitId: unit.id });
  return pageOnce(parts, data, () => ({
    force,
    unit,
    units,
    address,
    data,
    lastModified: changedAt(data, units, force),
  }));
}

/** Public pages for police forces and their units (command units, stations, teams, specialist units). */
export function forceRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/forces', async (c) => {
    const data = await loadForcesIndex(deps.db);
    return sendRenderedOnce(c, data, '', () => <ForcesIndex data={data} />, data.lastModified);
  });

  app.get('/forces/:slug', async (c) => {
    const p = await loadForcePage(deps.db, c.req.param('slug'));
    const digests = deps.mailer !== undefined;
    return sendRenderedOnce(
      c,
      p,
      String(digests),
      () => <ForcePage force={p.force} units={p.units} data={p.data} digests={digests} />,
      p.lastModified,
    );
  });

  app.get('/forces/:forceSlug/units/:unitSlug', async (c) => {
    const p = await loadUnitPage(deps.db, c.req.param('forceSlug'), c.req.param('unitSlug'));
    const digests = deps.mailer !== undefined;
    return sendRenderedOnce(
      c,
      p,
      String(digests),
      () => (
        <UnitPage
          force={p.force}
          unit={p.unit}
          units={p.units}
          address={p.address}
          data={p.data}
          digests={digests}
        />
      ),
      p.lastModified,
    );
  });
  return app;
}
