import { z } from 'zod';
import { bool, day, externalId, text, wholeNumber } from '../../fields.ts';
import { usRank } from '../../us-vocabulary.ts';
import { FIELDS, KINDS, type FieldDef, type FieldKind, type Kind, type Track } from './fields.ts';
import type { DateFormat, FieldSpec, Mapping } from './mapping.ts';

/**
 * One CSV row read through a mapping: for each kind of record, its id and field values, or
 * nothing when the row does not make one (an officer id left blank). Every problem is reported
 * on the column it came from.
 */

export type Value = string | number | boolean | string[] | null;
/** A read value as text for a column, or null when there is none. */
export const str = (v: Value | undefined) => (v === undefined || v === null ? null : String(v));
export interface Made {
  externalId: string;
  fields: Record<string, Value>;
}
/** A finding and a sanction carry their allegation's id. */
export type MappedRow = Partial<Record<FieldKind, Made>>;

/** Codes of the taxonomies behind coded fields, filled in once the database is open. */
export interface Codes {
  /** By code source; outcomes and sanctions also by track ("outcome:criminal"). */
  bySource: Map<string, Set<string>>;
  /** Whether the force is a US agency (ranks are then read by the US rank rules when unmapped). */
  us: boolean;
}

// A pseudonym from the file must look like one ("Complainant A", "Child Q", "Person 12"), never a name.
const PSEUDONYM =
  /^(?:(?:child|young person|person|complainant|victim|witness|subject|youth|pupil|student|individual|member of the public|relative|mr|mrs|ms|miss|mx)\s+)?(?:[A-Z]{1,3}|\d{1,6}|[A-Z]\d{1,5})$/i;

type Ctx = z.RefinementCtx;
type Raw = Record<string, string>;

function codesOf(def: FieldDef, codes: Codes): Set<string> | null {
  if (def.type !== 'code' && def.type !== 'codes') return null;
  return typeof def.codes === 'string' ? (codes.bySource.get(def.codes) ?? new Set()) : new Set(def.codes);
}

/** A coded value: through the value map (case and spaces ignored; null there means none), else a code as it is. */
function toCode(
  value: string,
  spec: FieldSpec,
  def: FieldDef,
  codes: Codes,
): string | null | { error: string } {
  if ('values' in spec && spec.values) {
    const key = value.trim().toLowerCase();
    const hit = Object.entries(spec.values).find(([k]) => k.trim().toLowerCase() === key);
    if (hit) return hit[1];
    if (spec.otherwise !== undefined) return spec.otherwise;
    const known = Object.keys(spec.values)
      .slice(0, 12)
      .map((k) => `"${k}"`);
    return { error: `"${value}" is not in the mapping's values (${known.join(', ')})` };
  }
  if (def.type === 'code' && def.codes === 'rank' && codes.us) return usRank(value) ?? 'other';
  const allowed = codesOf(def, codes)!;
  if (allowed.has(value)) return value;
  return {
    error: `"${value}" is not a code (give the column a "values" map): ${[...allowed].slice(0, 20).join(', ')}`,
  };
}

function dateSchema(format: DateFormat, missing: readonly string[]) {
  return day({ us: format === 'us', uk: format === 'uk', missing });
}

/** Reads one field from the row; problems go to `ctx` on the column. */
function readField(raw: Raw, spec: FieldSpec, def: FieldDef, m: Mapping, codes: Codes, ctx: Ctx): Value {
  // Codes, numbers and flags given as constants are checked with the mapping; text and dates are read like cells.
  if ('constant' in spec && ['code', 'codes', 'bool', 'whole'].includes(def.type)) return spec.constant;
  const column = 'column' in spec ? spec.column : 'constant';
  const cell = 'constant' in spec ? String(spec.constant) : (raw[column] ?? '');
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', path: [column], message });
    return null;
  };
  const through = (schema: z.ZodType<unknown>) => {
    const r = schema.safeParse(cell);
    if (!r.success) return fail(r.error.issues[0]!.message);
    return r.data as Value;
  };
  if (m.missing.includes(cell.trim())) return null;
  switch (def.type) {
    case 'date':
      return through(dateSchema(('dates' in spec ? spec.dates : undefined) ?? m.dates, m.missing));
    case 'whole':
      return through(wholeNumber(m.missing, 3));
    case 'bool':
      return through(bool(m.missing));
    case 'code': {
      const c = toCode(cell.trim(), spec, def, codes);
      return c === null || typeof c === 'string' ? c : fail(c.error);
    }
    case 'codes': {
      const parts = cell
        .split(('separator' in spec ? spec.separator : undefined) ?? ';')
        .map((p) => p.trim())
        .filter((p) => !m.missing.includes(p));
      const out: string[] = [];
      for (const p of parts) {
        const c = toCode(p, spec, def, codes);
        if (c === null) continue;
        if (typeof c !== 'string') return fail(c.error);
        out.push(c);
      }
      return [...new Set(out)];
    }
    case 'identifier':
      return /^[A-Za-z0-9][A-Za-z0-9 /.-]{0,39}$/.test(cell.trim())
        ? cell.trim()
        : fail('must be a shoulder or badge number (letters, digits, spaces, / . -)');
    case 'place':
      return placeOf(cell, fail);
    case 'pseudonym':
      return cell.trim();
    case 'text':
      return through(text(def.max, m.missing));
  }
}

