import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import {
  draftIds,
  followMerges,
  idFor,
  linkRecords,
  upsertRecords,
  writtenAlready,
  type DatasetLink,
  type RecordScope,
} from './records.ts';

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
}

const IDENTIFIER_SHAPE = /^[A-Za-z0-9][A-Za-z0-9 /.-]{0,39}$/;

/** Whether a value can be stored as an officer identifier (the table's own check). */
export function isIdentifier(value: string | null): value is string {
  return !!value && IDENTIFIER_SHAPE.test(value);
}

/**
 * Writes officers and their dated parts. Parts are added to draft officers only: an officer an
 * editor has moved on (in review, published) gets no new identifier, rank or posting from an
 * import. An identifier already held by another officer in an overlapping period is not
 * attached (rule R11 keeps one holder at a time); callers keep it in the dataset record's
 * attributes for matching.
 */
export async function writeOfficers(
  trx: Db,
  scope: RecordScope,
  forceId: string,
  officers: DatasetOfficer[],
  opts: WriteOfficersOptions,
): Promise<void> {
  // Made only when missing: an officer this import already wrote just so is skipped (the same
  // officers come back in row after row of an accused or penalties file).
  if (!opts.update && !opts.refreshParts)
    officers = officers.filter((o) => !writtenAlready(scope, `officer\n${o.externalId}`, JSON.stringify(o)));
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
  // A merged officer's numbers, ranks and postings belong to the record it was merged into.
  const holder = await followMerges(trx, 'officers', officers.map(id));
  const holderOf = (o: DatasetOfficer) => holder(id(o))!;
  const drafts = await draftIds(trx, 'officers', officers.map(holderOf));
  const mine = officers.filter((o) => drafts.has(holderOf(o)));
  const part = (o: DatasetOfficer, p: OfficerPart<object>) => ({
    id: idFor(scope, 'officer', `${o.externalId}#${p.key}`),
    officer_id: holderOf(o),
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
