import { sql } from '../db/kysely.ts';
import { requirePermission, type Principal } from '../accounts/policy.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../audit/history.ts';
import { getForUpdate, updateRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import type { JsonValue } from '../db/schema.generated.ts';
import { AppError } from '../errors/catalogue.ts';
import { recordCorrection, type CorrectionNote } from '../publication/corrections.ts';
import { moveAll, moveBack, type Moved } from './moves.ts';
import type { MatchKind } from './scope.ts';

/**
 * Merging two records that are the same officer or incident, and undoing it. The merged record
 * stays (pointing at its survivor, never publishable) so an unmerge restores it; its rows move
 * to the survivor and the merge lists every one of them. Runs in the caller's transaction.
 */

export const TABLE = { officer: 'officers', incident: 'incidents' } as const;

/** Who merges: a signed-in user, or (without `user`) the automatic merge of a matching run. */
export interface Merger {
  actor: Actor;
  user?: Principal;
}

export interface MergeInput {
  kind: MatchKind;
  survivorId: string;
  mergedId: string;
  candidateId?: string | null;
  /** The public correction note, required when the survivor is published (rule R15). */
  note?: CorrectionNote | null;
  automatic?: boolean;
}

type Rec = { id: string; publication_state: string; merged_into: string | null; force_id: string };

const refuse = (why: string) => new AppError('CUS_MERGE_REFUSED', why);
const NOTE_NEEDED = () =>
  new AppError(
    'CUS_CORRECTION_REQUIRED',
    'The surviving record is published: say what changed on its page, and why, for the corrections log.',
    [{ field: 'correction.what', message: 'say what changed, and why, for the public corrections log' }],
  );

/** Locks both records, in id order so two merges of one pair cannot deadlock. */
async function lockPair(trx: Db, kind: MatchKind, survivorId: string, mergedId: string) {
  const rows = new Map<string, Rec>();
  for (const id of [survivorId, mergedId].sort()) {
    const row = (await getForUpdate(trx, TABLE[kind], id)) as Rec | undefined;
    if (!row) throw new AppError('CUS_NOT_FOUND', `There is no ${kind} with id ${id}.`);
    rows.set(id, row);
  }
  return { survivor: rows.get(survivorId)!, merged: rows.get(mergedId)! };
}

/** Whether two incidents share a force: their own, or one listed in incident_forces. */
async function shareForce(trx: Db, a: string, b: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    WITH fa AS (SELECT force_id FROM incidents WHERE id = ${a} UNION SELECT force_id FROM incident_forces WHERE incident_id = ${a}),
         fb AS (SELECT force_id FROM incidents WHERE id = ${b} UNION SELECT force_id FROM incident_forces WHERE incident_id = ${b})
    SELECT EXISTS (SELECT 1 FROM fa JOIN fb USING (force_id)) AS ok`.execute(trx);
  return rows[0]?.ok ?? false;
}

/**
 * A change to a published survivor's page needs a user allowed to change public records and a
 * public note; the automatic merge never touches one.
 */
function guardPublic(by: Merger, survivor: Rec, note: CorrectionNote | null | undefined, what: string) {
  if (survivor.publication_state !== 'published') return;
  if (!by.user) throw refuse(`An automatic ${what} never changes a published record: a person must decide.`);
  requirePermission(by.user, 'record.edit_published', `${what} into a published record`);
  if (!note) throw NOTE_NEEDED();
}

async function checkMerge(trx: Db, by: Merger, input: MergeInput): Promise<{ survivor: Rec; merged: Rec }> {
  if (input.survivorId === input.mergedId) throw refuse('A record cannot be merged into itself.');
  const { survivor, merged } = await lockPair(trx, input.kind, input.survivorId, input.mergedId);
  if (merged.merged_into) throw refuse('This record is already merged into another: undo that merge first.');
  if (survivor.merged_into)
    throw refuse('The record chosen to keep is itself merged into another: merge into that one instead.');
  if (merged.publication_state === 'published')
    throw refuse(
      'The record to merge away is published: its page would vanish. Keep the published record instead, or withdraw this one first (with its public note).',
    );
  if (input.kind === 'officer' && survivor.force_id !== merged.force_id)
    throw refuse('Officers of different forces are never merged (rule R11: identity is within a force).');
  if (input.kind === 'incident' && !(await shareForce(trx, survivor.id, merged.id)))
    throw refuse('These incidents share no force: they cannot be the same incident.');
  guardPublic(by, survivor, input.note, 'merge');
  if (input.candidateId) {
    const c = await trx
      .selectFrom('match_candidates')
      .select(['status', 'record_a', 'record_b'])
      .where('id', '=', input.candidateId)
      .forUpdate()
      .executeTakeFirst();
    if (
      !c ||
      ![c.record_a, c.record_b].includes(survivor.id) ||
      ![c.record_a, c.record_b].includes(merged.id)
    )
      throw refuse('This candidate is about other records.');
    if (c.status !== 'pending') throw refuse(`This candidate was already decided (${c.status}).`);
  }
  return { survivor, merged };
}

/** Marks the survivor changed (its page did) and writes the one audit entry that explains why. */
async function stampSurvivor(
  trx: Db,
  by: Merger,
  kind: MatchKind,
  survivorId: string,
  action: string,
  diff: JsonValue,
) {
  await trx.updateTable(TABLE[kind]).set({ updated_at: new Date() }).where('id', '=', survivorId).execute();
  await appendAudit(trx, { actor: by.actor, action, entityType: TABLE[kind], entityId: survivorId, diff });
}

const counts = (moved: Moved) =>
  Object.fromEntries(
    Object.entries({ ...moved.rows, ...moved.links }).map(([table, list]) => [table, list.length]),
  );

/** Merges `mergedId` into `survivorId`: refuses what R11 and the publication rules forbid. */
export async function mergeRecords(
  trx: Db,
  by: Merger,
  input: MergeInput,
): Promise<{ mergeId: string; moved: Moved }> {
  const { survivor, merged } = await checkMerge(trx, by, input);
  const moved = await moveAll(trx, by.actor, input.kind, merged.id, survivor.id);
  await updateRecord(trx, by.actor, TABLE[input.kind], merged.id, { merged_into: survivor.id }, 'merge');
  const [a, b] = [survivor.id, merged.id].sort() as [string, string];
  const candidate =
    input.candidateId ??
    (
      await trx
        .selectFrom('match_candidates')
        .select('id')
        .where('kind', '=', input.kind)
        .where('record_a', '=', a)
        .where('record_b', '=', b)
        .executeTakeFirst()
    )?.id ??
    null;
  const row = await trx
    .insertInto('record_merges')
    .values({
      kind: input.kind,
      survivor_id: survivor.id,
      merged_id: merged.id,
      candidate_id: candidate,
      moved: JSON.stringify(moved),
      automatic: input.automatic ?? false,
      merged_by: by.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (candidate)
    await trx
      .updateTable('match_candidates')
      .set({ status: 'merged', decided_by: by.actor, decided_at: new Date() })
      .where('id', '=', candidate)
      .execute();
  await stampSurvivor(trx, by, input.kind, survivor.id, 'merge', {
    merge: row.id,
    merged: merged.id,
    automatic: input.automatic ?? false,
    candidate,
    moved: counts(moved),
  });
  if (survivor.publication_state === 'published' && input.note)
    await recordCorrection(
      trx,
      by.actor,
      { entityType: TABLE[input.kind], entityId: survivor.id },
      input.note,
    );
  return { mergeId: row.id, moved };
}

/** Undoes a merge: exactly the recorded rows go back, and the merged record stands alone again. */
export async function unmergeRecords(
  trx: Db,
  by: Merger,
  mergeId: string,
  note?: CorrectionNote | null,
): Promise<{ kind: MatchKind; survivorId: string; mergedId: string; skipped: number }> {
  const m = await trx
    .selectFrom('record_merges')
    .selectAll()
    .where('id', '=', mergeId)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw new AppError('CUS_NOT_FOUND', 'There is no merge with this id.');
  if (m.undone_at) throw refuse('This merge has already been undone.');
  const kind = m.kind as MatchKind;
  const { survivor, merged } = await lockPair(trx, kind, m.survivor_id, m.merged_id);
  if (survivor.merged_into)
    throw refuse('The surviving record has since been merged into another: undo that later merge first.');
  if (merged.merged_into !== survivor.id) throw refuse('The merged record no longer points at the survivor.');
  guardPublic(by, survivor, note, 'unmerge');
  const skipped = await moveBack(trx, by.actor, kind, m.moved as unknown as Moved, merged.id, survivor.id);
  await updateRecord(trx, by.actor, TABLE[kind], merged.id, { merged_into: null }, 'unmerge');
  await trx
    .updateTable('record_merges')
    .set({ undone_by: by.actor, undone_at: new Date() })
    .where('id', '=', mergeId)
    .execute();
  if (m.candidate_id)
    await trx
      .updateTable('match_candidates')
      .set({ status: 'unmerged', decided_by: by.actor, decided_at: new Date() })
      .where('id', '=', m.candidate_id)
      .execute();
  await stampSurvivor(trx, by, kind, survivor.id, 'unmerge', { merge: mergeId, merged: merged.id, skipped });
  if (survivor.publication_state === 'published' && note)
    await recordCorrection(trx, by.actor, { entityType: TABLE[kind], entityId: survivor.id }, note);
  return { kind, survivorId: survivor.id, mergedId: merged.id, skipped };
}

/** A person says the pair is not the same record: it stays rejected until new evidence raises its score. */
export async function rejectCandidate(trx: Db, actor: Actor, candidateId: string): Promise<void> {
  const c = await trx
    .selectFrom('match_candidates')
    .selectAll()
    .where('id', '=', candidateId)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new AppError('CUS_NOT_FOUND', 'There is no match candidate with this id.');
  if (c.status !== 'pending') throw refuse(`This candidate was already decided (${c.status}).`);
  await trx
    .updateTable('match_candidates')
    .set({ status: 'rejected', decided_by: actor, decided_at: new Date() })
    .where('id', '=', candidateId)
    .execute();
  await appendAudit(trx, {
    actor,
    action: 'match.reject',
    entityType: 'match_candidates',
    entityId: candidateId,
    diff: { kind: c.kind, record_a: c.record_a, record_b: c.record_b, score: c.score, reasons: c.reasons },
  });
}
