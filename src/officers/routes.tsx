import { siteOrigin } from '../http/origin.ts';
import { guardRender } from '../publication/render-guard.ts';
import { Hono } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import type { Db } from '../db/client.ts';
import { loadOfficerPage, OfficerPage, type OfficerPageData } from './page.tsx';
import { loadOrMoved } from '../matching/redirect.ts';

/** An officer's public page data; not found unless named and published, 451 while the guard holds it. */
export async function loadPublicOfficer(db: Db, slug: string): Promise<OfficerPageData> {
  const data = await loadOfficerPage(db, { slug }, { preview: false });
  if (!data) throw new AppError('CUS_NOT_FOUND', 'There is no published officer record at this address.');
  await guardRender(db, 'officers', data.officer.id);
  return data;
}

/** Public officer pages: only officers with an officially published name whose record is published. */
export function officerRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/officers/:slug', async (c) => {
    const found = await loadOrMoved(deps.db, 'officers', c.req.param('slug'), (slug) =>
      loadPublicOfficer(deps.db, slug),
    );
    // A record merged into a published one: its address leads there (until the merge is undone).
    if ('moved' in found) return c.redirect(`/officers/${encodeURIComponent(found.moved)}`, 302);
    const data = found.data;
    return sendPage(
      c,
      <OfficerPage data={data} digests={deps.mailer !== undefined} origin={siteOrigin(c, deps.publicUrl)} />,
      data.lastModified,
    );
  });
  return app;
}
