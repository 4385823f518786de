// Accepting a reviewed bundle: each accepted item becomes a DRAFT record through the existing
// services (so every write is audited and checked), with a claim citing its passage in the
// captured snapshot. Rejected and undecided items create nothing. Nothing is ever published here:
// drafts go through review, the publication checks and (for named officers) two-person approval.
import type { Selectable } from 'kysely';
import { requirePermission } from '../accounts/policy.ts';
import type { Actor } from '../audit/history.ts';
import { inTransaction, updateRecord } from '../audit/records.ts';
import { saveAllegation } from '../allegations/service.ts';
import type { Db } from '../db/client.ts';
import type { IngestItems } from '../db/schema.generated.ts';
import { clip } from '../editor/entity.ts';
import { AppError } from '../errors/catalogue.ts';
import {
  addIncidentOfficer,
  addIncidentPerson,
  addIncidentUnit,
  saveIncident,
  saveTimelineEvent,
} from '../incidents/service.ts';
import { saveOfficer, saveOfficerIdentifier, saveOfficerRank } from '../officers/service.ts';
import { savePerson } from '../people/service.ts';
import type { Editor } from '../publication/workflow.ts';
import { parseInput } from '../schema/common.ts';
import { saveClaim } from '../sources/service.ts';
import { saveStatement } from '../statements/service.ts';
import { draftSlug } from '../submissions/convert.ts';
import { saveUnit } from '../units/service.ts';
import { getBundle } from './repository.ts';
import { reviewInput, type ReviewInput } from './schema.ts';

type Item = Selectable<IngestItems>;
type Ctx = {
  trx: Db;
  actor: Actor;
  sourceId: string;
  snapshotId: string;
  incidentId: string;
  forceId: string;
  articleDate: string;
  status: string;
  officers: Map<string, string>;
};

const UNIT_KIND: Record<string, 'station' | 'bcu' | 'specialist'> = {
  station: 'station',
  bcu: 'bcu',
  unit: 'specialist',
};

/** A claim citing the item's passage; a passage with names withheld is described, not quoted. */
function cite(
  c: Ctx,
  item: Item,
  subjectType: 'incident' | 'allegation' | 'officer' | 'statement' | 'timeline_event',
  subjectId: string,
  field?: string,
) {
  return saveClaim(c.trx, c.actor, {
    subjectType,
    subjectId,
    ...(field ? { field } : {}),
    sourceId: c.sourceId,
    snapshotId: c.snapshotId,
    ...(item.passage_redacted
      ? {
          passageNote: `Passage withheld here because it names a protected person; it is at characters ${item.passage_start}–${item.passage_end} of the archived snapshot.`,
        }
      : { quotedPassage: item.passage }),
  });
}

const val = (item: Item, k: string) => {
  const edited = (item.edited ?? {}) as Record<string, unknown>;
  return k in edited ? edited[k] : (item.proposed as Record<string, unknown>)[k];
};

async function applyOfficer(c: Ctx, item: Item) {
  const linked = val(item, 'linkTo');
  if (typeof linked === 'string' && linked) {
    await addIncidentOfficer(c.trx, c.actor, c.incidentId, linked, 'subject');
    c.officers.set(String(val(item, 'name') ?? ''), linked);
    return { table: 'officers', id: linked, linked: true };
  }
  const name = val(item, 'name') as string | null;
  const ident = val(item, 'identifier') as { type: 'shoulder_number' | 'cipher'; value: string } | null;
  const o = await saveOfficer(c.trx, c.actor, {
    forceId: c.forceId,
    slug: draftSlug(name ?? ident?.value ?? 'officer'),
    ...(name ? { publishedName: name } : {}),
    roleType: (val(item, 'roleType') as 'police_officer') ?? 'police_officer',
  });
  if (val(item, 'rank'))
    await saveOfficerRank(c.trx, c.actor, {
      officerId: o.id,
      rankCode: String(val(item, 'rank')),
      detective: val(item, 'detective') === true,
    });
  if (ident)
    await saveOfficerIdentifier(c.trx, c.actor, {
      officerId: o.id,
      forceId: c.forceId,
      identifierType: ident.type,
      identifier: ident.value,
    });
  await cite(c, item, 'officer', o.id, name ? 'published_name' : undefined);
  await addIncidentOfficer(c.trx, c.actor, c.incidentId, o.id, 'subject');
  if (name) c.officers.set(name, o.id);
  return { table: 'officers', id: o.id };
}

async function applyPlace(c: Ctx, item: Item) {
  const kind = UNIT_KIND[String(val(item, 'kind'))];
  if (!kind) return null; // a borough is an area, not a unit
  let unitId = (val(item, 'linkTo') as string) || (val(item, 'unitId') as string | null);
  if (!unitId) {
    const u = await saveUnit(c.trx, c.actor, {
      forceId: String(val(item, 'forceId')),
      slug: draftSlug(String(val(item, 'name'))),
      name: String(val(item, 'name')),
      kind,
    });
    unitId = u.id;
    await updateRecord(c.trx, c.actor, 'gazetteer_entries', String(val(item, 'gazetteerId')), {
      unit_id: u.id,
    });
  }
  await addIncidentUnit(c.trx, c.actor, c.incidentId, unitId);
  return { table: 'units', id: unitId };
}

