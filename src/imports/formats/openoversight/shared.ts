import { sql } from '../../../db/kysely.ts';
import type { Db } from '../../../db/client.ts';
import { normaliseAgencyName, parseForceSpec, resolveForce, type ForceSpec } from '../../agencies.ts';
import { FormatSettingsError, type DatasetInfo, type FormatSettings } from '../../framework.ts';
import { writeOfficers, type DatasetOfficer } from '../../officers.ts';
import { ImportFileError } from '../../read.ts';
import { idFor, type RecordScope } from '../../records.ts';

/**
 * OpenOversight (Lucy Parsons Labs' officer database software) exports one CSV per department
 * and kind, named `<Department_Name>_<Kind>.csv` (spaces as underscores). The layout was read
 * from OpenOversight's `app/main/downloads.py` (commit 0ffdc083) and `app/models/database.py`
 * (commit 01d00bf8): see docs/imports.md. Ids are the instance's own database ids, so records
 * are keyed per department: the dataset is "OpenOversight: <department>".
 */
export type OoKind = 'Officers' | 'Assignments' | 'Incidents';

/** What every OpenOversight file needs: the department's force (and the assignment ids seen). */
export interface OoState {
  forceId: string;
  assignments: Map<string, number>;
}

/** The department named by an OpenOversight file name, or null ("officers.csv"). */
export function departmentOf(fileName: string, kind: OoKind): string | null {
  const m = /^(.+)_(Officers|Assignments|Incidents)(?: \(\d+\))?\.csv$/i.exec(fileName);
  if (!m) return null;
  if (m[2]!.toLowerCase() !== kind.toLowerCase())
    throw new ImportFileError(
      `The file name says this is OpenOversight's ${m[2]!.toLowerCase()} file, not its ${kind.toLowerCase()} file: choose the matching format.`,
    );
  return normaliseAgencyName(m[1]!.replace(/_/g, ' '));
}

/** Reads `--force` once, when the format is set up, so a wrong value is refused before any work. */
export function forceSetting(settings: FormatSettings): ForceSpec | undefined {
  if (settings.force === undefined) return undefined;
  const spec = parseForceSpec(settings.force);
  if (!spec)
    throw new FormatSettingsError(
      `--force "${settings.force}" is neither a force's slug (e.g. us-il-chicago-police-department) nor a US agency as "Name, ST".`,
    );
  return spec;
}

/** The department's name: from `--force "Name, ST"`, else from the file name. */
function departmentName(fileName: string, kind: OoKind, force: ForceSpec | undefined): string {
  const fromName = departmentOf(fileName, kind);
  const name = force && 'agency' in force ? force.agency.name : fromName;
  if (!name)
    throw new ImportFileError(
      `The file name does not name the department (OpenOversight names it "<Department_Name>_${kind}.csv"): keep that name, or give --force "Department name, ST".`,
    );
  return name;
}

/** The dataset of one department's export. */
export function ooDataset(fileName: string, kind: OoKind, force: ForceSpec | undefined): DatasetInfo {
  const department = departmentName(fileName, kind, force);
  return {
    publisher: 'OpenOversight',
    title: `OpenOversight: ${department}`,
    licence:
      'No licence stated in the export: public records and contributions published by the OpenOversight instance it came from. Attribution: "Source: OpenOversight".',
    url: 'https://github.com/lucyparsons/OpenOversight',
  };
}

/**
 * The department's force: `--force` (a slug, or an agency made when missing), else the one
 * force already called by the department's name (made by another dataset or an editor).
 */
export async function ooForce(
  trx: Db,
  fileName: string,
  kind: OoKind,
  force: ForceSpec | undefined,
): Promise<OoState> {
  if (force) return { forceId: await resolveForce(trx, force), assignments: new Map() };
  const name = departmentName(fileName, kind, force);
  const rows = await trx
    .selectFrom('forces')
    .select('id')
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .execute();
  if (rows.length !== 1)
    throw new ImportFileError(
      `${rows.length === 0 ? 'No force is' : 'More than one force is'} called "${name}": give it with --force "${name}, ST" (its US state) or --force SLUG.`,
    );
  return { forceId: rows[0]!.id, assignments: new Map() };
}

/** The name as OpenOversight shows it (`Officer.full_name`): a one-letter middle initial takes a full stop. */
export function ooName(r: {
  first: string | null;
  middle: string | null;
  last: string | null;
  suffix: string | null;
}): string | null {
  const middle = r.middle && r.middle.length === 1 ? `${r.middle}.` : r.middle;
  const name = [r.first, middle, r.last, r.suffix].filter(Boolean).join(' ');
  return name || null;
}

/** An OpenOversight officer record (its parts are added by the assignments file). */
export function ooOfficer(
  scope: RecordScope,
  officerId: string,
  extra: Partial<DatasetOfficer> = {},
): DatasetOfficer {
  return {
    externalId: officerId,
    slug: `openoversight-officer-${idFor(scope, 'officer', officerId).slice(0, 8)}-${officerId}`,
    name: null,
    roleType: 'police_officer',
    identifiers: [],
    ranks: [],
    postings: [],
    ...extra,
  };
}

/** Officers named by assignments or incidents before the officers file came: made, never changed. */
export async function placeholderOfficers(trx: Db, scope: RecordScope, forceId: string, ids: string[]) {
  await writeOfficers(
    trx,
    scope,
    forceId,
    [...new Set(ids)].map((id) => ooOfficer(scope, id)),
    { update: false },
  );
}
