import { sql } from '../db/kysely.ts';
import { editPermission, requirePermission } from '../accounts/policy.ts';
import { actorNames } from '../accounts/repository.ts';
import { inTransaction, updateRecord, type EntityTable } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { FormValues } from '../http/form.ts';
import { correctionTarget, recordCorrection } from '../publication/corrections.ts';
import type { Editor } from '../publication/workflow.ts';
import { fieldProblems } from '../schema/common.ts';
import { fieldChanges, type FieldChange } from './diff.ts';
import { toForm, toInput, type EntityDef, type Row } from './entity.ts';
import { lastAuditSeq, noteFromForm, recordExists } from './save.ts';

/** One stored version of a record, with who made it and what changed from the one before. */
export interface VersionEntry {
  version: number;
  data: Row | null;
  action: string;
  actor: string;
  /** The user's display name when the actor is a user, else the actor string. */
  who: string;
  at: Date;
  changes: FieldChange[];
}

/** Every version of a record, oldest first, each with its field-by-field changes. */
export async function listVersions(db: Db, table: string, id: string): Promise<VersionEntry[]> {
  const rows = await db
    .selectFrom('record_versions as v')
    .innerJoin('audit_log as a', 'a.seq', 'v.audit_seq')
    .select(['v.version', 'v.data', 'a.action', 'a.actor', 'a.occurred_at'])
    .where('v.entity_type', '=', table)
    .where('v.entity_id', '=', id)
    .orderBy('v.version')
    .execute();
  const names = await actorNames(
    db,
    rows.map((r) => r.actor),
  );
  return rows.map((r, i) => {
    const data = r.data as Row | null;
    const previous = i === 0 ? null : (rows[i - 1]!.data as Row | null);
    return {
      version: r.version,
      data,
      action: r.action,
      actor: r.actor,
      who: names.get(r.actor) ?? r.actor,
      at: r.occurred_at,
      changes: fieldChanges(previous, data),
    };
  });
}

// Never written back by a revert: identity, bookkeeping, and the workflow state (a revert
// restores content; publishing and withdrawing have their own, checked, path).
export const NOT_REVERTED = new Set(['id', 'created_at', 'updated_at', 'publication_state', 'published_at']);

async function generatedColumns(trx: Db, table: string): Promise<Set<string>> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'ALWAYS'`.execute(trx);
  return new Set(rows.map((r) => r.column_name));
}

/**
 * Writes a past version's fields back as a new version (audited as 'revert'). The old values
 * must still pass today's validation, and a public record needs a correction note (R15).
 */
export async function revertToVersion(
  db: Db,
  user: Editor,
  def: EntityDef,
  id: string,
  version: number,
  values: FormValues,
): Promise<{ changed: boolean }> {
  const actor = `user:${user.id}`;
  return inTransaction(db, async (trx) => {
    if (!(await recordExists(trx, def.type, id)))
      throw new AppError('CUS_NOT_FOUND', 'There is no such record.');
    const target = await correctionTarget(trx, def.type, id);
    requirePermission(user, editPermission(target ?? { published: false }), `revert this ${def.singular}`);
    const stored = await trx
      .selectFrom('record_versions')
      .select('data')
      .where('entity_type', '=', def.type)
      .where('entity_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    const data = stored?.data as Row | null | undefined;
    if (!data) throw new AppError('CUS_NOT_FOUND', `There is no version ${version} of this record.`);
    const check = def.schema.safeParse(toInput(def, await toForm(def, data, trx)));
    if (!check.success)
      throw new AppError(
        'CUS_VALIDATION',
        'This version no longer passes today’s checks; edit the record instead.',
        fieldProblems(check.error),
      );
    const { note, problems } = noteFromForm(values);
    if (target?.published && !note) throw new AppError('CUS_CORRECTION_REQUIRED', undefined, problems);
    const generated = await generatedColumns(trx, def.type);
    const patch = Object.fromEntries(
      Object.entries(data).filter(([k]) => !NOT_REVERTED.has(k) && !generated.has(k)),
    );
    const seq = await lastAuditSeq(trx);
    await updateRecord(trx, actor, def.type as EntityTable, id, patch, 'revert');
    if ((await lastAuditSeq(trx)) === seq) return { changed: false };
    if (target?.published && note) await recordCorrection(trx, actor, target, note);
    return { changed: true };
  });
}
