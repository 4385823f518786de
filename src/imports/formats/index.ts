import type { ImportFormat } from '../framework.ts';
import { cpdpAccused } from './cpdp/accused.ts';
import { cpdpComplaints } from './cpdp/complaints.ts';
import { cpdpProfiles } from './cpdp/profiles.ts';
import { policeUkStopSearch, policeUkStopSearchJson } from './police-uk-stop-search.ts';
import { census2021Ts021, populationBaseline } from './population.ts';
import { unitHeadcounts } from './unit-headcounts.ts';

const ALL = [
  policeUkStopSearch,
  policeUkStopSearchJson,
  cpdpComplaints,
  cpdpAccused,
  cpdpProfiles,
  census2021Ts021,
  populationBaseline,
  unitHeadcounts,
] as ImportFormat<unknown, unknown>[];

/** Every import format by id (`custodiet import FORMAT …`). */
export const FORMATS: Record<string, ImportFormat<unknown, unknown>> = Object.fromEntries(
  ALL.map((f) => [f.id, f]),
);