async function applyItem(c: Ctx, item: Item): Promise<{ table: string; id: string } | null> {
  switch (item.kind) {
    case 'officer':
      return applyOfficer(c, item);
    case 'place':
      return applyPlace(c, item);
    case 'person': {
      const p = await savePerson(c.trx, c.actor, {
        pseudonym: String(val(item, 'pseudonym')),
        officialPseudonym: val(item, 'officialPseudonym') === true,
        ageStatus: val(item, 'ageStatus') as 'minor' | 'unknown' | 'adult',
        sexualOffenceComplainant: val(item, 'sexualOffenceComplainant') === true,
        protectedIdentity: true,
      });
      await addIncidentPerson(c.trx, c.actor, c.incidentId, p.id, String(val(item, 'role') ?? 'victim'));
      return { table: 'people', id: p.id };
    }
    case 'date': {
      const precision = String(val(item, 'precision'));
      const until = val(item, 'until') as string | undefined;
      const e = await saveTimelineEvent(c.trx, c.actor, {
        incidentId: c.incidentId,
        occurred: { on: String(val(item, 'on')), precision: precision as 'day', ...(until ? { until } : {}) },
        title: String(val(item, 'title') ?? '') || clip(item.passage, 120),
      });
      await cite(c, item, 'timeline_event', e.id);
      return { table: 'timeline_events', id: e.id };
    }
    case 'allegation': {
      const officerId = ((val(item, 'officers') as string[] | null) ?? [])
        .map((n) => c.officers.get(n))
        .find(Boolean);
      const a = await saveAllegation(c.trx, c.actor, {
        incidentId: c.incidentId,
        ...(officerId
          ? { officerId }
          : { unidentifiedOfficer: 'An officer not yet identified from the article' }),
        summary:
          String(val(item, 'summary') ?? '') || `Alleged, as the article reports: ${clip(item.passage, 300)}`,
        standards: (val(item, 'standards') as string[]) ?? [],
        ...(val(item, 'iopc') ? { iopcCategory: String(val(item, 'iopc')) } : {}),
        status: c.status,
      });
      await cite(c, item, 'allegation', a.id);
      return { table: 'allegations', id: a.id };
    }
    case 'statement': {
      const speaker = String(val(item, 'speaker'));
      const s = await saveStatement(c.trx, c.actor, {
        slug: draftSlug(`${speaker} ${c.articleDate}`),
        speakerName: speaker,
        speakerRole: String(val(item, 'speakerRole') ?? 'spokesperson'),
        ...(c.officers.get(speaker) ? { speakerOfficerId: c.officers.get(speaker)! } : {}),
        forceId: c.forceId,
        incidentId: c.incidentId,
        saidOn: c.articleDate,
        summary: String(val(item, 'summary') ?? '') || `${speaker} made a statement, quoted in the article.`,
        ...(item.passage_redacted ? {} : { quote: String(val(item, 'quote')) }),
        sourceId: c.sourceId,
        isPromise: val(item, 'isPromise') === true,
        ...(val(item, 'isPromise') === true
          ? { promiseType: String(val(item, 'promiseType') ?? 'other') as 'other' }
          : {}),
      });
      await cite(c, item, 'statement', s.id);
      return { table: 'statements', id: s.id };
    }
    default:
      return null; // forces, officials and status hints inform the records above
  }
}

// Officers and places first: allegations and statements link to the officers made from the bundle.
const ORDER = ['officer', 'place', 'person', 'date', 'allegation', 'statement'];

/**
 * Saves the editor's decisions and, when asked, creates the draft records of every accepted
 * item in one transaction. Returns the incident the drafts hang under.
 */
export async function reviewBundle(
  db: Db,
  user: Editor,
  bundleId: string,
  raw: ReviewInput,
): Promise<{ incidentId: string | null }> {
  requirePermission(user, 'record.edit_unpublished', 'review ingested articles');
  const input = parseInput(reviewInput, raw);
  const actor = `user:${user.id}`;
  return inTransaction(db, async (trx) => {
    const found = await getBundle(trx, bundleId);
    if (!found) throw new AppError('CUS_NOT_FOUND', 'There is no such ingested article.');
    if (found.bundle.state !== 'proposed')
      throw new AppError('CUS_CONFLICT', 'The drafts of this article were already created.');
    for (const item of found.items) {
      const d = input.items[String(item.position)];
      if (!d) continue;
      await updateRecord(trx, actor, 'ingest_items', item.id, {
        decision: d.decision,
        edited: d.edited && Object.keys(d.edited).length ? JSON.stringify(d.edited) : null,
      });
    }
    if (input.action !== 'apply') return { incidentId: null };
    const inc = input.incident;
    const incidentId =
      inc.existingId ??
      (
        await saveIncident(trx, actor, {
          slug: draftSlug(inc.title),
          title: inc.title,
          summary: inc.summary,
          occurred: inc.occurredOn
            ? { on: inc.occurredOn, precision: 'day' }
            : { on: null, precision: 'unknown' },
          ...(inc.place ? { place: inc.place } : {}),
          forceId: inc.forceId,
        })
      ).id;
    const c: Ctx = {
      trx,
      actor,
      sourceId: found.bundle.source_id,
      snapshotId: found.bundle.snapshot_id,
      incidentId,
      forceId: inc.forceId,
      articleDate: found.bundle.article_date,
      status: input.status,
      officers: new Map(),
    };
    const items = (await getBundle(trx, bundleId))!.items.filter((i) => i.decision === 'accepted');
    if (!inc.existingId) {
      const first = items.find((i) => !i.passage_redacted) ?? found.items.find((i) => !i.passage_redacted);
      if (first) await cite(c, first, 'incident', incidentId);
    }
    for (const kind of ORDER)
      for (const item of items.filter((i) => i.kind === kind)) {
        const made = await applyItem(c, item);
        if (made)
          await updateRecord(trx, actor, 'ingest_items', item.id, { created_record: JSON.stringify(made) });
      }
    await updateRecord(trx, actor, 'ingest_bundles', bundleId, { state: 'applied', incident_id: incidentId });
    return { incidentId };
  });
}
