import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql } from 'kysely';
import type { Backend, Db } from '../db/client.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { CaptureQueue } from '../capture/queue.ts';
import { accountRoutes } from '../accounts/routes.tsx';
import { AppError } from '../errors/catalogue.ts';
import { editorRoutes } from '../editor/routes.tsx';
import { correctionRoutes } from '../corrections/routes.tsx';
import { forceRoutes } from '../forces/routes.tsx';
import { incidentRoutes } from '../incidents/routes.tsx';
import { methodologyRoutes } from '../methodology/routes.tsx';
import { officerRoutes } from '../officers/routes.tsx';
import { replyRoutes } from '../reply/routes.tsx';
import { statementRoutes } from '../statements/routes.tsx';
import { searchRoutes } from '../search/routes.tsx';
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
}

/** Largest request body accepted anywhere (uploads get their own, larger limit later). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the app without listening: tests call app.request() against a real database. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(accessLog(deps.logger));
  app.use(securityHeaders({ https: (deps.publicUrl ?? '').startsWith('https:') }));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError('CUS_PAYLOAD_TOO_LARGE', `Requests are limited to ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

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
  app.route('/', searchRoutes(deps));

  app.notFound((c) => writeError(c, new AppError('CUS_NOT_FOUND', 'There is no page at this address.')));
  app.onError((err, c) => writeError(c, toAppError(err, deps.logger)));
  return app;
}
