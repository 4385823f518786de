import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { ensureAgency } from '../../agencies.ts';
import type { DatasetInfo } from '../../framework.ts';
import {
  idFor,
  linkRecords,
  survivors,
  upsertRecords,
  type DatasetLink,
  type RecordScope,
} from '../../records.ts';
import { US_RANKS, usRank } from '../../us-vocabulary.ts';

/**
 * The Citizens Police Data Project's Chicago files (Invisible Institute, records from the Chicago
 * Police Department and COPA under the Illinois FOIA). Three files, importable in any order:
 * complaints (incidents), accused (allegations, findings, penalties) and accused profiles
 * (officers). Officers are keyed by the files' officer id column, complaints by `cr_id`.
 */
export const CPDP_DATASET: DatasetInfo = {
  publisher: 'Invisible Institute (Citizens Police Data Project)',
  title: 'Chicago police complaints, 2000–2023 (CPDP)',
  licence:
    'No licence stated: public records released under the Illinois Freedom of Information Act. ' +
    'Attribution: "Source: Invisible Institute, Citizens Police Data Project; records from the Chicago ' +
    'Police Department / COPA via FOIA."',
  url: 'https://github.com/invinst/chicago-police-data',
};

export const CHICAGO = { name: 'Chicago Police Department', state: 'IL', type: 'local_police' };

/** Looks up (or makes) the Chicago Police Department once per import. */
export async function prepareChicago(trx: Db): Promise<{ forceId: string }> {
  return { forceId: await ensureAgency(trx, CHICAGO) };
}

/** The officer id column's name carries the release (`…_2000-2023_2023-08_p053540_ID`). */
export function officerIdColumn(fields: Record<string, string>): string | undefined {
  return Object.keys(fields).find((k) => /_ID$/.test(k));
}

/** The officer id of a row (under its release-specific column), reported when not a number. */
export function uidOf(r: object, ctx: z.RefinementCtx): string {
  const key = officerIdColumn(r as Record<string, string>);
  const uid = String((r as Record<string, unknown>)[key ?? ''] ?? '')
    .trim()
    .replace(/\.0+$/, '');
  if (!/^\d{1,12}$/.test(uid))
    ctx.addIssue({
      code: 'custom',
      path: [key ?? 'officer id'],
      message: 'must be the officer id (a number)',
    });
  return uid;
}

/** An officer as CPDP describes one (profiles or an accused row). Nothing personal is kept. */
export interface CpdpOfficer {
  uid: string;
  first: string | null;
  middle: string | null;
  last: string | null;
  suffix: string | null;
  rank: string | null;
  unit: string | null;
  star: string | null;
  appointed: string | null;
}

/** CPDP's catch-all record for accused officers it could not identify ("UNKNOWN UNKNOWN"). */
export function isUnknownOfficer(o: Pick<CpdpOfficer, 'first' | 'last'>): boolean {
  const unknown = (s: string | null) => !s || /^UNKNOWN$/i.test(s);
  return unknown(o.first) && unknown(o.last);
}

/** The name as the files publish it (upper case, middle initial, suffix), or null. */
export function cpdpName(o: CpdpOfficer): string | null {
  const parts = [o.first, o.middle, o.last, o.suffix].filter(
    (p): p is string => !!p && !/^UNKNOWN$/i.test(p),
  );
  return parts.length > 0 ? parts.join(' ') : null;
}

const CIVILIAN = 'civilian_staff';

/**
 * Writes officers with their star number (badge), rank and unit. `update` says whether existing
 * officers take these values (profiles, the officer file) or are only made when missing (accused
 * rows, which describe the officer as of the complaint). A star already held by another officer
 * in an overlapping period is not attached (rule R11 keeps one holder at a time); it stays in
 * the dataset record's attributes for matching.
 */
export async function writeOfficers(
  trx: Db,
  scope: RecordScope,
  forceId: string,
  officers: CpdpOfficer[],
  update: boolean,
): Promise<void> {
  const known = officers.filter((o) => !isUnknownOfficer(o));
  if (known.length === 0) return;
  const id = (o: CpdpOfficer) => idFor(scope, 'officer', o.uid);
  await upsertRecords(
    trx,
    scope,
    {
      table: 'officers',
      kind: 'officer',
      update: ['published_name', 'role_type'],
      guard: update ? 'draft' : 'never',
    },
    known.map((o) => ({
      id: id(o),
      slug: `cpdp-officer-${o.uid.toLowerCase()}`,
      force_id: forceId,
      published_name: cpdpName(o),
      role_type: usRank(o.rank) === CIVILIAN ? 'police_staff' : 'police_officer',
    })),
  );
  // A merged officer's numbers, ranks and units belong to the record it was merged into.
  const merged = await survivors(trx, 'officers', known.map(id));
  const holder = (o: CpdpOfficer) => merged.get(id(o)) ?? id(o);
  await writeStars(trx, scope, forceId, known, holder);
  await writeRanksAndUnits(trx, scope, forceId, known, holder);
  const links: DatasetLink[] = known.map((o) => ({
    externalId: o.uid,
    entityId: id(o),
    attributes: { star: o.star, rank: o.rank, unit: o.unit, appointed_date: o.appointed },
  }));
  await linkRecords(trx, scope, 'officer', links);
}

type Holder = (o: CpdpOfficer) => string;

async function writeStars(
  trx: Db,
  scope: RecordScope,
  forceId: string,
  officers: CpdpOfficer[],
  holder: Holder,
) {
  const rows = officers
    .filter((o) => o.star && /^[A-Za-z0-9]{1,12}$/.test(o.star))
    .map((o) => ({
      id: idFor(scope, 'officer', `${o.uid}#star#${o.star}`),
      officer_id: holder(o),
      force_id: forceId,
      identifier_type: 'badge_number',
      identifier: o.star!,
    }));
  if (rows.length === 0) return;
  // No conflict target: a clash with the no-overlap exclusion constraint is skipped too.
  await trx
    .insertInto('officer_identifiers')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function writeRanksAndUnits(
  trx: Db,
  scope: RecordScope,
  forceId: string,
  officers: CpdpOfficer[],
  holder: Holder,
) {
  const ranks = officers.flatMap((o) => {
    const code = usRank(o.rank);
    return code
      ? [
          {
            id: idFor(scope, 'officer', `${o.uid}#rank#${code}`),
            officer_id: holder(o),
            rank_taxonomy: US_RANKS,
            rank_code: code,
            detective: code === 'detective',
          },
        ]
      : [];
  });
  if (ranks.length > 0)
    await trx
      .insertInto('officer_ranks')
      .values(ranks)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  const withUnit = officers.filter((o) => o.unit);
  if (withUnit.length === 0) return;
  const units = [...new Set(withUnit.map((o) => o.unit!))].map((u) => ({
    id: idFor(scope, 'unit', u),
    force_id: forceId,
    slug: `cpd-unit-${u}`,
    name: `Unit ${u.padStart(3, '0')}`,
    kind: 'team',
    code: u,
  }));
  await trx
    .insertInto('units')
    .values(units)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await trx
    .insertInto('officer_postings')
    .values(
      withUnit.map((o) => ({
        id: idFor(scope, 'officer', `${o.uid}#unit#${o.unit}`),
        officer_id: holder(o),
        unit_id: idFor(scope, 'unit', o.unit!),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
