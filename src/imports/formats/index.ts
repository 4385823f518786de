import { FormatSettingsError, type FormatSettings, type ImportFormat } from '../framework.ts';
import { cpdpAccused } from './cpdp/accused.ts';
import { cpdpComplaints } from './cpdp/complaints.ts';
import { cpdpProfiles } from './cpdp/profiles.ts';
import { genericCsv } from './generic/format.ts';
import { nycCcrbPenalties } from './nyc-ccrb-penalties.ts';
import {
  openOversightAssignments,
  openOversightIncidents,
  openOversightOfficers,
} from './openoversight/formats.ts';
import { philadelphiaComplaints } from './philadelphia/complaints.ts';
import { philadelphiaFindings } from './philadelphia/findings.ts';
import { policeUkStopSearch, policeUkStopSearchJson } from './police-uk-stop-search.ts';
import { wapoAgencies } from './wapo/agencies.ts';
import { wapoShootings } from './wapo/shootings.ts';
import { census2021Ts021, populationBaseline } from './population.ts';
import { unitHeadcounts } from './unit-headcounts.ts';

const ALL = [
  policeUkStopSearch,
  policeUkStopSearchJson,
  cpdpComplaints,
  cpdpAccused,
  cpdpProfiles,
  wapoAgencies,
  wapoShootings,
  philadelphiaComplaints,
  philadelphiaFindings,
  nycCcrbPenalties,
  openOversightOfficers,
  openOversightAssignments,
  openOversightIncidents,
  genericCsv,
  census2021Ts021,
  populationBaseline,
  unitHeadcounts,
] as ImportFormat<unknown, unknown>[];

/** Every import format by id (`custodiet import FORMAT …`). */
export const FORMATS: Record<string, ImportFormat<unknown, unknown>> = Object.fromEntries(
  ALL.map((f) => [f.id, f]),
);

/**
 * The format `id`, set up with what it was given besides the file (`--mapping`, `--force`).
 * Throws FormatSettingsError for an unknown format, a setting the format does not take, a
 * missing mapping, or a mapping that is wrong (every problem listed).
 */
export function formatFor(id: string, settings: FormatSettings = {}): ImportFormat<unknown, unknown> {
  const format = FORMATS[id];
  if (!format)
    throw new FormatSettingsError(`Unknown format '${id}'. Formats: ${Object.keys(FORMATS).join(', ')}.`);
  const takes = format.settings ?? {};
  if (settings.mapping !== undefined && !takes.mapping)
    throw new FormatSettingsError(`The ${id} format takes no mapping file: its columns are fixed.`);
  if (settings.force !== undefined && !takes.force)
    throw new FormatSettingsError(`The ${id} format names its own force: it takes no --force.`);
  if (takes.mapping === 'required' && settings.mapping === undefined)
    throw new FormatSettingsError(
      `The ${id} format needs a mapping file (--mapping FILE): see docs/imports.md.`,
    );
  const given = settings.mapping !== undefined || settings.force !== undefined;
  return given && format.configure ? format.configure(settings) : format;
}
