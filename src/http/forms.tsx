import type { AppError } from '../errors/catalogue.ts';
import type { FieldProblem } from '../errors/catalogue.ts';
import { many, one, type FormValues } from './form.ts';

/** How a field is entered. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'checkbox'
  | 'checkboxes'
  | 'date'
  | 'number'
  | 'email'
  | 'password'
  | 'hidden';

/** One choice of a select or checkbox group; `group` becomes an <optgroup>. */
export interface Option {
  value: string;
  label: string;
  group?: string;
}

/** Everything needed to render one labelled field. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  required?: boolean;
  options?: Option[];
  /** Label of the empty choice of an optional select. */
  blank?: string;
  autocomplete?: string;
}

/** The id of a field's control, used by labels and by the error summary's links. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The hidden CSRF field every form carries. */
export function CsrfInput(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/**
 * The error summary at the top of a form (focusable, announced), each problem linking to its
 * field. Problems whose field is not on the form are listed without a link.
 */
export function ErrorSummary(props: { problems: FieldProblem[]; fields: FieldSpec[]; message?: string }) {
  if (props.problems.length === 0 && !props.message) return null;
  const byName = new Map(props.fields.map((f) => [f.name, f]));
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      {props.message && <p>{props.message}</p>}
      <ul>
        {props.problems.map((p) => {
          const f = byName.get(p.field);
          if (!f || f.kind === 'hidden') return <li>{`${p.field}: ${p.message}`}</li>;
          const target = f.kind === 'checkboxes' ? `${fieldId(f.name)}-0` : fieldId(f.name);
          return (
            <li>
              <a href={`#${target}`}>{`${f.label}: ${p.message}`}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Messages(props: { id: string; errors: string[] }) {
  return (
    <>
      {props.errors.map((e, i) => (
        <p class="field-error" id={`${props.id}-error${i === 0 ? '' : `-${i}`}`}>
          <span class="visually-hidden">Error: </span>
          {e}
        </p>
      ))}
    </>
  );
}

function describedBy(id: string, field: FieldSpec, errors: string[]): string | undefined {
  const ids = [field.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function SelectOptions(props: { field: FieldSpec; value: string }) {
  const opts = props.field.options ?? [];
  const groups = [...new Set(opts.map((o) => o.group ?? ''))];
  const render = (o: Option) => (
    <option value={o.value} selected={o.value === props.value}>
      {o.label}
    </option>
  );
  return (
    <>
      {(!props.field.required || props.value === '') && (
        <option value="">{props.field.blank ?? (props.field.required ? 'Choose…' : '— none —')}</option>
      )}
      {groups.map((g) =>
        g === '' ? (
          opts.filter((o) => !o.group).map(render)
        ) : (
          <optgroup label={g}>{opts.filter((o) => o.group === g).map(render)}</optgroup>
        ),
      )}
    </>
  );
}

function Checkboxes(props: { field: FieldSpec; values: FormValues; errors: string[] }) {
  const f = props.field;
  const id = fieldId(f.name);
  const chosen = new Set(many(props.values, f.name));
  return (
    <fieldset class="field" aria-describedby={describedBy(id, f, props.errors)}>
      <legend>{f.label}</legend>
      {f.hint && (
        <span class="hint" id={`${id}-hint`}>
          {f.hint}
        </span>
      )}
      <Messages id={id} errors={props.errors} />
      {(f.options ?? []).map((o, i) => (
        <label class="checkbox" for={`${id}-${i}`}>
          <input
            type="checkbox"
            id={`${id}-${i}`}
            name={f.name}
            value={o.value}
            checked={chosen.has(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** One labelled field with its hint, its messages and the value the user typed. */
export function FormField(props: { field: FieldSpec; values: FormValues; errors?: string[] }) {
  const f = props.field;
  const errors = props.errors ?? [];
  const value = one(props.values, f.name);
  if (f.kind === 'hidden') return <input type="hidden" name={f.name} value={value} />;
  if (f.kind === 'checkboxes') return <Checkboxes field={f} values={props.values} errors={errors} />;
  const id = fieldId(f.name);
  const common = {
    id,
    name: f.name,
    'aria-describedby': describedBy(id, f, errors),
    'aria-invalid': errors.length ? ('true' as const) : undefined,
  };
  const hint = f.hint && (
    <span class="hint" id={`${id}-hint`}>
      {f.hint}
    </span>
  );
  if (f.kind === 'checkbox') {
    return (
      <div class="field">
        <label class="checkbox" for={id}>
          <input type="checkbox" value="on" checked={value !== ''} {...common} />
          {f.label}
        </label>
        {hint}
        <Messages id={id} errors={errors} />
      </div>
    );
  }
  const control =
    f.kind === 'textarea' ? (
      <textarea {...common} required={f.required}>
        {value}
      </textarea>
    ) : f.kind === 'select' ? (
      <select {...common} required={f.required}>
        <SelectOptions field={f} value={value} />
      </select>
    ) : (
      <input
        type={f.kind}
        value={f.kind === 'password' ? undefined : value}
        required={f.required}
        autocomplete={f.autocomplete}
        {...common}
      />
    );
  return (
    <div class="field">
      <label for={id}>
        {f.label}
        {!f.required && <span class="hint-inline"> (optional)</span>}
      </label>
      {hint}
      <Messages id={id} errors={errors} />
      {control}
    </div>
  );
}

/** Groups problems by field name for FormField. */
export function errorsByField(problems: FieldProblem[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of problems) map.set(p.field, [...(map.get(p.field) ?? []), p.message]);
  return map;
}

/**
 * The body of a simple form: the error summary (when the last submission failed) and each field
 * with its own messages. Forms that are not entity forms (allowlist, complaints) share it.
 */
export function FormBody(props: { fields: FieldSpec[]; values: FormValues; err?: AppError | undefined }) {
  const err = props.err;
  return (
    <>
      <ErrorSummary
        problems={err?.fields ?? []}
        fields={props.fields}
        message={err?.fields.length ? undefined : err?.message}
      />
      {props.fields.map((f) => (
        <FormField
          field={f}
          values={props.values}
          errors={err?.fields.filter((p) => p.field === f.name).map((p) => p.message)}
        />
      ))}
    </>
  );
}
