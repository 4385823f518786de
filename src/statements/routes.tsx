import { guardRender } from '../publication/render-guard.ts';
import { Hono } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { loadStatementPage, StatementPage } from './page.tsx';

/** Public pages for officials' statements. */
export function statementRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/statements/:slug', async (c) => {
    const data = await loadStatementPage(deps.db, { slug: c.req.param('slug') }, { preview: false });
    if (!data) throw new AppError('CUS_NOT_FOUND', 'There is no published statement at this address.');
    await guardRender(deps.db, 'statements', data.statement.id);
    return sendPage(c, <StatementPage data={data} />, data.lastModified);
  });
  return app;
}
