import type { Hono } from 'hono';
import { createApp, type AppDeps } from '../../src/http/app.ts';
import { createLogger } from '../../src/http/logger.ts';
import type { TestDatabase } from './db.ts';

/** The real app over a test database, with logging silenced. */
export function testApp(t: TestDatabase, overrides: Partial<AppDeps> = {}): Hono {
  return createApp({ db: t.db, backend: t.backend, logger: createLogger('silent'), ...overrides });
}
