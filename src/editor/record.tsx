import { GENERATED_COLUMNS } from '../audit/history.ts';
import { can } from '../accounts/policy.ts';
import type { SessionInfo } from '../accounts/session.ts';
import type { FieldProblem } from '../errors/catalogue.ts';
import { CsrfInput, ErrorSummary } from '../http/forms.tsx';
import type { FormValues } from '../http/form.ts';
import type { CheckReport } from '../publication/checks.ts';
import type { CorrectionKind, CorrectionTarget } from '../publication/corrections.ts';
import { transitionsFrom } from '../publication/workflow.ts';
import { Timestamp } from '../http/time.tsx';
import { showValue } from './diff.ts';
import type { EntityDef, Row } from './entity.ts';
import { EditorLayout, NoteSection, noteFields } from './layout.tsx';

/** Where the lead wires the exact public page for a record in preview mode. */
export function previewPath(type: string, id: string): string {
  return `/editor/preview/${type}/${id}`;
}

const HIDDEN = new Set(GENERATED_COLUMNS);

/** Every stored field of a record as a definition list (derived columns left out). */
export function Facts(props: { row: Row }) {
  const entries = Object.entries(props.row).filter(([k]) => !HIDDEN.has(k) && !k.endsWith('_kind'));
  return (
    <dl class="facts">
      {entries.map(([k, v]) => (
        <>
          <dt>{k.replace(/_/g, ' ')}</dt>
          <dd class="pre-wrap">{showValue(v instanceof Date ? v.toISOString() : v)}</dd>
        </>
      ))}
    </dl>
  );
}

/** "Why is this blocked?": the publication checks, with rule ids. */
export function ChecksPanel(props: { report: CheckReport }) {
  const { blocking, warnings } = props.report;
  return (
    <section
      aria-labelledby="checks-title"
      class={`callout ${blocking.length ? 'callout-warn' : 'callout-ok'}`}
    >
      <h2 id="checks-title">{blocking.length ? 'Why is this blocked?' : 'Ready to publish'}</h2>
      {blocking.length === 0 && <p>The publication checks found nothing blocking.</p>}
      {blocking.length > 0 && (
        <ul class="checks-blocking">
          {blocking.map((b) => (
            <li>
              <strong>Rule {b.rule}:</strong> {b.message}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <h3>Take care</h3>
          <ul class="checks-warnings">
            {warnings.map((w) => (
              <li>
                <strong>Rule {w.rule}:</strong> {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The workflow buttons the signed-in user may use from the record's current state. */
export function WorkflowPanel(props: { session: SessionInfo; def: EntityDef; row: Row }) {
  const state = String(props.row.publication_state);
  const base = `/editor/${props.def.type}/${String(props.row.id)}`;
  const moves = transitionsFrom(state).filter((m) => can(props.session.user, m.permission));
  return (
    <section aria-labelledby="workflow-title">
      <h2 id="workflow-title">Publication</h2>
      <p>
        State: <strong class="badge">{state.replace('_', ' ')}</strong>
        {props.row.published_at instanceof Date && (
          <>
            {' · first published '}
            <Timestamp at={props.row.published_at} withTime />
          </>
        )}
      </p>
      <div class="actions">
        {moves.map((m) =>
          m.to === 'published' || m.to === 'withdrawn' ? (
            <a class="button" href={`${base}/state?to=${m.to}`}>
              {m.label}…
            </a>
          ) : (
            <form method="post" action={`${base}/state`}>
              <CsrfInput token={props.session.csrfToken} />
              <input type="hidden" name="to" value={m.to} />
              <button type="submit" class="secondary">
                {m.label}
              </button>
            </form>
          ),
        )}
        <a href={previewPath(props.def.type, String(props.row.id))}>Preview the public page</a>
      </div>
      {moves.length === 0 && <p class="note">Your role cannot move this record from here.</p>}
    </section>
  );
}

/** Confirmation of a move that needs care: publishing (after the checks) or withdrawing (with a note). */
export function StatePage(props: {
  session: SessionInfo;
  def: EntityDef;
  row: Row;
  title: string;
  to: string;
  label: string;
  report: CheckReport | null;
  noteKinds: readonly CorrectionKind[] | null;
  values: FormValues;
  problems: FieldProblem[];
  message?: string;
}) {
  const base = `/editor/${props.def.type}/${String(props.row.id)}`;
  const blocked = (props.report?.blocking.length ?? 0) > 0;
  return (
    <EditorLayout title={props.label} session={props.session} crumbs={[{ href: base, label: props.title }]}>
      <h1>
        {props.label}: {props.title}
      </h1>
      <ErrorSummary
        problems={props.problems}
        fields={props.noteKinds ? noteFields(props.noteKinds) : []}
        message={props.message}
      />
      {props.report && <ChecksPanel report={props.report} />}
      {props.to === 'published' && (
        <p>
          Check <a href={previewPath(props.def.type, String(props.row.id))}>the preview of the public page</a>{' '}
          before you publish: it is exactly what readers will see.
        </p>
      )}
      {!blocked && (
        <form method="post" action={`${base}/state`} novalidate>
          <CsrfInput token={props.session.csrfToken} />
          <input type="hidden" name="to" value={props.to} />
          {props.noteKinds && (
            <NoteSection
              kinds={props.noteKinds}
              values={props.values}
              problems={props.problems}
              reason={
                props.to === 'withdrawn'
                  ? 'Withdrawing takes the record down; the note stays in the public corrections log (rule R15).'
                  : 'This record was public before; the note tells readers what changed since (rule R15).'
              }
            />
          )}
          <div class="actions">
            <button type="submit" class={props.to === 'withdrawn' ? 'danger' : undefined}>
              {props.label}
            </button>
            <a href={base}>Cancel</a>
          </div>
        </form>
      )}
    </EditorLayout>
  );
}

/** The public-visibility line shown on records without their own state. */
export function Visibility(props: { target: CorrectionTarget | null }) {
  if (!props.target) return <p class="note">Not shown on its own; visible where published records use it.</p>;
  return props.target.published ? (
    <p class="callout callout-warn">The public can see this. Changes need a public correction note.</p>
  ) : (
    <p class="note">Not public yet ({props.target.state.replace('_', ' ')}).</p>
  );
}

/** What the record page shows about the two-person rule. */
export interface ApprovalInfo {
  reasons: string[];
  approvals: { display_name: string; approved_at: Date }[];
  /** The signed-in user could approve now (permission, not an author, record in review). */
  canApprove: boolean;
  isAuthor: boolean;
}

/** Two-person approval: who approved this version, and the button for a second person. */
export function ApprovalPanel(props: { session: SessionInfo; action: string; info: ApprovalInfo }) {
  const { info } = props;
  return (
    <section aria-labelledby="approval-title" class="callout">
      <h2 id="approval-title">Two-person approval</h2>
      <p>Needed because {info.reasons.join(' and ')}.</p>
      {info.approvals.length > 0 ? (
        <p>
          This version was approved by{' '}
          {info.approvals
            .map(
              (a) => `${a.display_name} (${a.approved_at.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
            )
            .join(', ')}
          .
        </p>
      ) : (
        <p>Not yet approved in its current version.</p>
      )}
      {info.canApprove ? (
        <form method="post" action={props.action}>
          <CsrfInput token={props.session.csrfToken} />
          <button type="submit">Approve this version for publication</button>
        </form>
      ) : (
        info.isAuthor && <p class="note">You changed this record, so someone else must approve it.</p>
      )}
    </section>
  );
}
