import type { Kysely } from 'kysely';
import { sql } from '../db/kysely.ts';
import { recordChange, type Actor } from '../audit/history.ts';
import { updateRecord, type EntityTable } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import type { MatchKind } from './scope.ts';

/**
 * What a merge moves from the merged record to the survivor, and back on an unmerge. Every row
 * that points at a record: the conduct chain, links, career, evidence, and the legal holds (an
 * active-proceedings hold or a reporting restriction must follow its matter, or the survivor
 * could publish what the hold keeps back). Each moved row is written through the audit path, so
 * its own history shows the move and any approval given before it no longer counts.
 */

interface RowMove {
  table: EntityTable;
  column: string;
}
interface LinkMove {
  table: 'incident_officers' | 'incident_units' | 'incident_people' | 'incident_forces';
  column: string;
  /** The primary key, in the order link ids are written (`incident:officer:role`). */
  key: string[];
}

export const MOVES: Record<MatchKind, { rows: RowMove[]; links: LinkMove[] }> = {
  officer: {
    rows: [
      { table: 'allegations', column: 'officer_id' },
      { table: 'officer_ranks', column: 'officer_id' },
      { table: 'officer_postings', column: 'officer_id' },
      // The no-overlap constraint is on (force, type, number, dates), not on the officer, so a
      // number moved to the survivor can never clash with one it holds already.
      { table: 'officer_identifiers', column: 'officer_id' },
      { table: 'claims', column: 'officer_id' },
      { table: 'statements', column: 'speaker_officer_id' },
      { table: 'court_proceedings', column: 'officer_id' },
    ],
    links: [{ table: 'incident_officers', column: 'officer_id', key: ['incident_id', 'officer_id', 'role'] }],
  },
  incident: {
    rows: [
      { table: 'allegations', column: 'incident_id' },
      { table: 'timeline_events', column: 'incident_id' },
      { table: 'claims', column: 'incident_id' },
      { table: 'statements', column: 'incident_id' },
      { table: 'court_proceedings', column: 'incident_id' },
      { table: 'reporting_restrictions', column: 'scope_incident_id' },
    ],
    links: [
      { table: 'incident_officers', column: 'incident_id', key: ['incident_id', 'officer_id', 'role'] },
      { table: 'incident_units', column: 'incident_id', key: ['incident_id', 'unit_id'] },
      { table: 'incident_people', column: 'incident_id', key: ['incident_id', 'person_id', 'role'] },
      { table: 'incident_forces', column: 'incident_id', key: ['incident_id', 'force_id'] },
    ],
  },
};

/** The rows one merge moved (record_merges.moved): exactly what an unmerge moves back. */
export interface Moved {
  /** Ids of moved rows, by table. */
  rows: Record<string, string[]>;
  /** Keys of moved link rows as they were on the merged record, by table. */
  links: Record<string, Record<string, string>[]>;
  /** Link rows the merge added to the survivor (the merged incident's own force), removed on unmerge. */
  added: Record<string, Record<string, string>[]>;
  /** Link rows left on the merged record because the survivor already had the same link. */
  kept: Record<string, Record<string, string>[]>;
}

// Table and column names come from MOVES above, never from input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (trx: Db): Kysely<any> => trx as unknown as Kysely<any>;
type LinkRow = Record<string, string>;

const linkId = (m: LinkMove, row: LinkRow) => m.key.map((k) => row[k]).join(':');
const keyOf = (m: LinkMove, row: LinkRow) => Object.fromEntries(m.key.map((k) => [k, row[k]!]));

async function linkRow(trx: Db, m: LinkMove, key: LinkRow): Promise<LinkRow | undefined> {
  let q = loose(trx).selectFrom(m.table).selectAll();
  for (const k of m.key) q = q.where(k, '=', key[k]);
  return (await q.executeTakeFirst()) as LinkRow | undefined;
}

// The patch's column is one of MOVES's, so the typed write path takes it as that table's update.
const pointAt = (trx: Db, actor: Actor, m: RowMove, id: string, to: string, action: string) =>
  updateRecord(trx, actor, m.table, id, { [m.column]: to } as never, action);

/** Moves one link row to other key values (same row, new key), audited under its new id. */
async function relink(trx: Db, actor: Actor, m: LinkMove, from: LinkRow, to: LinkRow, action: string) {
  let q = loose(trx)
    .updateTable(m.table)
    .set({ [m.column]: to[m.column] });
  for (const k of m.key) q = q.where(k, '=', from[k]);
  await q.execute();
  await recordChange(trx, actor, {
    action,
    entityType: m.table,
    entityId: linkId(m, to),
    before: from,
    after: to,
  });
}

