// The public officer page and its loader; the editor's preview renders the same component.
import { CiteThis } from '../http/cite.tsx';
import { DatasetOrigins, datasetOriginsOf, type DatasetOrigin } from '../imports/provenance.tsx';
import { AllegationRecord, allegationAnchor } from '../allegations/components.tsx';
import { chainRecords, loadAllegations, type AllegationView } from '../allegations/repository.ts';
import { RecordCorrections } from '../corrections/components.tsx';
import { correctionsFor, type CorrectionView } from '../corrections/repository.ts';
import type { Db } from '../db/client.ts';
import { latest } from '../http/cache.ts';
import { StatusLabel } from '../http/components.tsx';
import { feedLinks, FollowBox, officerFollow } from '../follow/components.tsx';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs, PreviewBanner } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import { Timestamp, Validity } from '../http/time.tsx';
import { claimsChangedAt, claimsFor, type ClaimView } from '../sources/claims.ts';
import { ClaimList } from '../sources/components.tsx';
import { findNamedOfficer, officerCareer, type OfficerKey } from './record.ts';

/** Everything the officer page shows. */
export interface OfficerPageData {
  officer: NonNullable<Awaited<ReturnType<typeof findNamedOfficer>>>;
  /** The published datasets the officer's record was imported from, with their licences. */
  origins: DatasetOrigin[];
  career: Awaited<ReturnType<typeof officerCareer>>;
  allegations: AllegationView[];
  claims: ClaimView[];
  corrections: CorrectionView[];
  lastModified: Date | null;
  preview: boolean;
}

const ROLE_TYPES: Record<string, string> = {
  police_officer: 'Police officer',
  special_constable: 'Special constable',
  pcso: 'Police community support officer',
  designated_detention_officer: 'Designated detention officer',
  police_staff: 'Police staff',
};

const SERVICE: Record<string, string> = {
  serving: 'Serving',
  suspended: 'Suspended',
  resigned: 'Resigned',
  retired: 'Retired',
  dismissed: 'Dismissed',
  transferred: 'Transferred to another force',
  deceased: 'Deceased',
  unknown: 'Not known',
};

const IDENTIFIERS: Record<string, string> = {
  shoulder_number: 'Shoulder number',
  cipher: 'Cipher (anonymity code used in court)',
  badge_number: 'Badge number',
};

/**
 * Loads an officer page: only an officer with an officially published name, published (or, with
 * `preview`, in draft or review, together with their draft allegations). Null when there is no page.
 */
export async function loadOfficerPage(
  db: Db,
  key: OfficerKey,
  opts: { preview: boolean },
): Promise<OfficerPageData | null> {
  const states = opts.preview ? ['published', 'draft', 'in_review'] : ['published'];
  const officer = await findNamedOfficer(db, key, states);
  if (!officer) return null;
  const [career, allegations, claims, origins] = await Promise.all([
    officerCareer(db, officer.id),
    loadAllegations(db, { officerId: officer.id }, { preview: opts.preview, nameableOfficerId: officer.id }),
    claimsFor(db, 'officer_id', [officer.id]),
    datasetOriginsOf(db, officer.id),
  ]);
  const chain = chainRecords(allegations);
  const corrections = await correctionsFor(db, {
    officers: [officer.id],
    allegations: chain.allegationIds,
    findings: chain.findingIds,
    sanctions: chain.sanctionIds,
  });
  const ownClaims = claims.get(officer.id) ?? [];
  const lastModified = latest(
    officer.updated_at,
    ...chain.updatedAt,
    ...claimsChangedAt([...ownClaims, ...chain.claims]),
    ...career.postings.map((p) => p.updated_at),
    ...corrections.map((c) => c.publishedAt),
  );
  return {
    officer,
    origins,
    career,
    allegations,
    claims: ownClaims,
    corrections,
    lastModified,
    preview: opts.preview,
  };
}

