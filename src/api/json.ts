// How API responses are made: page data → plain JSON (dates as ISO 8601, keys in camelCase) →
// the route's response schema, which keeps only the fields it lists → bytes with a strong ETag
// (304 when the client's copy is current).
import type { Context } from 'hono';
import { z } from 'zod';
import { notModified, strongEtag } from '../http/cache.ts';

const camelCase = (key: string) => key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
// Keys are column names, a few hundred at most: converting each once keeps a 600-row page's JSON
// from spending most of its time in the regular expression.
const camelKeys = new Map<string, string>();
function camel(key: string): string {
  let out = camelKeys.get(key);
  if (out === undefined) {
    out = camelCase(key);
    if (camelKeys.size < 10_000) camelKeys.set(key, out);
  }
  return out;
}

// Frozen objects are data shared by every request (a force's cached lists): converted once each.
const converted = new WeakMap<object, unknown>();

/**
 * JSON-ready data: Dates as ISO strings, bigints as strings, object keys in camelCase. A frozen
 * object (Object.freeze: data a cache shares between requests and nobody changes) is converted
 * once and the result reused.
 */
export function plain(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && Object.isFrozen(value)) {
    let out = converted.get(value);
    if (out === undefined) converted.set(value, (out = convert(value)));
    return out;
  }
  return convert(value);
}

function convert(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[camel(k)] = plain(v);
    }
    return out;
  }
  return value;
}

/** camelCase of a snake_case name (a dataset column → an API field). */
export const camelName = camel;

// Frozen data (shared by every request until the next write) is checked, written and hashed once
// per response schema: for a force's 150 KB that was most of what the API added to the query.
const encodings = new WeakMap<object, WeakMap<z.ZodType, Encoded>>();
interface Encoded {
  body: string;
  etag: string;
}

function encoded(schema: z.ZodType, data: unknown): Encoded {
  const shared = data !== null && typeof data === 'object' && Object.isFrozen(data);
  const forData = shared ? encodings.get(data) : undefined;
  const hit = forData?.get(schema);
  if (hit) return hit;
  const parsed = schema.safeParse(plain(data));
  // Our own output not matching its declaration is a bug: logged as an internal error, never sent.
  if (!parsed.success)
    throw new Error(`API response does not match its schema: ${z.prettifyError(parsed.error)}`);
  const body = JSON.stringify(parsed.data);
  const out = { body, etag: strongEtag(body) };
  if (shared) {
    if (forData) forData.set(schema, out);
    else encodings.set(data, new WeakMap([[schema, out]]));
  }
  return out;
}

/**
 * Sends `data` through the response schema as JSON. Reads carry a strong ETag and answer
 * If-None-Match with 304; token-authenticated answers are never stored by shared caches.
 */
export async function sendJson(
  c: Context,
  schema: z.ZodType,
  data: unknown,
  opts: { status: number; private: boolean },
): Promise<Response> {
  const { body, etag } = encoded(schema, data);
  c.header('ETag', etag);
  c.header('Cache-Control', opts.private ? 'private, no-store' : 'public, max-age=0, must-revalidate');
  if ((c.req.method === 'GET' || c.req.method === 'HEAD') && opts.status === 200 && notModified(c, etag))
    return c.body(null, 304);
  return c.body(body, opts.status as 200, { 'Content-Type': 'application/json; charset=utf-8' });
}
