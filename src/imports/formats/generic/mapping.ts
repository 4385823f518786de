import { z } from 'zod';
import { parseForceSpec, type ForceSpec } from '../../agencies.ts';
import { FormatSettingsError } from '../../framework.ts';
import {
  FIELD_KINDS,
  FIELDS,
  KINDS,
  OUTCOME_KINDS,
  REQUIRED,
  refusal,
  type FieldDef,
  type FieldKind,
} from './fields.ts';
import { constantProblem } from './rows.ts';

/**
 * The JSON mapping file of `custodiet import generic FILE --mapping MAPPING.json`: which dataset
 * the file is, which force it is about, which records each row makes, and which column fills
 * which field. Every mistake is reported at once, each with its place in the mapping.
 */

export type DateFormat = 'iso' | 'uk' | 'us';
const dateFormat = z.enum(['iso', 'uk', 'us'], {
  error: 'must be "iso" (YYYY-MM-DD), "uk" (DD/MM/YYYY) or "us" (MM/DD/YYYY)',
});
const name = (what: string, max = 300) =>
  z
    .string({ error: `must be ${what} (text)` })
    .trim()
    .min(1, `must be ${what}`)
    .max(max, `longer than ${max} characters`);

const columnField = z.strictObject({
  column: name('a column of the file', 200),
  // null: the value means "none" (an outcome column's "No case to answer" makes no finding).
  values: z
    .record(z.string(), z.string({ error: 'each value must map to a code (text) or null (none)' }).nullable())
    .optional(),
  otherwise: z.string().nullable().optional(),
  dates: dateFormat.optional(),
  separator: z.string().min(1).max(5).optional(),
});
const constantField = z.strictObject({
  constant: z.union([z.string(), z.number(), z.boolean()], { error: 'must be text, a number or true/false' }),
});
// A plain string is short for { "column": "…" }.
const fieldSpec = z
  .union([z.string(), columnField, constantField], {
    error: 'must be a column name, { "column": … } or { "constant": … }',
  })
  .transform((f) => (typeof f === 'string' ? { column: f } : f));
export type FieldSpec = z.output<typeof fieldSpec>;

const idColumns = z
  .union(
    [name('a column', 200), z.array(name('a column', 200)).min(1, 'must name at least one column').max(5)],
    {
      error: 'must be a column name or a list of them (the columns that identify the record)',
    },
  )
  .transform((c) => (Array.isArray(c) ? c : [c]));

const section = z.strictObject({
  id: idColumns,
  fields: z.record(z.string(), fieldSpec).default({}),
});
export type Section = z.output<typeof section>;
// A finding and its sanction are identified by the row's allegation.
const outcomeSection = z.strictObject({ fields: z.record(z.string(), fieldSpec).default({}) });

const mappingSchema = z.strictObject({
  dataset: z.strictObject({
    publisher: name('who publishes the dataset'),
    title: name("the dataset's title"),
    licence: name('its licence, with any attribution it requires', 1000),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  }),
  force: z.union([
    name('a force slug or "Agency name, ST"', 200),
    z.strictObject({ slug: name('a force slug', 120) }),
    z.strictObject({
      agency: z.strictObject({
        name: name("the agency's name", 200),
        state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter US state'),
        type: z
          .string()
          .regex(/^[a-z_]{1,40}$/)
          .optional(),
      }),
    }),
  ]),
  dates: dateFormat.default('iso'),
  missing: z.array(z.string().max(40)).max(50).default([]),
  records: z.strictObject({
    incident: section.optional(),
    officer: section.optional(),
    allegation: section.optional(),
    person: section.optional(),
    finding: outcomeSection.optional(),
    sanction: outcomeSection.optional(),
  }),
});

/** A valid mapping, with the force read and the missing-value tokens completed. */
export type Mapping = Omit<z.output<typeof mappingSchema>, 'force'> & { force: ForceSpec };

function issuePath(path: PropertyKey[]): string {
  return path.map(String).join('.') || '(the mapping)';
}

