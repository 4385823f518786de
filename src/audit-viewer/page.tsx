import type { SessionInfo } from '../accounts/session.ts';
import type { JsonValue } from '../db/schema.generated.ts';
import { fieldChanges, showValue, type FieldChange } from '../editor/diff.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { ENTITIES } from '../editor/registry.ts';
import { FormField, type FieldSpec } from '../http/forms.tsx';
import { DataTable } from '../http/table.tsx';
import { Timestamp } from '../http/time.tsx';
import type { AuditEntryView, AuditPage } from './repository.ts';
import { filterParams, type AuditQuery } from './schema.ts';

// Records the editor has a page for: their audit rows link there.
const EDITOR_TYPES = new Set(ENTITIES.map((e) => e.type));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A row shows this many changed fields; the export has them all.
const MAX_FIELDS = 8;
const MAX_VALUE = 80;

/** What the filter form offers. */
export interface AuditFilterOptions {
  accounts: { id: string; display_name: string; email: string }[];
  entityTypes: string[];
}

function filterFields(o: AuditFilterOptions): FieldSpec[] {
  const option = (value: string, label = value) => ({ value, label });
  return [
    {
      name: 'user',
      label: 'Account',
      kind: 'select',
      blank: 'Any account',
      options: o.accounts.map((a) => option(a.id, `${a.display_name} (${a.email})`)),
    },
    {
      name: 'actor',
      label: 'Actor',
      kind: 'text',
      hint: 'Exactly as logged, e.g. system:seed or cli:import.',
    },
    { name: 'action', label: 'Action', kind: 'text', hint: 'e.g. create, revert, user.create.' },
    {
      name: 'match',
      label: 'Action matches',
      kind: 'select',
      blank: 'Starts with',
      options: [option('exact', 'Exactly')],
    },
    {
      name: 'type',
      label: 'Kind of record',
      kind: 'select',
      blank: 'Any kind',
      options: o.entityTypes.map((t) => option(t)),
    },
    { name: 'id', label: 'Record id', kind: 'text' },
    { name: 'from', label: 'From date', kind: 'date', hint: 'A UTC day, e.g. 2026-03-31.' },
    { name: 'to', label: 'To date', kind: 'date', hint: 'A UTC day; rows on this day are included.' },
  ];
}

function short(v: unknown): string {
  const s = v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : showValue(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The changed fields of a {before, after} diff; any other shape (a logged read) as its fields. */
function changesOf(diff: JsonValue): FieldChange[] {
  if (isObj(diff) && 'before' in diff && 'after' in diff) {
    const { before, after } = diff;
    if ((before === null || isObj(before)) && (after === null || isObj(after)))
      return fieldChanges(before, after);
  }
  if (isObj(diff)) return Object.entries(diff).map(([field, after]) => ({ field, before: null, after }));
  return [{ field: 'value', before: null, after: diff }];
}

/** The changed fields, before → after (only the new values for a creation, the old for a deletion). */
function DiffSummary(props: { diff: JsonValue }) {
  const d = props.diff;
  const created = isObj(d) && d.before === null;
  const deleted = isObj(d) && d.after === null;
  // The id is in the Record column already.
  const changes = changesOf(d).filter((c) => c.field !== 'id');
  if (changes.length === 0) return <span class="note">No field changed.</span>;
  return (
    <ul class="diff">
      {changes.slice(0, MAX_FIELDS).map((c) => (
        <li>
          <strong>{c.field.replace(/_/g, ' ')}</strong>: {!created && <del>{short(c.before)}</del>}
          {!created && !deleted && ' → '}
          {!deleted && <ins>{short(c.after)}</ins>}
        </li>
      ))}
      {changes.length > MAX_FIELDS && (
        <li class="note">
          and {changes.length - MAX_FIELDS} more {changes.length - MAX_FIELDS === 1 ? 'field' : 'fields'} (in
          the CSV export)
        </li>
      )}
    </ul>
  );
}

function Record(props: { row: AuditEntryView }) {
  const { entityType, entityId } = props.row;
  const label = `${entityType} ${entityId}`;
  if (EDITOR_TYPES.has(entityType) && UUID.test(entityId))
    return <a href={`/editor/${entityType}/${entityId}`}>{label}</a>;
  return <span>{label}</span>;
}

function Who(props: { row: AuditEntryView }) {
  const r = props.row;
  if (!r.actorName) return <code>{r.actor}</code>;
  return <span title={r.actor}>{r.actorName}</span>;
}

function pageHref(q: AuditQuery, cursor: { before?: number; after?: number }): string {
  const p = filterParams(q);
  if (cursor.before !== undefined) p.set('before', String(cursor.before));
  if (cursor.after !== undefined) p.set('after', String(cursor.after));
  if (q.limit !== undefined) p.set('limit', String(q.limit));
  const s = p.toString();
  return s ? `/editor/audit?${s}` : '/editor/audit';
}

function Pagination(props: { q: AuditQuery; page: AuditPage }) {
  const { q, page } = props;
  const moved = q.before !== undefined || q.after !== undefined;
  return (
    <nav class="pagination" aria-label="Pages">
      <ul>
        {moved && (
          <li>
            <a href={pageHref(q, {})}>Newest</a>
          </li>
        )}
        {page.newer !== null && (
          <li>
            <a href={pageHref(q, { after: page.newer })} rel="prev">
              Newer
            </a>
          </li>
        )}
        {page.older !== null && (
          <li>
            <a href={pageHref(q, { before: page.older })} rel="next">
              Older
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** GET /editor/audit: the audit log, newest first, filtered, a page at a time. */
export function AuditLogPage(props: {
  session: SessionInfo;
  query: AuditQuery;
  options: AuditFilterOptions;
  page: AuditPage;
}) {
  const { query: q, page } = props;
  const params = filterParams(q);
  const values = Object.fromEntries(params);
  const csv = `/editor/audit.csv${params.size ? `?${params}` : ''}`;
  return (
    <EditorLayout
      title="Audit log"
      session={props.session}
      crumbs={[{ href: '/editor', label: 'Dashboard' }]}
    >
      <h1>Audit log</h1>
      <p class="note">
        Every change, by whom and when, newest first. Times are UTC. Passwords, secrets and tokens are never
        shown.
      </p>
      <form method="get" action="/editor/audit" aria-label="Filter the audit log">
        <fieldset class="filters">
          <legend>Filters</legend>
          {filterFields(props.options).map((f) => (
            <FormField field={f} values={values} />
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">Filter</button>
          <a href="/editor/audit">Clear filters</a>
          <a href={csv}>Download every matching row (CSV)</a>
        </div>
      </form>
      {page.rows.length === 0 ? (
        <p>No audit rows match these filters.</p>
      ) : (
        <DataTable
          caption="Audit rows"
          columns={[
            { label: 'Seq', numeric: true },
            { label: 'When' },
            { label: 'Who' },
            { label: 'Action' },
            { label: 'Record' },
            { label: 'Changes' },
          ]}
          rows={page.rows.map((r) => ({
            header: String(r.seq),
            cells: [
              <Timestamp at={r.occurredAt} withTime />,
              <Who row={r} />,
              <code>{r.action}</code>,
              <Record row={r} />,
              <DiffSummary diff={r.diff} />,
            ],
          }))}
        />
      )}
      <Pagination q={q} page={page} />
    </EditorLayout>
  );
}
