import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql } from 'kysely';
import type { Backend, Db } from '../db/client.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { CaptureQueue } from '../capture/queue.ts';
import { MAX_UPLOAD_BYTES } from '../uploads/service.ts';
import { evidenceRoutes } from '../uploads/routes.tsx';
import type { Vault } from '../uploads/vault.ts';
import type { ReceiptSigner } from '../submissions/receipt.ts';
import { receiptRoutes } from '../submissions/receipt-routes.tsx';
import { accountRoutes } from '../accounts/routes.tsx';
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
import { MAX_SUBMISSION_BYTES } from '../submissions/schema.ts';
import { MAX_IMPORT_UPLOAD_BYTES } from '../imports/routes.tsx';
import { submissionRoutes } from '../submissions/routes.tsx';
import { mountAssets } from './assets.ts';
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
  /** Seals uploaded originals (metadata intact); without it uploads are refused. */
  vault?: Vault;
  /** Signs and checks proof-of-report receipts; without it the receipt pages answer 503. */
  receipts?: ReceiptSigner;
  /** MATCH_AUTO_MERGE for matching after an import through the page; absent, nothing merges automatically. */
  matching?: { autoMerge: boolean };
}

/** Largest request body accepted anywhere but the upload form. */
export const MAX_BODY_BYTES = 1024 * 1024;
const UPLOAD_PATH = /^\/editor\/sources\/[^/]+\/upload$/;
// Anonymous submissions and their follow-ups carry up to MAX_FILES files.
const SUBMISSION_PATH = /^\/submit\/(report|insider|inbox\/reply)$/;
const IMPORT_PATH = /^\/editor\/imports\/?$/;

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
  app.use((c, next) => {
    if (UPLOAD_PATH.test(c.req.path)) return upload(c, next);
    if (IMPORT_PATH.test(c.req.path)) return dataset(c, next);
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
  app.route('/', evidenceRoutes(deps));
  app.route('/', submissionRoutes(deps));

  app.notFound((c) => writeError(c, new AppError('CUS_NOT_FOUND', 'There is no page at this address.')));
  app.onError((err, c) => writeError(c, toAppError(err, deps.logger)));
  return app;
}
