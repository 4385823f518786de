import { siteOrigin } from '../http/origin.ts';
import { guardRender } from '../publication/render-guard.ts';
import { Hono } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import type { Db } from '../db/client.ts';
import { loadStatementPage, StatementPage, type StatementPageData } from './page.tsx';

/** A statement's public page data; not found unless published, 451 while the guard holds it. */
export async function loadPublicStatement(db: Db, slug: string): Promise<StatementPageData> {
  const data = await loadStatementPage(db, { slug }, { preview: false });
  if (!data) throw new AppError('CUS_NOT_FOUND', 'There is no published statement at this address.');
  await guardRender(db, 'statements', data.statement.id);
  return data;
}

/** Public pages for officials' statements. */
export function statementRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/statements/:slug', async (c) => {
    const data = await loadPublicStatement(deps.db, c.req.param('slug'));
    return sendPage(
      c,
      <StatementPage data={data} origin={siteOrigin(c, deps.publicUrl)} />,
      data.lastModified,
    );
  });
  return app;
}
