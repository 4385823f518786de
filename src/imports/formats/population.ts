import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { integer, requiredText, text } from '../fields.ts';
import type { ImportContext, ImportFormat, ImportRow } from '../framework.ts';
import { ImportFileError } from '../read.ts';

/**
 * Population baselines by census ethnic group (the denominators of the stop-and-search rates),
 * in two formats that write the same table:
 *  - `census-2021-ts021`: the ONS Census 2021 bulk table TS021 "Ethnic group" as Nomis publishes it
 *    (census2021-ts021-ltla.csv …), one row per area with the five high-level groups and their
 *    sub-groups, every sum checked;
 *  - `population-baseline`: one figure per row with its own source, for figures published
 *    elsewhere (the bundled src/patterns/baselines/ files).
 * A file's figures for a force and census replace every earlier file's for that force and census,
 * so two files never add up to twice the residents. Column mappings: docs/imports.md.
 */

/** The census's five high-level ethnic groups (population_baselines.ethnic_group). */
export const CENSUS_GROUPS = ['white', 'mixed', 'asian', 'black', 'other'] as const;
type Group = (typeof CENSUS_GROUPS)[number];

/** One figure as stored. */
interface Baseline {
  force: string;
  areaCode: string;
  areaName: string;
  census: string;
  group: Group;
  population: number;
  source: string;
  note: string | null;
}

interface State {
  /** Force id by slug and by police.uk id. */
  forces: Map<string, string>;
  seen: Map<string, number>;
  replaced: Set<string>;
}

const AREA_CODE = /^[A-Z][0-9]{8}$/;

async function prepare(trx: Db): Promise<State> {
  const rows = await trx.selectFrom('forces').select(['id', 'slug', 'police_uk_id']).execute();
  const forces = new Map<string, string>();
  for (const r of rows) {
    forces.set(r.slug, r.id);
    if (r.police_uk_id) forces.set(r.police_uk_id, r.id);
  }
  return { forces, seen: new Map(), replaced: new Set() };
}

/** Writes figures: one per force, census, area and group in a file, replacing earlier files'. */
async function writeBaselines(trx: Db, rows: ImportRow<Baseline>[], ctx: ImportContext<State>) {
  const values = [];
  for (const { line, value: b } of rows) {
    const forceId = ctx.state.forces.get(b.force);
    if (!forceId) {
      ctx.reject(line, 'force', `no force has the slug or police.uk id "${b.force}"`);
      continue;
    }
    const key = `${forceId}/${b.census}/${b.areaCode}/${b.group}`;
    const earlier = ctx.state.seen.get(key);
    if (earlier !== undefined) {
      ctx.reject(line, 'ethnic_group', `${b.areaCode} ${b.group} is already given on line ${earlier}`);
      continue;
    }
    ctx.state.seen.set(key, line);
    const scope = `${forceId}/${b.census}`;
    if (!ctx.state.replaced.has(scope)) {
      ctx.state.replaced.add(scope);
      await trx
        .deleteFrom('population_baselines')
        .where('force_id', '=', forceId)
        .where('census', '=', b.census)
        .where('dataset_file_id', '<>', ctx.fileId)
        .execute();
    }
    values.push({
      force_id: forceId,
      area_code: b.areaCode,
      area_name: b.areaName,
      census: b.census,
      ethnic_group: b.group,
      population: b.population,
      dataset_file_id: ctx.fileId,
      source: b.source,
      note: b.note,
    });
  }
  if (values.length > 0) await trx.insertInto('population_baselines').values(values).execute();
}

// ---- ONS Census 2021 TS021 ----

const TOTAL = 'Ethnic group: Total: All usual residents';
/** Each high-level group's column and its sub-groups' (each `<column>: <part>`), as ONS names them. */
export const TS021_GROUPS: Record<Group, { column: string; parts: string[] }> = {
  asian: {
    column: 'Ethnic group: Asian, Asian British or Asian Welsh',
    parts: ['Bangladeshi', 'Chinese', 'Indian', 'Pakistani', 'Other Asian'],
  },
  black: {
    column: 'Ethnic group: Black, Black British, Black Welsh, Caribbean or African',
    parts: ['African', 'Caribbean', 'Other Black'],
  },
  mixed: {
    column: 'Ethnic group: Mixed or Multiple ethnic groups',
    parts: [
      'White and Asian',
      'White and Black African',
      'White and Black Caribbean',
      'Other Mixed or Multiple ethnic groups',
    ],
  },
  white: {
    column: 'Ethnic group: White',
    parts: [
      'English, Welsh, Scottish, Northern Irish or British',
      'Irish',
      'Gypsy or Irish Traveller',
      'Roma',
      'Other White',
    ],
  },
  other: { column: 'Ethnic group: Other ethnic group', parts: ['Arab', 'Any other ethnic group'] },
};
const SUB_COLUMNS = Object.values(TS021_GROUPS).flatMap((g) => g.parts.map((p) => `${g.column}: ${p}`));
const TS021_COLUMNS = [
  'date',
  'geography',
  'geography code',
  TOTAL,
  ...CENSUS_GROUPS.map((g) => TS021_GROUPS[g].column),
  ...SUB_COLUMNS,
];

// Some Nomis downloads suffix every count column with "; measures: Value".
const bare = (column: string) => column.replace(/;\s*measures:\s*Value\s*$/i, '').trim();

