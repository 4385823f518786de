import { z } from 'zod';
import { prepareAgency } from '../../agencies.ts';
import type { DatasetInfo } from '../../framework.ts';
import type { PlaceholderIncident } from '../../incidents.ts';
import { idFor, type RecordScope } from '../../records.ts';
import type { ImportedUnit } from '../../units.ts';

/**
 * The Philadelphia Police Department's complaints against police, as published on OpenDataPhilly:
 * one file of complaints (Internal Affairs summaries) and one of findings per officer and
 * allegation ("CAP findings"). Importable in either order; keyed by the complaint number and the
 * city's anonymised officer id.
 */
export const PHILADELPHIA_DATASET: DatasetInfo = {
  publisher: 'Philadelphia Police Department (OpenDataPhilly)',
  title: 'Philadelphia police complaints and disciplinary findings',
  licence:
    'No licence stated: public open data released by the City of Philadelphia and its Police Department ' +
    'through OpenDataPhilly, under the City of Philadelphia’s open-data terms. Attribution: "Source: ' +
    'Philadelphia Police Department via OpenDataPhilly (Police Complaints); copy collected by the Financial Times."',
  url: 'https://opendataphilly.org/datasets/police-complaints/',
};

export const PPD = { name: 'Philadelphia Police Department', state: 'PA', type: 'local_police' };

/** Looks up (or makes) the Philadelphia Police Department once per import. */
export const preparePhiladelphia = prepareAgency(PPD);

/** An Internal Affairs complaint number: two-digit year received, a dash, a sequence (`16-0001`). */
export const complaintId = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (!/^\d{2}-\d{4}$/.test(t))
    ctx.addIssue({ code: 'custom', message: 'must be a complaint number (YY-NNNN)' });
  return t;
});

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

// Units whose code the complaints file uses without a name.
const NAMED: Record<string, string> = { '7700': 'Airport' };

/**
 * A PPD unit by its four-digit code. Patrol districts are `NN00` (1500 = 15th District; the
 * complaints file once writes `09` for 0900, the 9th, as its narrative says) and become
 * command units; other codes are kept under the name the data gives them, or their code.
 */
export function ppdUnit(code: string, publishedName: string | null = null): ImportedUnit | null {
  const short = /^\d{1,2}$/.test(code) ? `${code.padStart(2, '0')}00` : code;
  if (!/^\d{4}$/.test(short)) return null;
  const district = /^(\d\d)00$/.exec(short);
  const n = district ? Number(district[1]) : 0;
  const isDistrict = n >= 1 && n <= 39;
  const name = isDistrict
    ? `${ordinal(n)} District`
    : (NAMED[short] ?? publishedName ?? `Philadelphia police unit ${short}`);
  return { code: short, slug: `ppd-unit-${short}`, name, kind: isDistrict ? 'bcu' : 'team' };
}

/** The incident a complaint number maps to, made before the complaints file fills it in. */
export function placeholderComplaint(scope: RecordScope, forceId: string, id: string): PlaceholderIncident {
  return {
    externalId: id,
    id: idFor(scope, 'incident', id),
    slug: `ppd-complaint-${id}`,
    title: `Philadelphia police complaint ${id}`,
    summary:
      `Complaint ${id} against Philadelphia Police Department staff, investigated by its Internal Affairs Bureau. ` +
      'Its date, district and summary come from the complaints file (ppd_complaints.csv), which has not been imported yet.',
    force_id: forceId,
    tags: ['ppd-complaints'],
  };
}
