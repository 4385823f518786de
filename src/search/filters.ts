import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { listForces } from '../forces/repository.ts';
import { listUnitsOfForce } from '../units/repository.ts';
import { SEARCH_TYPES, type ResolvedFilters, type SearchParams } from './schema.ts';

/** A choice in a filter's drop-down list. */
export interface Option {
  value: string;
  label: string;
}

/** The choices the filter form offers; the same lists validate the query string. */
export interface FilterOptions {
  forces: (Option & { id: string })[];
  /** Units of the chosen force (the unit list needs a force, so it stays short). */
  units: Option[];
  standards: Option[];
  iopc: Option[];
  statuses: Option[];
}

const TERM_KINDS = { standard: 'standards', iopc_category: 'iopc', status_label: 'statuses' } as const;

/** Taxonomy terms for the three allegation filters, each code once, in the taxonomy's order. */
async function filterTerms(db: Db): Promise<Pick<FilterOptions, 'standards' | 'iopc' | 'statuses'>> {
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['kind', 'code', 'label'])
    .where('kind', 'in', Object.keys(TERM_KINDS))
    .orderBy('taxonomy_id')
    .orderBy('sort_order')
    .orderBy('label')
    .execute();
  const out = { standards: [] as Option[], iopc: [] as Option[], statuses: [] as Option[] };
  for (const r of rows) {
    const list = out[TERM_KINDS[r.kind as keyof typeof TERM_KINDS]];
    if (!list.some((o) => o.value === r.code)) list.push({ value: r.code, label: r.label });
  }
  return out;
}

/** Loads the filter form's choices: forces, taxonomy terms, and the chosen force's units. */
export async function loadFilterOptions(db: Db, forceSlug: string | undefined): Promise<FilterOptions> {
  const [forces, terms] = await Promise.all([listForces(db), filterTerms(db)]);
  const force = forces.find((f) => f.slug === forceSlug);
  const units = force ? await listUnitsOfForce(db, force.id) : [];
  return {
    forces: forces.map((f) => ({ id: f.id, value: f.slug, label: f.name })),
    units: units.map((u) => ({ value: u.slug, label: u.name })),
    ...terms,
  };
}

/** A unit (within the force, when one is given) and every unit beneath it. */
async function unitTree(db: Db, slug: string, forceId: string | undefined): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM units WHERE slug = ${slug} AND (${forceId ?? null}::uuid IS NULL OR force_id = ${forceId ?? null}::uuid)
      UNION
      SELECT u.id FROM units u JOIN tree ON u.parent_unit_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return rows.map((r) => r.id);
}

function unknown(field: string, message: string): never {
  throw new AppError('CUS_BAD_REQUEST', `Bad query parameter: ${field} ${message}`, [{ field, message }]);
}

/**
 * Checks every slug and code in the query against the database and turns them into ids.
 * An unknown one is a 400 naming the parameter: a filter is never silently ignored.
 */
export async function resolveFilters(
  db: Db,
  p: SearchParams,
  options: FilterOptions,
): Promise<ResolvedFilters> {
  const force = p.force ? options.forces.find((f) => f.value === p.force) : undefined;
  if (p.force && !force) unknown('force', `'${p.force}' is not a known police force`);
  for (const [field, list, what] of [
    ['standard', options.standards, 'Standard of Professional Behaviour'],
    ['iopc', options.iopc, 'IOPC complaint category'],
    ['status', options.statuses, 'status label'],
  ] as const) {
    const v = p[field];
    if (v && !list.some((o) => o.value === v)) unknown(field, `'${v}' is not a known ${what}`);
  }
  let unitIds: string[] | undefined;
  if (p.unit) {
    unitIds = await unitTree(db, p.unit, force?.id);
    if (unitIds.length === 0)
      unknown('unit', `'${p.unit}' is not a known unit${force ? ` of ${force.label}` : ''}`);
  }
  return {
    types: p.type ? [p.type] : SEARCH_TYPES,
    forceId: force?.id,
    unitIds,
    standard: p.standard,
    iopc: p.iopc,
    status: p.status,
    from: p.from,
    to: p.to,
  };
}

/**
 * When anything public last changed: the newest audit entry (every write is audited), read
 * from the primary key's end. Any change may alter a search's results, so this is the page's
 * Last-Modified.
 */
export async function lastChange(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('occurred_at')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.occurred_at) : null;
}
