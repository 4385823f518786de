// The public incident page and its loader. The editor's preview calls the same loader with
// preview: true and renders the same component, so a preview is exactly the public page.
import { CiteThis } from '../http/cite.tsx';
import { DatasetOrigins, datasetOriginsOf, type DatasetOrigin } from '../imports/provenance.tsx';
import { AllegationRecord } from '../allegations/components.tsx';
import {
  chainRecords,
  loadAllegations,
  UNNAMED_OFFICER,
  type AllegationView,
} from '../allegations/repository.ts';
import { RecordCorrections } from '../corrections/components.tsx';
import { correctionsFor, type CorrectionView } from '../corrections/repository.ts';
import { latest } from '../http/cache.ts';
import { formatPartialDate } from '../http/format.ts';
import { Breadcrumbs, PreviewBanner } from '../http/record.tsx';
import { DayDate, PartialDate, Timestamp } from '../http/time.tsx';
import { Layout } from '../http/layout.tsx';
import { claimsChangedAt, claimsFor, type ClaimView } from '../sources/claims.ts';
import { ClaimList } from '../sources/components.tsx';
import { OfficerList, PeopleList, Timeline, type InvolvedOfficer } from './components.tsx';
import {
  findIncident,
  incidentOfficers,
  incidentPeople,
  incidentStatements,
  incidentTimeline,
  incidentUnits,
  type IncidentKey,
  type PersonShown,
  type TimelineEntry,
} from './record.ts';
import type { Db } from '../db/client.ts';

type IncidentRow = NonNullable<Awaited<ReturnType<typeof findIncident>>>;

/** Everything the incident page shows. */
export interface IncidentPageData {
  /** The published datasets the incident was imported from, with their licences. */
  origins: DatasetOrigin[];
  incident: IncidentRow;
  claims: ClaimView[];
  units: Awaited<ReturnType<typeof incidentUnits>>;
  officers: InvolvedOfficer[];
  people: PersonShown[];
  timeline: TimelineEntry[];
  allegations: AllegationView[];
  statements: Awaited<ReturnType<typeof incidentStatements>>;
  corrections: CorrectionView[];
  lastModified: Date | null;
  preview: boolean;
}

function topicOf(a: AllegationView): string {
  if (a.standards.length > 0) return a.standards.map((s) => s.label).join(', ');
  return a.iopcCategory ?? 'the allegation';
}

/**
 * Officers to list: those linked to the incident and those alleged against. An officer whose own
 * record is not published is never named; one with no allegation and no name adds nothing and is left out.
 */
function involvedOfficers(
  linked: Awaited<ReturnType<typeof incidentOfficers>>,
  allegations: AllegationView[],
): InvolvedOfficer[] {
  const byKey = new Map<string, InvolvedOfficer>();
  for (const a of allegations) {
    const key = a.officer.id ?? `unidentified:${a.officer.display}`;
    const entry = byKey.get(key) ?? { officer: a.officer, roles: [], allegations: [] };
    entry.allegations.push({
      id: a.id,
      statusCode: a.statusCode,
      statusLabel: a.statusLabel,
      topic: topicOf(a),
    });
    byKey.set(key, entry);
  }
  for (const o of linked) {
    const named = o.publication_state === 'published' && o.published_name !== null;
    const entry = byKey.get(o.id);
    if (entry) entry.roles.push(o.role);
    else if (named)
      byKey.set(o.id, {
        officer: { id: o.id, slug: o.slug, display: o.published_name!, named: true },
        roles: [o.role],
        allegations: [],
      });
  }
  return [...byKey.values()].sort((x, y) => Number(!x.officer.named) - Number(!y.officer.named));
}

/**
 * Loads an incident page: published records only, or with `preview` the incident in any state
 * but withdrawn, with its draft allegations, findings and claims. Other unpublished officers are
 * never named either way. Null when there is no such page.
 */
export async function loadIncidentPage(
  db: Db,
  key: IncidentKey,
  opts: { preview: boolean },
): Promise<IncidentPageData | null> {
  const states = opts.preview ? ['published', 'draft', 'in_review'] : ['published'];
  const incident = await findIncident(db, key, states);
  if (!incident) return null;
  const [claims, units, linked, people, timeline, allegations, statements, origins] = await Promise.all([
    claimsFor(db, 'incident_id', [incident.id]),
    incidentUnits(db, incident.id),
    incidentOfficers(db, incident.id),
    incidentPeople(db, incident.id),
    incidentTimeline(db, incident.id),
    loadAllegations(db, { incidentId: incident.id }, { preview: opts.preview }),
    incidentStatements(db, incident.id),
    datasetOriginsOf(db, incident.id),
  ]);
  const chain = chainRecords(allegations);
  const corrections = await correctionsFor(db, {
    incidents: [incident.id],
    allegations: chain.allegationIds,
    findings: chain.findingIds,
    sanctions: chain.sanctionIds,
  });
  const ownClaims = claims.get(incident.id) ?? [];
  const officers = involvedOfficers(linked, allegations);
  const lastModified = latest(
    incident.updated_at,
    ...chain.updatedAt,
    ...claimsChangedAt([...ownClaims, ...chain.claims, ...timeline.flatMap((e) => e.claims)]),
    ...units.map((u) => u.updated_at),
    ...linked.map((o) => o.updated_at),
    ...people.map((p) => p.updatedAt),
    ...statements.map((s) => s.updated_at),
    ...corrections.map((c) => c.publishedAt),
  );
  return {
    incident,
    origins,
    claims: ownClaims,
    units,
    officers,
    people,
    timeline,
    allegations,
    statements,
    corrections,
    lastModified,
    preview: opts.preview,
  };
}