// A house number, a flat or a full postcode makes a place a home address (rule R10).
const HOUSE = /^\s*(?:flat|apartment|apt|unit|suite)\b|^\s*\d+[a-z]?\s+(?!block\b)[a-z]/i;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;

function placeOf(cell: string, fail: (m: string) => null): string | null {
  const t = cell.trim();
  if (t.length > 300) return fail('longer than 300 characters');
  if (HOUSE.test(t) || POSTCODE.test(t))
    return fail(
      'looks like a street address (a house or flat number, or a full postcode): give the street, area or postcode district only (rule R10)',
    );
  return t;
}

/** What is wrong with a text or date constant (a date that is no date, a home as a place), or null. */
export function constantProblem(
  def: FieldDef,
  constant: string | number | boolean,
  m: Pick<Mapping, 'dates' | 'missing'>,
): string | null {
  const issues: string[] = [];
  const ctx = { addIssue: (i: { message: string }) => void issues.push(i.message) } as unknown as Ctx;
  const codes: Codes = { bySource: new Map(), us: false };
  readField({}, { constant }, def, { ...m, missing: ['', ...m.missing] } as Mapping, codes, ctx);
  return issues[0] ?? null;
}

const MISSING = Symbol('missing');

/** The record's id from its id columns (JSON of the values when several); MISSING when blank. */
function idOf(raw: Raw, columns: string[], m: Mapping, ctx: Ctx, kind: Kind): string | typeof MISSING | null {
  const parts: string[] = [];
  for (const c of columns) {
    const cell = (raw[c] ?? '').trim();
    if (m.missing.includes(cell)) return MISSING;
    const r = externalId(150).safeParse(cell);
    if (!r.success) {
      ctx.addIssue({ code: 'custom', path: [c], message: r.error.issues[0]!.message });
      return null;
    }
    // A person's id goes nowhere public, but a name used as an id would still be a name.
    if (kind === 'person' && !/\d/.test(r.data)) {
      ctx.addIssue({
        code: 'custom',
        path: [c],
        message: "a person's id must be a reference number (this has no digit: is it a name?)",
      });
      return null;
    }
    parts.push(r.data);
  }
  const id = parts.length === 1 ? parts[0]! : JSON.stringify(parts);
  if (id.length > 200) {
    ctx.addIssue({
      code: 'custom',
      path: [columns[0]!],
      message: 'the id columns together are longer than 200 characters',
    });
    return null;
  }
  return id;
}

/** People: never named; a pseudonym from the file must look like one; age decides minor or adult. */
function personChecks(made: Made, spec: FieldSpec | undefined, ctx: Ctx) {
  const f = made.fields;
  const age = f.age === null || f.age === undefined ? null : Number(f.age);
  const status = (f.age_status as string | null) ?? (age === null ? 'unknown' : age < 18 ? 'minor' : 'adult');
  f.age_status = status;
  const pseudonym = f.pseudonym as string | null | undefined;
  if (pseudonym && !PSEUDONYM.test(pseudonym)) {
    const column = spec && 'column' in spec ? spec.column : 'pseudonym';
    const who =
      status === 'adult'
        ? 'a person who is not an officer'
        : `a child or a person of unknown age${age !== null ? ` (age ${age})` : ''}`;
    ctx.addIssue({
      code: 'custom',
      path: [column],
      message: `this row is about ${who}, who is never named (rules ${status === 'adult' ? 'R9' : 'R8'}): "${pseudonym.slice(0, 40)}" does not look like a pseudonym ("Complainant A", "Child Q", "Person 12"). Leave the column unmapped and Custodiet writes one.`,
    });
  }
}

