import type { Child } from 'hono/jsx';
import { assetUrl } from './assets.ts';

/** Top-level sections; `current` marks the one a page belongs to (aria-current). */
export type Section =
  | 'home'
  | 'forces'
  | 'search'
  | 'patterns'
  | 'promises'
  | 'corrections'
  | 'methodology'
  | 'reply'
  | 'submit'
  | 'editor'
  | 'none';

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'home', href: '/', label: 'Incidents' },
  { section: 'forces', href: '/forces', label: 'Forces' },
  { section: 'search', href: '/search', label: 'Search' },
  { section: 'patterns', href: '/patterns', label: 'Patterns' },
  { section: 'promises', href: '/promises', label: 'Promises' },
  { section: 'corrections', href: '/corrections', label: 'Corrections' },
  { section: 'methodology', href: '/methodology', label: 'Methodology' },
  { section: 'reply', href: '/right-of-reply', label: 'Right of reply' },
  { section: 'submit', href: '/submit', label: 'Report to us' },
];

/** An Atom feed the page announces to feed readers. */
export interface FeedLink {
  href: string;
  title: string;
}

/** Options every page can set. */
export interface LayoutProps {
  title: string;
  children: Child;
  section?: Section;
  /** Short description for search engines and link previews. */
  description?: string;
  /** Keep the page out of search engines (editor pages, previews, errors). */
  noindex?: boolean;
  /** Prefilled text in the header search box. */
  query?: string;
  /** Atom feeds of the page (<link rel="alternate" type="application/atom+xml">). */
  feeds?: FeedLink[];
}

/**
 * The page shell shared by every HTML page: skip link, landmarks (banner, navigation, search,
 * main, contentinfo), one stylesheet served by the app, no scripts and nothing from other origins.
 */
export function Layout(props: LayoutProps) {
  const section = props.section ?? 'none';
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Custodiet`}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.noindex && <meta name="robots" content="noindex, nofollow" />}
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" type="image/svg+xml" href={assetUrl('favicon.svg')} />
        {(props.feeds ?? []).map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              Custodiet
            </a>
            <span class="tagline">Sourced records of police misconduct and what happened next</span>
            <nav class="primary" aria-label="Main">
              <ul>
                {NAV.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.section === section ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <form class="site-search" role="search" action="/search" method="get">
              <label class="visually-hidden" for="site-search-q">
                Search records
              </label>
              <input
                id="site-search-q"
                type="search"
                name="q"
                value={props.query ?? ''}
                placeholder="Officer, shoulder number, place…"
              />
              <button type="submit">Search</button>
            </form>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site">
          <p>
            Every named officer is shown with a status label: an allegation is not a finding, and a finding is
            not a sanction. Each fact links to its source.
          </p>
          <ul>
            <li>
              <a href="/methodology">How records are verified</a>
            </li>
            <li>
              <a href="/corrections">Corrections and takedowns</a>
            </li>
            <li>
              <a href="/right-of-reply">Right of reply and complaints</a>
            </li>
            <li>
              <a href="/data">Download the data</a>
            </li>
            <li>
              <a href="/api">API</a>
            </li>
          </ul>
        </footer>
      </body>
    </html>
  );
}
