import type { Db } from '../db/client.ts';
import { slugify } from '../schema/common.ts';
import { ImportFileError } from './read.ts';
import type { RecordCounts } from './records.ts';

/** A law-enforcement agency outside the UK, as a dataset names it. */
export interface Agency {
  name: string;
  /** Two-letter US state, or 'US' for national bodies. */
  state: string;
  /** The dataset's own classification (local_police, sheriff, …), if it gives one. */
  type?: string | null;
}

/** Curly apostrophes and runs of spaces vary between datasets: "Sheriff’s" and "Sheriff's" are one agency. */
export function normaliseAgencyName(name: string): string {
  return name
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The slug an agency is known by across datasets: `us-<state>-<name>`. The Washington Post's
 * "Chicago Police Department" (IL) and the Chicago complaints data's department are one force.
 */
export function agencySlug(a: Agency): string {
  return `us-${a.state.toLowerCase()}-${slugify(normaliseAgencyName(a.name), 100)}`;
}

/**
 * The force row of each agency, made when missing (counted as created forces in `counts`, when
 * given); returns force ids by slug. An existing force is left as it is: other datasets share it.
 */
export async function ensureAgencies(
  trx: Db,
  agencies: Agency[],
  counts?: RecordCounts,
): Promise<Map<string, string>> {
  const bySlug = new Map(agencies.map((a) => [agencySlug(a), a]));
  if (bySlug.size === 0) return new Map();
  const made = await trx
    .insertInto('forces')
    .values(
      [...bySlug].map(([slug, a]) => ({
        slug,
        name: normaliseAgencyName(a.name),
        jurisdiction: 'united_states',
        kind: 'other',
        region: a.state === 'US' ? null : a.state,
        agency_type: a.type ?? null,
      })),
    )
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .execute();
  if (counts) (counts.force ??= { created: 0, updated: 0 }).created += made.length;
  const rows = await trx
    .selectFrom('forces')
    .select(['id', 'slug'])
    .where('slug', 'in', [...bySlug.keys()])
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** One agency's force id, made when missing. */
export async function ensureAgency(trx: Db, a: Agency): Promise<string> {
  const ids = await ensureAgencies(trx, [a]);
  return ids.get(agencySlug(a))!;
}

/** A format's `prepare` for a dataset of one agency: its force id, made when missing. */
export function prepareAgency(a: Agency): (trx: Db) => Promise<{ forceId: string }> {
  return async (trx) => ({ forceId: await ensureAgency(trx, a) });
}

/** A force named on the command line or in a mapping: an existing slug, or a US agency. */
export type ForceSpec = { slug: string } | { agency: Agency };

const STATE = /^[A-Z]{2}$/;

/**
 * Reads `--force`: a force's slug (`metropolitan`, `us-il-chicago-police-department`) or a US
 * agency as "Name, ST" ("Springfield Police Department, IL"). Returns null when it is neither.
 */
export function parseForceSpec(text: string): ForceSpec | null {
  const t = text.trim();
  const agency = /^(.{2,200}),\s*([A-Za-z]{2})$/.exec(t);
  if (agency && STATE.test(agency[2]!.toUpperCase()))
    return { agency: { name: normaliseAgencyName(agency[1]!), state: agency[2]!.toUpperCase() } };
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(t) && t.length <= 120 ? { slug: t } : null;
}

/** The force's id: a slug must already exist (else ImportFileError); an agency is made when missing. */
export async function resolveForce(trx: Db, spec: ForceSpec): Promise<string> {
  if ('agency' in spec) return ensureAgency(trx, spec.agency);
  const row = await trx.selectFrom('forces').select('id').where('slug', '=', spec.slug).executeTakeFirst();
  if (!row)
    throw new ImportFileError(
      `No force has the slug "${spec.slug}". Give an existing force's slug (as in its page address) or a US agency as "Name, ST".`,
    );
  return row.id;
}
