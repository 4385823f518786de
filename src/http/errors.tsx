import type { Context } from 'hono';
import { translateDbError } from '../db/errors.ts';
import { AppError, isAppError } from '../errors/catalogue.ts';
import { sendPrivatePage } from './cache.ts';
import { Layout } from './layout.tsx';
import type { Logger } from './logger.ts';

function wantsJson(c: Context): boolean {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith('/api/') || path === '/healthz') return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') || accept.includes('application/problem+json');
}

/** Normalises anything thrown into an AppError; unknown errors become CUS_INTERNAL and are logged. */
export function toAppError(err: unknown, logger: Logger): AppError {
  if (isAppError(err)) return err;
  const db = translateDbError(err);
  if (db) return db;
  logger.error('unhandled error', err);
  return new AppError('CUS_INTERNAL');
}

/**
 * The one error writer: JSON problem details (RFC 9457) for API clients, an HTML page for people.
 * Internal errors never leak their message or stack.
 */
export function writeError(c: Context, error: AppError): Response | Promise<Response> {
  if (wantsJson(c)) {
    return c.json(
      {
        type: `https://custodiet.org/errors/${error.code}`,
        title: error.title,
        status: error.status,
        code: error.code,
        detail: error.message,
        ...(error.fields.length > 0 ? { errors: error.fields } : {}),
      },
      error.status as 400,
      { 'content-type': 'application/problem+json' },
    );
  }
  return sendPrivatePage(
    c,
    <Layout title={error.title} noindex>
      <section class="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{error.title}</h1>
        <p>{error.message}</p>
        {error.fields.length > 0 && (
          <ul>
            {error.fields.map((f) => (
              <li>
                <code>{f.field}</code>: {f.message}
              </li>
            ))}
          </ul>
        )}
        <p class="note">
          Error code <code>{error.code}</code>. <a href="/">Return to the home page</a>.
        </p>
      </section>
    </Layout>,
    error.status,
  );
}
