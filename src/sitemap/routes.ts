import { Hono, type Context } from 'hono';
import { cached } from '../db/cache.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { siteOrigin } from '../http/origin.ts';
import { pageEntries, PARTS, recordEntries, SITEMAP_KINDS, sitemapIndex, urlset } from './service.ts';

// A crawler reads each file once in a while: the entries are kept a minute (or until the next
// write), so a burst of requests for one file reads the records once, without holding every
// file's entries in memory for long. The key leaves out the origin, which a Host header can vary.
const SITEMAP_TTL_MS = 60_000;
const FILES = 1 + SITEMAP_KINDS.length * PARTS.length;
const FILE = /^(?:pages|([a-z]+)-([0-9a-f]))\.xml$/;

function sendXml(c: Context, body: string): Response {
  c.header('content-type', 'application/xml; charset=utf-8');
  c.header('cache-control', 'public, max-age=600');
  return c.body(body);
}

/** GET /sitemap.xml (the index) and GET /sitemaps/FILE.xml (its parts). */
export function sitemapRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/sitemap.xml', (c) => sendXml(c, sitemapIndex(siteOrigin(c, deps.publicUrl))));
  app.get('/sitemaps/:file', async (c) => {
    const file = c.req.param('file');
    const m = FILE.exec(file);
    if (!m) throw new AppError('CUS_NOT_FOUND', 'There is no such sitemap.');
    const entries = await cached(
      deps.db,
      `sitemap:${file}`,
      SITEMAP_TTL_MS,
      () =>
        m[1]
          ? recordEntries(deps.db, m[1], m[2]!, (kind, part) =>
              deps.logger.info(`sitemap ${kind}-${part}: more than 50,000 pages, the rest left out`),
            )
          : pageEntries(deps.db),
      FILES,
    );
    return sendXml(c, urlset(siteOrigin(c, deps.publicUrl), entries));
  });
  return app;
}
