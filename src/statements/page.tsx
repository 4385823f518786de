// The public statement page and its loader; the editor's preview renders the same component.
import { CiteThis } from '../http/cite.tsx';
import { RecordCorrections } from '../corrections/components.tsx';
import { correctionsFor, type CorrectionView } from '../corrections/repository.ts';
import type { Db } from '../db/client.ts';
import { latest } from '../http/cache.ts';
import { formatPartialDate } from '../http/format.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs, PreviewBanner } from '../http/record.tsx';
import { DayDate, Timestamp } from '../http/time.tsx';
import { claimsChangedAt, claimsFor, sourceWithArchive, type ClaimView } from '../sources/claims.ts';
import { ArchiveLine, ClaimList, safeHref, SourceLine } from '../sources/components.tsx';

/** Find a statement by public slug or (for the editor) id. */
export type StatementKey = { slug: string } | { id: string };

/** How each kind of promise reads after "a promise". */
export const PROMISES: Record<string, string> = {
  root_out: 'to root out wrongdoing',
  dismissals: 'about dismissals',
  culture_change: 'about changing the culture',
  reform: 'about reform',
  vetting: 'about vetting',
  transparency: 'about transparency',
  other: 'of another kind',
};

async function findStatement(db: Db, key: StatementKey, states: string[]) {
  let q = db
    .selectFrom('statements as s')
    .leftJoin('forces as f', 'f.id', 's.force_id')
    .leftJoin('incidents as i', 'i.id', 's.incident_id')
    .leftJoin('officers as o', 'o.id', 's.speaker_officer_id')
    .select([
      's.id',
      's.slug',
      's.speaker_name',
      's.speaker_role',
      's.said_on',
      's.summary',
      's.quote',
      's.is_promise',
      's.promise_type',
      's.source_id',
      's.publication_state',
      's.published_at',
      's.updated_at',
      'f.name as force_name',
      'f.slug as force_slug',
      'i.slug as incident_slug',
      'i.title as incident_title',
      'i.publication_state as incident_state',
      'o.slug as officer_slug',
      'o.published_name as officer_name',
      'o.publication_state as officer_state',
    ])
    .where('s.publication_state', 'in', states);
  q = 'slug' in key ? q.where('s.slug', '=', key.slug) : q.where('s.id', '=', key.id);
  return q.executeTakeFirst();
}

/** Everything the statement page shows. */
export interface StatementPageData {
  statement: NonNullable<Awaited<ReturnType<typeof findStatement>>>;
  source: NonNullable<Awaited<ReturnType<typeof sourceWithArchive>>>;
  /** The speaker's officer page, only if that record is published under a name. */
  officerHref: string | null;
  /** The incident the statement is about: linked when published; in preview, named either way. */
  incident: { title: string; href: string | null } | null;
  claims: ClaimView[];
  corrections: CorrectionView[];
  lastModified: Date | null;
  preview: boolean;
}

/**
 * Loads a statement page: published only, or with `preview` also in draft or review. An
 * unpublished incident is never named on the public page. Null when there is no page.
 */
export async function loadStatementPage(
  db: Db,
  key: StatementKey,
  opts: { preview: boolean },
): Promise<StatementPageData | null> {
  const states = opts.preview ? ['published', 'draft', 'in_review'] : ['published'];
  const s = await findStatement(db, key, states);
  if (!s) return null;
  const [source, claims, corrections] = await Promise.all([
    sourceWithArchive(db, s.source_id),
    claimsFor(db, 'statement_id', [s.id]),
    correctionsFor(db, { statements: [s.id] }),
  ]);
  if (!source) return null;
  const incidentPublished = s.incident_state === 'published';
  const incident =
    s.incident_title !== null && (incidentPublished || opts.preview)
      ? { title: s.incident_title, href: incidentPublished ? `/incidents/${s.incident_slug}` : null }
      : null;
  const officerHref =
    s.officer_state === 'published' && s.officer_name !== null ? `/officers/${s.officer_slug}` : null;
  const own = claims.get(s.id) ?? [];
  const lastModified = latest(
    s.updated_at,
    source.source.updatedAt,
    source.archive.fetchedAt,
    ...claimsChangedAt(own),
    ...corrections.map((c) => c.publishedAt),
  );
  return {
    statement: s,
    source,
    officerHref,
    incident,
    claims: own,
    corrections,
    lastModified,
    preview: opts.preview,
  };
}

function Facts(props: { data: StatementPageData }) {
  const { statement: s, incident, officerHref } = props.data;
  return (
    <dl class="facts">
      <dt>Who</dt>
      <dd>{officerHref ? <a href={officerHref}>{s.speaker_name}</a> : s.speaker_name}</dd>
      <dt>Role</dt>
      <dd>{s.speaker_role}</dd>
      {s.force_name && (
        <>
          <dt>Force</dt>
          <dd>
            <a href={`/forces/${s.force_slug}`}>{s.force_name}</a>
          </dd>
        </>
      )}
      <dt>When</dt>
      <dd>
        <DayDate on={s.said_on} />
      </dd>
      <dt>Promise</dt>
      <dd>
        {s.is_promise
          ? `Yes: a promise ${PROMISES[s.promise_type ?? 'other'] ?? s.promise_type}`
          : 'No: not recorded as a promise'}
      </dd>
      {incident && (
        <>
          <dt>About</dt>
          <dd>
            {incident.href ? (
              <a href={incident.href}>{incident.title}</a>
            ) : (
              `${incident.title} (incident not yet published)`
            )}
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

/** The public statement page (also rendered, with a banner, as the editor's preview). */
export function StatementPage(props: { data: StatementPageData; origin?: string }) {
  const d = props.data;
  const s = d.statement;
  const title = `Statement by ${s.speaker_name}, ${formatPartialDate(s.said_on, 'day')}`;
  return (
    <Layout title={title} section="none" description={s.summary.slice(0, 300)} noindex={d.preview}>
      <Breadcrumbs trail={[{ href: '/', label: 'Home' }]} current={title} />
      {d.preview && <PreviewBanner state={s.publication_state} />}
      <article class="record" aria-labelledby="record-title">
        <h1 id="record-title">{title}</h1>
        <Facts data={d} />
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">What was said, in our words</h2>
          <p class="lede">{s.summary}</p>
        </section>
        {s.quote && (
          <section aria-labelledby="quote-title">
            <h2 id="quote-title">Verbatim quote</h2>
            <figure class="passage">
              <blockquote cite={safeHref(d.source.source.url)}>
                <p>{s.quote}</p>
              </blockquote>
              <figcaption class="note">Quoted word for word from the source below.</figcaption>
            </figure>
          </section>
        )}
        <section aria-labelledby="source-title">
          <h2 id="source-title">Source</h2>
          <SourceLine source={d.source.source} />
          <ArchiveLine archive={d.source.archive} />
          {d.claims.length > 0 && <ClaimList claims={d.claims} label="statement" />}
        </section>
        <RecordCorrections entries={d.corrections} />
        {!d.preview && (
          <CiteThis
            title={title}
            path={`/statements/${s.slug}`}
            origin={props.origin}
            updated={d.lastModified}
          />
        )}
      </article>
    </Layout>
  );
}
