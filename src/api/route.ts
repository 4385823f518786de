// One API endpoint is one declaration: method, path, zod schemas for its parameters, body and
// response, the scope it needs, and a handler. The same declarations are mounted on the app
// (mountRoutes) and turned into the OpenAPI document (openapi.ts), so the document cannot drift
// from what the server checks and sends.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { requirePermission } from '../accounts/policy.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { fieldProblems } from '../schema/common.ts';
import { sendJson } from './json.ts';
import { SCOPE_PERMISSION, type ApiScope } from './scopes.ts';
import type { TokenPrincipal } from './tokens.ts';

type Shape = z.ZodObject<z.ZodRawShape>;
type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a handler receives: validated input, the token's principal (if any) and the app's deps. */
export interface ApiCall<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: TokenPrincipal | null;
  deps: AppDeps;
  c: Context;
}

/** The declaration of one endpoint. */
export interface RouteDef<
  P extends Shape | undefined,
  Q extends Shape | undefined,
  B extends z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'put';
  /** Under /api/v1, OpenAPI style: '/incidents/{slug}'. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The public page whose data this serves, for the docs (e.g. '/incidents/{slug}'). */
  page?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: z.ZodType;
  status?: 200 | 201;
  /** The token scope needed; absent means anyone may call it. */
  scope?: ApiScope;
  /** Errors worth listing in the document besides 400/401/429 (e.g. 404, 451, 422). */
  errors?: number[];
  /** What a 302 from this endpoint means, when it can answer with one (the handler returns the Response). */
  redirects?: string;
  handler(call: ApiCall<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

/** A declaration with its types erased, as the mount and the document generator see it. */
export type ApiRoute = RouteDef<Shape | undefined, Shape | undefined, z.ZodType | undefined>;

/** Declares an endpoint (the function only infers the handler's input types). */
export function defineRoute<
  P extends Shape | undefined,
  Q extends Shape | undefined,
  B extends z.ZodType | undefined,
>(def: RouteDef<P, Q, B>): ApiRoute {
  return def as unknown as ApiRoute;
}

/** The API's base path. */
export const API_BASE = '/api/v1';

/** '/incidents/{slug}' → '/api/v1/incidents/:slug' for Hono. */
export function honoPath(path: string): string {
  return API_BASE + path.replace(/\{([A-Za-z]+)\}/g, ':$1');
}

function parseOr<T extends z.ZodType>(
  schema: T,
  value: unknown,
  code: 'CUS_BAD_REQUEST' | 'CUS_VALIDATION',
  what: string,
): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields = fieldProblems(r.error);
  throw new AppError(code, `${what}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, fields);
}

function rawQuery(c: Context): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [k, v] of new URL(c.req.url).searchParams) if (!(k in raw)) raw[k] = v;
  return raw;
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type))
    throw new AppError(
      'CUS_UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON (Content-Type: application/json).',
    );
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new AppError('CUS_BAD_REQUEST', 'The body is not valid JSON.');
  }
}

/** The principal the auth middleware found, checked against the route's scope. */
function authorise(route: ApiRoute, principal: TokenPrincipal | null): void {
  if (!route.scope) return;
  if (!principal)
    throw new AppError('CUS_TOKEN_REQUIRED', `Send an API token with the ${route.scope} scope.`);
  if (!principal.scopes.has(route.scope))
    throw new AppError('CUS_TOKEN_SCOPE', `This token does not have the ${route.scope} scope.`);
  const permission = SCOPE_PERMISSION[route.scope];
  if (permission) requirePermission(principal.editor, permission, `use the ${route.scope} scope`);
}

/** What the API's middleware leaves on the context: the token's principal, or null for anonymous calls. */
export interface ApiEnv {
  Variables: { apiPrincipal: TokenPrincipal | null };
}

/** Mounts declarations on the app. A path parameter that fails its schema is a 404. */
export function mountRoutes(app: Hono<ApiEnv>, deps: AppDeps, routes: readonly ApiRoute[]): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      const principal = c.get('apiPrincipal') ?? null;
      authorise(route, principal);
      const params = route.params ? route.params.safeParse(c.req.param()) : undefined;
      if (params && !params.success)
        throw new AppError('CUS_NOT_FOUND', 'There is no record at this address.');
      const query = route.query
        ? parseOr(route.query, rawQuery(c), 'CUS_BAD_REQUEST', 'Bad query parameter')
        : undefined;
      const body = route.body
        ? parseOr(route.body, await jsonBody(c), 'CUS_VALIDATION', 'Invalid body')
        : undefined;
      const result = await route.handler({ params: params?.data, query, body, principal, deps, c });
      if (route.redirects && result instanceof Response) return result;
      return sendJson(c, route.response, result, { status: route.status ?? 200, private: !!route.scope });
    });
  }
}