/**
 * The force whose residents an area's are. Greater London's local authorities (E09) are known:
 * the City of London (E09000001) has its own police; the 32 boroughs (E09000002–E09000033) are
 * the Metropolitan Police's. Other areas need a lookup not bundled yet and are left out.
 */
export function forceForArea(code: string): string | null {
  if (code === 'E09000001') return 'city-of-london';
  const m = /^E09(\d{6})$/.exec(code);
  return m && Number(m[1]) >= 2 && Number(m[1]) <= 33 ? 'metropolitan' : null;
}

const count = integer(0, 100_000_000, 'must be a whole number of residents');

const ts021Row = z.preprocess(
  (o) => Object.fromEntries(Object.entries(o as Record<string, string>).map(([k, v]) => [bare(k), v])),
  z
    .object({
      date: z.string().refine((s) => s.trim() === '2021', 'must be 2021 (this is the Census 2021 table)'),
      geography: requiredText(200),
      'geography code': z
        .string()
        .refine((s) => AREA_CODE.test(s.trim()), 'must be an ONS area code like E09000012'),
      ...Object.fromEntries(TS021_COLUMNS.slice(3).map((c) => [c, count])),
    })
    .superRefine((r, ctx) => {
      const n = (c: string) => (r as unknown as Record<string, number>)[c]!;
      const groups = CENSUS_GROUPS.reduce((s, g) => s + n(TS021_GROUPS[g].column), 0);
      if (groups !== n(TOTAL))
        ctx.addIssue({
          code: 'custom',
          path: [TOTAL],
          message: `the five groups add up to ${groups}, not the total`,
        });
      for (const g of CENSUS_GROUPS) {
        const { column, parts } = TS021_GROUPS[g];
        const sum = parts.reduce((s, p) => s + n(`${column}: ${p}`), 0);
        if (sum !== n(column))
          ctx.addIssue({
            code: 'custom',
            path: [column],
            message: `its sub-groups add up to ${sum}, not ${n(column)}`,
          });
      }
    })
    .transform((r) => {
      const n = r as unknown as Record<string, number | string>;
      return {
        name: n.geography as string,
        code: (n['geography code'] as string).trim(),
        groups: Object.fromEntries(
          CENSUS_GROUPS.map((g) => [g, n[TS021_GROUPS[g].column] as number]),
        ) as Record<Group, number>,
      };
    }),
);
type Ts021Row = z.output<typeof ts021Row>;

const OGL =
  'Open Government Licence v3.0. Source: Office for National Statistics licensed under the Open Government Licence v3.0.';

export const census2021Ts021: ImportFormat<Ts021Row, State> = {
  id: 'census-2021-ts021',
  title: 'ONS Census 2021 TS021 Ethnic group',
  columns: [],
  checkHeader(columns) {
    const have = new Set(columns.map(bare));
    const missing = TS021_COLUMNS.filter((c) => !have.has(c));
    if (missing.length > 0)
      throw new ImportFileError(
        `The header lacks ${missing
          .slice(0, 3)
          .map((m) => `"${m}"`)
          .join(
            ', ',
          )}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}: is this a Census 2021 TS021 file?`,
      );
  },
  dataset: () => ({
    publisher: 'Office for National Statistics',
    title: 'Census 2021: TS021 Ethnic group',
    licence: OGL,
    url: 'https://www.nomisweb.co.uk/sources/census_2021_bulk',
  }),
  prepare,
  row: ts021Row,
  async write(trx, rows, ctx) {
    const source = `ONS, Census 2021, TS021 Ethnic group (${ctx.fileName})`;
    const figures: ImportRow<Baseline>[] = rows.flatMap(({ row, line, value: r }) => {
      const force = forceForArea(r.code);
      return force
        ? CENSUS_GROUPS.map((group) => ({
            row,
            line,
            value: {
              force,
              areaCode: r.code,
              areaName: r.name,
              census: 'census_2021',
              group,
              population: r.groups[group],
              source,
              note: null,
            },
          }))
        : [];
    });
    await writeBaselines(trx, figures, ctx);
  },
};

// ---- One figure per row ----

export const baselineRow = z
  .object({
    force: requiredText(100),
    area_code: z.string().refine((s) => AREA_CODE.test(s.trim()), 'must be an ONS area code like E12000007'),
    area_name: requiredText(200),
    census: z
      .string()
      .refine((s) => /^[a-z0-9_]{1,40}$/.test(s.trim()), 'must be a census id like census_2021'),
    ethnic_group: z.enum(CENSUS_GROUPS, { error: `must be one of ${CENSUS_GROUPS.join(', ')}` }),
    population: count,
    source: requiredText(1000),
    note: text(1000).optional(),
  })
  .transform((r): Baseline => ({
    force: r.force,
    areaCode: r.area_code.trim(),
    areaName: r.area_name,
    census: r.census.trim(),
    group: r.ethnic_group,
    population: r.population,
    source: r.source,
    note: r.note ?? null,
  }));

export const populationBaseline: ImportFormat<Baseline, State> = {
  id: 'population-baseline',
  title: 'population baseline',
  columns: ['force', 'area_code', 'area_name', 'census', 'ethnic_group', 'population', 'source'],
  dataset: () => ({
    publisher: 'Custodiet editors (compiled from the sources named per row)',
    title: 'Population baselines',
    licence:
      'Each figure as licensed by the source named in its row (ONS census figures: Open Government Licence v3.0).',
  }),
  prepare,
  row: baselineRow,
  write: writeBaselines,
};