function Facts(props: { data: IncidentPageData }) {
  const { incident: i, units } = props.data;
  return (
    <dl class="facts">
      <dt>When</dt>
      <dd>
        <PartialDate on={i.occurred_on} precision={i.occurred_precision} until={i.occurred_until} />
      </dd>
      {i.place && (
        <>
          <dt>Where</dt>
          <dd>{i.place}</dd>
        </>
      )}
      <dt>Force</dt>
      <dd>
        <a href={`/forces/${i.force_slug}`}>{i.force_name}</a>
      </dd>
      {units.length > 0 && (
        <>
          <dt>Units</dt>
          <dd>
            {units.map((u, n) => (
              <>
                {n > 0 && ', '}
                <a href={`/forces/${u.force_slug}/units/${u.slug}`}>{u.name}</a>
              </>
            ))}
          </dd>
        </>
      )}
      {i.tags.length > 0 && (
        <>
          <dt>Tags</dt>
          <dd>{i.tags.join(', ')}</dd>
        </>
      )}
      {i.published_at && (
        <>
          <dt>First published</dt>
          <dd>
            <Timestamp at={i.published_at} />
          </dd>
        </>
      )}
      {props.data.lastModified && (
        <>
          <dt>Last updated</dt>
          <dd>
            <Timestamp at={props.data.lastModified} withTime />
          </dd>
        </>
      )}
    </dl>
  );
}

function Statements(props: { statements: IncidentPageData['statements'] }) {
  return (
    <section aria-labelledby="statements-title">
      <h2 id="statements-title">Official statements about this incident</h2>
      <ul class="results">
        {props.statements.map((s) => (
          <li>
            <a href={`/statements/${s.slug}`}>
              {s.speaker_name}, {s.speaker_role}
            </a>{' '}
            <span class="meta">
              (<DayDate on={s.said_on} />)
            </span>
            <p>{s.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AllegationsSection(props: { allegations: AllegationView[]; preview: boolean }) {
  return (
    <section aria-labelledby="allegations-title">
      <h2 id="allegations-title">Allegations, findings and sanctions</h2>
      <p class="note">
        An allegation is not a finding, and a finding is not a sanction: each is a separate record with its
        own date, decision-maker and sources. A decision replaced on appeal stays visible, marked as
        superseded.
      </p>
      {props.allegations.length === 0 ? (
        <p>No allegations have been published for this incident.</p>
      ) : (
        props.allegations.map((a) => (
          <AllegationRecord allegation={a} context="incident" preview={props.preview} />
        ))
      )}
    </section>
  );
}

/** The public incident page (also rendered, with a banner, as the editor's preview). */
export function IncidentPage(props: { data: IncidentPageData; origin?: string }) {
  const d = props.data;
  const i = d.incident;
  const when = formatPartialDate(i.occurred_on, i.occurred_precision, i.occurred_until);
  return (
    <Layout
      title={i.title}
      section="none"
      description={`${when}. ${i.summary}`.slice(0, 300)}
      noindex={d.preview}
    >
      <Breadcrumbs trail={[{ href: '/', label: 'Home' }]} current={i.title} />
      {d.preview && <PreviewBanner state={i.publication_state} />}
      <article class="record" aria-labelledby="record-title">
        <h1 id="record-title">{i.title}</h1>
        <p class="lede">{i.summary}</p>
        <Facts data={d} />
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">Sources for this account</h2>
          <ClaimList claims={d.claims} label="account" heading={false} />
        </section>
        <DatasetOrigins origins={d.origins} />
        <section aria-labelledby="officers-title">
          <h2 id="officers-title">Officers</h2>
          <OfficerList officers={d.officers} />
          {d.allegations.some((a) => a.officer.display === UNNAMED_OFFICER) && (
            <p class="note">An officer is named only when their own record has been checked and published.</p>
          )}
        </section>
        {d.people.length > 0 && (
          <section aria-labelledby="people-title">
            <h2 id="people-title">Other people involved</h2>
            <PeopleList people={d.people} />
          </section>
        )}
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <Timeline entries={d.timeline} />
        </section>
        <AllegationsSection allegations={d.allegations} preview={d.preview} />
        {d.statements.length > 0 && <Statements statements={d.statements} />}
        <RecordCorrections entries={d.corrections} />
        {!d.preview && (
          <CiteThis
            title={i.title}
            path={`/incidents/${i.slug}`}
            origin={props.origin}
            updated={d.lastModified}
          />
        )}
      </article>
    </Layout>
  );
}
