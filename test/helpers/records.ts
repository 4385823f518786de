// One complete, realistic record graph for the public-page tests: a force with a command unit
// and a station, a published officer with a career, an incident with people, a timeline and
// allegations (one superseded on appeal, one against an unpublished officer, one unidentified,
// one still a draft), sources (archived and not), a statement and corrections. Every text field
// comes from `text(field)`, so the same graph serves content tests and escaping tests.
import { saveSanction } from '../../src/allegations/service.ts';
import { inTransaction, updateRecord } from '../../src/audit/records.ts';
import type { Db } from '../../src/db/client.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { addIncidentOfficer, addIncidentUnit, saveTimelineEvent } from '../../src/incidents/service.ts';
import type { ClaimInput, ClaimSubjectType } from '../../src/sources/schema.ts';
import { saveClaim, saveSnapshot } from '../../src/sources/service.ts';
import { saveStatement } from '../../src/statements/service.ts';
import { makeCorrection, publish } from './pages.ts';
import { ARCHIVE_SHA, officers, people, plain, units, type Text } from './record-parts.ts';
import { ACTOR, makeAllegation, makeFinding, makeIncident, makeSource, uniq } from './factories.ts';

export {
  ARCHIVE_SHA,
  CHILD_REAL_NAME,
  HIDDEN_OFFICER,
  plain,
  WARRANT_NUMBER,
  type Text,
} from './record-parts.ts';

type Officer = { id: string };

async function incidentWithTimeline(trx: Db, text: Text, stationId: string, officers: Officer[]) {
  const incident = await makeIncident(trx, {
    title: text('incident title'),
    summary: text('incident summary'),
    place: text('incident place'),
    occurred: { on: '2020-12-01', precision: 'month' },
  });
  // Tags are refused at input unless they are short lower-case words; write one past that check
  // to prove the page escapes it anyway.
  await updateRecord(trx, ACTOR, 'incidents', incident.id, { tags: [text('tag')] });
  await addIncidentUnit(trx, ACTOR, incident.id, stationId);
  for (const o of officers) await addIncidentOfficer(trx, ACTOR, incident.id, o.id, 'subject');
  await people(trx, text, incident.id);
  const event = await saveTimelineEvent(trx, ACTOR, {
    incidentId: incident.id,
    occurred: { on: '2020-12-01', precision: 'month' },
    title: text('event title'),
    description: text('event description'),
    processState: 'complaint_logged',
  });
  return { incident, event };
}

/** The published officer's allegation: a 2023 finding and sanction, then an appeal that supersedes it. */
async function appealedAllegation(trx: Db, text: Text, incidentId: string, officerId: string) {
  const main = await makeAllegation(trx, {
    incidentId,
    officerId,
    summary: text('allegation summary'),
    standards: ['honesty_integrity'],
    iopcCategory: 'stop_and_search',
    status: 'overturned_on_appeal',
    conductFrom: '2020-12-03',
    conductTo: '2020-12-03',
  });
  const first = await makeFinding(trx, {
    allegationId: main.id,
    decidingBody: text('panel name'),
    outcome: 'gross_misconduct_proven',
    decidedOn: '2023-10-25',
    chairType: 'legally_qualified_chair',
    legalTestVersion: text('legal test'),
    summary: text('finding summary'),
  });
  const sanction = await saveSanction(trx, ACTOR, {
    findingId: first.id,
    sanctionTaxonomy: 'ew_conduct_sanctions_2020',
    sanction: 'dismissal_without_notice',
    imposedOn: '2023-10-25',
    detail: text('sanction detail'),
  });
  const appeal = await makeFinding(trx, {
    allegationId: main.id,
    forum: 'police_appeals_tribunal',
    decidingBody: 'Police Appeals Tribunal',
    outcomeTaxonomy: 'ew_conduct_appeal_outcomes_2020',
    outcome: 'appeal_allowed_finding_overturned',
    decidedOn: '2024-10-04',
    supersedesFindingId: first.id,
  });
  return { main, first, sanction, appeal };
}

/** Allegations against an unpublished officer and an unidentified one, and a draft. */
async function otherAllegations(
  trx: Db,
  text: Text,
  incidentId: string,
  officerId: string,
  hiddenId: string,
) {
  const against = await makeAllegation(trx, {
    incidentId,
    officerId: hiddenId,
    summary: text('hidden officer allegation summary'),
    status: 'under_investigation',
  });
  const unidentified = await makeAllegation(trx, {
    incidentId,
    unidentifiedOfficer: text('unidentified officer'),
    summary: text('unidentified allegation summary'),
    status: 'case_to_answer',
  });
  const draft = await makeAllegation(trx, {
    incidentId,
    officerId,
    summary: 'Draft allegation awaiting review',
    status: 'reported',
  });
  return { against, unidentified, draft };
}

