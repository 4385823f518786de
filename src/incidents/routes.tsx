import { Hono } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { StatusLabel } from '../http/components.tsx';
import { sendPage } from '../http/cache.ts';
import { formatPartialDate } from '../http/format.ts';
import { Layout } from '../http/layout.tsx';
import { countPublished, listPublishedIncidents, type IncidentListItem } from './repository.ts';

function IncidentSummary(props: { incident: IncidentListItem }) {
  const i = props.incident;
  return (
    <article class="incident" aria-labelledby={`incident-${i.slug}`}>
      <h2 id={`incident-${i.slug}`}>{i.title}</h2>
      <p class="meta">
        <time datetime={i.occurred_on ?? undefined}>
          {formatPartialDate(i.occurred_on, i.occurred_precision, i.occurred_until)}
        </time>
        {i.place ? ` · ${i.place}` : ''} · {i.force_name}
      </p>
      <p>{i.summary}</p>
      {i.people.length > 0 && (
        <ul class="people" aria-label="Officers and their status">
          {i.people.map((p) => (
            <li>
              <span>{p.display}</span> <StatusLabel code={p.statusCode} label={p.statusLabel} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** Public pages about incidents; the home page lists the published ones. */
export function incidentRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const [incidents, counts] = await Promise.all([listPublishedIncidents(deps.db), countPublished(deps.db)]);
    return sendPage(
      c,
      <Layout title="Police misconduct records" section="home">
        <h1>Police misconduct records</h1>
        <ul class="counts" aria-label="Published records">
          <li>
            <strong>{counts.incidents}</strong> incidents
          </li>
          <li>
            <strong>{counts.allegations}</strong> allegations
          </li>
          <li>
            <strong>{counts.officers}</strong> named officers
          </li>
          <li>
            <strong>{counts.statements}</strong> official statements
          </li>
        </ul>
        {incidents.length === 0 ? (
          <p>No incidents have been published yet.</p>
        ) : (
          incidents.map((i) => <IncidentSummary incident={i} />)
        )}
      </Layout>,
    );
  });
  return app;
}
