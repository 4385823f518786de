import { Hono } from 'hono';
import { sql } from 'kysely';
import { AppError } from '../errors/catalogue.ts';
import { getForceBySlug } from '../forces/repository.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { refreshedAt } from '../patterns/refresh.ts';
import { PromisesIndex, TimelinePage } from './page.tsx';
import { leaders, loadPromises } from './repository.ts';

/** The public promise tracker. */
export function promiseRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const asOf = () => refreshedAt(deps.db, ['pattern_force_day', 'pattern_held']);

  app.get('/promises', async (c) => {
    const { rows: forces } = await sql<{ slug: string; name: string; promises: number }>`
      SELECT f.slug, f.name, count(*)::int AS promises FROM statements s JOIN forces f ON f.id = s.force_id
      WHERE s.is_promise AND s.publication_state = 'published' GROUP BY f.slug, f.name ORDER BY f.name`.execute(
      deps.db,
    );
    return sendPage(c, <PromisesIndex leaders={await leaders(deps.db)} forces={forces} />);
  });

  app.get('/promises/leaders/:slug', async (c) => {
    const slug = c.req.param('slug');
    const leader = (await leaders(deps.db)).find((l) => l.slug === slug);
    if (!leader) throw new AppError('CUS_NOT_FOUND', 'No leader with published promises has this address.');
    const promises = await loadPromises(deps.db, { leader: slug });
    const at = await asOf();
    return sendPage(
      c,
      <TimelinePage
        title={`Promises of ${leader.name}`}
        lede={`${leader.name} (${leader.role}): ${leader.promises} recorded promise${leader.promises === 1 ? '' : 's'}, and what the records show after each.`}
        crumbs={[{ href: '/promises', label: 'Promise tracker' }]}
        current={leader.name}
        promises={promises}
        showSpeaker={false}
        asOf={at}
      />,
      at,
    );
  });

  app.get('/promises/forces/:slug', async (c) => {
    const force = await getForceBySlug(deps.db, c.req.param('slug'));
    if (!force) throw new AppError('CUS_NOT_FOUND', 'There is no police force at this address.');
    const promises = await loadPromises(deps.db, { forceId: force.id });
    const at = await asOf();
    return sendPage(
      c,
      <TimelinePage
        title={`Promises about ${force.name}`}
        lede={`Promises made by the leaders of ${force.name}, and what the records show after each.`}
        crumbs={[
          { href: '/promises', label: 'Promise tracker' },
          { href: `/forces/${force.slug}`, label: force.name },
        ]}
        current="Promises"
        promises={promises}
        showSpeaker
        asOf={at}
      />,
      at,
    );
  });
  return app;
}
