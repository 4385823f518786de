import { sql } from '../db/kysely.ts';
import { editPermission, requirePermission } from '../accounts/policy.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError, type FieldProblem } from '../errors/catalogue.ts';
import { one, type FormValues } from '../http/form.ts';
import {
  correctionTarget,
  EDIT_KINDS,
  readCorrectionNote,
  recordCorrection,
  type CorrectionKind,
  type CorrectionNote,
  type CorrectionTarget,
} from '../publication/corrections.ts';
import { actorOf, type Editor } from '../publication/workflow.ts';
import { fieldProblems } from '../schema/common.ts';
import { toInput, type EntityDef } from './entity.ts';

/** The record a new one hangs under (its parent), if any: decides whether it is public at once. */
export type ParentRef = { table: string; id: string } | null;

/** Where a record (or a new one, by its parent) shows publicly, if anywhere. */
export async function targetFor(
  db: Db,
  def: EntityDef,
  id: string | undefined,
  values: FormValues,
): Promise<CorrectionTarget | null> {
  return targetOf(db, def, id, def.parentOf?.(values) ?? null);
}

async function targetOf(db: Db, def: EntityDef, id: string | undefined, parent: ParentRef) {
  if (id) return correctionTarget(db, def.type, id);
  return parent && /^[0-9a-f-]{36}$/i.test(parent.id) ? correctionTarget(db, parent.table, parent.id) : null;
}

/** Reads the note fields; on a record the public can see they are required. */
export function noteFromForm(
  values: FormValues,
  kinds: readonly [CorrectionKind, ...CorrectionKind[]] = EDIT_KINDS,
) {
  return readCorrectionNote(
    {
      kind: one(values, 'correction.kind'),
      what: one(values, 'correction.what'),
      why: one(values, 'correction.why'),
    },
    kinds,
  );
}

/** True when the table has a row with this id. */
export async function recordExists(trx: Db, table: string, id: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT 1 AS n FROM ${sql.ref(table)} WHERE id = ${id}`.execute(
    trx,
  );
  return rows.length > 0;
}

/** The newest audit sequence number: unchanged after a write means nothing was written. */
export async function lastAuditSeq(trx: Db): Promise<string | null> {
  const { rows } = await sql<{ seq: string | null }>`SELECT max(seq)::text AS seq FROM audit_log`.execute(
    trx,
  );
  return rows[0]?.seq ?? null;
}

/** Refuses a change to public material by a user who may not make it, or without a note. */
function guardPublic(user: Editor, target: CorrectionTarget | null, note: CorrectionNote | null): void {
  if (!target) return;
  requirePermission(user, editPermission(target), 'change a record the public can see');
  if (target.published && !note)
    throw new AppError('CUS_CORRECTION_REQUIRED', undefined, [
      { field: 'correction.what', message: 'say what changed, and why, for the public corrections log' },
    ]);
}

/** A record's new content as the service takes it, with the public note that may be needed. */
export interface RecordWrite {
  input: Record<string, unknown>;
  /** The correction note as sent (checked only when the record is public). */
  note: { kind: string; what: string; why: string };
  parent: ParentRef;
}

/**
 * Creates or updates a record from a submitted form through its service, in one transaction
 * with the public correction note when the record is already public (rule R15: no silent
 * edits). Input and note problems are reported together so the form can show them all.
 */
export function saveFromForm(
  db: Db,
  user: Editor,
  def: EntityDef,
  values: FormValues,
  id?: string,
): Promise<{ id: string; changed: boolean }> {
  const note = {
    kind: one(values, 'correction.kind'),
    what: one(values, 'correction.what'),
    why: one(values, 'correction.why'),
  };
  return saveRecordWrite(
    db,
    user,
    def,
    { input: toInput(def, values), note, parent: def.parentOf?.(values) ?? null },
    id,
  );
}

/**
 * The one save path of the editor and the API: the record's own service, the permission for
 * what the public can see before and after, the note in the same transaction, all audited
 * under the user's actor (an API token's changes are attributed to the token).
 */
export async function saveRecordWrite(
  db: Db,
  user: Editor,
  def: EntityDef,
  write: RecordWrite,
  id?: string,
): Promise<{ id: string; changed: boolean }> {
  const actor = actorOf(user);
  return inTransaction(db, async (trx) => {
    if (id && !(await recordExists(trx, def.type, id)))
      throw new AppError('CUS_NOT_FOUND', `There is no ${def.singular} with this id.`);
    const before = await targetOf(trx, def, id, write.parent);
    requirePermission(user, editPermission(before ?? { published: false }), `change this ${def.singular}`);
    const problems: FieldProblem[] = [];
    const parsed = def.schema.safeParse(write.input);
    if (!parsed.success) problems.push(...fieldProblems(parsed.error));
    const { note, problems: noteProblems } = readCorrectionNote(write.note, EDIT_KINDS);
    if (before?.published) problems.push(...noteProblems);
    if (problems.length > 0)
      throw new AppError(
        'CUS_VALIDATION',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        problems,
      );
    const seq = await lastAuditSeq(trx);
    const row = await def.save(trx, actor, write.input, id);
    if (!id) await def.afterCreate?.(trx, actor, row.id);
    if ((await lastAuditSeq(trx)) === seq) return { id: row.id, changed: false };
    const after = await correctionTarget(trx, def.type, row.id);
    guardPublic(user, after, note);
    const published = [before, after].filter((t): t is CorrectionTarget => t?.published === true);
    const seen = new Set<string>();
    for (const t of published) {
      const key = `${t.entityType}:${t.entityId}`;
      if (seen.has(key) || !note) continue;
      seen.add(key);
      await recordCorrection(trx, actor, t, note);
    }
    return { id: row.id, changed: true };
  });
}
