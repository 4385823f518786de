import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { bool, code, codeList, day, externalId, latinHomoglyphs, text, wholeNumber } from '../../fields.ts';
import type { ImportContext, ImportFormat } from '../../framework.ts';
import { replaceIncidentLinks, upsertIncidentPeople, upsertIncidents } from '../../incidents.ts';
import { idFor, linkDerived } from '../../records.ts';
import { US_STATE_CODES } from '../../us-states.ts';
import { AGENCIES_FILE, AGENCIES_FORMAT, knownAgencies, WAPO_DATASET, type KnownAgency } from './shared.ts';
import {
  FLEE_STATUSES,
  placeOf,
  summaryOf,
  THREAT_TYPES,
  titleOf,
  WEAPONS,
  type ShootingFacts,
} from './wording.ts';

// The Post's README gives `--` for unknown; its files use an empty cell.
const MISSING = ['', '--'] as const;
const place = (max: number) => text(max, MISSING).transform((s) => (s === null ? null : latinHomoglyphs(s)));

/**
 * `fatal-police-shootings-data.csv`: one row per person killed. Read and validated, but never
 * stored: `name`, `gender`, `race`, `race_source`, `latitude`, `longitude`, `location_precision`
 * (see docs/imports.md for why).
 */
const shootingRow = z
  .looseObject({
    id: externalId(20),
    date: day({ missing: [] }),
    threat_type: code(THREAT_TYPES, MISSING),
    flee_status: code(FLEE_STATUSES, MISSING),
    armed_with: codeList(WEAPONS, ';', MISSING),
    city: place(100),
    county: place(100),
    state: code(US_STATE_CODES, []),
    age: wholeNumber(MISSING, 3).refine((a) => a === null || Number(a) <= 120, 'not an age in years'),
    was_mental_illness_related: bool([]),
    body_camera: bool([]),
    agency_ids: codeList(/^\d{1,12}$/, ';', []).refine((ids) => ids.length > 0, 'must name an agency'),
  })
  .transform((r) => ({ ...r, agency_ids: [...new Set(r.agency_ids)] }));
type ShootingRow = z.output<typeof shootingRow>;
type Ctx = ImportContext<Map<string, KnownAgency>>;

/** Under 18 → minor; no age → unknown (treated as a child by the publication rules). */
export function ageStatus(age: string | null): 'adult' | 'minor' | 'unknown' {
  if (age === null) return 'unknown';
  return Number(age) < 18 ? 'minor' : 'adult';
}

function factsOf(r: ShootingRow): ShootingFacts {
  return {
    id: r.id,
    date: r.date!,
    city: r.city,
    county: r.county,
    state: r.state!,
    threat: r.threat_type,
    flee: r.flee_status,
    armed: r.armed_with,
    bodyCamera: r.body_camera!,
  };
}

async function writeIncidents(trx: Db, rows: ShootingRow[], ctx: Ctx) {
  const agency = (id: string) => ctx.state.get(id)!;
  await upsertIncidents(
    trx,
    ctx,
    rows.map((r) => ({
      id: idFor(ctx, 'incident', r.id),
      slug: `wapo-fatal-force-${r.id}`,
      title: titleOf(factsOf(r)),
      summary: summaryOf(
        factsOf(r),
        r.agency_ids.map((a) => agency(a).name),
      ),
      occurred_on: r.date,
      occurred_precision: 'day',
      place: placeOf(factsOf(r)),
      force_id: agency(r.agency_ids[0]!).forceId,
      tags: ['fatal-force'],
    })),
    { force: true },
  );
  // The first agency is the incident's force; the others are listed beside it.
  await replaceIncidentLinks(
    trx,
    'incident_forces',
    rows.map((r) => idFor(ctx, 'incident', r.id)),
    rows.flatMap((r) =>
      r.agency_ids
        .slice(1)
        .map((a) => ({ incident_id: idFor(ctx, 'incident', r.id), target: agency(a).forceId }))
        .filter((p) => p.target !== agency(r.agency_ids[0]!).forceId),
    ),
  );
}

/** The person killed, as the victim of the incident; returns the ids of those written. */
function writePeople(trx: Db, rows: ShootingRow[], ctx: Ctx) {
  return upsertIncidentPeople(
    trx,
    ctx,
    rows.map((r) => ({
      person: {
        id: idFor(ctx, 'person', r.id),
        pseudonym: `Person killed (Washington Post record ${r.id})`,
        age_status: ageStatus(r.age),
        deceased: true,
      },
      incidentId: idFor(ctx, 'incident', r.id),
      role: 'victim',
    })),
    ['pseudonym', 'age_status', 'deceased'],
  );
}

async function write(trx: Db, batch: { row: number; value: ShootingRow }[], ctx: Ctx) {
  const rows = batch.map((b) => b.value);
  await writeIncidents(trx, rows, ctx);
  const people = await writePeople(trx, rows, ctx);
  await linkDerived(
    trx,
    ctx,
    'incident',
    rows.map((r) => ({
      externalId: r.id,
      attributes: {
        threat_type: r.threat_type,
        flee_status: r.flee_status,
        armed_with: r.armed_with,
        body_camera: r.body_camera,
        was_mental_illness_related: r.was_mental_illness_related,
        agency_ids: r.agency_ids,
      },
    })),
  );
  await linkDerived(
    trx,
    ctx,
    'person',
    rows.filter((r) => people.has(idFor(ctx, 'person', r.id))).map((r) => ({ externalId: r.id })),
  );
}

/**
 * Each record becomes a draft incident (the first agency its force, the others in
 * incident_forces) and the person killed a pseudonymous person, linked as the victim. The
 * agencies file must have been imported first: a row naming an agency it lacks is reported.
 */
export const wapoShootings: ImportFormat<ShootingRow, Map<string, KnownAgency>> = {
  id: 'wapo-fatal-force',
  title: 'Washington Post Fatal Force (v2) fatal shootings',
  columns: [
    'id',
    'date',
    'threat_type',
    'flee_status',
    'armed_with',
    'city',
    'county',
    'state',
    'age',
    'was_mental_illness_related',
    'body_camera',
    'agency_ids',
  ],
  dataset: () => WAPO_DATASET,
  prepare: (trx, _file, scope) => knownAgencies(trx, scope),
  row: shootingRow,
  check(r, ctx) {
    const missing = r.agency_ids.filter((a) => !ctx.state.has(a));
    if (missing.length === 0) return [];
    return [
      {
        column: 'agency_ids',
        message: `agency ${missing.join(', ')} is not in the imported agencies file: import the newer ${AGENCIES_FILE} (${AGENCIES_FORMAT}) first`,
      },
    ];
  },
  write,
};
