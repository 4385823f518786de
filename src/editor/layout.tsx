import type { Child } from 'hono/jsx';
import { can } from '../accounts/policy.ts';
import type { SessionInfo } from '../accounts/session.ts';
import type { Db } from '../db/client.ts';
import { CsrfInput, ErrorSummary, FormField, errorsByField, type FieldSpec } from '../http/forms.tsx';
import type { FormValues } from '../http/form.ts';
import { Layout } from '../http/layout.tsx';
import type { CorrectionKind } from '../publication/corrections.ts';
import type { FieldProblem } from '../errors/catalogue.ts';
import type { EntityDef } from './entity.ts';
import { choices } from './options.ts';

/** A link in the breadcrumb trail. */
export interface Crumb {
  href: string;
  label: string;
}

/** The shell of every editor page: who is signed in, sign-out, breadcrumbs. Never indexed. */
export function EditorLayout(props: {
  title: string;
  session: SessionInfo;
  crumbs?: Crumb[];
  children: Child;
}) {
  const u = props.session.user;
  return (
    <Layout title={`${props.title} · Editor`} section="editor" noindex>
      <div class="editor-bar">
        <a href="/editor">Editor dashboard</a>
        <a href="/editor/account">Your account</a>
        {can(u, 'user.manage') && <a href="/editor/users">Accounts</a>}
        {can(u, 'user.manage') && <a href="/editor/tokens">API tokens</a>}
        {can(u, 'audit.read') && <a href="/editor/audit">Audit log</a>}
        {can(u, 'submission.moderate') && <a href="/editor/submissions">Submissions</a>}
        {can(u, 'dataset.import') && <a href="/editor/imports">Imports</a>}
        {can(u, 'record.merge') && <a href="/editor/matches">Matches</a>}
        {can(u, 'record.edit_unpublished') && <a href="/editor/ingest">Add from an article</a>}
        {can(u, 'webhook.manage') && <a href="/editor/webhooks">Webhooks</a>}
        <span>
          Signed in as <strong>{u.displayName}</strong> ({u.role})
        </span>
        <form method="post" action="/logout">
          <CsrfInput token={props.session.csrfToken} />
          <button class="secondary" type="submit">
            Sign out
          </button>
        </form>
      </div>
      {props.crumbs && (
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <ol>
            {props.crumbs.map((c) => (
              <li>
                <a href={c.href}>{c.label}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {props.children}
    </Layout>
  );
}

/** A group of fields ready to draw (options loaded). */
export interface ResolvedSection {
  legend?: string;
  hint?: string;
  fields: FieldSpec[];
}

/** Loads each select's choices so the form can be drawn. */
export async function resolveSections(def: EntityDef, db: Db): Promise<ResolvedSection[]> {
  return Promise.all(
    def.sections.map(async (s) => ({
      legend: s.legend,
      hint: s.hint,
      fields: await Promise.all(
        s.fields.map(async (f) => ({
          ...f,
          options: typeof f.options === 'function' ? await f.options(db) : f.options,
        })),
      ),
    })),
  );
}

/** The public correction note's fields (rule R15). */
export function noteFields(kinds: readonly CorrectionKind[]): FieldSpec[] {
  return [
    {
      name: 'correction.kind',
      label: 'Kind of note',
      kind: 'select',
      required: true,
      options: choices(kinds),
    },
    {
      name: 'correction.what',
      label: 'What changed',
      kind: 'textarea',
      required: true,
      hint: 'Published in the corrections log, so write it for readers.',
    },
    { name: 'correction.why', label: 'Why', kind: 'textarea', required: true },
  ];
}

/** Draws sections of fields (fieldsets where there is a legend) with their messages. */
export function Sections(props: {
  sections: ResolvedSection[];
  values: FormValues;
  problems: FieldProblem[];
}) {
  const errors = errorsByField(props.problems);
  return (
    <>
      {props.sections.map((s, i) => {
        const body = (
          <>
            {s.hint && (
              <p class="hint" id={`section-${i}-hint`}>
                {s.hint}
              </p>
            )}
            {s.fields.map((f) => (
              <FormField field={f} values={props.values} errors={errors.get(f.name)} />
            ))}
          </>
        );
        return s.legend ? (
          <fieldset>
            <legend>{s.legend}</legend>
            {body}
          </fieldset>
        ) : (
          body
        );
      })}
    </>
  );
}

/** The public-note fieldset shown whenever a change would be seen by the public. */
export function NoteSection(props: {
  kinds: readonly CorrectionKind[];
  values: FormValues;
  problems: FieldProblem[];
  reason: string;
}) {
  return (
    <div class="callout callout-warn">
      <Sections
        sections={[{ legend: 'Public correction note', hint: props.reason, fields: noteFields(props.kinds) }]}
        values={props.values}
        problems={props.problems}
      />
    </div>
  );
}

/** The create/edit form of any record, with its error summary and kept values. */
export function EntityFormPage(props: {
  session: SessionInfo;
  def: EntityDef;
  heading: string;
  action: string;
  cancel: string;
  sections: ResolvedSection[];
  values: FormValues;
  problems: FieldProblem[];
  message?: string;
  noteKinds: readonly CorrectionKind[] | null;
}) {
  const fields = [
    ...props.sections.flatMap((s) => s.fields),
    ...(props.noteKinds ? noteFields(props.noteKinds) : []),
  ];
  return (
    <EditorLayout
      title={props.heading}
      session={props.session}
      crumbs={[{ href: `/editor/${props.def.type}`, label: props.def.plural }]}
    >
      <h1>{props.heading}</h1>
      <ErrorSummary problems={props.problems} fields={fields} message={props.message} />
      <form method="post" action={props.action} novalidate>
        <CsrfInput token={props.session.csrfToken} />
        <Sections sections={props.sections} values={props.values} problems={props.problems} />
        {props.noteKinds && (
          <NoteSection
            kinds={props.noteKinds}
            values={props.values}
            problems={props.problems}
            reason="The public can see this record. Your change is published with this note in the corrections log (rule R15: no silent edits)."
          />
        )}
        <div class="actions">
          <button type="submit">Save</button>
          <a href={props.cancel}>Cancel</a>
        </div>
      </form>
    </EditorLayout>
  );
}
