import type { Db } from '../../../db/client.ts';
import type { ImportContext } from '../../framework.ts';
import {
  linkOfficersToIncidents,
  upsertIncidentPeople,
  UNIDENTIFIED_OFFICER,
  upsertAllegations,
  upsertIncidents,
  type IncidentColumn,
} from '../../incidents.ts';
import { writeOfficers, type DatasetOfficer } from '../../officers.ts';
import { draftIds, followMerges, idFor, linkDerived, rejectRepeats, type RecordKind } from '../../records.ts';
import { unitsByName } from '../../units.ts';
import { KINDS, TAXONOMY, type Kind, type Track, type Vocabulary } from './fields.ts';
import type { Mapping } from './mapping.ts';
import { writeGenericOutcomes } from './outcomes.ts';
import { str, type Made, type MappedRow } from './rows.ts';

/** What writing a generic file needs, from the mapping and the database. */
export interface GenericState {
  forceId: string;
  rankTaxonomy: string;
  /** Outcome and sanction taxonomies of the force's jurisdiction, by track. */
  outcomes: Partial<Record<Track, Vocabulary>>;
  /** Start of every public address this dataset's records get. */
  slugBase: string;
}
type Ctx = ImportContext<GenericState>;
type Batch = { row: number; line: number; value: MappedRow }[];

const hex = (id: string, n: number) => id.replace(/-/g, '').slice(0, n);

/**
 * The kind whose id must be unique per row: the allegation when rows make one (a row is one
 * allegation, its incident and officer repeat), else the one kind the rows make. Rows that
 * only link records (incident + officer) may repeat harmlessly.
 */
export function rowKind(m: Mapping): Kind | null {
  if (m.records.allegation) return 'allegation';
  const made = KINDS.filter((k) => m.records[k]);
  return made.length === 1 ? made[0]! : null;
}

/** Writes one batch: incidents, officers, people, allegations, and the links between them. */
export async function writeGeneric(trx: Db, m: Mapping, batch: Batch, ctx: Ctx) {
  const key = rowKind(m);
  if (key)
    await rejectRepeats(
      trx,
      ctx,
      key,
      batch.flatMap((b) =>
        b.value[key]
          ? [{ externalId: b.value[key].externalId, line: b.line, column: m.records[key]!.id[0]! }]
          : [],
      ),
    );
  const rows = batch.map((b) => b.value);
  const id = (kind: RecordKind, made: Made) => idFor(ctx, kind, made.externalId);
  if (m.records.incident)
    await writeIncidents(
      trx,
      m,
      ctx,
      rows.flatMap((r) => (r.incident ? [r.incident] : [])),
    );
  if (m.records.officer)
    await writeGenericOfficers(
      trx,
      m,
      ctx,
      rows.flatMap((r) => (r.officer ? [r.officer] : [])),
    );
  if (m.records.person) await writePeople(trx, m, ctx, rows);
  const current = await followMerges(
    trx,
    'officers',
    rows.map((r) => (r.officer ? id('officer', r.officer) : null)),
  );
  const officerOf = (r: MappedRow) => current(r.officer ? id('officer', r.officer) : null);
  if (m.records.allegation) await writeAllegations(trx, m, ctx, rows, officerOf);
  if (m.records.finding) await writeGenericOutcomes(trx, m, ctx, rows);
  await linkOfficersToIncidents(
    trx,
    rows.flatMap((r): [string, string | null][] =>
      r.incident ? [[id('incident', r.incident), officerOf(r)]] : [],
    ),
  );
}

async function writeIncidents(trx: Db, m: Mapping, ctx: Ctx, made: Made[]) {
  const fields = m.records.incident!.fields;
  const dated = 'occurred_on' in fields;
  const values = made.map((i) => {
    const f = i.fields;
    const rid = idFor(ctx, 'incident', i.externalId);
    const on = str(f.occurred_on);
    const precision = on ? (str(f.occurred_precision) ?? 'day') : 'unknown';
    return {
      id: rid,
      slug: `${ctx.state.slugBase}-${slugPart(i.externalId)}-${hex(rid, 6)}`,
      title: str(f.title) ?? `${m.dataset.title}: record ${i.externalId}`,
      summary:
        str(f.summary) ??
        `Record ${i.externalId} of "${m.dataset.title}", published by ${m.dataset.publisher}. The dataset gives no account of it.`,
      force_id: ctx.state.forceId,
      ...(dated ? { occurred_on: truncate(on, precision), occurred_precision: precision } : {}),
      ...('place' in fields ? { place: str(f.place) } : {}),
    };
  });
  // What the mapping does not give is never blanked (an editor may have added it to the draft).
  const update: IncidentColumn[] = [
    'title',
    'summary',
    ...(dated ? (['occurred_on', 'occurred_precision'] as const) : []),
    ...('place' in fields ? (['place'] as const) : []),
  ];
  await upsertIncidents(trx, ctx, values, { update });
  await linkDerived(
    trx,
    ctx,
    'incident',
    made.map((i) => ({ externalId: i.externalId })),
  );
}

function slugPart(externalId: string): string {
  return (
    externalId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'record'
  );
}

/** A month or a year is stored as its first day (the precision says which). */
function truncate(on: string | null, precision: string): string | null {
  if (!on) return null;
  if (precision === 'month') return `${on.slice(0, 7)}-01`;
  if (precision === 'year') return `${on.slice(0, 4)}-01-01`;
  return on;
}