/** The zod schema of one row under a mapping (codes are read when the import starts). */
export function rowSchema(m: Mapping, codes: Codes): z.ZodType<MappedRow> {
  return z.record(z.string(), z.string()).transform((raw, zodCtx) => {
    const ctx = onePerCell(zodCtx);
    const row: MappedRow = {};
    for (const kind of KINDS) {
      const s = m.records[kind];
      if (!s) continue;
      const externalId = idOf(raw, s.id, m, ctx, kind);
      // A row without an officer (or person) id simply names none; incidents and allegations must have one.
      if (externalId === MISSING && (kind === 'incident' || kind === 'allegation'))
        ctx.addIssue({
          code: 'custom',
          path: [s.id[0]!],
          message: `must not be empty: it identifies the ${kind}`,
        });
      if (typeof externalId !== 'string') continue;
      const fields = readFields(raw, kind, m, codes, ctx);
      row[kind] = { externalId, fields };
      if (kind === 'person') personChecks(row[kind], s.fields.pseudonym, ctx);
      const { conduct_from: from, conduct_to: to } = fields;
      if (typeof from === 'string' && typeof to === 'string' && to < from)
        issueOn(ctx, m, kind, 'conduct_to', 'is before conduct_from');
    }
    if (m.records.finding && row.allegation) outcomesOf(raw, row, m, codes, ctx);
    return row;
  });
}

/**
 * Reports one problem per cell: two fields read from one column (an outcome column gives the
 * allegation's status and its finding) would otherwise report the same bad value twice.
 */
function onePerCell(ctx: Ctx): Ctx & { reported: number } {
  const seen = new Set<string>();
  let reported = 0;
  return {
    /** Problems found so far, repeats included. */
    get reported() {
      return reported;
    },
    addIssue(issue: Parameters<Ctx['addIssue']>[0]) {
      reported++;
      const cell = typeof issue === 'string' ? '' : String(issue.path?.[0] ?? '');
      if (seen.has(cell)) return;
      seen.add(cell);
      ctx.addIssue(issue);
    },
  } as Ctx & { reported: number };
}

function readFields(raw: Raw, kind: FieldKind, m: Mapping, codes: Codes, ctx: Ctx): Record<string, Value> {
  const fields: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(m.records[kind]!.fields))
    fields[name] = readField(raw, spec, FIELDS[kind][name]!, m, codes, ctx);
  return fields;
}

/** A problem reported on the column a field is read from. */
function issueOn(ctx: Ctx, m: Mapping, kind: FieldKind, field: string, message: string) {
  const spec = m.records[kind]!.fields[field];
  ctx.addIssue({ code: 'custom', path: [spec && 'column' in spec ? spec.column : field], message });
}

/**
 * The row's finding, when its outcome reads as one, and its sanction, when that does too. The
 * codes must be of the finding's track (a conviction is not a misconduct outcome); a sanction
 * without a finding is refused rather than left without the decision it follows.
 */
function outcomesOf(raw: Raw, row: MappedRow, m: Mapping, codes: Codes, ctx: Ctx & { reported: number }) {
  const externalId = row.allegation!.externalId;
  const before = ctx.reported;
  const finding = readFields(raw, 'finding', m, codes, ctx);
  // An outcome that could not be read is already reported: its sanction is not "without a finding".
  const unreadable = ctx.reported > before;
  const track = (finding.track as Track | null) ?? 'conduct';
  finding.track = track;
  const ofTrack = (field: 'outcome' | 'sanction', kind: 'finding' | 'sanction', code: Value) => {
    const allowed = codes.bySource.get(`${field}:${track}`) ?? new Set<string>();
    if (allowed.has(code as string)) return true;
    issueOn(
      ctx,
      m,
      kind,
      field,
      allowed.size === 0
        ? `the ${track} track has no ${field}s for this force's jurisdiction`
        : `"${String(code)}" is not ${field === 'outcome' ? 'an outcome' : 'a sanction'} of the ${track} track: ${[...allowed].join(', ')}`,
    );
    return false;
  };
  const outcome = finding.outcome ?? null;
  if (outcome !== null && ofTrack('outcome', 'finding', outcome))
    row.finding = { externalId, fields: finding };
  if (!m.records.sanction) return;
  const sanction = readFields(raw, 'sanction', m, codes, ctx);
  const penalty = sanction.sanction ?? null;
  if (penalty === null) return;
  if (outcome === null && !unreadable)
    issueOn(ctx, m, 'sanction', 'sanction', 'a sanction needs a finding, and this row has no outcome');
  else if (row.finding && ofTrack('sanction', 'sanction', penalty))
    row.sanction = { externalId, fields: sanction };
}
