import type { z } from 'zod';
import type { Actor } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import type { AppError, ErrorCode, FieldProblem } from '../errors/catalogue.ts';
import { many, one, type FormValues } from '../http/form.ts';
import type { FieldSpec, Option } from '../http/forms.tsx';

/** A database row as the editor handles it generically. */
export type Row = Record<string, unknown>;

/** Choices of a select: fixed, or loaded from the database when the form is drawn. */
export type OptionSource = Option[] | ((db: Db) => Promise<Option[]>);

/**
 * One form field. `name` is the path in the service's zod input (so validation problems land on
 * the right field); `column` is where the value lives in the stored row.
 */
export interface FieldDef extends Omit<FieldSpec, 'options'> {
  options?: OptionSource;
  column?: string;
  /** Comma-separated list (tags). */
  split?: boolean;
  /** An empty value is sent as null rather than left out (partial dates). */
  nullable?: boolean;
}

/** A group of fields drawn as a fieldset. */
export interface SectionDef {
  legend?: string;
  hint?: string;
  fields: FieldDef[];
}

/** A list of child records shown on a record's page, with a link to add one. */
export interface ChildDef {
  type: string;
  column: string;
  label: string;
  /** The form field of the child that names this record (prefilled from the query string). */
  field: string;
}

/** Everything the editor needs to list, show, create, edit and revert one kind of record. */
export interface EntityDef {
  /** The table name, also the URL segment: /editor/<type>. */
  type: string;
  singular: string;
  plural: string;
  sections: SectionDef[];
  /** The service's input schema (reused, never duplicated). */
  schema: z.ZodType;
  /** The service write: creates, or updates the record with this id. */
  save(trx: Db, actor: Actor, input: unknown, id?: string): Promise<{ id: string }>;
  /** A one-line name for headings and lists. */
  title(row: Row): string;
  /** Final touches from form to input that fields cannot express (combined selects). */
  adjustInput?(input: Record<string, unknown>, values: FormValues): void;
  /** Final touches from stored row to form (link tables, combined selects). */
  adjustForm?(values: FormValues, row: Row, db: Db): Promise<void> | void;
  /** The field a database refusal without a column concerns, by error code (for the message beside it). */
  errorFields?: Partial<Record<ErrorCode, string>>;
  /** Problem paths that belong to another form field (e.g. outcomeTaxonomy → outcome). */
  aliases?: Record<string, string>;
  /** For a new record: the record it hangs under, whose visibility decides whether a note is needed. */
  parentOf?(values: FormValues): { table: string; id: string } | null;
  children?: ChildDef[];
  /** Runs once after a record is created (e.g. a source gets its first snapshot). */
  afterCreate?(trx: Db, actor: Actor, id: string): Promise<void>;
  /** Column lists sort by (newest first when it is created_at). Defaults to created_at. */
  orderBy?: string;
  /** Starting values of a new record's form. */
  defaults?: FormValues;
  /** Has its own publication state (draft → in review → published → withdrawn). */
  publishable?: boolean;
}

/** Every field of a definition, in order. */
export function allFields(def: EntityDef): FieldDef[] {
  return def.sections.flatMap((s) => s.fields);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  if (value !== undefined) cur[keys[keys.length - 1]!] = value;
}

function fieldInput(f: FieldDef, values: FormValues): unknown {
  const raw = one(values, f.name).trim();
  switch (f.kind) {
    case 'checkbox':
      return raw !== '';
    case 'checkboxes':
      return many(values, f.name);
    case 'number':
      // Not a number: pass the text on so the schema reports it against this field.
      return raw === '' ? undefined : /^-?\d+$/.test(raw) ? Number(raw) : raw;
    default:
      if (f.split)
        return raw === ''
          ? []
          : raw
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean);
      if (raw === '') return f.nullable ? null : f.required ? '' : undefined;
      return one(values, f.name);
  }
}

/** Turns submitted form values into the service's input shape. */
export function toInput(def: EntityDef, values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of allFields(def)) setPath(input, f.name, fieldInput(f, values));
  def.adjustInput?.(input, values);
  return input;
}

function formValue(f: FieldDef, v: unknown): string | string[] {
  if (v === null || v === undefined) return '';
  if (f.kind === 'checkbox') return v === true ? 'on' : '';
  if (Array.isArray(v)) return f.split ? v.join(', ') : v.map(String);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Fills a form from a stored row (editing, and validating an old version before a revert). */
export async function toForm(def: EntityDef, row: Row, db: Db): Promise<FormValues> {
  const values: FormValues = {};
  for (const f of allFields(def)) if (f.column) values[f.name] = formValue(f, row[f.column]);
  await def.adjustForm?.(values, row, db);
  return values;
}

/**
 * Puts each problem on the form field it concerns: exact input paths, list items
 * ('standards.0'), aliases and database column names all map to a field. A required field left
 * empty says so plainly instead of repeating a type error.
 */
export function problemsForForm(
  def: EntityDef,
  problems: FieldProblem[],
  values: FormValues,
): FieldProblem[] {
  const fields = allFields(def);
  const names = new Set(fields.map((f) => f.name));
  const byColumn = new Map(fields.filter((f) => f.column).map((f) => [f.column!, f.name]));
  const out: FieldProblem[] = [];
  for (const p of problems) {
    const base = p.field.replace(/\.\d+$/, '');
    const field = names.has(p.field)
      ? p.field
      : names.has(base)
        ? base
        : (def.aliases?.[p.field] ?? byColumn.get(p.field) ?? p.field);
    const spec = fields.find((f) => f.name === field);
    const typed = one(values, field).trim();
    const empty = spec?.required && typed === '' && spec.kind !== 'checkboxes';
    const notNumber = spec?.kind === 'number' && typed !== '' && !/^-?\d+$/.test(typed);
    const message = empty ? 'is required' : notNumber ? 'must be a whole number' : p.message;
    const problem = { field, message };
    if (!out.some((o) => o.field === problem.field && o.message === problem.message)) out.push(problem);
  }
  return out;
}

/** Shortens text for lists and option labels. */
export function clip(s: unknown, max = 80): string {
  const t = String(s ?? '').replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The problems of a refused save, placed on the form's fields. */
export function formProblems(def: EntityDef, err: AppError, values: FormValues): FieldProblem[] {
  const onField = def.errorFields?.[err.code];
  const problems = err.fields.length === 0 && onField ? [{ field: onField, message: err.title }] : err.fields;
  return problemsForForm(def, problems, values);
}
