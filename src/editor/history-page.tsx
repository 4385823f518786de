import type { SessionInfo } from '../accounts/session.ts';
import type { FieldProblem } from '../errors/catalogue.ts';
import { CsrfInput, ErrorSummary } from '../http/forms.tsx';
import type { FormValues } from '../http/form.ts';
import { EDIT_KINDS } from '../publication/corrections.ts';
import { showValue, type FieldChange } from './diff.ts';
import type { EntityDef } from './entity.ts';
import type { VersionEntry } from './history.ts';
import { EditorLayout, NoteSection, noteFields } from './layout.tsx';

/** Field-by-field changes; long text word by word with <del>/<ins>. */
export function ChangeTable(props: { changes: FieldChange[] }) {
  if (props.changes.length === 0) return <p class="note">No field changed.</p>;
  return (
    <div class="table-wrap">
      <table class="changes">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c) => (
            <tr>
              <th scope="row">{c.field.replace(/_/g, ' ')}</th>
              {c.words ? (
                <td colspan={2}>
                  <p class="diff pre-wrap">
                    {c.words.map((p) =>
                      p.op === 'del' ? <del>{p.text}</del> : p.op === 'ins' ? <ins>{p.text}</ins> : p.text,
                    )}
                  </p>
                </td>
              ) : (
                <>
                  <td class="diff">
                    <del>{showValue(c.before)}</del>
                  </td>
                  <td class="diff">
                    <ins>{showValue(c.after)}</ins>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** GET /editor/:type/:id/history: every version, newest first, with what changed and who did it. */
export function HistoryPage(props: {
  session: SessionInfo;
  def: EntityDef;
  id: string;
  title: string;
  versions: VersionEntry[];
}) {
  const base = `/editor/${props.def.type}/${props.id}`;
  const latest = props.versions[props.versions.length - 1]?.version;
  return (
    <EditorLayout
      title={`History: ${props.title}`}
      session={props.session}
      crumbs={[{ href: base, label: props.title }]}
    >
      <h1>History: {props.title}</h1>
      <p class="note">
        Reverting restores this record's own fields as a new version; lists kept elsewhere (standards, people
        involved) are changed from the record's page.
      </p>
      <ol class="results history" reversed>
        {[...props.versions].reverse().map((v) => (
          <li id={`v${v.version}`}>
            <h2>
              Version {v.version}: {v.action}
            </h2>
            <p class="meta">
              {v.who} ·{' '}
              <time datetime={v.at.toISOString()}>
                {v.at.toISOString().replace('T', ' ').slice(0, 19)} UTC
              </time>
            </p>
            <ChangeTable changes={v.changes} />
            {v.version !== latest && v.data && (
              <a href={`${base}/revert/${v.version}`}>Revert to this version</a>
            )}
          </li>
        ))}
      </ol>
    </EditorLayout>
  );
}

/** GET/POST /editor/:type/:id/revert/:version: what a revert would change, then confirm. */
export function RevertPage(props: {
  session: SessionInfo;
  def: EntityDef;
  id: string;
  title: string;
  version: number;
  changes: FieldChange[];
  needsNote: boolean;
  values: FormValues;
  problems: FieldProblem[];
  message?: string;
}) {
  const base = `/editor/${props.def.type}/${props.id}`;
  return (
    <EditorLayout
      title="Revert"
      session={props.session}
      crumbs={[{ href: `${base}/history`, label: `History: ${props.title}` }]}
    >
      <h1>
        Revert {props.title} to version {props.version}
      </h1>
      <ErrorSummary
        problems={props.problems}
        fields={props.needsNote ? noteFields(EDIT_KINDS) : []}
        message={props.message}
      />
      <h2>What will change</h2>
      <ChangeTable changes={props.changes} />
      <form method="post" action={`${base}/revert/${props.version}`} novalidate>
        <CsrfInput token={props.session.csrfToken} />
        {props.needsNote && (
          <NoteSection
            kinds={EDIT_KINDS}
            values={props.values}
            problems={props.problems}
            reason="The public can see this record: the revert is published with this note (rule R15)."
          />
        )}
        <div class="actions">
          <button type="submit">Revert to this version</button>
          <a href={`${base}/history`}>Cancel</a>
        </div>
      </form>
    </EditorLayout>
  );
}
