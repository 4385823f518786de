import type { ImportFormat } from '../framework.ts';
import { cpdpAccused } from './cpdp/accused.ts';
import { cpdpComplaints } from './cpdp/complaints.ts';
import { cpdpProfiles } from './cpdp/profiles.ts';
import { philadelphiaComplaints } from './philadelphia/complaints.ts';
import { philadelphiaFindings } from './philadelphia/findings.ts';
import { policeUkStopSearch, policeUkStopSearchJson } from './police-uk-stop-search.ts';
import { wapoAgencies } from './wapo/agencies.ts';
import { wapoShootings } from './wapo/shootings.ts';

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
] as ImportFormat<unknown, unknown>[];

/** Every import format by id (`custodiet import FORMAT …`). */
export const FORMATS: Record<string, ImportFormat<unknown, unknown>> = Object.fromEntries(
  ALL.map((f) => [f.id, f]),
);
