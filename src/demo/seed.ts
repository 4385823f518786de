import { sql } from '../db/kysely.ts';
import { saveAllegation, saveFinding, saveSanction } from '../allegations/service.ts';
import type { Actor } from '../audit/history.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { requireForce } from '../forces/service.ts';
import {
  addIncidentOfficer,
  addIncidentPerson,
  addIncidentUnit,
  saveIncident,
  saveTimelineEvent,
} from '../incidents/service.ts';
import {
  saveOfficer,
  saveOfficerIdentifier,
  saveOfficerPosting,
  saveOfficerRank,
} from '../officers/service.ts';
import { savePerson } from '../people/service.ts';
import { setPublicationState, type PublishableTable } from '../publication/service.ts';
import type { ClaimSubjectType } from '../sources/schema.ts';
import { saveClaim, saveSnapshot, saveSource } from '../sources/service.ts';
import { saveStatement } from '../statements/service.ts';
import { saveUnit } from '../units/service.ts';
import { DEMO_DATASET } from './dataset.ts';
import { stableId } from './ids.ts';
import { demoDataset, type DemoClaim, type ParsedDemoDataset } from './schema.ts';

const ACTOR: Actor = 'system:demo-seed';
/** Fixed, so re-seeding never changes publication times. */
export const DEMO_PUBLISHED_AT = new Date('2026-11-24T00:00:00.000Z');

/** What a seeding run did. */
export interface SeedReport {
  changes: number;
  counts: Record<string, number>;
}

type Ctx = { trx: Db; data: ParsedDemoDataset; toPublish: [PublishableTable, string][] };

function ref(kind: string, key: string, known: Set<string>): string {
  if (!known.has(key)) throw new AppError('CUS_VALIDATION', `Demo data refers to unknown ${kind} '${key}'`);
  return stableId(kind, key);
}

async function saveClaims(
  ctx: Ctx,
  subjectType: ClaimSubjectType,
  subjectId: string,
  path: string,
  claims: DemoClaim[],
) {
  const sourceKeys = new Set(ctx.data.sources.map((s) => s.key));
  for (const [n, c] of claims.entries()) {
    const sourceId = ref('source', c.source, sourceKeys);
    const retrieved = `Verbatim from the source's text as retrieved on ${ctx.data.retrievedOn}; the archived snapshot is not yet captured.`;
    await saveClaim(
      ctx.trx,
      ACTOR,
      {
        subjectType,
        subjectId,
        field: c.field,
        sourceId,
        snapshotId: stableId('snapshot', c.source),
        quotedPassage: c.passage,
        passageNote: c.passage ? [retrieved, c.note].filter(Boolean).join(' ') : c.note,
      },
      stableId('claim', `${path}:${n}`),
    );
  }
}

async function seedSourcesAndUnits(ctx: Ctx) {
  for (const s of ctx.data.sources) {
    const id = stableId('source', s.key);
    await saveSource(
      ctx.trx,
      ACTOR,
      {
        kind: s.kind,
        url: s.url,
        publisher: s.publisher,
        title: s.title,
        publishedOn: s.publishedOn ?? undefined,
        notes: s.notes,
      },
      id,
    );
    // No network at seed time: the capture job fills these in later.
    await saveSnapshot(
      ctx.trx,
      ACTOR,
      { sourceId: id, captureStatus: 'not_yet_captured' },
      stableId('snapshot', s.key),
    );
  }
  const unitKeys = new Set(ctx.data.units.map((u) => u.key));
  for (const u of ctx.data.units) {
    const force = await requireForce(ctx.trx, u.force);
    const parentUnitId = u.parent ? ref('unit', u.parent, unitKeys) : undefined;
    await saveUnit(
      ctx.trx,
      ACTOR,
      {
        forceId: force.id,
        parentUnitId,
        slug: u.slug,
        name: u.name,
        kind: u.kind,
        description: u.description,
      },
      stableId('unit', u.key),
    );
  }
}

