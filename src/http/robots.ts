// robots.txt: what crawlers are asked to leave alone. It is a request, not a control: every path
// it names is also protected by its own access rules or kept out of indexes (noindex) on its own.
import type { Hono } from 'hono';
import { siteOrigin } from './origin.ts';

/**
 * Paths crawlers are asked not to fetch, each with its reason. Published records (incidents,
 * officers, forces, statements, patterns, corrections) stay open: they are meant to be found.
 */
export const ROBOTS_DISALLOW: readonly { path: string; why: string }[] = [
  // Every combination of words, filters and pages is a URL: a crawler following facet links
  // would run searches without end, and the records themselves are reachable from their pages.
  { path: '/search', why: 'search results: endless combinations, each record has its own page' },
  { path: '/api/', why: 'the API: the same data as the pages, for programs' },
  { path: '/editor', why: 'the editors’ workspace, behind sign-in' },
  { path: '/login', why: 'sign-in' },
  { path: '/logout', why: 'sign-out' },
  { path: '/invite', why: 'account invitations' },
  { path: '/submit', why: 'the anonymous submission forms and inbox' },
  { path: '/receipts', why: 'submission receipts' },
  { path: '/follow', why: 'e-mail subscription forms' },
  { path: '/right-of-reply/complaint', why: 'the complaint form' },
  // Uploaded evidence is public once cited, on the page that cites it; image search would show a
  // photograph (of a bystander, a victim) away from the record that explains it.
  { path: '/data/', why: 'download files: large, and described on /data, which stays open' },
  { path: '/evidence/', why: 'evidence files: shown with the record that cites them' },
];

/** The robots.txt the app serves, pointing at the sitemap on `origin`. */
export function robotsTxt(origin: string): string {
  const lines = ['# Custodiet: published records are open to crawlers; these paths are not pages to index.'];
  lines.push('User-agent: *');
  for (const d of ROBOTS_DISALLOW) lines.push(`# ${d.why}`, `Disallow: ${d.path}`);
  lines.push('', `Sitemap: ${origin}/sitemap.xml`);
  return `${lines.join('\n')}\n`;
}

/** GET /robots.txt (a day in caches); the sitemap's address is PUBLIC_URL's when set. */
export function mountRobots(app: Hono, publicUrl: string | undefined): void {
  app.get('/robots.txt', (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.text(robotsTxt(siteOrigin(c, publicUrl)));
  });
}
