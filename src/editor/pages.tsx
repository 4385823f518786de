import { DatasetOrigins, type DatasetOrigin } from '../imports/provenance.tsx';
import type { Child } from 'hono/jsx';
import { can } from '../accounts/policy.ts';
import type { SessionInfo } from '../accounts/session.ts';
import type { CheckReport } from '../publication/checks.ts';
import type { CorrectionTarget } from '../publication/corrections.ts';
import type { EntityDef, Row } from './entity.ts';
import { EditorLayout } from './layout.tsx';
import {
  ApprovalPanel,
  ChecksPanel,
  Facts,
  Visibility,
  WorkflowPanel,
  type ApprovalInfo,
} from './record.tsx';

const STATES = ['draft', 'in_review', 'published', 'withdrawn'] as const;

/** GET /editor: every kind of record, with counts per publication state. */
export function Dashboard(props: {
  session: SessionInfo;
  defs: EntityDef[];
  counts: Map<string, Map<string, number>>;
}) {
  return (
    <EditorLayout title="Dashboard" session={props.session}>
      <h1>Editor</h1>
      {can(props.session.user, 'record.publish') && (
        <p>
          Reviewed exceptions to the personal-detail rule (R10):{' '}
          <a href="/editor/pii-allowlist">personal-detail allowlist</a>.
        </p>
      )}
      <div class="table-wrap">
        <table>
          <caption>Records by kind and publication state</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              {STATES.map((s) => (
                <th scope="col" class="num">
                  {s.replace('_', ' ')}
                </th>
              ))}
              <th scope="col" class="num">
                All
              </th>
              <th scope="col">Add</th>
            </tr>
          </thead>
          <tbody>
            {props.defs.map((d) => {
              const c = props.counts.get(d.type) ?? new Map<string, number>();
              const total = [...c.values()].reduce((a, b) => a + b, 0);
              return (
                <tr>
                  <th scope="row">
                    <a href={`/editor/${d.type}`}>{d.plural}</a>
                  </th>
                  {STATES.map((s) => (
                    <td class="num">
                      {d.publishable ? <a href={`/editor/${d.type}?state=${s}`}>{c.get(s) ?? 0}</a> : '—'}
                    </td>
                  ))}
                  <td class="num">{total}</td>
                  <td>
                    <a href={`/editor/${d.type}/new`}>New {d.singular}</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </EditorLayout>
  );
}

/** GET /editor/:type: a page of records, filterable by state. */
export function ListPage(props: {
  session: SessionInfo;
  def: EntityDef;
  rows: Row[];
  state: string | undefined;
  page: number;
  more: boolean;
}) {
  const d = props.def;
  const q = (page: number) => `/editor/${d.type}?${props.state ? `state=${props.state}&` : ''}page=${page}`;
  return (
    <EditorLayout title={d.plural} session={props.session} crumbs={[{ href: '/editor', label: 'Dashboard' }]}>
      <h1>
        {d.plural}
        {props.state ? ` (${props.state.replace('_', ' ')})` : ''}
      </h1>
      <p class="actions">
        <a class="button" href={`/editor/${d.type}/new`}>
          New {d.singular}
        </a>
        {d.publishable &&
          STATES.map((s) => <a href={`/editor/${d.type}?state=${s}`}>{s.replace('_', ' ')}</a>)}
        {props.state && <a href={`/editor/${d.type}`}>all</a>}
      </p>
      {props.rows.length === 0 ? (
        <p>Nothing here yet.</p>
      ) : (
        <ol class="results">
          {props.rows.map((r) => (
            <li>
              <a href={`/editor/${d.type}/${String(r.id)}`}>{d.title(r)}</a>
              {d.publishable && <span class="badge"> {String(r.publication_state).replace('_', ' ')}</span>}
            </li>
          ))}
        </ol>
      )}
      <nav class="pagination" aria-label="Pages">
        <ul>
          {props.page > 1 && (
            <li>
              <a href={q(props.page - 1)}>Previous</a>
            </li>
          )}
          {props.more && (
            <li>
              <a href={q(props.page + 1)}>Next</a>
            </li>
          )}
        </ul>
      </nav>
    </EditorLayout>
  );
}

/** A child list (timeline, findings, ranks…) with a link to add one. */
export interface ChildList {
  def: EntityDef;
  label: string;
  rows: Row[];
  addHref: string;
}

/** A claim shown on its record. */
export interface ClaimItem {
  id: string;
  field: string | null;
  quoted_passage: string | null;
  passage_note: string | null;
  stance: string;
  title: string;
  publisher: string;
}

/** GET /editor/:type/:id: the record, its workflow, checks, claims and children. */
export function RecordPage(props: {
  session: SessionInfo;
  def: EntityDef;
  row: Row;
  target: CorrectionTarget | null;
  report: CheckReport | null;
  approval?: ApprovalInfo | null;
  claims: ClaimItem[] | null;
  claimHref: string | null;
  childLists: ChildList[];
  linksHref: string | null;
  notice?: string;
  /** A panel particular to this kind of record (a source's archived copies). */
  extra?: Child;
  /** The published datasets the record was imported from. */
  origins?: DatasetOrigin[];
}) {
  const d = props.def;
  const base = `/editor/${d.type}/${String(props.row.id)}`;
  const title = d.title(props.row);
  return (
    <EditorLayout
      title={title}
      session={props.session}
      crumbs={[{ href: `/editor/${d.type}`, label: d.plural }]}
    >
      <h1>{title}</h1>
      {props.notice && (
        <p class="callout callout-ok" role="status">
          {props.notice}
        </p>
      )}
      <p class="actions">
        <a class="button" href={`${base}/edit`}>
          Edit
        </a>
        <a href={`${base}/history`}>History</a>
        {props.linksHref && <a href={props.linksHref}>Units, officers and people involved</a>}
      </p>
      {d.publishable ? (
        <WorkflowPanel session={props.session} def={d} row={props.row} />
      ) : (
        <Visibility target={props.target} />
      )}
      {props.report && <ChecksPanel report={props.report} />}
      {props.approval && (
        <ApprovalPanel session={props.session} action={`${base}/approve`} info={props.approval} />
      )}
      {props.origins && <DatasetOrigins origins={props.origins} editor />}
      <h2>Fields</h2>
      <Facts row={props.row} />
      {props.extra}
      {props.claims && (
        <section aria-labelledby="claims-title">
          <h2 id="claims-title">Sources for this record</h2>
          {props.claims.length === 0 ? (
            <p>No claims yet: nothing here is sourced.</p>
          ) : (
            <ul class="sources">
              {props.claims.map((c) => (
                <li>
                  <a href={`/editor/claims/${c.id}`}>
                    {c.publisher}: {c.title}
                  </a>
                  {c.field && <span class="badge"> field: {c.field}</span>}
                  {c.stance === 'contradicts' && <span class="badge disputed"> contradicts</span>}
                  {c.quoted_passage ? (
                    <blockquote>{c.quoted_passage}</blockquote>
                  ) : (
                    <p class="note">{c.passage_note}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
          {props.claimHref && <a href={props.claimHref}>Add a source claim</a>}
        </section>
      )}
      {props.childLists.map((c) => (
        <section>
          <h2>{c.label}</h2>
          {c.rows.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul>
              {c.rows.map((r) => (
                <li>
                  <a href={`/editor/${c.def.type}/${String(r.id)}`}>{c.def.title(r)}</a>
                </li>
              ))}
            </ul>
          )}
          <a href={c.addHref}>Add {c.def.singular}</a>
        </section>
      ))}
    </EditorLayout>
  );
}
