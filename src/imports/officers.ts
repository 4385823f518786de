import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { slugify } from '../schema/common.ts';
import { idFor, linkRecords, upsertRecords, type DatasetLink, type RecordScope } from './records.ts';

/**
 * Officers from any dataset: professional identity only (rule R10) — the name as published,
 * role, identifiers (badge, shoulder or payroll numbers), ranks and postings, each with the
 * dates the dataset gives. Nothing personal is ever passed in here: no birth year, race, gender,
 * salary or anything about home.
 */

/** A dated part of an officer's record; `key` (unique per officer) derives its row id. */
export type OfficerPart<T> = T & { key: string; from?: string | null; to?: string | null };

/** Identifier types a dataset can give (badge and shoulder numbers are public; the rest never are). */
export type DatasetIdentifierType = 'badge_number' | 'shoulder_number' | 'payroll_number' | 'external_id';

/** One officer as a dataset describes them. */
export interface DatasetOfficer {
  externalId: string;
  /** Public address: never built from a personal number (payroll, tax). */
  slug: string;
  name: string | null;
  roleType: string;
  identifiers: OfficerPart<{ type: DatasetIdentifierType; value: string }>[];
  ranks: OfficerPart<{ taxonomy: string; code: string; detective: boolean }>[];
  postings: OfficerPart<{ unitId: string }>[];
  attributes?: DatasetLink['attributes'];
}

/** How officers are written. */
export interface WriteOfficersOptions {
  /**
   * Whether existing officers take the dataset's values (a roster or profile file) or are only
   * made when missing (a row that describes the officer as of a complaint). With `update` (or
   * `refreshParts`), the dated parts of draft officers are refreshed too (an end date that changed).
   */
  update: boolean;
  /** Refresh the dated parts of draft officers even when the officer row is not updated. */
  refreshParts?: boolean;
  /**
   * Add missing identifiers, ranks and postings to officers an editor has moved on (in review,
   * published). Off for every format but CPDP, which always did so; see docs/imports.md.
   */
  addToPublished?: boolean;
}

const IDENTIFIER_SHAPE = /^[A-Za-z0-9][A-Za-z0-9 /.-]{0,39}$/;

/** Whether a value can be stored as an officer identifier (the table's own check). */
export function isIdentifier(value: string | null): value is string {
  return !!value && IDENTIFIER_SHAPE.test(value);
}

/**
 * Writes officers and their dated parts. An identifier already held by another officer in an
 * overlapping period is not attached (rule R11 keeps one holder at a time); callers keep it in
 * the dataset record's attributes for matching.
 */
export async function writeOfficers(
  trx: Db,
  scope: RecordScope,
  forceId: string,
  officers: DatasetOfficer[],
  opts: WriteOfficersOptions,
): Promise<void> {
  if (officers.length === 0) return;
  const id = (o: DatasetOfficer) => idFor(scope, 'officer', o.externalId);
  await upsertRecords(
    trx,
    scope,
    {
      table: 'officers',
      kind: 'officer',
      update: ['published_name', 'role_type'],
      guard: opts.update ? 'draft' : 'never',
    },
    officers.map((o) => ({
      id: id(o),
      slug: o.slug,
      force_id: forceId,
      published_name: o.name,
      role_type: o.roleType,
    })),
  );
  const open = opts.addToPublished ? null : await draftOfficers(trx, officers.map(id));
  const mine = open ? officers.filter((o) => open.has(id(o))) : officers;
  const part = (o: DatasetOfficer, p: OfficerPart<object>) => ({
    id: idFor(scope, 'officer', `${o.externalId}#${p.key}`),
    officer_id: id(o),
    valid_from: p.from ?? null,
    valid_to: p.to ?? null,
  });
  const identifiers = mine.flatMap((o) =>
    o.identifiers
      .filter((i) => isIdentifier(i.value))
      .map((i) => ({ ...part(o, i), force_id: forceId, identifier_type: i.type, identifier: i.value })),
  );
  const ranks = mine.flatMap((o) =>
    o.ranks.map((r) => ({
      ...part(o, r),
      rank_taxonomy: r.taxonomy,
      rank_code: r.code,
      detective: r.detective,
    })),
  );
  const postings = mine.flatMap((o) => o.postings.map((p) => ({ ...part(o, p), unit_id: p.unitId })));
  if (opts.refreshParts ?? opts.update) {
    await refresh(trx, 'officer_identifiers', identifiers, ['identifier', 'valid_from', 'valid_to']);
    await refresh(trx, 'officer_ranks', ranks, ['rank_code', 'detective', 'valid_from', 'valid_to']);
    await refresh(trx, 'officer_postings', postings, ['unit_id', 'valid_from', 'valid_to']);
  }
  // No conflict target: a clash with the no-overlap exclusion constraint is skipped too.
  const parts = { officer_identifiers: identifiers, officer_ranks: ranks, officer_postings: postings };
  for (const [table, rows] of Object.entries(parts))
    if (rows.length > 0)
      await trx
        .insertInto(table as 'officer_ranks')
        .values(rows as never[])
        .onConflict((oc) => oc.doNothing())
        .execute();
  await linkRecords(
    trx,
    scope,
    'officer',
    officers.map((o) => ({ externalId: o.externalId, entityId: id(o), attributes: o.attributes ?? {} })),
  );
}