async function seedOfficers(ctx: Ctx) {
  const unitKeys = new Set(ctx.data.units.map((u) => u.key));
  for (const o of ctx.data.officers) {
    const id = stableId('officer', o.key);
    const force = await requireForce(ctx.trx, o.force);
    await saveOfficer(
      ctx.trx,
      ACTOR,
      {
        forceId: force.id,
        slug: o.slug,
        publishedName: o.publishedName,
        roleType: o.roleType,
        serviceStatus: o.serviceStatus,
      },
      id,
    );
    for (const [n, r] of o.ranks.entries()) {
      await saveOfficerRank(
        ctx.trx,
        ACTOR,
        {
          officerId: id,
          rankCode: r.rank,
          detective: r.detective ?? false,
          validFrom: r.from,
          validTo: r.to,
        },
        stableId('rank', `${o.key}:${n}`),
      );
    }
    for (const [n, p] of o.postings.entries()) {
      await saveOfficerPosting(
        ctx.trx,
        ACTOR,
        { officerId: id, unitId: ref('unit', p.unit, unitKeys), validFrom: p.from, validTo: p.to },
        stableId('posting', `${o.key}:${n}`),
      );
    }
    for (const [n, i] of o.identifiers.entries()) {
      const idForce = i.force ? await requireForce(ctx.trx, i.force) : force;
      await saveOfficerIdentifier(
        ctx.trx,
        ACTOR,
        {
          officerId: id,
          forceId: idForce.id,
          identifierType: i.type,
          identifier: i.identifier,
          validFrom: i.from,
          validTo: i.to,
        },
        stableId('identifier', `${o.key}:${n}`),
      );
    }
    await saveClaims(ctx, 'officer', id, `officer:${o.key}`, o.claims);
    ctx.toPublish.push(['officers', id]);
  }
  for (const p of ctx.data.people) {
    const { key, ...person } = p;
    // A person with a public name has had protection lifted on a recorded basis; all others stay protected.
    await savePerson(
      ctx.trx,
      ACTOR,
      { ...person, protectedIdentity: p.publicName === undefined },
      stableId('person', key),
    );
  }
}

type DemoIncident = ParsedDemoDataset['incidents'][number];
type DemoAllegation = DemoIncident['allegations'][number];

async function seedAllegation(ctx: Ctx, incidentId: string, a: DemoAllegation) {
  const officerKeys = new Set(ctx.data.officers.map((o) => o.key));
  const id = stableId('allegation', a.key);
  await saveAllegation(
    ctx.trx,
    ACTOR,
    {
      incidentId,
      officerId: a.officer ? ref('officer', a.officer, officerKeys) : undefined,
      unidentifiedOfficer: a.unidentified,
      summary: a.summary,
      standards: a.standards,
      iopcCategory: a.iopcCategory,
      status: a.status,
      conductFrom: a.conductFrom,
      conductTo: a.conductTo,
    },
    id,
  );
  await saveClaims(ctx, 'allegation', id, `allegation:${a.key}`, a.claims);
  ctx.toPublish.push(['allegations', id]);
  const findingKeys = new Set(a.findings.map((f) => f.key));
  for (const f of a.findings) {
    const findingId = stableId('finding', f.key);
    const { key, claims, sanctions, supersedes, outcome, ...rest } = f;
    const supersedesFindingId = supersedes ? ref('finding', supersedes, findingKeys) : undefined;
    await saveFinding(ctx.trx, ACTOR, { ...rest, allegationId: id, outcome, supersedesFindingId }, findingId);
    await saveClaims(ctx, 'finding', findingId, `finding:${key}`, claims);
    for (const [n, s] of sanctions.entries()) {
      const sanctionId = stableId('sanction', `${key}:${n}`);
      await saveSanction(
        ctx.trx,
        ACTOR,
        {
          findingId,
          sanctionTaxonomy: s.taxonomy,
          sanction: s.code,
          imposedOn: s.imposedOn,
          detail: s.detail,
          custodialTermDays: s.custodialTermDays,
          minimumTermDays: s.minimumTermDays,
        },
        sanctionId,
      );
      await saveClaims(ctx, 'sanction', sanctionId, `sanction:${key}:${n}`, s.claims);
    }
  }
}

