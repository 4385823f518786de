import { Hono } from 'hono';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { getForceBySlug } from '../forces/repository.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { refreshedAt } from '../patterns/refresh.ts';
import { PromisesIndex, TimelinePage } from './page.tsx';
import { leaders, loadPromises } from './repository.ts';

const asOf = (db: Db) => refreshedAt(db, ['pattern_force_day', 'pattern_held']);

/** The tracker's index: every leader with published promises, and every force they were made about. */
export async function loadPromiseIndex(db: Db) {
  const { rows: forces } = await sql<{ slug: string; name: string; promises: number }>`
    SELECT f.slug, f.name, count(*)::int AS promises FROM statements s JOIN forces f ON f.id = s.force_id
    WHERE s.is_promise AND s.publication_state = 'published' GROUP BY f.slug, f.name ORDER BY f.name`.execute(
    db,
  );
  return { leaders: await leaders(db), forces };
}

/** One leader's promises with what followed each, or a 404. */
export async function loadLeaderTimeline(db: Db, slug: string) {
  const leader = (await leaders(db)).find((l) => l.slug === slug);
  if (!leader) throw new AppError('CUS_NOT_FOUND', 'No leader with published promises has this address.');
  const [promises, at] = await Promise.all([loadPromises(db, { leader: slug }), asOf(db)]);
  return { leader, promises, asOf: at };
}

/** The promises made about one force with what followed each, or a 404. */
export async function loadForceTimeline(db: Db, slug: string) {
  const force = await getForceBySlug(db, slug);
  if (!force) throw new AppError('CUS_NOT_FOUND', 'There is no police force at this address.');
  const [promises, at] = await Promise.all([loadPromises(db, { forceId: force.id }), asOf(db)]);
  return { force, promises, asOf: at };
}

/** The public promise tracker. */
export function promiseRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/promises', async (c) => {
    const { leaders, forces } = await loadPromiseIndex(deps.db);
    return sendPage(c, <PromisesIndex leaders={leaders} forces={forces} />);
  });

  app.get('/promises/leaders/:slug', async (c) => {
    const { leader, promises, asOf: at } = await loadLeaderTimeline(deps.db, c.req.param('slug'));
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
    const { force, promises, asOf: at } = await loadForceTimeline(deps.db, c.req.param('slug'));
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
