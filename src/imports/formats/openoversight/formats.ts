import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import type { ForceSpec } from '../../agencies.ts';
import { day, text } from '../../fields.ts';
import type { ImportContext, ImportFormat } from '../../framework.ts';
import { linkOfficersToIncidents, upsertIncidents } from '../../incidents.ts';
import { writeOfficers } from '../../officers.ts';
import { followMerges, idFor, linkDerived, rejectRepeats } from '../../records.ts';
import { ensureUnits, unitId as unitIdOf } from '../../units.ts';
import { US_RANKS, usRank } from '../../us-vocabulary.ts';
import {
  forceSetting,
  ooDataset,
  ooForce,
  ooName,
  ooOfficer,
  placeholderOfficers,
  type OoKind,
  type OoState,
} from './shared.ts';

type Ctx = ImportContext<OoState>;
type Batch<T> = { row: number; line: number; value: T }[];

/** What the three OpenOversight formats share: dataset, force, `--force`. */
function ooFormat<T>(
  kind: OoKind,
  spec: Pick<ImportFormat<T, OoState>, 'id' | 'title' | 'columns' | 'row' | 'write'>,
  force?: ForceSpec,
): ImportFormat<T, OoState> {
  return {
    ...spec,
    dataset: (fileName) => ooDataset(fileName, kind, force),
    prepare: (trx, fileName) => ooForce(trx, fileName, kind, force),
    settings: { force: 'optional' },
    configure: (settings) => ooFormat(kind, spec, forceSetting(settings)),
  };
}

/** OpenOversight's ids are database keys: whole numbers (they become part of public addresses). */
const id = () =>
  z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, 'must be an OpenOversight id (a whole number)');

/** Each row's own id (OpenOversight's primary key, in the `id` column), for the repeat check. */
const idsOf = (batch: Batch<{ id: string }>) =>
  batch.map((b) => ({ externalId: b.value.id, line: b.line, column: 'id' }));

/**
 * `<Department>_Officers.csv`: one row per officer. Gender, race, birth year and salary are
 * never read (rule R10). The badge number and job title are the latest assignment's, so they
 * are kept as source facts; the dated ones come from the assignments file.
 */
const officerRow = z.looseObject({
  id: id(),
  'unique identifier': text(50),
  'last name': text(120),
  'first name': text(120),
  'middle initial': text(120),
  suffix: text(120),
  'employment date': day(),
  'badge number': text(120),
  'job title': text(255),
});
type OfficerRow = z.output<typeof officerRow>;

async function writeOfficerRows(trx: Db, batch: Batch<OfficerRow>, ctx: Ctx) {
  await rejectRepeats(trx, ctx, 'officer', idsOf(batch));
  const officers = batch.map(({ value: r }) => {
    const uid = r['unique identifier'];
    return ooOfficer(ctx, r.id, {
      name: ooName({
        first: r['first name'],
        middle: r['middle initial'],
        last: r['last name'],
        suffix: r.suffix,
      }),
      roleType: usRank(r['job title']) === 'civilian_staff' ? 'police_staff' : 'police_officer',
      // The department's own id for the officer (NYPD: the Tax ID): personal, never shown.
      identifiers: uid ? [{ key: 'unique-identifier', type: 'external_id' as const, value: uid }] : [],
      attributes: {
        employment_date: r['employment date'],
        latest_badge_number: r['badge number'],
        latest_job_title: r['job title'],
      },
    });
  });
  await writeOfficers(trx, ctx, ctx.state.forceId, officers, { update: true, refreshParts: false });
}

/** `<Department>_Assignments.csv`: one row per assignment — badge number, job title and unit, dated. */
const assignmentRow = z
  .looseObject({
    id: id(),
    'officer id': id(),
    'badge number': text(40),
    'job title': text(255),
    'start date': day(),
    'end date': day(),
    'unit id': z
      .string()
      .trim()
      .regex(/^(\d{1,12})?$/, 'must be an OpenOversight id (a whole number) or empty'),
    'unit description': text(120),
  })
  .superRefine((r, ctx) => {
    if (r['start date'] && r['end date'] && r['end date'] < r['start date'])
      ctx.addIssue({ code: 'custom', path: ['end date'], message: 'is before the start date' });
  });
type AssignmentRow = z.output<typeof assignmentRow>;