async function writeGenericOfficers(trx: Db, m: Mapping, ctx: Ctx, made: Made[]) {
  const units = await unitsByName(
    trx,
    ctx.state.forceId,
    made.flatMap((o) => (o.fields.unit ? [String(o.fields.unit)] : [])),
  );
  const officers = made.map((o): DatasetOfficer => {
    const f = o.fields;
    const number = (type: 'shoulder_number' | 'badge_number') =>
      f[type] ? [{ key: type, type, value: String(f[type]) }] : [];
    const rank = str(f.rank);
    const unit = units.get(str(f.unit) ?? '');
    return {
      externalId: o.externalId,
      // Never built from the dataset's officer id, which may be a personnel number.
      slug: `${ctx.state.slugBase}-officer-${hex(idFor(ctx, 'officer', o.externalId), 12)}`,
      name: str(f.published_name),
      roleType:
        str(f.role_type) ??
        (rank === 'civilian_staff' || rank === 'police_staff' ? 'police_staff' : 'police_officer'),
      identifiers: [...number('shoulder_number'), ...number('badge_number')],
      ranks: rank
        ? [{ key: 'rank', taxonomy: ctx.state.rankTaxonomy, code: rank, detective: rank === 'detective' }]
        : [],
      postings: unit ? [{ key: 'unit', unitId: unit }] : [],
    };
  });
  await writeOfficers(trx, ctx, ctx.state.forceId, officers, { update: true });
}

async function writePeople(trx: Db, m: Mapping, ctx: Ctx, rows: MappedRow[]) {
  const mapped = m.records.person!.fields;
  const people = rows.flatMap((r) => (r.person && r.incident ? [{ p: r.person, incident: r.incident }] : []));
  if (people.length === 0) return;
  const flags = (['vulnerable', 'deceased', 'sexual_offence_complainant'] as const).filter(
    (f) => f in mapped,
  );
  const written = await upsertIncidentPeople(
    trx,
    ctx,
    people.map(({ p, incident }) => {
      const rid = idFor(ctx, 'person', p.externalId);
      const status = String(p.fields.age_status);
      return {
        person: {
          id: rid,
          pseudonym:
            str(p.fields.pseudonym) ??
            `${status === 'adult' ? 'Person' : 'Child'} ${hex(rid, 5).toUpperCase()}`,
          age_status: status,
          ...Object.fromEntries(flags.map((f) => [f, p.fields[f] === true])),
        },
        incidentId: idFor(ctx, 'incident', incident.externalId),
        role: str(p.fields.role) ?? 'complainant',
      };
    }),
    ['pseudonym', 'age_status', ...flags],
  );
  await linkDerived(
    trx,
    ctx,
    'person',
    people
      .filter(({ p }) => written.has(idFor(ctx, 'person', p.externalId)))
      .map(({ p }) => ({ externalId: p.externalId })),
  );
}

async function writeAllegations(
  trx: Db,
  m: Mapping,
  ctx: Ctx,
  rows: MappedRow[],
  officerOf: (r: MappedRow) => string | null,
) {
  const made = rows.filter((r) => r.allegation && r.incident);
  const values = made.map((r) => {
    const f = r.allegation!.fields;
    const officer = officerOf(r);
    const iopc = str(f.iopc_category);
    return {
      id: idFor(ctx, 'allegation', r.allegation!.externalId),
      incident_id: idFor(ctx, 'incident', r.incident!.externalId),
      officer_id: officer,
      unidentified_officer: officer ? null : (str(f.unidentified_officer) ?? UNIDENTIFIED_OFFICER),
      summary:
        str(f.summary) ??
        `Allegation ${r.allegation!.externalId} recorded in "${m.dataset.title}"; the dataset does not describe it.`,
      status_code: str(f.status) ?? 'reported',
      iopc_taxonomy: iopc ? TAXONOMY.iopc : null,
      iopc_code: iopc,
      reported_on: str(f.reported_on),
      conduct_from: str(f.conduct_from),
      conduct_to: str(f.conduct_to),
    };
  });
  await upsertAllegations(trx, ctx, values, [
    'officer_id',
    'unidentified_officer',
    'summary',
    'status_code',
    'iopc_taxonomy',
    'iopc_code',
    'reported_on',
    'conduct_from',
    'conduct_to',
  ]);
  if ('standards' in m.records.allegation!.fields)
    await writeStandards(
      trx,
      made,
      values.map((v) => v.id),
    );
  await linkDerived(
    trx,
    ctx,
    'allegation',
    made.map((r) => ({ externalId: r.allegation!.externalId })),
  );
}

/** The allegations' standards as the file gives them now (draft allegations only). */
async function writeStandards(trx: Db, made: MappedRow[], ids: string[]) {
  const wanted = made.flatMap((r, i) =>
    ((r.allegation!.fields.standards as string[] | null) ?? []).map((code) => ({
      allegation_id: ids[i]!,
      standard_taxonomy: TAXONOMY.standards,
      standard_code: code,
    })),
  );
  const open = await draftIds(trx, 'allegations', ids);
  if (open.size === 0) return;
  await trx
    .deleteFrom('allegation_standards')
    .where('allegation_id', 'in', [...open])
    .execute();
  const rows = wanted.filter((w) => open.has(w.allegation_id));
  if (rows.length > 0)
    await trx
      .insertInto('allegation_standards')
      .values([...new Map(rows.map((r) => [`${r.allegation_id}/${r.standard_code}`, r])).values()])
      .onConflict((oc) => oc.doNothing())
      .execute();
}