async function seedIncident(ctx: Ctx, i: DemoIncident) {
  const keys = (list: { key: string }[]) => new Set(list.map((x) => x.key));
  const id = stableId('incident', i.key);
  const force = await requireForce(ctx.trx, i.force);
  const occurred = { on: i.occurred.on, precision: i.occurred.precision, until: i.occurred.until };
  await saveIncident(
    ctx.trx,
    ACTOR,
    {
      slug: i.slug,
      title: i.title,
      summary: i.summary,
      occurred,
      place: i.place,
      forceId: force.id,
      tags: i.tags,
    },
    id,
  );
  for (const u of i.units) await addIncidentUnit(ctx.trx, ACTOR, id, ref('unit', u, keys(ctx.data.units)));
  for (const o of i.officers)
    await addIncidentOfficer(ctx.trx, ACTOR, id, ref('officer', o.officer, keys(ctx.data.officers)), o.role);
  for (const p of i.people)
    await addIncidentPerson(ctx.trx, ACTOR, id, ref('person', p.person, keys(ctx.data.people)), p.role);
  await saveClaims(ctx, 'incident', id, `incident:${i.key}`, i.claims);
  for (const [n, e] of i.events.entries()) {
    const eventId = stableId('event', `${i.key}:${n}`);
    await saveTimelineEvent(
      ctx.trx,
      ACTOR,
      {
        incidentId: id,
        occurred: { on: e.on, precision: e.precision, until: e.until },
        title: e.title,
        description: e.description,
        processState: e.processState,
      },
      eventId,
    );
    await saveClaims(ctx, 'timeline_event', eventId, `event:${i.key}:${n}`, e.claims);
  }
  for (const a of i.allegations) await seedAllegation(ctx, id, a);
  ctx.toPublish.push(['incidents', id]);
}

async function seedStatements(ctx: Ctx) {
  const incidentKeys = new Set(ctx.data.incidents.map((i) => i.key));
  const sourceKeys = new Set(ctx.data.sources.map((s) => s.key));
  for (const s of ctx.data.statements) {
    const id = stableId('statement', s.key);
    const force = s.force ? await requireForce(ctx.trx, s.force) : undefined;
    await saveStatement(
      ctx.trx,
      ACTOR,
      {
        slug: s.slug,
        speakerName: s.speakerName,
        speakerRole: s.speakerRole,
        forceId: force?.id,
        incidentId: s.incident ? ref('incident', s.incident, incidentKeys) : undefined,
        saidOn: s.saidOn,
        summary: s.summary,
        quote: s.quote ?? undefined,
        sourceId: ref('source', s.source, sourceKeys),
        isPromise: s.isPromise,
        promiseType: s.promiseType,
      },
      id,
    );
    ctx.toPublish.push(['statements', id]);
  }
}

async function countChanges(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(db);
  return rows[0]!.n;
}

/**
 * Loads the bundled demo cases through the normal services (validation, audit, history) in one
 * transaction. Idempotent: a second run finds every record by its stable id and changes nothing.
 */
export async function seedDemo(db: Db, dataset: unknown = DEMO_DATASET): Promise<SeedReport> {
  const data = demoDataset.parse(dataset);
  const before = await countChanges(db);
  await inTransaction(db, async (trx) => {
    const ctx: Ctx = { trx, data, toPublish: [] };
    await seedSourcesAndUnits(ctx);
    await seedOfficers(ctx);
    for (const i of data.incidents) await seedIncident(ctx, i);
    await seedStatements(ctx);
    for (const [table, id] of ctx.toPublish) {
      await setPublicationState(trx, ACTOR, table, id, 'published', DEMO_PUBLISHED_AT);
    }
    await trx
      .insertInto('app_meta')
      .values({ key: 'demo_seeded_at', value: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
  const allegations = data.incidents.flatMap((i) => i.allegations);
  return {
    changes: (await countChanges(db)) - before,
    counts: {
      sources: data.sources.length,
      units: data.units.length,
      officers: data.officers.length,
      people: data.people.length,
      incidents: data.incidents.length,
      allegations: allegations.length,
      findings: allegations.flatMap((a) => a.findings).length,
      statements: data.statements.length,
    },
  };
}

/** True once demo data has been loaded into this database (first-start seeding checks this). */
export async function demoSeeded(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'demo_seeded_at')
    .executeTakeFirst();
  return row !== undefined;
}
