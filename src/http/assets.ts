import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

// Loaded once at start-up: the set is small and served from memory.
const assets = new Map<string, Asset>();
for (const name of fs.readdirSync(STATIC_DIR)) {
  const ext = name.slice(name.lastIndexOf('.'));
  const type = TYPES[ext];
  if (!type) continue;
  const body = fs.readFileSync(STATIC_DIR + name);
  assets.set(name, { body, type, hash: crypto.createHash('sha256').update(body).digest('hex').slice(0, 12) });
}

/** The fingerprinted URL of a bundled asset, e.g. /static/app.3f2a….css, cacheable forever. */
export function assetUrl(name: string): string {
  const a = assets.get(name);
  if (!a) throw new Error(`Unknown asset ${name}`);
  const dot = name.lastIndexOf('.');
  return `/static/${name.slice(0, dot)}.${a.hash}${name.slice(dot)}`;
}

/**
 * Serves /static/NAME (short cache) and /static/NAME.HASH.EXT (immutable), and answers
 * /favicon.ico (asked for by feed readers and tools that ignore the pages' icon link) with the icon.
 */
export function mountAssets(app: Hono): void {
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.redirect(assetUrl('favicon.svg'), 301);
  });
  app.get('/static/:file', (c) => {
    const file = c.req.param('file');
    const m = /^(.+)\.([0-9a-f]{12})(\.[a-z]+)$/.exec(file);
    const name = m ? `${m[1]}${m[3]}` : file;
    const a = assets.get(name);
    if (!a || (m && m[2] !== a.hash)) return c.notFound();
    const etag = `"${a.hash}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', m ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Type', a.type);
    return c.body(new Uint8Array(a.body));
  });
}
