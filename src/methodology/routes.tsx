import { Hono } from 'hono';
import type { AppDeps } from '../http/app.ts';
import { sendPage } from '../http/cache.ts';
import { StatusLabel } from '../http/components.tsx';
import { Layout } from '../http/layout.tsx';
import { DataTable } from '../http/table.tsx';
import { getTaxonomy, type TaxonomyView } from '../taxonomies/repository.ts';

// The taxonomies the page explains, read from the database so the page always matches the codes
// records actually use (rule R21).
const STATUS = 'publication_status_v1';
const STANDARDS = 'ew_standards_2020';
const IOPC = 'iopc_complaint_categories_2020';

function SourceNote(props: { taxonomy: TaxonomyView }) {
  const t = props.taxonomy;
  return (
    <p class="note">
      {t.title}, version {t.version}
      {t.sourceNote ? `. Source: ${t.sourceNote}.` : '.'}
    </p>
  );
}

function StatusLabels(props: { taxonomy: TaxonomyView }) {
  return (
    <>
      <dl class="labels">
        {props.taxonomy.terms.map((t) => (
          <>
            <dt>
              <StatusLabel code={t.code} label={t.label} />
            </dt>
            <dd>{t.description ?? t.label}</dd>
          </>
        ))}
      </dl>
      <SourceNote taxonomy={props.taxonomy} />
    </>
  );
}

function TermTable(props: {
  taxonomy: TaxonomyView;
  caption: string;
  nameHeading: string;
  descHeading: string;
}) {
  return (
    <>
      <DataTable
        caption={props.caption}
        columns={[{ label: props.nameHeading }, { label: props.descHeading }]}
        rows={props.taxonomy.terms.map((t) => ({ header: t.label, cells: [t.description ?? ''] }))}
      />
      <SourceNote taxonomy={props.taxonomy} />
    </>
  );
}

function Missing(props: { what: string }) {
  return <p>The {props.what} are not loaded in this database.</p>;
}

function Verification() {
  return (
    <>
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">Every fact has a source</h2>
        <p>
          Each fact in a record (a date, a place, a name, a finding, a sanction) is linked to the source it
          comes from: an IOPC or force publication, a court judgment, a hearing notice or a news report. We
          give the publisher and the date, and a link to the original.
        </p>
        <p>
          Where we can, we quote the short passage that supports the fact, word for word, and mark it as a
          verbatim passage. When there is no passage to quote, the record says why.
        </p>
        <p>
          Web pages change and police hearing outcomes are often taken down after 28 days, so we keep an
          archived copy of each source. For each copy we publish the time it was captured and its SHA-256
          fingerprint, so anyone holding a copy can check it is the same document. A copy we have not captured
          yet is marked <em>Archived copy not yet captured</em>. Once a source is archived, a quoted passage
          is checked against its text: a misquotation cannot be saved.
        </p>
      </section>
      <section aria-labelledby="chain-title">
        <h2 id="chain-title">An allegation is not a finding, and a finding is not a sanction</h2>
        <p>
          We record each stage separately, with its own date, decision-maker and sources: the{' '}
          <strong>allegation</strong> (what the officer is said to have done, and which Standards of
          Professional Behaviour it concerns), each <strong>finding</strong> (what a misconduct panel or court
          decided, and when), and each <strong>sanction</strong> (such as a final written warning, dismissal
          or a sentence). We never merge them into a single verdict.
        </p>
        <p>
          Misconduct panels decide on the balance of probabilities; criminal courts must be sure. An acquittal
          does not prevent misconduct proceedings, and a misconduct finding is not a criminal conviction. When
          an appeal replaces a decision, both stay on the record: the earlier one is marked as superseded and
          links to the decision that replaced it.
        </p>
      </section>
    </>
  );
}