async function draftOfficers(trx: Db, ids: string[]): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('officers')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('publication_state', '=', 'draft')
    .execute();
  return new Set(rows.map((r) => r.id));
}

const COLUMN_TYPES: Record<string, string> = {
  identifier: 'text',
  rank_code: 'text',
  detective: 'boolean',
  unit_id: 'uuid',
  valid_from: 'date',
  valid_to: 'date',
};

/**
 * Removes this dataset's parts whose values changed (the insert then writes the new ones), so a
 * corrected date replaces the old rather than sitting beside it. Rows are matched by their
 * derived id, so parts from other datasets or editors are never touched.
 */
async function refresh(
  trx: Db,
  table: 'officer_identifiers' | 'officer_ranks' | 'officer_postings',
  rows: Record<string, unknown>[],
  columns: string[],
) {
  if (rows.length === 0) return;
  const defs = sql.raw(['id uuid', ...columns.map((c) => `${c} ${COLUMN_TYPES[c]}`)].join(', '));
  const mine = sql.join(columns.map((c) => sql.ref(`t.${c}`)));
  const theirs = sql.join(columns.map((c) => sql.ref(`v.${c}`)));
  await sql`DELETE FROM ${sql.table(table)} AS t
    USING jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(${defs})
    WHERE t.id = v.id AND (${mine}) IS DISTINCT FROM (${theirs})
      AND EXISTS (SELECT 1 FROM officers o WHERE o.id = t.officer_id AND o.publication_state = 'draft')`.execute(
    trx,
  );
}

/** One unit of a force, as a dataset names it. */
export interface DatasetUnit {
  id: string;
  forceId: string;
  slug: string;
  name: string;
  code: string | null;
}

/** Makes the units a batch names (kind 'team'; a unit already there is left as it is). */
export async function ensureUnits(trx: Db, units: DatasetUnit[]): Promise<void> {
  const unique = [...new Map(units.map((u) => [u.id, u])).values()];
  if (unique.length === 0) return;
  await trx
    .insertInto('units')
    .values(
      unique.map((u) => ({
        id: u.id,
        force_id: u.forceId,
        slug: u.slug,
        name: u.name,
        kind: 'team',
        code: u.code,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Links officers to the incidents they are accused in (role 'subject'), once each. */
export async function linkOfficersToIncidents(trx: Db, pairs: [string, string | null][]) {
  const values = [
    ...new Map(
      pairs
        .filter(([, o]) => o)
        .map(([i, o]) => [`${i}/${o}`, { incident_id: i, officer_id: o!, role: 'subject' }]),
    ).values(),
  ];
  if (values.length === 0) return;
  await trx
    .insertInto('incident_officers')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * The units of a force by name, as a dataset writes them: an existing unit whose slug the name
 * gives (made by an editor or another dataset) is used, a missing one is made as a team.
 */
export async function unitsByName(trx: Db, forceId: string, names: string[]): Promise<Map<string, string>> {
  const bySlug = new Map(names.map((n) => [slugify(n, 100), n]));
  bySlug.delete('');
  if (bySlug.size === 0) return new Map();
  await trx
    .insertInto('units')
    .values([...bySlug].map(([slug, name]) => ({ force_id: forceId, slug, name, kind: 'team' })))
    .onConflict((oc) => oc.columns(['force_id', 'slug']).doNothing())
    .execute();
  const rows = await trx
    .selectFrom('units')
    .select(['id', 'slug'])
    .where('force_id', '=', forceId)
    .where('slug', 'in', [...bySlug.keys()])
    .execute();
  const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return new Map(
    names.flatMap((n) => (idBySlug.has(slugify(n, 100)) ? [[n, idBySlug.get(slugify(n, 100))!]] : [])),
  );
}
