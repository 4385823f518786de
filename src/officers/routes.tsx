import { guardRender } from '../publication/render-guard.ts';
import { Hono } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { loadOfficerPage, OfficerPage } from './page.tsx';
import { survivorSlug } from '../matching/redirect.ts';

/** Public officer pages: only officers with an officially published name whose record is published. */
export function officerRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/officers/:slug', async (c) => {
    const data = await loadOfficerPage(deps.db, { slug: c.req.param('slug') }, { preview: false });
    // A record merged into a published one: its address leads there (until the merge is undone).
    const moved = data ? null : await survivorSlug(deps.db, 'officers', c.req.param('slug'));
    if (moved) return c.redirect(`/officers/${encodeURIComponent(moved)}`, 302);
    if (!data) throw new AppError('CUS_NOT_FOUND', 'There is no published officer record at this address.');
    await guardRender(deps.db, 'officers', data.officer.id);
    return sendPage(c, <OfficerPage data={data} />, data.lastModified);
  });
  return app;
}