function Safeguards() {
  return (
    <>
      <section aria-labelledby="naming-title">
        <h2 id="naming-title">Who we name, and who we never name</h2>
        <ul>
          <li>
            An officer is named only under the name an official source published (a force, the IOPC or a
            court), and only with a status label beside every allegation. Otherwise the record says{' '}
            <em>An officer not named in this record</em> or describes the officer by role.
          </li>
          <li>
            People facing active criminal proceedings are not named, and we publish only fair, accurate
            reports of what happened in court. Some firearms officers are known in court only by a cipher,
            such as NX121; we use the cipher unless the court has allowed the name to be published.
          </li>
          <li>
            We publish nothing personal about officers: no home address, family details, personal contacts,
            private social media or vehicles. Only their professional identity: name as officially published,
            force, rank, units and shoulder numbers with the dates they were held.
          </li>
          <li>
            Complainants, victims and witnesses appear only by a pseudonym, or by a name already made public
            with a recorded reason (for example, used by their family and the courts). Children appear only by
            pseudonym, such as the official pseudonym Child Q. People who complain of sexual offences keep
            their lifelong anonymity. None of these people has a page of their own.
          </li>
        </ul>
      </section>
      <section aria-labelledby="review-title">
        <h2 id="review-title">Review, audit trail and corrections</h2>
        <p>
          An editor checks every record against its sources before it is published. Two-person review is
          coming: a second editor will have to approve each record before it is published, and anything about
          a child will also need a legal or safeguarding reviewer.
        </p>
        <p>
          Every change to every record is written to an audit log that cannot be edited: each entry carries a
          fingerprint of the one before, so a change made behind the system's back is detected. Nothing
          published is changed silently: corrections, clarifications, updates and takedowns are listed in the
          public <a href="/corrections">corrections log</a> and on the record itself. If you think a record is
          wrong, see <a href="/right-of-reply">right of reply and complaints</a>.
        </p>
      </section>
    </>
  );
}

type Taxonomy = TaxonomyView | undefined;

/** The status labels, Standards and IOPC categories, as the database holds them. */
function Taxonomies(props: { status: Taxonomy; standards: Taxonomy; iopc: Taxonomy }) {
  const { status, standards, iopc } = props;
  return (
    <>
      <section aria-labelledby="labels-title">
        <h2 id="labels-title">What each status label means</h2>
        <p>
          Every allegation shown beside an officer's name carries exactly one of these labels. A label says
          where the matter stands, never our opinion of it. When it changes in the officer's favour (an
          acquittal, not proven, no case to answer, a withdrawal or a successful appeal), every page naming
          them is updated, as prominently as the original.
        </p>
        {status ? <StatusLabels taxonomy={status} /> : <Missing what="status labels" />}
      </section>
      <section aria-labelledby="standards-title">
        <h2 id="standards-title">Standards of Professional Behaviour</h2>
        <p>
          Police officers in England and Wales must meet these ten Standards. Breaching one can be misconduct,
          or gross misconduct if it would justify dismissal. Each allegation records which Standards it
          concerns.
        </p>
        {standards ? (
          <TermTable
            taxonomy={standards}
            caption="The Standards of Professional Behaviour"
            nameHeading="Standard"
            descHeading="What it requires"
          />
        ) : (
          <Missing what="Standards" />
        )}
      </section>
      <section aria-labelledby="iopc-title">
        <h2 id="iopc-title">IOPC complaint categories</h2>
        <p>
          The Independent Office for Police Conduct (IOPC) asks forces to put each allegation in a complaint
          into one of these categories. We use the same categories so that records can be compared with
          official statistics.
        </p>
        {iopc ? (
          <TermTable
            taxonomy={iopc}
            caption="IOPC categories for complaint allegations"
            nameHeading="Category"
            descHeading="Includes"
          />
        ) : (
          <Missing what="IOPC categories" />
        )}
      </section>
    </>
  );
}

/** How records are verified, and what every label and category means. */
export function methodologyRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/methodology', async (c) => {
    const [status, standards, iopc] = await Promise.all([
      getTaxonomy(deps.db, STATUS),
      getTaxonomy(deps.db, STANDARDS),
      getTaxonomy(deps.db, IOPC),
    ]);
    return sendPage(
      c,
      <Layout
        title="How records are verified"
        section="methodology"
        description="How Custodiet sources and checks each record, what each status label means, and the Standards and complaint categories used."
      >
        <h1>How records are verified</h1>
        <p class="lede">
          Custodiet keeps sourced records of police misconduct: what was alleged, what was decided and what
          followed. This page explains how a record is put together and checked, and what each label means,
          for journalists, families and anyone who needs to rely on it.
        </p>
        <Verification />
        <Safeguards />
        <Taxonomies status={status} standards={standards} iopc={iopc} />
      </Layout>,
    );
  });
  return app;
}
