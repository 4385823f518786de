import type { Child } from 'hono/jsx';
import { assetUrl } from './assets.ts';

/** The page shell shared by every HTML page: skip link, landmarks, one stylesheet served by the app. */
export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Custodiet`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            Custodiet
          </a>
          <span class="tagline">Sourced records of police misconduct and what happened next</span>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <p>
            Every named officer is shown with a status label: an allegation is not a finding, and a finding is
            not a sanction. Each fact links to its source.
          </p>
        </footer>
      </body>
    </html>
  );
}