/** Reads and checks a mapping; throws FormatSettingsError listing every problem. */
export function parseMapping(jsonText: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FormatSettingsError('The mapping file is not valid JSON.', [(err as Error).message]);
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success)
    throw new FormatSettingsError('The mapping file is not valid.', [
      ...parsed.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`),
      ...fieldProblemsOf(json),
    ]);
  const m = parsed.data;
  const problems: string[] = [];
  const force = typeof m.force === 'string' ? parseForceSpec(m.force) : (m.force as ForceSpec);
  if (!force)
    problems.push(`force: "${m.force as string}" is neither a force's slug nor a US agency as "Name, ST"`);
  const kinds = KINDS.filter((k) => m.records[k]);
  if (kinds.length === 0)
    problems.push(
      'records: name at least one kind of record the rows make (incident, officer, allegation, person)',
    );
  for (const k of ['allegation', 'person'] as const)
    if (m.records[k] && !m.records.incident)
      problems.push(
        `records.${k}: ${k === 'person' ? 'a person' : 'an allegation'} belongs to an incident: add records.incident`,
      );
  if (m.records.finding && !m.records.allegation)
    problems.push('records.finding: a finding decides an allegation: add records.allegation');
  if (m.records.sanction && !m.records.finding)
    problems.push('records.sanction: a sanction follows a finding: add records.finding');
  for (const k of FIELD_KINDS.filter((f) => m.records[f]))
    problems.push(...sectionProblems(k, m.records[k]!, m));
  if (problems.length > 0) throw new FormatSettingsError('The mapping file is not valid.', problems);
  return { ...m, force: force!, missing: ['', ...m.missing.map((t) => t.trim())] };
}

/** The field problems of every section that is itself well formed, when the whole is not. */
function fieldProblemsOf(json: unknown): string[] {
  const records = (json as { records?: unknown } | null)?.records;
  if (!records || typeof records !== 'object') return [];
  return FIELD_KINDS.flatMap((k) => {
    const s = (OUTCOME_KINDS.includes(k as never) ? outcomeSection : section).safeParse(
      (records as Record<string, unknown>)[k],
    );
    return s.success ? sectionProblems(k, s.data, { dates: 'iso', missing: [] }) : [];
  });
}

function sectionProblems(
  kind: FieldKind,
  s: Pick<Section, 'fields'>,
  m: Pick<Mapping, 'dates' | 'missing'>,
): string[] {
  const out: string[] = (REQUIRED[kind] ?? [])
    .filter((f) => !(f in s.fields))
    .map((f) => `records.${kind}.fields.${f}: must be mapped (a ${kind} without it says nothing)`);
  for (const [field, spec] of Object.entries(s.fields)) {
    const at = `records.${kind}.fields.${field}`;
    const def = FIELDS[kind][field];
    if (!def) {
      out.push(`${at}: ${refusal(kind, field)}`);
      continue;
    }
    out.push(...fieldProblems(def, spec, m).map((p) => `${at}: ${p}`));
  }
  return out;
}

function fieldProblems(def: FieldDef, spec: FieldSpec, m: Pick<Mapping, 'dates' | 'missing'>): string[] {
  const out: string[] = [];
  const coded = def.type === 'code' || def.type === 'codes';
  if ('constant' in spec) {
    const c = spec.constant;
    if (
      def.type === 'bool'
        ? typeof c !== 'boolean'
        : def.type === 'whole'
          ? !Number.isInteger(c)
          : typeof c !== 'string'
    )
      out.push(
        `the constant must be ${def.type === 'bool' ? 'true or false' : def.type === 'whole' ? 'a whole number' : 'text'}`,
      );
    if (def.type === 'pseudonym')
      out.push(
        'a pseudonym cannot be a constant: every person would share it (map a column, or leave it to Custodiet)',
      );
    if (coded && typeof c === 'string') out.push(...fixedCodeProblems(def, [c]));
    if (out.length === 0 && !coded && def.type !== 'bool' && def.type !== 'whole') {
      const problem = constantProblem(def, c, m);
      if (problem) out.push(`the constant: ${problem}`);
    }
    return out;
  }
  if (spec.values && !coded)
    out.push('"values" maps coded columns only (status, category, standards, rank, …)');
  if (spec.otherwise !== undefined && !spec.values) out.push('"otherwise" needs "values"');
  if (spec.dates && def.type !== 'date') out.push('"dates" is for date fields only');
  if (spec.separator && def.type !== 'codes') out.push('"separator" is for list fields only (standards)');
  if (coded && spec.values) out.push(...fixedCodeProblems(def, codesGiven(spec)));
  return out;
}

/** Codes of fixed lists are checked here; taxonomy codes once the database is open. */
function fixedCodeProblems(def: FieldDef, codes: string[]): string[] {
  if ((def.type !== 'code' && def.type !== 'codes') || typeof def.codes === 'string') return [];
  const allowed = def.codes;
  return [...new Set(codes.filter((c) => !allowed.includes(c)))].map(
    (c) => `"${c}" is not one of the codes: ${allowed.join(', ')}`,
  );
}

/** The codes a coded field's spec can give: its constant, or its value map's targets and "otherwise" (none: null, left out). */
export function codesGiven(spec: FieldSpec): string[] {
  if ('constant' in spec) return [String(spec.constant)];
  return [...Object.values(spec.values ?? {}), spec.otherwise].filter(
    (c): c is string => typeof c === 'string',
  );
}

/** Every column the mapping reads (the header must have them all). */
export function mappedColumns(m: Mapping): string[] {
  const cols = FIELD_KINDS.flatMap((k) => {
    const s = m.records[k];
    if (!s) return [];
    return [
      ...('id' in s ? s.id : []),
      ...Object.values(s.fields).flatMap((f) => ('column' in f ? [f.column] : [])),
    ];
  });
  return [...new Set(cols)];
}
