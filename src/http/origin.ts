import type { Context } from 'hono';

/** The site's public origin: PUBLIC_URL when set (behind a proxy), else the request's own. */
export function siteOrigin(c: Context, publicUrl: string | undefined): string {
  return (publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}
