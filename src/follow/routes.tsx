import { Hono, type Context } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { atomDocument } from './atom.ts';
import { feedEntries, feedUpdated } from './feeds.ts';
import { feedTarget, type FeedTarget } from './targets.ts';

function baseUrl(c: Context, deps: AppDeps): string {
  return (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

async function sendFeed(c: Context, deps: AppDeps, target: FeedTarget) {
  const entries = await feedEntries(deps.db, target.scope);
  const base = baseUrl(c, deps);
  const url = new URL(c.req.url);
  const body = atomDocument({
    self: base + url.pathname + url.search,
    alternate: base + target.page,
    title: `${target.title} · Custodiet`,
    subtitle: `Newly published records: ${target.title}`,
    updated: feedUpdated(entries),
    base,
    entries,
  });
  return c.body(body, 200, {
    'Content-Type': 'application/atom+xml; charset=UTF-8',
    'Cache-Control': 'public, max-age=0, must-revalidate',
  });
}

/** Atom feeds of newly published records per officer, unit, force and saved search (src/follow/targets.ts). */
export function followRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  for (const route of [
    '/officers/:slug/feed.atom',
    '/forces/:slug/feed.atom',
    '/forces/:force/units/:unit/feed.atom',
    '/search/feed.atom',
  ])
    app.get(route, async (c) => {
      const url = new URL(c.req.url);
      return sendFeed(c, deps, await feedTarget(deps.db, url.pathname, url.searchParams));
    });
  return app;
}