async function writeAssignments(trx: Db, batch: Batch<AssignmentRow>, ctx: Ctx) {
  // Assignments are parts of officers, not records: their ids are remembered for the file.
  await rejectRepeats(trx, ctx, ctx.state.assignments, idsOf(batch));
  const rows = batch.map((b) => b.value);
  await placeholderOfficers(
    trx,
    ctx,
    ctx.state.forceId,
    rows.map((r) => r['officer id']),
  );
  const unitId = (r: AssignmentRow) => unitIdOf(ctx, r['unit id']);
  await ensureUnits(
    trx,
    ctx,
    ctx.state.forceId,
    rows
      .filter((r) => r['unit id'])
      .map((r) => ({
        code: r['unit id'],
        slug: `openoversight-unit-${unitId(r).slice(0, 8)}-${r['unit id']}`,
        name: r['unit description'] ?? `Unit ${r['unit id']}`,
        kind: 'team',
        // OpenOversight's unit id is its database key, not the department's code for the unit.
        storedCode: null,
      })),
  );
  const officers = rows.map((r) => {
    const dates = { from: r['start date'], to: r['end date'] };
    const rank = usRank(r['job title']);
    const key = (p: string) => `assignment#${r.id}#${p}`;
    return ooOfficer(ctx, r['officer id'], {
      identifiers: r['badge number']
        ? [{ key: key('badge'), type: 'badge_number' as const, value: r['badge number'], ...dates }]
        : [],
      ranks: rank
        ? [{ key: key('rank'), taxonomy: US_RANKS, code: rank, detective: rank === 'detective', ...dates }]
        : [],
      postings: r['unit id'] ? [{ key: key('unit'), unitId: unitId(r), ...dates }] : [],
    });
  });
  await writeOfficers(trx, ctx, ctx.state.forceId, officers, { update: false, refreshParts: true });
}

/**
 * `<Department>_Incidents.csv`: one row per incident. Licence plates are never read (vehicle
 * registrations, rule R10); the `links` column holds no usable value (Python object names).
 * `officers` lists the officers involved as `<Officer ID 12: …>`, linked by their ids.
 */
const incidentRow = z.looseObject({
  id: id(),
  report_num: text(50),
  date: day(),
  time: text(20),
  description: text(20_000),
  location: text(300),
  officers: z.string().transform((s) => [...s.matchAll(/<Officer ID (\d{1,12}):/g)].map((m) => m[1]!)),
});
type IncidentRow = z.output<typeof incidentRow>;

/** OpenOversight's location text ("Intersection of A and B, City ST", or "City ST"), without Python's None. */
function place(location: string | null): string | null {
  const t = (location ?? '')
    .replace(/\bNone\b/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+,/g, ',')
    .trim();
  return /[A-Za-z]/.test(t) ? t.replace(/^,\s*|,\s*$/g, '') : null;
}

async function writeIncidents(trx: Db, batch: Batch<IncidentRow>, ctx: Ctx) {
  await rejectRepeats(trx, ctx, 'incident', idsOf(batch));
  const rows = batch.map((b) => b.value);
  const incidentId = (r: IncidentRow) => idFor(ctx, 'incident', r.id);
  await upsertIncidents(
    trx,
    ctx,
    rows.map((r) => ({
      id: incidentId(r),
      slug: `openoversight-incident-${incidentId(r).slice(0, 8)}-${r.id}`,
      title: `Incident ${r.report_num ? `report ${r.report_num}` : r.id} (OpenOversight)`,
      summary:
        r.description ??
        `OpenOversight incident ${r.id}. The export gives no description; the officers involved are linked.`,
      occurred_on: r.date,
      occurred_precision: r.date ? 'day' : 'unknown',
      place: place(r.location),
      force_id: ctx.state.forceId,
      tags: ['openoversight'],
    })),
  );
  const officerIds = [...new Set(rows.flatMap((r) => r.officers))];
  await placeholderOfficers(trx, ctx, ctx.state.forceId, officerIds);
  const current = await followMerges(
    trx,
    'officers',
    officerIds.map((o) => idFor(ctx, 'officer', o)),
  );
  const officer = (o: string) => current(idFor(ctx, 'officer', o))!;
  await linkOfficersToIncidents(
    trx,
    rows.flatMap((r) => r.officers.map((o): [string, string] => [incidentId(r), officer(o)])),
  );
  await linkDerived(
    trx,
    ctx,
    'incident',
    rows.map((r) => ({
      externalId: r.id,
      attributes: { report_num: r.report_num, time: r.time, officers: r.officers.join(' ') },
    })),
  );
}

export const openOversightOfficers = ooFormat<OfficerRow>('Officers', {
  id: 'openoversight-officers',
  title: 'OpenOversight officers',
  columns: [
    'id',
    'unique identifier',
    'last name',
    'first name',
    'middle initial',
    'suffix',
    'employment date',
    'badge number',
    'job title',
  ],
  row: officerRow,
  write: writeOfficerRows,
});

export const openOversightAssignments = ooFormat<AssignmentRow>('Assignments', {
  id: 'openoversight-assignments',
  title: 'OpenOversight assignments',
  columns: [
    'id',
    'officer id',
    'badge number',
    'job title',
    'start date',
    'end date',
    'unit id',
    'unit description',
  ],
  row: assignmentRow,
  write: writeAssignments,
});

export const openOversightIncidents = ooFormat<IncidentRow>('Incidents', {
  id: 'openoversight-incidents',
  title: 'OpenOversight incidents',
  columns: ['id', 'report_num', 'date', 'time', 'description', 'location', 'officers'],
  row: incidentRow,
  write: writeIncidents,
});
