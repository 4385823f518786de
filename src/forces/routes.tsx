import { Hono } from 'hono';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { latest, sendPage } from '../http/cache.ts';
import { getUnitBySlug, listUnitsOfForce, type Unit } from '../units/repository.ts';
import type { ScopeData } from './components.tsx';
import { ForcePage, UnitPage } from './pages.tsx';
import {
  countsByStandard,
  countsByYear,
  scopeIncidents,
  scopeOfficers,
  stationAddress,
  unitAndDescendants,
  type Scope,
} from './public.ts';
import { getForceBySlug, type Force } from './repository.ts';

async function loadScope(db: Db, scope: Scope): Promise<ScopeData> {
  const [incidents, officers, standards, years] = await Promise.all([
    scopeIncidents(db, scope),
    scopeOfficers(db, scope),
    countsByStandard(db, scope),
    countsByYear(db, scope),
  ]);
  return { incidents, officers, standards, years };
}

function changedAt(data: ScopeData, units: Unit[], force: Force): Date | null {
  return latest(
    force.updated_at,
    ...units.map((u) => u.updated_at),
    ...data.incidents.map((i) => i.updated_at),
    ...data.officers.map((o) => o.updatedAt),
    ...data.years.map((y) => y.changed),
  );
}

async function requireForce(db: Db, slug: string): Promise<Force> {
  const force = await getForceBySlug(db, slug);
  if (!force) throw new AppError('CUS_NOT_FOUND', 'There is no police force at this address.');
  return force;
}

/** Public pages for police forces and their units (command units, stations, teams, specialist units). */
export function forceRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/forces/:slug', async (c) => {
    const force = await requireForce(deps.db, c.req.param('slug'));
    const [units, data] = await Promise.all([
      listUnitsOfForce(deps.db, force.id),
      loadScope(deps.db, { forceId: force.id }),
    ]);
    return sendPage(
      c,
      <ForcePage force={force} units={units} data={data} digests={deps.mailer !== undefined} />,
      changedAt(data, units, force),
    );
  });

  app.get('/forces/:forceSlug/units/:unitSlug', async (c) => {
    const force = await requireForce(deps.db, c.req.param('forceSlug'));
    const unit = await getUnitBySlug(deps.db, force.id, c.req.param('unitSlug'));
    if (!unit) throw new AppError('CUS_NOT_FOUND', `There is no unit of ${force.name} at this address.`);
    const [units, ids, address] = await Promise.all([
      listUnitsOfForce(deps.db, force.id),
      unitAndDescendants(deps.db, unit.id),
      unit.kind === 'station' ? stationAddress(deps.db, unit.id) : undefined,
    ]);
    const data = await loadScope(deps.db, { unitIds: ids });
    return sendPage(
      c,
      <UnitPage
        force={force}
        unit={unit}
        units={units}
        address={address}
        data={data}
        digests={deps.mailer !== undefined}
      />,
      changedAt(data, units, force),
    );
  });
  return app;
}
