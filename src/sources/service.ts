import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import {
  claimInput,
  snapshotInput,
  sourceInput,
  type ClaimInput,
  type SnapshotInput,
  type SourceInput,
} from './schema.ts';

/** Creates or updates a source. */
export async function saveSource(trx: Db, actor: Actor, input: SourceInput, id?: string) {
  const s = parseInput(sourceInput, input);
  return saveRecord(trx, actor, 'sources', id, {
    kind: s.kind,
    url: s.url ?? null,
    publisher: s.publisher,
    title: s.title,
    published_on: s.publishedOn ?? null,
    licence: s.licence ?? null,
    notes: s.notes ?? null,
  });
}

/** Records a snapshot of a source: captured bytes, or a row that waits for the capture job. */
export async function saveSnapshot(trx: Db, actor: Actor, input: SnapshotInput, id?: string) {
  const s = parseInput(snapshotInput, input);
  return saveRecord(trx, actor, 'source_snapshots', id, {
    source_id: s.sourceId,
    capture_status: s.captureStatus,
    sha256: s.sha256 ?? null,
    media_type: s.mediaType ?? null,
    byte_size: s.byteSize ?? null,
    fetched_at: s.fetchedAt ?? null,
    final_url: s.finalUrl ?? null,
    http_status: s.httpStatus ?? null,
    extracted_text: s.extractedText ?? null,
  });
}

/** Collapses whitespace and typographic variants so a passage matches the text it was copied from. */
export function normaliseForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Links a record to a source. When the claim points at a captured snapshot with text, the
 * quoted passage must occur in that text: a misquote cannot be saved.
 */
export async function saveClaim(trx: Db, actor: Actor, input: ClaimInput, id?: string) {
  const c = parseInput(claimInput, input);
  if (c.snapshotId && c.quotedPassage) {
    const snap = await trx
      .selectFrom('source_snapshots')
      .select(['capture_status', 'extracted_text'])
      .where('id', '=', c.snapshotId)
      .executeTakeFirst();
    if (snap?.capture_status === 'captured' && snap.extracted_text !== null) {
      if (!normaliseForMatch(snap.extracted_text).includes(normaliseForMatch(c.quotedPassage))) {
        throw new AppError(
          'CUS_CLAIM_INVALID',
          'The quoted passage does not occur in the archived snapshot',
          [{ field: 'quotedPassage', message: 'not found in the snapshot text' }],
        );
      }
    }
  }
  return saveRecord(trx, actor, 'claims', id, {
    incident_id: c.subjectType === 'incident' ? c.subjectId : null,
    allegation_id: c.subjectType === 'allegation' ? c.subjectId : null,
    finding_id: c.subjectType === 'finding' ? c.subjectId : null,
    sanction_id: c.subjectType === 'sanction' ? c.subjectId : null,
    officer_id: c.subjectType === 'officer' ? c.subjectId : null,
    statement_id: c.subjectType === 'statement' ? c.subjectId : null,
    timeline_event_id: c.subjectType === 'timeline_event' ? c.subjectId : null,
    field: c.field ?? null,
    source_id: c.sourceId,
    snapshot_id: c.snapshotId ?? null,
    quoted_passage: c.quotedPassage ?? null,
    passage_note: c.passageNote ?? null,
    stance: c.stance,
  });
}
