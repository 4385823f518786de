import { siteOrigin } from '../http/origin.ts';
import { guardRender } from '../publication/render-guard.ts';
import { CourtReportPage } from '../legal/court-report.tsx';
import { courtReports, type CourtReport } from '../legal/proceedings.ts';
import { Hono } from 'hono';
import { CorrectionList } from '../corrections/components.tsx';
import { listCorrections, type CorrectionView } from '../corrections/repository.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { StatusLabel } from '../http/components.tsx';
import { latest, sendPage } from '../http/cache.ts';
import { Layout } from '../http/layout.tsx';
import { PartialDate } from '../http/time.tsx';
import { IncidentPage, loadIncidentPage, type IncidentPageData } from './page.tsx';
import { loadOrMoved } from '../matching/redirect.ts';
import { countPublished, listPublishedIncidents, type IncidentListItem } from './repository.ts';

/** How many corrections the home page shows. */
const HOME_CORRECTIONS = 5;

function IncidentSummary(props: { incident: IncidentListItem }) {
  const i = props.incident;
  return (
    <article class="incident" aria-labelledby={`incident-${i.slug}`}>
      <h3 id={`incident-${i.slug}`}>
        <a href={`/incidents/${i.slug}`}>{i.title}</a>
      </h3>
      <p class="meta">
        <PartialDate on={i.occurred_on} precision={i.occurred_precision} until={i.occurred_until} />
        {i.place ? ` · ${i.place}` : ''} · {i.force_name}
      </p>
      <p>{i.summary}</p>
      {i.people.length > 0 && (
        <ul class="people" aria-label="Officers and their status">
          {i.people.map((p) => (
            <li>
              {p.officerSlug ? (
                <a href={`/officers/${p.officerSlug}`}>{p.display}</a>
              ) : (
                <span>{p.display}</span>
              )}{' '}
              <StatusLabel code={p.statusCode} label={p.statusLabel} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function SearchBox() {
  return (
    <form class="home-search" role="search" action="/search" method="get" aria-label="Search the records">
      <label for="home-search-q">Search incidents, officers, units and statements</label>
      <span class="hint" id="home-search-hint">
        For example an officer's name, a shoulder number or cipher, a place or a police station.
      </span>
      <div class="home-search-row">
        <input id="home-search-q" type="search" name="q" aria-describedby="home-search-hint" />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

/** Everything the home page shows. */
export interface HomePageData {
  incidents: IncidentListItem[];
  counts: Awaited<ReturnType<typeof countPublished>>;
  corrections: CorrectionView[];
}

/** Loads the home page's data: recent published incidents, headline counts, latest corrections. */
export async function loadHomePage(db: Db): Promise<HomePageData> {
  const [incidents, counts, corrections] = await Promise.all([
    listPublishedIncidents(db),
    countPublished(db),
    listCorrections(db, 1, HOME_CORRECTIONS),
  ]);
  return { incidents, counts, corrections: corrections.entries };
}

/** The public home page. */
export function HomePage(props: HomePageData) {
  return (
    <Layout
      title="Police misconduct records"
      section="home"
      description="Sourced records of police misconduct in the UK: allegations, findings and sanctions, kept separate, each with its sources."
    >
      <h1>Police misconduct records</h1>
      <ul class="counts" aria-label="Published records">
        <li>
          <strong>{props.counts.incidents}</strong> incidents
        </li>
        <li>
          <strong>{props.counts.allegations}</strong> allegations
        </li>
        <li>
          <strong>{props.counts.officers}</strong> named officers
        </li>
        <li>
          <strong>{props.counts.statements}</strong> official statements
        </li>
      </ul>
      <SearchBox />
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">Recent incidents</h2>
        {props.incidents.length === 0 ? (
          <p>No incidents have been published yet.</p>
        ) : (
          props.incidents.map((i) => <IncidentSummary incident={i} />)
        )}
      </section>
      <section aria-labelledby="latest-corrections-title">
        <h2 id="latest-corrections-title">Latest corrections</h2>
        {props.corrections.length === 0 ? (
          <p>No corrections have been published yet.</p>
        ) : (
          <CorrectionList entries={props.corrections} showRecord />
        )}
        <p>
          <a href="/corrections">All corrections and takedowns</a>
        </p>
      </section>
    </Layout>
  );
}

/** What an incident's public address shows (the page and the API alike). */
export type PublicIncident =
  | { kind: 'record'; data: IncidentPageData }
  | { kind: 'court_reports'; reports: CourtReport[]; corrections: CorrectionView[] };

/**
 * The public view of an incident: its record, or while criminal proceedings are active only the
 * court reports (rule R5). Not found unless published; 451 while the render guard holds it.
 */
export async function loadPublicIncident(db: Db, slug: string): Promise<PublicIncident> {
  const data = await loadIncidentPage(db, { slug }, { preview: false });
  if (!data) throw new AppError('CUS_NOT_FOUND', 'There is no published incident at this address.');
  // The legal checks again at render time (R6, R10): an order made after publication takes the
  // page down at once.
  await guardRender(db, 'incidents', data.incident.id);
  if (data.incident.proceedings_active)
    return {
      kind: 'court_reports',
      reports: await courtReports(db, data.incident.id),
      corrections: data.corrections,
    };
  return { kind: 'record', data };
}

/** Public pages about incidents: the home page lists the published ones; each has its own page. */
export function incidentRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const data = await loadHomePage(deps.db);
    return sendPage(
      c,
      <HomePage {...data} />,
      latest(...data.incidents.map((i) => i.updated_at), ...data.corrections.map((e) => e.publishedAt)),
    );
  });

  app.get('/incidents/:slug', async (c) => {
    const found = await loadOrMoved(deps.db, 'incidents', c.req.param('slug'), (slug) =>
      loadPublicIncident(deps.db, slug),
    );
    // A record merged into a published one: its address leads there (until the merge is undone).
    if ('moved' in found) return c.redirect(`/incidents/${encodeURIComponent(found.moved)}`, 302);
    const shown = found.data;
    if (shown.kind === 'court_reports')
      return sendPage(
        c,
        <CourtReportPage reports={shown.reports} corrections={shown.corrections} />,
        latest(...shown.reports.map((r) => r.updatedAt), ...shown.corrections.map((e) => e.publishedAt)),
      );
    return sendPage(
      c,
      <IncidentPage data={shown.data} origin={siteOrigin(c, deps.publicUrl)} />,
      shown.data.lastModified,
    );
  });
  return app;
}
