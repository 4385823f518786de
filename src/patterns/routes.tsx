import { Hono } from 'hono';
import { sql } from '../db/kysely.ts';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { getForceBySlug, type Force } from '../forces/repository.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { Layout } from '../http/layout.tsx';
import { optionalParam, parseQuery } from '../http/query.ts';
import { getUnitBySlug } from '../units/repository.ts';
import { Method } from './components.tsx';
import { guardPage } from './held.ts';
import { LifecyclePage, loadLifecycle } from './lifecycle.tsx';
import { networkJson, NetworkPage, unitNetwork } from './network.tsx';
import { loadOfficerPattern, OfficerPatternPage } from './officer.tsx';
import { loadStopSearch, StopSearchPage } from './stop-search.tsx';
import { loadUnitsPattern, UnitsPatternPage } from './units.tsx';

/** ?year= of the officer pattern (0 or absent: every year). */
export const yearQuery = z.object({
  year: optionalParam(
    z
      .string()
      .regex(/^(0|(19|20|21)\d\d)$/, 'must be 0 (every year) or a year like 2021')
      .transform(Number),
  ),
});
/** ?basis= and ?month= of the stop and search page. */
export const stopSearchQuery = z.object({
  basis: optionalParam(z.enum(['officer', 'self'], { error: 'must be officer or self' })),
  month: optionalParam(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2016-06')),
});

/** The force at a slug, or a 404. */
export async function requireForce(db: Db, slug: string): Promise<Force> {
  const force = await getForceBySlug(db, slug);
  if (!force) throw new AppError('CUS_NOT_FOUND', 'There is no police force at this address.');
  return force;
}

/** The forces that have unit or stop and search figures (the patterns index). */
export async function forcesWith(db: Db) {
  const { rows } = await sql<{ slug: string; name: string; stop_search: boolean; units: boolean }>`
    SELECT f.slug, f.name,
      EXISTS (SELECT 1 FROM pattern_stop_search s WHERE s.force_id = f.id) AS stop_search,
      EXISTS (SELECT 1 FROM pattern_unit_year p JOIN units u ON u.id = p.unit_id WHERE u.force_id = f.id) AS units
    FROM forces f ORDER BY f.name`.execute(db);
  return rows.filter((r) => r.stop_search || r.units);
}

/** An officer's pattern, or a 404 (no published named officer) or 451 (their page is held). */
export async function officerPattern(db: Db, slug: string, year: number) {
  const data = await loadOfficerPattern(db, slug, year);
  if (!data) throw new AppError('CUS_NOT_FOUND', 'There is no published officer record at this address.');
  await guardPage(db, 'officers', data.officer.id);
  return data;
}

/** A unit's co-accusal network, or a 404 for an unknown force or unit. */
export async function loadNetwork(db: Db, forceSlug: string, unitSlug: string) {
  const force = await requireForce(db, forceSlug);
  const unit = await getUnitBySlug(db, force.id, unitSlug);
  if (!unit) throw new AppError('CUS_NOT_FOUND', `There is no unit of ${force.name} at this address.`);
  return unitNetwork(db, force, unit);
}

function PatternsIndex(props: { forces: Awaited<ReturnType<typeof forcesWith>> }) {
  return (
    <Layout
      title="Patterns"
      section="patterns"
      description="Patterns across published misconduct records: officers, units, networks, stop and search, timings."
    >
      <h1>Patterns</h1>
      <p class="lede">
        Single stories are dismissed as “a few bad apples”; patterns are harder to dismiss. Each figure here
        is counted from published records only, with its method and its limits on the same page.
      </p>
      <ul>
        <li>
          <strong>Officers</strong>: every officer page links to their pattern (counts by Standard, category
          and outcome; how they compare with other officers; who they were named with).
        </li>
        <li>
          <strong>Co-accusal networks</strong>: every unit page links to its network.
        </li>
        <li>
          <a href="/patterns/lifecycle">How long cases take</a>, per force.
        </li>
        <li>
          <a href="/promises">The promise tracker</a>: what leaders promised, and what happened after.
        </li>
      </ul>
      <h2>By force</h2>
      {props.forces.length === 0 ? (
        <p>No force has figures yet.</p>
      ) : (
        <ul>
          {props.forces.map((f) => (
            <li>
              {f.name}: {f.units && <a href={`/patterns/forces/${f.slug}/units`}>units and stations</a>}
              {f.units && f.stop_search && ' · '}
              {f.stop_search && (
                <a href={`/patterns/forces/${f.slug}/stop-search`}>stop and search by ethnicity</a>
              )}
            </li>
          ))}
        </ul>
      )}
      <Method>
        <p>
          The figures are rebuilt from the records on a schedule, so each page says how current it is. They
          count what has been published here, which is not everything that happened: a force with more
          published records is not necessarily worse.
        </p>
      </Method>
    </Layout>
  );
}

/** Public pattern pages (server-rendered HTML with SVG charts, plus the network as JSON). */
export function patternRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/patterns', async (c) => sendPage(c, <PatternsIndex forces={await forcesWith(deps.db)} />));

  app.get('/patterns/officers/:slug', async (c) => {
    const { year } = parseQuery(c, yearQuery);
    const data = await officerPattern(deps.db, c.req.param('slug'), year ?? 0);
    return sendPage(c, <OfficerPatternPage data={data} />, data.asOf);
  });

  app.get('/patterns/lifecycle', async (c) => {
    const { rows, asOf } = await loadLifecycle(deps.db);
    return sendPage(c, <LifecyclePage rows={rows} asOf={asOf} />, asOf);
  });

  app.get('/patterns/forces/:slug/units', async (c) => {
    const data = await loadUnitsPattern(deps.db, await requireForce(deps.db, c.req.param('slug')));
    return sendPage(c, <UnitsPatternPage data={data} />, data.asOf);
  });

  app.get('/patterns/forces/:slug/stop-search', async (c) => {
    const q = parseQuery(c, stopSearchQuery);
    const force = await requireForce(deps.db, c.req.param('slug'));
    const data = await loadStopSearch(deps.db, force, q.basis ?? 'officer', q.month ?? null);
    return sendPage(c, <StopSearchPage data={data} />, data.asOf);
  });

  const network = (forceSlug: string, unitSlug: string) => loadNetwork(deps.db, forceSlug, unitSlug);
  app.get('/patterns/forces/:force/units/:unit/network.json', async (c) => {
    const data = await network(c.req.param('force'), c.req.param('unit'));
    c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    return c.json(networkJson(data));
  });
  app.get('/patterns/forces/:force/units/:unit/network', async (c) => {
    const data = await network(c.req.param('force'), c.req.param('unit'));
    return sendPage(c, <NetworkPage data={data} />, data.asOf);
  });
  return app;
}
