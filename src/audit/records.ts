import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { bumpWriteGeneration } from '../db/cache.ts';
import type { Db } from '../db/client.ts';
import { translateDbError } from '../db/errors.ts';
import type { DB } from '../db/schema.generated.ts';
import { AppError } from '../errors/catalogue.ts';
import { recordChange, type Actor } from './history.ts';

/** Tables whose rows have a uuid `id` primary key. */
export type EntityTable = {
  [T in keyof DB]: DB[T] extends { id: unknown }
    ? T extends 'audit_log' | 'record_versions'
      ? never
      : T
    : never;
}[keyof DB];

// Kysely cannot type a query over a table chosen at run time; the public signatures above stay typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (trx: Db): Kysely<any> => trx as unknown as Kysely<any>;

/**
 * Runs a unit of work in one transaction; database constraint errors come out as AppErrors
 * with stable codes, and nothing of a failed unit is left behind.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  try {
    const result = await db.transaction().execute((trx) => fn(trx));
    // Readers that cached a figure while this transaction was open must recompute it.
    bumpWriteGeneration();
    return result;
  } catch (err) {
    throw translateDbError(err) ?? err;
  }
}

/** Inserts a row and records the creation in the audit log and history. */
export async function insertRecord<T extends EntityTable>(
  trx: Db,
  actor: Actor,
  table: T,
  values: Insertable<DB[T]>,
): Promise<Selectable<DB[T]>> {
  const row = await loose(trx)
    .insertInto(table as string)
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: 'create',
    entityType: table,
    entityId: row.id,
    before: null,
    after: row,
  });
  return row as Selectable<DB[T]>;
}

/** Reads a row by id, locking it for the rest of the transaction. */
export async function getForUpdate<T extends EntityTable>(
  trx: Db,
  table: T,
  id: string,
): Promise<Selectable<DB[T]> | undefined> {
  const row = await loose(trx)
    .selectFrom(table as string)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row as Selectable<DB[T]> | undefined;
}

/**
 * Updates a row by id (bumping updated_at when the table has one) and records what changed.
 * A patch that changes nothing writes no audit row and no version.
 */
export async function updateRecord<T extends EntityTable>(
  trx: Db,
  actor: Actor,
  table: T,
  id: string,
  patch: Updateable<DB[T]>,
  action = 'update',
): Promise<Selectable<DB[T]>> {
  const before = await getForUpdate(trx, table, id);
  if (!before) throw new AppError('CUS_NOT_FOUND', `No ${table} record with id ${id}`);
  const changed = Object.entries(patch as Record<string, unknown>).some(
    ([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k]),
  );
  if (!changed) return before;
  const stamp = 'updated_at' in (before as object) ? { updated_at: new Date() } : {};
  const after = await loose(trx)
    .updateTable(table as string)
    .set({ ...(patch as Record<string, unknown>), ...stamp })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, { action, entityType: table, entityId: id, before, after });
  return after as Selectable<DB[T]>;
}

/** Deletes a row by id and records its last state. */
export async function deleteRecord<T extends EntityTable>(
  trx: Db,
  actor: Actor,
  table: T,
  id: string,
): Promise<void> {
  const before = await getForUpdate(trx, table, id);
  if (!before) throw new AppError('CUS_NOT_FOUND', `No ${table} record with id ${id}`);
  await loose(trx)
    .deleteFrom(table as string)
    .where('id', '=', id)
    .execute();
  await recordChange(trx, actor, { action: 'delete', entityType: table, entityId: id, before, after: null });
}

/** Link tables (composite keys): the entity id is the key values joined by ':'. */
export type LinkTable = 'incident_units' | 'incident_officers' | 'incident_people' | 'allegation_standards';

/** Adds a link row if it is not there yet, and records it. */
export async function linkRecord<T extends LinkTable>(
  trx: Db,
  actor: Actor,
  table: T,
  key: Insertable<DB[T]>,
): Promise<boolean> {
  const inserted = await loose(trx)
    .insertInto(table)
    .values(key)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) return false;
  const entityId = Object.values(key as Record<string, unknown>).join(':');
  await recordChange(trx, actor, {
    action: 'link',
    entityType: table,
    entityId,
    before: null,
    after: inserted,
  });
  return true;
}

/** Removes a link row if present, and records it. */
export async function unlinkRecord<T extends LinkTable>(
  trx: Db,
  actor: Actor,
  table: T,
  key: Record<string, string>,
): Promise<boolean> {
  let q = loose(trx).deleteFrom(table as string);
  for (const [k, v] of Object.entries(key)) q = q.where(k, '=', v);
  const removed = await q.returningAll().executeTakeFirst();
  if (!removed) return false;
  const entityId = Object.values(key).join(':');
  await recordChange(trx, actor, {
    action: 'unlink',
    entityType: table,
    entityId,
    before: removed,
    after: null,
  });
  return true;
}

/**
 * Creates the record with this id, or updates it if it exists: the idempotent write used by the
 * demo seeder and by re-imports. Without an id it always creates.
 */
export async function saveRecord<T extends EntityTable>(
  trx: Db,
  actor: Actor,
  table: T,
  id: string | undefined,
  values: Insertable<DB[T]>,
): Promise<Selectable<DB[T]>> {
  if (id !== undefined && (await getForUpdate(trx, table, id))) {
    return updateRecord(trx, actor, table, id, values as Updateable<DB[T]>);
  }
  return insertRecord(
    trx,
    actor,
    table,
    (id === undefined ? values : { ...values, id }) as Insertable<DB[T]>,
  );
}