/** Points every row of the merged record at the survivor; returns what moved. */
export async function moveAll(
  trx: Db,
  actor: Actor,
  kind: MatchKind,
  mergedId: string,
  survivorId: string,
): Promise<Moved> {
  const moved: Moved = { rows: {}, links: {}, added: {}, kept: {} };
  for (const m of MOVES[kind].rows) {
    const ids = (
      await loose(trx).selectFrom(m.table).select('id').where(m.column, '=', mergedId).orderBy('id').execute()
    ).map((r: { id: string }) => r.id);
    for (const id of ids) await pointAt(trx, actor, m, id, survivorId, 'merge.move');
    if (ids.length > 0) moved.rows[m.table] = ids;
  }
  for (const m of MOVES[kind].links) {
    let q = loose(trx).selectFrom(m.table).selectAll().where(m.column, '=', mergedId);
    for (const k of m.key) q = q.orderBy(k);
    const rows = (await q.execute()) as LinkRow[];
    for (const row of rows) {
      const target = { ...row, [m.column]: survivorId };
      const clash = (await linkRow(trx, m, target)) || (await isOwnForce(trx, m, target));
      const into = clash ? moved.kept : moved.links;
      (into[m.table] ??= []).push(keyOf(m, row));
      if (into === moved.links) await relink(trx, actor, m, row, target, 'merge.move');
    }
  }
  if (kind === 'incident') await addOwnForce(trx, actor, mergedId, survivorId, moved);
  return moved;
}

// incident_forces lists an incident's other forces: the survivor's own is not one of them.
async function isOwnForce(trx: Db, m: LinkMove, row: LinkRow): Promise<boolean> {
  if (m.table !== 'incident_forces') return false;
  const own = await trx
    .selectFrom('incidents')
    .select('force_id')
    .where('id', '=', row.incident_id!)
    .executeTakeFirst();
  return own?.force_id === row.force_id;
}

// The merged incident's own force becomes one of the survivor's, unless it already is.
async function addOwnForce(trx: Db, actor: Actor, mergedId: string, survivorId: string, moved: Moved) {
  const { rows } = await sql<{ force_id: string }>`
    INSERT INTO incident_forces (incident_id, force_id)
    SELECT ${survivorId}, m.force_id FROM incidents m, incidents s
    WHERE m.id = ${mergedId} AND s.id = ${survivorId} AND m.force_id <> s.force_id
    ON CONFLICT DO NOTHING RETURNING force_id`.execute(trx);
  for (const r of rows) {
    const key = { incident_id: survivorId, force_id: r.force_id };
    (moved.added.incident_forces ??= []).push(key);
    await recordChange(trx, actor, {
      action: 'merge.link',
      entityType: 'incident_forces',
      entityId: `${survivorId}:${r.force_id}`,
      before: null,
      after: key,
    });
  }
}

/**
 * Moves back exactly the rows a merge moved (those still pointing at the survivor) and removes
 * the links it added. Returns how many recorded rows had changed since and stayed where they are.
 */
export async function moveBack(
  trx: Db,
  actor: Actor,
  kind: MatchKind,
  moved: Moved,
  mergedId: string,
  survivorId: string,
): Promise<number> {
  let skipped = 0;
  for (const m of MOVES[kind].rows) {
    const ids = moved.rows[m.table] ?? [];
    if (ids.length === 0) continue;
    const still = new Set(
      (
        await loose(trx)
          .selectFrom(m.table)
          .select('id')
          .where('id', 'in', ids)
          .where(m.column, '=', survivorId)
          .execute()
      ).map((r: { id: string }) => r.id),
    );
    skipped += ids.length - still.size;
    for (const id of ids) if (still.has(id)) await pointAt(trx, actor, m, id, mergedId, 'unmerge.move');
  }
  for (const m of MOVES[kind].links) {
    for (const key of moved.links[m.table] ?? []) {
      const now = await linkRow(trx, m, { ...key, [m.column]: survivorId });
      if (!now || (await linkRow(trx, m, key))) {
        skipped++;
        continue;
      }
      await relink(trx, actor, m, now, { ...now, [m.column]: mergedId }, 'unmerge.move');
    }
  }
  for (const key of moved.added.incident_forces ?? []) {
    const gone = await sql`DELETE FROM incident_forces WHERE incident_id = ${key.incident_id}
      AND force_id = ${key.force_id} RETURNING force_id`.execute(trx);
    if (gone.rows.length > 0)
      await recordChange(trx, actor, {
        action: 'unmerge.unlink',
        entityType: 'incident_forces',
        entityId: `${key.incident_id}:${key.force_id}`,
        before: key,
        after: null,
      });
  }
  return skipped;
}
