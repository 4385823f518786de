import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql } from '../db/kysely.ts';
import type { Backend, Db } from '../db/client.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { CaptureQueue } from '../capture/queue.ts';
import type { FetchLimits } from '../capture/fetch.ts';
import { MAX_ARTICLE_FILE_BYTES } from '../ingest/input.ts';
import { MAX_UPLOAD_BYTES } from '../uploads/service.ts';
import { evidenceRoutes } from '../uploads/routes.tsx';
import type { Vault } from '../uploads/vault.ts';
import type { ReceiptSigner } from '../submissions/receipt.ts';
import { receiptRoutes } from '../submissions/receipt-routes.tsx';
import { accountRoutes } from '../accounts/routes.tsx';
import { apiRoutes } from '../api/routes.tsx';
import type { ApiConfig } from '../config/config.ts';
import { AppError } from '../errors/catalogue.ts';
import { editorRoutes } from '../editor/routes.tsx';
import { correctionRoutes } from '../corrections/routes.tsx';
import { forceRoutes } from '../forces/routes.tsx';
import { incidentRoutes } from '../incidents/routes.tsx';
import { methodologyRoutes } from '../methodology/routes.tsx';
import { officerRoutes } from '../officers/routes.tsx';
import { replyRoutes } from '../reply/routes.tsx';
import { complaintRoutes } from '../complaints/routes.tsx';
import { statementRoutes } from '../statements/routes.tsx';
import { searchRoutes } from '../search/routes.tsx';
import { patternRoutes } from '../patterns/routes.tsx';
import { promiseRoutes } from '../promises/routes.tsx';
import { followRoutes } from '../follow/routes.tsx';
import { digestRoutes } from '../follow/digest-routes.tsx';
import type { Mailer } from '../follow/mailer.ts';
import { MAX_SUBMISSION_BYTES } from '../submissions/schema.ts';
import { MAX_IMPORT_UPLOAD_BYTES } from '../imports/routes.tsx';
import { submissionRoutes } from '../submissions/routes.tsx';
import { mountAssets } from './assets.ts';
import { mountRobots } from './robots.ts';
import { sitemapRoutes } from '../sitemap/routes.ts';
import { downloadRoutes } from '../downloads/routes.tsx';
import { toAppError, writeError } from './errors.tsx';
import { accessLog, type Logger } from './logger.ts';
import { securityHeaders } from './security.ts';

/** Everything the HTTP layer needs, passed in so tests can build an app over any database. */
export interface AppDeps {
  db: Db;
  backend: Backend;
  logger: Logger;
  /** The site's public base URL; session cookies are Secure when it is https. */
  publicUrl?: string;
  /** CONTACT_EMAIL, shown on the right-of-reply page; unset until the operator configures one. */
  contactEmail?: string | undefined;
  /** Where archived snapshots and uploads are kept (content-addressed). */
  blobs?: BlobStore;
  /** The background capture queue; absent, captures wait for the next worker that runs. */
  capture?: CaptureQueue;
  /** Limits for captures made while an editor waits (ingesting an article by its address). */
  captureLimits?: FetchLimits;
  /** Seals uploaded originals (metadata intact); without it uploads are refused. */
  vault?: Vault;
  /** Signs and checks proof-of-report receipts; without it the receipt pages answer 503. */
  receipts?: ReceiptSigner;
  /** MATCH_AUTO_MERGE for matching after an import through the page; absent, nothing merges automatically. */
  matching?: { autoMerge: boolean };
  /** Rate limits and proxy trust of /api/v1 (defaults: 300 a minute per client, 1200 per token). */
  api?: ApiConfig;
  /** SEARCH_CACHE_SECONDS: how long identical searches share results (default 30; 0 turns it off). */
  searchCacheSeconds?: number;
  /** Sends e-mail digests (SMTP configured); without it the follow box offers feeds only. */
  mailer?: Mailer;
}

/** Largest request body accepted anywhere but the upload form. */
export const MAX_BODY_BYTES = 1024 * 1024;
const UPLOAD_PATH = /^\/editor\/sources\/[^/]+\/upload$/;
// Anonymous submissions and their follow-ups carry up to MAX_FILES files.
const SUBMISSION_PATH = /^\/submit\/(report|insider|inbox\/reply)$/;
const IMPORT_PATH = /^\/editor\/imports\/?$/;
const INGEST_PATH = /^\/editor\/ingest\/?$/;

/** Builds the app without listening: tests call app.request() against a real database. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(accessLog(deps.logger));
  app.use(securityHeaders({ https: (deps.publicUrl ?? '').startsWith('https:') }));
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('CUS_PAYLOAD_TOO_LARGE', `Requests are limited to ${maxSize} bytes`);
      },
    });
  const normal = limit(MAX_BODY_BYTES);
  // File uploads get room for the file (plus the form around it); every other request stays small.
  const upload = limit(MAX_UPLOAD_BYTES + 64 * 1024);
  const submission = limit(MAX_SUBMISSION_BYTES + 64 * 1024);
  const dataset = limit(MAX_IMPORT_UPLOAD_BYTES + 64 * 1024);
  const article = limit(MAX_ARTICLE_FILE_BYTES + 64 * 1024);
  app.use((c, next) => {
    if (UPLOAD_PATH.test(c.req.path)) return upload(c, next);
    if (IMPORT_PATH.test(c.req.path)) return dataset(c, next);
    if (INGEST_PATH.test(c.req.path)) return article(c, next);
    return SUBMISSION_PATH.test(c.req.path) ? submission(c, next) : normal(c, next);
  });

  app.get('/healthz', async (c) => {
    try {
      const { rows } = await sql<{
        version: string | null;
      }>`SELECT max(version) AS version FROM schema_migrations`.execute(deps.db);
      return c.json({
        status: 'ok',
        database: 'reachable',
        backend: deps.backend,
        schemaVersion: rows[0]?.version ?? null,
      });
    } catch (err) {
      deps.logger.error('health check failed', err);
      return c.json({ status: 'error', database: 'unreachable', backend: deps.backend }, 503);
    }
  });
  mountAssets(app);
  mountRobots(app, deps.publicUrl);
  app.route('/', followRoutes(deps));
  app.route('/', digestRoutes(deps));
  app.route('/', incidentRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/editor', editorRoutes(deps));
  app.route('/', officerRoutes(deps));
  app.route('/', forceRoutes(deps));
  app.route('/', statementRoutes(deps));
  app.route('/', correctionRoutes(deps));
  app.route('/', methodologyRoutes(deps));
  app.route('/', replyRoutes(deps));
  app.route('/', complaintRoutes(deps));
  app.route('/', receiptRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', patternRoutes(deps));
  app.route('/', promiseRoutes(deps));
  app.route('/', evidenceRoutes(deps));
  app.route('/', submissionRoutes(deps));
  app.route('/', sitemapRoutes(deps));
  app.route('/', downloadRoutes(deps));
  app.route('/', apiRoutes(deps));

  app.notFound((c) => writeError(c, new AppError('CUS_NOT_FOUND', 'There is no page at this address.')));
  app.onError((err, c) => writeError(c, toAppError(err, deps.logger)));
  return app;
}
