import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { prepareAgency } from '../../agencies.ts';
import type { DatasetInfo } from '../../framework.ts';
import { writeOfficers as writeDatasetOfficers, type DatasetOfficer } from '../../officers.ts';
import type { RecordScope } from '../../records.ts';
import { ensureUnits, unitId } from '../../units.ts';
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
export const prepareChicago = prepareAgency(CHICAGO);

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

/** A CPDP officer as a dataset officer: star number (badge), rank and unit, undated. */
function datasetOfficer(scope: RecordScope, o: CpdpOfficer): DatasetOfficer {
  const rank = usRank(o.rank);
  return {
    externalId: o.uid,
    slug: `cpdp-officer-${o.uid.toLowerCase()}`,
    name: cpdpName(o),
    roleType: rank === CIVILIAN ? 'police_staff' : 'police_officer',
    identifiers:
      o.star && /^[A-Za-z0-9]{1,12}$/.test(o.star)
        ? [{ key: `star#${o.star}`, type: 'badge_number', value: o.star }]
        : [],
    ranks: rank
      ? [{ key: `rank#${rank}`, taxonomy: US_RANKS, code: rank, detective: rank === 'detective' }]
      : [],
    postings: o.unit ? [{ key: `unit#${o.unit}`, unitId: unitId(scope, o.unit) }] : [],
    attributes: { star: o.star, rank: o.rank, unit: o.unit, appointed_date: o.appointed },
  };
}

/**
 * Writes officers with their star number (badge), rank and unit. `update` says whether existing
 * officers take these values (profiles, the officer file) or are only made when missing (accused
 * rows, which describe the officer as of the complaint). Stars, ranks and units are added to
 * draft officers only, as for every dataset. A star already held by another officer in an
 * overlapping period is not attached (rule R11 keeps one holder at a time); it stays in the
 * dataset record's attributes for matching.
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
  await ensureUnits(
    trx,
    scope,
    forceId,
    known
      .filter((o) => o.unit)
      .map((o) => ({
        code: o.unit!,
        slug: `cpd-unit-${o.unit}`,
        name: `Unit ${o.unit!.padStart(3, '0')}`,
        kind: 'team',
      })),
  );
  await writeDatasetOfficers(
    trx,
    scope,
    forceId,
    known.map((o) => datasetOfficer(scope, o)),
    { update },
  );
}
