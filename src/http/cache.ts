import crypto from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** HTTP dates have second precision; compare at that precision. */
function toSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

/**
 * Sends an HTML page with a strong validator (ETag over the bytes) and Last-Modified when known,
 * answering 304 Not Modified when the client's copy is current. Public pages may be cached by
 * browsers and proxies but must be revalidated, so a correction shows at once.
 */
export async function htmlWithValidators(
  c: Context,
  html: string | Promise<string>,
  lastModified?: Date | null,
): Promise<Response> {
  const body = await html;
  return respond(c, body, strongEtag(body), lastModified);
}

function respond(c: Context, body: string, etag: string, lastModified?: Date | null): Response {
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'public, max-age=0, must-revalidate',
    'Content-Type': 'text/html; charset=UTF-8',
  };
  if (lastModified) headers['Last-Modified'] = lastModified.toUTCString();
  if (notModified(c, etag, lastModified)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

interface Rendered {
  body: string;
  etag: string;
}
// Rendered pages by the cached data object they were made from: a write gives the page's loader a
// new object, so a page is never served from data older than its loader's own cache.
const renderedPages = new WeakMap<object, Map<string, Promise<Rendered>>>();
const PAGES_PER_DATA = 20;

/**
 * sendPage for a public page that is the same for every reader and depends only on `data` (an
 * immutable object from a cache) and on `key` (everything else the page shows, e.g. its units as
 * JSON): rendered and hashed once per data object and key, not on every request. Under load,
 * rendering a force page and hashing its 180 KB for the ETag was most of what the app added.
 */
export async function sendRenderedOnce(
  c: Context,
  data: object,
  key: string,
  page: () => { toString(): string | Promise<string> },
  lastModified?: Date | null,
): Promise<Response> {
  let forData = renderedPages.get(data);
  if (!forData) renderedPages.set(data, (forData = new Map()));
  let rendered = forData.get(key);
  if (!rendered) {
    const made = renderDocument(page()).then((body) => ({ body, etag: strongEtag(body) }));
    forData.set(key, made);
    if (forData.size > PAGES_PER_DATA) forData.delete(forData.keys().next().value!);
    made.catch(() => forData.delete(key)); // a failed render is not kept
    rendered = made;
  }
  const { body, etag } = await rendered;
  return respond(c, body, etag, lastModified);
}

/** A strong validator over the exact bytes sent. */
export function strongEtag(body: string): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether the client's copy is current: If-None-Match by weak comparison (RFC 9110 §13.1.2, so a
 * proxy's W/ form matches too, as does `*`), else If-Modified-Since at second precision.
 */
export function notModified(c: Context, etag: string, lastModified?: Date | null): boolean {
  const inm = c.req.header('if-none-match');
  if (inm !== undefined)
    return inm.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
  if (!lastModified) return false;
  const ims = Date.parse(c.req.header('if-modified-since') ?? '');
  return !Number.isNaN(ims) && toSeconds(lastModified) <= Math.floor(ims / 1000);
}

/** The latest of several timestamps (nulls ignored), for Last-Modified. */
export function latest(...dates: (Date | null | undefined)[]): Date | null {
  const ds = dates.filter((d): d is Date => d instanceof Date);
  return ds.length === 0 ? null : new Date(Math.max(...ds.map((d) => d.getTime())));
}

/** Renders a JSX page to a full HTML document (with doctype, so browsers use standards mode). */
export async function renderDocument(page: { toString(): string | Promise<string> }): Promise<string> {
  return `<!DOCTYPE html>${await page.toString()}`;
}

/** Renders and sends a public page with validators. */
export function sendPage(
  c: Context,
  page: { toString(): string | Promise<string> },
  lastModified?: Date | null,
): Promise<Response> {
  return htmlWithValidators(c, renderDocument(page), lastModified);
}

/**
 * Renders and sends a private page (editor, preview): never cached, never indexed. Sent through
 * the context so headers set earlier in the request (cookies) are kept.
 */
export async function sendPrivatePage(
  c: Context,
  page: { toString(): string | Promise<string> },
  status = 200,
): Promise<Response> {
  return c.body(await renderDocument(page), status as ContentfulStatusCode, {
    'Content-Type': 'text/html; charset=UTF-8',
    'Cache-Control': 'private, no-store',
    'X-Robots-Tag': 'noindex',
  });
}
