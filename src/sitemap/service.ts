// Sitemaps (sitemaps.org protocol): the public pages a search engine should know about. Record
// pages come from the public export's own datasets and render-guard filter (src/api/collections.ts),
// so a sitemap lists exactly the records a public export holds: nothing held, nothing unpublished,
// no incident under active proceedings. An address can carry a name, so a held page's address
// must not be listed either.
import { datasetPage, decodeCursor } from '../api/collections.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Dataset } from '../exports/datasets.ts';
import { DATASETS } from '../exports/service.ts';
import { listForces } from '../forces/repository.ts';

/** The kinds of record page listed, each split into parts by the first hex digit of its id. */
export const SITEMAP_KINDS = ['incidents', 'officers', 'statements'] as const;
/** Ids are random uuids, so sixteen parts of a kind hold about equal shares. */
export const PARTS = '0123456789abcdef'.split('');
/** The protocol's limit per file: past it, a part's later records are left out (and logged). */
export const MAX_URLS = 50_000;
const READ_BATCH = 5_000;

/** Pages that are not records: the entry points a reader starts from. */
const ENTRY_PAGES = ['/', '/forces', '/patterns', '/promises', '/corrections', '/methodology'];

/** One URL of a sitemap: its path on the site, and when its content last changed, if known. */
export interface SitemapEntry {
  path: string;
  lastmod?: string | null;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!,
  );

function xml(
  root: 'urlset' | 'sitemapindex',
  item: 'url' | 'sitemap',
  origin: string,
  entries: readonly SitemapEntry[],
) {
  const body = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : '';
    return `<${item}><loc>${escapeXml(origin + e.path)}</loc>${lastmod}</${item}>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body.join('\n')}\n</${root}>\n`;
}

/** The sitemap index: the entry pages' file, then every part of every kind of record. */
export function sitemapIndex(origin: string): string {
  const files = [
    '/sitemaps/pages.xml',
    ...SITEMAP_KINDS.flatMap((k) => PARTS.map((p) => `/sitemaps/${k}-${p}.xml`)),
  ];
  return xml(
    'sitemapindex',
    'sitemap',
    origin,
    files.map((path) => ({ path })),
  );
}

/** A sitemap file of these pages on `origin`. */
export function urlset(origin: string, entries: readonly SitemapEntry[]): string {
  return xml('urlset', 'url', origin, entries);
}

/** The entry pages, each force a reader can choose, and their units. */
export async function pageEntries(db: Db): Promise<SitemapEntry[]> {
  const forces = await listForces(db);
  const units = forces.length
    ? await db
        .selectFrom('units as u')
        .innerJoin('forces as f', 'f.id', 'u.force_id')
        .select(['f.slug as force', 'u.slug', 'u.updated_at'])
        .where(
          'u.force_id',
          'in',
          forces.map((f) => f.id),
        )
        .orderBy('f.slug')
        .orderBy('u.slug')
        .execute()
    : [];
  return [
    ...ENTRY_PAGES.map((path) => ({ path })),
    ...forces.map((f) => ({ path: `/forces/${f.slug}`, lastmod: f.updated_at.toISOString() })),
    ...units.map((u) => ({
      path: `/forces/${u.force}/units/${u.slug}`,
      lastmod: u.updated_at.toISOString(),
    })),
  ];
}

function datasetNamed(name: string): Dataset {
  const found = DATASETS.find((d) => d.name === name);
  if (!found) throw new Error(`No dataset ${name}`);
  return found;
}

// The last possible id before a part begins: keyset paging reads ids after it.
const beforePart = (part: string) =>
  part === '0' ? null : `${PARTS[PARTS.indexOf(part) - 1]}fffffff-ffff-ffff-ffff-ffffffffffff`;

/** One part of a kind's record pages: those whose id begins with `part`. */
export async function recordEntries(
  db: Db,
  kind: string,
  part: string,
  onTruncated?: (kind: string, part: string) => void,
): Promise<SitemapEntry[]> {
  if (!(SITEMAP_KINDS as readonly string[]).includes(kind) || !PARTS.includes(part))
    throw new AppError('CUS_NOT_FOUND', 'There is no such sitemap.');
  const dataset = datasetNamed(kind);
  const entries: SitemapEntry[] = [];
  let after = beforePart(part);
  for (;;) {
    const { items, next } = await datasetPage(db, dataset, after, READ_BATCH);
    const inPart = items.filter((r) => String(r.id).startsWith(part));
    for (const r of inPart) entries.push({ path: String(r.path), lastmod: r.updated_at as string | null });
    // Rows come in id order: one outside the part means the part is done.
    if (!next || inPart.length < items.length) break;
    if (entries.length >= MAX_URLS) {
      onTruncated?.(kind, part);
      break;
    }
    after = decodeCursor(next);
  }
  return entries.slice(0, MAX_URLS);
}