function Career(props: { career: OfficerPageData['career'] }) {
  const { ranks, postings, identifiers } = props.career;
  return (
    <section aria-labelledby="career-title">
      <h2 id="career-title">Rank, units and numbers</h2>
      {ranks.length === 0 && postings.length === 0 && identifiers.length === 0 && (
        <p>No rank, unit or number has been recorded from a source.</p>
      )}
      {ranks.length > 0 && (
        <DataTable
          caption="Rank history"
          columns={[{ label: 'Rank' }, { label: 'Held' }]}
          rows={ranks.map((r) => ({
            header: r.detective ? `Detective ${r.label}` : r.label,
            cells: [<Validity from={r.valid_from} to={r.valid_to} />],
          }))}
        />
      )}
      {postings.length > 0 && (
        <DataTable
          caption="Unit history"
          columns={[{ label: 'Unit' }, { label: 'Posted' }]}
          rows={postings.map((p) => ({
            header: <a href={`/forces/${p.force_slug}/units/${p.slug}`}>{p.name}</a>,
            cells: [<Validity from={p.valid_from} to={p.valid_to} />],
          }))}
        />
      )}
      {identifiers.length > 0 && (
        <>
          <DataTable
            caption="Shoulder numbers and ciphers"
            columns={[{ label: 'Number' }, { label: 'Kind and force' }, { label: 'Valid' }]}
            rows={identifiers.map((i) => ({
              header: i.identifier,
              cells: [
                `${IDENTIFIERS[i.identifier_type] ?? i.identifier_type}, ${i.force_name}`,
                <Validity from={i.valid_from} to={i.valid_to} />,
              ],
            }))}
          />
          <p class="note">
            A number identifies an officer only together with the force and the dates it was held: forces
            reissue numbers, so never match a number alone.
          </p>
        </>
      )}
    </section>
  );
}

/** Each allegation's status label first (rule R1), then the officer's professional facts. */
function Summary(props: { data: OfficerPageData }) {
  const { officer: o, allegations } = props.data;
  return (
    <>
      <ul class="status-summary" aria-label="Status of each allegation">
        {allegations.map((a) => (
          <li>
            <StatusLabel code={a.statusCode} label={a.statusLabel} />{' '}
            <a href={`#${allegationAnchor(a.id)}`}>{a.incident.title}</a>
          </li>
        ))}
      </ul>
      <dl class="facts">
        <dt>Force</dt>
        <dd>
          <a href={`/forces/${o.force_slug}`}>{o.force_name}</a>
        </dd>
        <dt>Role</dt>
        <dd>{ROLE_TYPES[o.role_type] ?? o.role_type}</dd>
        <dt>Service</dt>
        <dd>{SERVICE[o.service_status] ?? o.service_status} (as last reported)</dd>
        {props.data.lastModified && (
          <>
            <dt>Last updated</dt>
            <dd>
              <Timestamp at={props.data.lastModified} withTime />
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

/** The public officer page (also rendered, with a banner, as the editor's preview). */
export function OfficerPage(props: { data: OfficerPageData; digests?: boolean; origin?: string }) {
  const { officer: o, allegations, preview } = props.data;
  const n = allegations.length;
  // A preview's officer may not be public yet: no feed or pattern links for it.
  const follow = preview ? undefined : officerFollow(o.slug, o.published_name, props.digests ?? false);
  return (
    <Layout
      feeds={feedLinks(follow)}
      title={o.published_name}
      section="none"
      description={`${o.published_name}, ${o.force_name}: ${n} published allegation${n === 1 ? '' : 's'}, each with its status and outcome.`}
      noindex={preview}
    >
      <Breadcrumbs
        trail={[
          { href: '/', label: 'Home' },
          { href: `/forces/${o.force_slug}`, label: o.force_name },
        ]}
        current={o.published_name}
      />
      {preview && <PreviewBanner state={o.publication_state} />}
      <article class="record" aria-labelledby="record-title">
        <h1 id="record-title">{o.published_name}</h1>
        <Summary data={props.data} />
        <Career career={props.data.career} />
        <section aria-labelledby="allegations-title">
          <h2 id="allegations-title">Allegations and outcomes</h2>
          {n === 0 ? (
            <p>No allegations about this officer have been published.</p>
          ) : (
            allegations.map((a) => <AllegationRecord allegation={a} context="officer" preview={preview} />)
          )}
        </section>
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">Sources about this officer</h2>
          <ClaimList claims={props.data.claims} label="officer" heading={false} />
        </section>
        {follow && <FollowBox follow={follow} />}
        <DatasetOrigins origins={props.data.origins} />
        <RecordCorrections entries={props.data.corrections} />
        {!preview && (
          <CiteThis
            title={o.published_name}
            path={`/officers/${o.slug}`}
            origin={props.origin}
            updated={props.data.lastModified}
          />
        )}
      </article>
    </Layout>
  );
}