/** Two sources, one archived (hash and time) and one not yet; a claim on every kind of record. */
async function sourcesAndClaims(trx: Db, text: Text, subjects: Record<string, string>) {
  const source = await makeSource(trx, { title: text('source title'), publisher: text('source publisher') });
  const pending = await saveSnapshot(trx, ACTOR, { sourceId: source.id, captureStatus: 'not_yet_captured' });
  const archived = await makeSource(trx, {
    title: text('archived source title'),
    publisher: 'Archive Publisher',
  });
  const snapshot = await saveSnapshot(trx, ACTOR, {
    sourceId: archived.id,
    captureStatus: 'captured',
    sha256: ARCHIVE_SHA,
    mediaType: 'text/html',
    byteSize: 1234,
    fetchedAt: new Date('2025-01-02T03:04:05Z'),
    extractedText: `The panel said: ${text('finding passage')}`,
  });
  const claim = (subjectType: ClaimSubjectType, extra: Partial<ClaimInput>) =>
    saveClaim(trx, ACTOR, {
      subjectType,
      subjectId: subjects[subjectType]!,
      sourceId: source.id,
      snapshotId: pending.id,
      ...extra,
    });
  await claim('incident', { quotedPassage: text('incident passage'), passageNote: text('passage note') });
  await claim('timeline_event', { passageNote: text('event source note') });
  await claim('allegation', { quotedPassage: text('allegation passage') });
  await claim('sanction', { quotedPassage: text('sanction passage') });
  await claim('officer', { field: 'published_name', quotedPassage: text('officer passage') });
  await claim('finding', {
    sourceId: archived.id,
    snapshotId: snapshot.id,
    quotedPassage: text('finding passage'),
  });
  return source;
}

/** One dated correction per kind of record, a day apart (the incident's first). */
async function corrections(trx: Db, text: Text, targets: [string, string][]) {
  const out = [];
  for (const [n, [entityType, entityId]] of targets.entries()) {
    out.push(
      await makeCorrection(trx, {
        entityType,
        entityId,
        kind: n === 1 ? 'clarification' : 'correction',
        what: text(`${entityType} correction what`),
        why: text(`${entityType} correction why`),
        publishedAt: new Date(Date.UTC(2025, 1, 1 + n, 12)),
      }),
    );
  }
  return out;
}

/** Builds the whole graph in one transaction and returns the records tests refer to. */
export function buildRecordGraph(db: Db, text: Text) {
  return inTransaction(db, async (trx) => {
    const { force, bcu, station } = await units(trx, text);
    const { officer, hidden, shoulder, cipher } = await officers(trx, text, force.id, station.id);
    const { incident, event } = await incidentWithTimeline(trx, text, station.id, [officer, hidden]);
    const { main, first, sanction, appeal } = await appealedAllegation(trx, text, incident.id, officer.id);
    const others = await otherAllegations(trx, text, incident.id, officer.id, hidden.id);
    const source = await sourcesAndClaims(trx, text, {
      incident: incident.id,
      timeline_event: event.id,
      allegation: main.id,
      finding: first.id,
      sanction: sanction.id,
      officer: officer.id,
    });
    for (const [table, id] of [
      ['officers', officer.id],
      ['allegations', main.id],
      ['allegations', others.against.id],
      ['allegations', others.unidentified.id],
      ['incidents', incident.id],
    ] as const)
      await publish(trx, table, id);
    const statement = await saveStatement(trx, ACTOR, {
      slug: uniq('statement'),
      speakerName: text('speaker name'),
      speakerRole: text('speaker role'),
      speakerOfficerId: officer.id,
      forceId: force.id,
      incidentId: incident.id,
      saidOn: '2023-10-26',
      summary: text('statement summary'),
      quote: text('statement quote'),
      sourceId: source.id,
      isPromise: true,
      promiseType: 'reform',
    });
    await publish(trx, 'statements', statement.id);
    return {
      force,
      bcu,
      station,
      officer,
      hidden,
      shoulder,
      cipher,
      incident,
      event,
      allegations: { main, ...others },
      findings: { first, appeal },
      sanction,
      statement,
      corrections: await corrections(trx, text, [
        ['incidents', incident.id],
        ['findings', first.id],
        ['officers', officer.id],
        ['statements', statement.id],
      ]),
    };
  });
}

export type RecordGraph = Awaited<ReturnType<typeof buildRecordGraph>>;

/** A fresh database on this run's backend with the whole graph in plain text (for suites that read it). */
export async function openRecordGraph(): Promise<{ t: TestDatabase; g: RecordGraph }> {
  const t = await createTestDatabase();
  return { t, g: await buildRecordGraph(t.db, plain) };
}
