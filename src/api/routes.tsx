// /api/v1: read-only CORS, token authentication, rate limits, then the declared routes; plus the
// OpenAPI document and its readable rendering at /api.
import { Hono, type Context } from 'hono';
import { DOWNLOAD_ROUTES } from '../downloads/api.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { LIST_ROUTES } from './collections.ts';
import { ApiDocsPage } from './docs-page.tsx';
import { openApiDocument } from './openapi.ts';
import { PAGE_ROUTES } from './page-routes.ts';
import { PATTERN_ROUTES } from './pattern-routes.ts';
import { RateLimiter, type RateDecision } from './rate-limit.ts';
import { RECORD_ROUTES } from './record-routes.ts';
import { API_BASE, mountRoutes, type ApiEnv, type ApiRoute } from './route.ts';
import { authenticateToken, type TokenPrincipal } from './tokens.ts';

/** Every endpoint of the API, in the order the document lists them. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...PAGE_ROUTES,
  ...PATTERN_ROUTES,
  ...LIST_ROUTES,
  ...RECORD_ROUTES,
  ...DOWNLOAD_ROUTES,
];

const EXPOSED = 'ETag, Link, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/** Reads are open to scripts on any site; nothing that needs credentials is. */
function cors(c: Context): Response | null {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Access-Control-Expose-Headers', EXPOSED);
  if (c.req.method !== 'OPTIONS') return null;
  // A preflight: only the safe methods, and no Authorization header, so a page elsewhere can
  // never use a token (or anything else) to change data through a visitor's browser.
  return c.body(null, 204, {
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'Accept, If-None-Match, If-Modified-Since',
    'Access-Control-Max-Age': '86400',
  });
}

/**
 * The client's address, only to count its requests (never stored or logged): the socket's
 * peer, or behind a trusted proxy the address it reports.
 */
function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const real = c.req.header('x-real-ip')?.trim();
    if (real) return real;
    const hops = c.req.header('x-forwarded-for')?.split(',');
    const last = hops?.[hops.length - 1]?.trim();
    if (last) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function rateHeaders(c: Context, d: RateDecision): void {
  if (d.limit === 0) return;
  c.header('RateLimit-Limit', String(d.limit));
  c.header('RateLimit-Remaining', String(d.remaining));
  c.header('RateLimit-Reset', String(d.resetSeconds));
  if (!d.allowed) {
    c.header('Retry-After', String(d.retryAfterSeconds));
    throw new AppError('CUS_RATE_LIMITED', `Too many requests: try again in ${d.retryAfterSeconds} s.`);
  }
}

/** The API's routes and middleware, mounted at the app's root. */
export function apiRoutes(deps: AppDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const anonymous = new RateLimiter(deps.api?.rateLimit ?? 300);
  const perToken = new RateLimiter(deps.api?.tokenRateLimit ?? 1200);
  const trustProxy = deps.api?.trustProxy ?? false;

  app.use(`${API_BASE}/*`, async (c, next) => {
    const preflight = cors(c);
    if (preflight) return preflight;
    const auth = c.req.header('authorization');
    let principal: TokenPrincipal | null = null;
    if (auth !== undefined) {
      const token = /^Bearer +(\S+)$/i.exec(auth)?.[1];
      principal = token ? await authenticateToken(deps.db, token) : null;
      if (!principal) {
        // Guessing tokens is counted against the client, like any anonymous request.
        rateHeaders(c, anonymous.take(anonymous.clientKey(clientAddress(c, trustProxy))));
        c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        throw new AppError(
          'CUS_TOKEN_INVALID',
          'The token is unknown, revoked or expired, or its account is disabled.',
        );
      }
    }
    rateHeaders(
      c,
      principal
        ? perToken.take(`t:${principal.tokenId}`)
        : anonymous.take(anonymous.clientKey(clientAddress(c, trustProxy))),
    );
    c.set('apiPrincipal', principal);
    try {
      await next();
    } finally {
      if (c.res.status === 401) c.header('WWW-Authenticate', 'Bearer');
    }
  });

  const document = (c: Context) => openApiDocument(API_ROUTES, deps.publicUrl ?? new URL(c.req.url).origin);
  app.get(`${API_BASE}/openapi.json`, (c) => c.json(document(c)));
  app.get('/api', (c) => sendPage(c, <ApiDocsPage doc={document(c)} />));
  mountRoutes(app, deps, API_ROUTES);
  return app;
}
