import crypto from 'node:crypto';
import type { Kysely, RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import type { DB } from '../db/schema.generated.ts';
import { ImportRowError } from './read.ts';

/**
 * Writing a dataset's rows as Custodiet records. A record's id is derived from (dataset, kind,
 * the dataset's own id), so every file of a dataset agrees on it whatever order they arrive in,
 * a later file with the same ids updates the same records, and nothing is ever duplicated.
 * Imported records are drafts: an update never touches a record an editor has moved on
 * (in review, published or withdrawn), so a re-import cannot silently change what the public sees.
 */

/** Kinds of record a dataset id can map to (dataset_records.record_kind). */
export type RecordKind =
  'force' | 'unit' | 'officer' | 'incident' | 'allegation' | 'finding' | 'sanction' | 'person';

// A fixed namespace for Custodiet's dataset record ids (RFC 9562 name-based UUID, SHA-1).
const NAMESPACE = Buffer.from('5b0e6f9a3c1d4e8fa2b7c4d9e0f1a2b3', 'hex');

// Ids already worked out: a row asks for its own record's id several times (the allegation, its
// finding, its provenance) and officers come back in row after row, and each is a SHA-1. Bounded,
// and emptied whole when full: the ids are derived, so forgetting one only costs recomputing it.
const knownIds = new Map<string, string>();
const KNOWN_IDS = 50_000;

/** The record id a dataset's id maps to: a UUID v5 of (dataset source, kind, external id). */
export function datasetRecordId(sourceId: string, kind: RecordKind, externalId: string): string {
  const name = `${sourceId}\n${kind}\n${externalId}`;
  const known = knownIds.get(name);
  if (known !== undefined) return known;
  const h = crypto.createHash('sha1').update(NAMESPACE).update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  const id = `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  if (knownIds.size >= KNOWN_IDS) knownIds.clear();
  knownIds.set(name, id);
  return id;
}

/** How many records of each kind one import created and updated. */
export type RecordCounts = Record<string, { created: number; updated: number }>;

/** What writing needs to know about the file being imported. */
export interface RecordScope {
  sourceId: string;
  fileId: string;
  counts: RecordCounts;
  /**
   * For writers that only add (insert-only officers): the last description written of each
   * record in this import, so a batch can skip what an earlier batch already wrote identically.
   */
  lastWritten?: Map<string, string>;
}

const LAST_WRITTEN = 100_000;

/**
 * Whether this import's last write of `key` was exactly `description`: writing it again would
 * change nothing. Otherwise notes it as the last one (the caller writes it). Bounded: when full
 * it forgets everything, which only costs writing some records again.
 */
export function writtenAlready(scope: RecordScope, key: string, description: string): boolean {
  const last = scope.lastWritten;
  if (!last) return false;
  if (last.get(key) === description) return true;
  if (last.size >= LAST_WRITTEN) last.clear();
  last.set(key, description);
  return false;
}

/** A short way to make ids within one scope. */
export function idFor(scope: RecordScope, kind: RecordKind, externalId: string): string {
  return datasetRecordId(scope.sourceId, kind, externalId);
}

// Kysely cannot type a statement over a table chosen at run time; callers pass typed rows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (trx: Db): Kysely<any> => trx as unknown as Kysely<any>;

type Guard = 'draft' | 'always' | 'never' | 'finding' | 'person' | { parent: keyof DB; via: string };

/** How one table is upserted. */
export interface UpsertSpec<R> {
  table: keyof DB;
  kind: RecordKind;
  /** Columns an update may change (the rest are set once, at creation). */
  update: (keyof R & string)[];
  /**
   * When an existing row may be updated: 'draft' (its own publication_state), a parent table's
   * draft state through a foreign key column, 'finding' (a sanction: its allegation's state),
   * 'person' (nobody has named them and every incident they are in is a draft),
   * 'always' (reference rows such as agencies), or 'never' (insert only).
   */
  guard: Guard;
}

function guardSql(table: string, guard: Guard): RawBuilder<boolean> {
  if (guard === 'always') return sql<boolean>`true`;
  if (guard === 'never') return sql<boolean>`false`;
  if (guard === 'draft') return sql<boolean>`${sql.ref(`${table}.publication_state`)} = 'draft'`;
  // A sanction belongs to a finding, which belongs to an allegation: the allegation decides.
  if (guard === 'finding')
    return sql<boolean>`EXISTS (SELECT 1 FROM findings f JOIN allegations a ON a.id = f.allegation_id
      WHERE f.id = ${sql.ref(`${table}.finding_id`)} AND a.publication_state = 'draft')`;
  // A person has no state of their own: nobody has named them and the incidents they are in decide.
  if (guard === 'person')
    return sql<boolean>`${sql.ref(`${table}.public_name`)} IS NULL AND NOT EXISTS (
      SELECT 1 FROM incident_people ip JOIN incidents i ON i.id = ip.incident_id
      WHERE ip.person_id = ${sql.ref(`${table}.id`)} AND i.publication_state <> 'draft')`;
  return sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(guard.parent)} p
    WHERE p.id = ${sql.ref(`${table}.${guard.via}`)} AND p.publication_state = 'draft')`;
}

/** Which of these records are drafts: an import may add to them; the others an editor has moved on. */
export async function draftIds(
  trx: Db,
  table: 'incidents' | 'allegations' | 'officers',
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .where('publication_state', '=', 'draft')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * A child record (a finding, a sanction) is neither added nor changed under a parent an editor
 * has moved on: the guard's parent must be a draft for the row to be written at all.
 */
async function underDrafts<R extends { id: string }>(trx: Db, guard: Guard, rows: R[]): Promise<R[]> {
  const parent =
    guard === 'finding'
      ? { via: 'finding_id', table: null }
      : typeof guard === 'object' && 'parent' in guard
        ? { via: guard.via, table: guard.parent as 'incidents' | 'allegations' | 'officers' }
        : null;
  if (rows.length === 0 || !parent) return rows;
  const ids = rows.map((r) => String((r as Record<string, unknown>)[parent.via]));
  const ok = parent.table ? await draftIds(trx, parent.table, ids) : await findingsOfDrafts(trx, ids);
  return rows.filter((_, i) => ok.has(ids[i]!));
}

async function findingsOfDrafts(trx: Db, ids: string[]): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('findings as f')
    .innerJoin('allegations as a', 'a.id', 'f.allegation_id')
    .select('f.id')
    .where('f.id', 'in', [...new Set(ids)])
    .where('a.publication_state', '=', 'draft')
    .execute();
  return new Set(rows.map((f) => f.id));
}

/**
 * Inserts rows by id, or updates the `update` columns of existing ones when the guard allows and
 * something changed. Counts what was created and updated.
 */
export async function upsertRecords<R extends { id: string }>(
  trx: Db,
  scope: RecordScope,
  spec: UpsertSpec<R>,
  rows: R[],
): Promise<void> {
  const table = spec.table as string;
  const unique = await underDrafts(trx, spec.guard, dedupeById(rows));
  if (unique.length === 0) return;
  const changed = spec.update.map((c) => sql`${sql.ref(`${table}.${c}`)}`);
  const incoming = spec.update.map((c) => sql`excluded.${sql.ref(c)}`);
  let q = loose(trx).insertInto(table).values(unique);
  q =
    spec.guard === 'never' || spec.update.length === 0
      ? q.onConflict((oc) => oc.column('id').doNothing())
      : q.onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet(Object.fromEntries(spec.update.map((c) => [c, sql`excluded.${sql.ref(c)}`])))
            .where(guardSql(table, spec.guard))
            .where(sql<boolean>`(${sql.join(changed)}) IS DISTINCT FROM (${sql.join(incoming)})`),
        );
  const out = await q.returning(sql<boolean>`(xmax = 0)`.as('created')).execute();
  const c = (scope.counts[spec.kind] ??= { created: 0, updated: 0 });
  for (const r of out as { created: boolean }[]) {
    if (r.created) c.created++;
    else c.updated++;
  }
}

/**
 * Removes records a newer file no longer has (a finding withdrawn, a penalty not yet decided),
 * by id, where the guard allows: never one an editor has moved on.
 */
export async function removeRecords(
  trx: Db,
  spec: { table: 'findings' | 'sanctions'; guard: Guard },
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  await loose(trx)
    .deleteFrom(spec.table)
    .where('id', 'in', [...new Set(ids)])
    .where(guardSql(spec.table, spec.guard))
    .execute();
}

/** One row of a dataset mapped to one record, with source fields kept beside it. */
export interface DatasetLink {
  externalId: string;
  entityId: string;
  attributes?: Record<string, string | number | boolean | null | string[]>;
}

/**
 * Records which dataset id became which record, and from which file (provenance). With
 * `touch: false` an existing link is left as it is (a placeholder made for a row of another file);
 * with 'repoint' it also moves to the record given now (an agency renamed by its dataset is
 * found under its new name: record ids that are not derived from the dataset id can change).
 */
export async function linkRecords(
  trx: Db,
  scope: RecordScope,
  kind: RecordKind,
  links: DatasetLink[],
  touch: boolean | 'repoint' = true,
): Promise<void> {
  if (links.length === 0) return;
  const byId = new Map(links.map((l) => [l.externalId, l]));
  await trx
    .insertInto('dataset_records')
    .values(
      [...byId.values()].map((l) => ({
        source_id: scope.sourceId,
        record_kind: kind,
        external_id: l.externalId,
        entity_id: l.entityId,
        first_file_id: scope.fileId,
        last_file_id: scope.fileId,
        attributes: JSON.stringify(l.attributes ?? {}),
      })),
    )
    .onConflict((oc) => {
      const key = oc.columns(['source_id', 'record_kind', 'external_id']);
      if (!touch) return key.doNothing();
      // Only 'repoint' moves the link; otherwise the record stays the one linked before.
      const entity =
        touch === 'repoint' ? sql<string>`excluded.entity_id` : sql<string>`dataset_records.entity_id`;
      // A link that would come out the same is not rewritten (a new row version and its index
      // entries, for every officer named again in every batch).
      return key
        .doUpdateSet({
          last_file_id: scope.fileId,
          attributes: sql`dataset_records.attributes || excluded.attributes`,
          entity_id: entity,
        })
        .where(
          sql<boolean>`(dataset_records.last_file_id, dataset_records.attributes, dataset_records.entity_id)
            IS DISTINCT FROM (excluded.last_file_id, dataset_records.attributes || excluded.attributes, ${entity})`,
        );
    })
    .execute();
}

/** A row's own id, where the report should point if it repeats. */
export interface RowKey {
  externalId: string;
  line: number;
  column: string;
}

/**
 * Refuses a file that gives the same id to two rows (an error, not "last wins"), for formats
 * whose ids are primary keys. Ids of records are checked across the file through their dataset
 * record (its last file is this one), so memory stays flat however long the file; ids that are
 * not records (OpenOversight assignments) are remembered in `seen`, one map per file. Call
 * before linking this batch's records of `kind`.
 */
export async function rejectRepeats(
  trx: Db,
  scope: RecordScope,
  seen: RecordKind | Map<string, number>,
  keys: RowKey[],
) {
  const repeat = (k: RowKey, where: string) =>
    new ImportRowError(
      k.line,
      k.column,
      `the id "${k.externalId}" is already on ${where}: ids must not repeat`,
    );
  const first = new Map<string, number>();
  for (const k of keys) {
    const at = first.get(k.externalId) ?? (typeof seen === 'string' ? undefined : seen.get(k.externalId));
    if (at !== undefined) throw repeat(k, `line ${at}`);
    first.set(k.externalId, k.line);
    if (typeof seen !== 'string') seen.set(k.externalId, k.line);
  }
  if (typeof seen !== 'string' || keys.length === 0) return;
  const earlier = await trx
    .selectFrom('dataset_records')
    .select('external_id')
    .where('source_id', '=', scope.sourceId)
    .where('record_kind', '=', seen)
    .where('last_file_id', '=', scope.fileId)
    .where('external_id', 'in', [...first.keys()])
    .executeTakeFirst();
  if (earlier)
    throw repeat(
      keys.find((x) => x.externalId === earlier.external_id)!,
      'an earlier line of this file',
    );
}

/**
 * Links records whose id is derived from the dataset's id (`idFor(scope, kind, externalId)`),
 * with the source fields kept beside each.
 */
export function linkDerived(
  trx: Db,
  scope: RecordScope,
  kind: RecordKind,
  items: Omit<DatasetLink, 'entityId'>[],
): Promise<void> {
  return linkRecords(
    trx,
    scope,
    kind,
    items.map((i) => ({ ...i, entityId: idFor(scope, kind, i.externalId) })),
  );
}

// One statement may not insert the same id twice (ON CONFLICT cannot touch a row twice): the
// last occurrence in a batch wins, as it would have row by row.
function dedupeById<R extends { id: string }>(rows: R[]): R[] {
  const m = new Map<string, R>();
  for (const r of rows) m.set(r.id, r);
  return [...m.values()];
}

/**
 * A function giving, for each of these records, the one rows about it belong to now: the record
 * itself, or the survivor it was merged into (null stays null: an unidentified officer).
 */
export async function followMerges(trx: Db, table: 'officers' | 'incidents', ids: (string | null)[]) {
  const merged = await survivors(
    trx,
    table,
    ids.filter((i): i is string => i !== null),
  );
  return (id: string | null) => (id === null ? null : (merged.get(id) ?? id));
}

/**
 * Where rows about these records belong now: a merged record's survivor (followed through
 * later merges), keyed by the merged id. Records that were never merged are not in the map.
 */
export async function survivors(trx: Db, table: 'officers' | 'incidents', ids: string[]) {
  const out = new Map<string, string>();
  let pending = [...new Set(ids)];
  for (let depth = 0; pending.length > 0 && depth < 20; depth++) {
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'merged_into'])
      .where('id', 'in', pending)
      .where('merged_into', 'is not', null)
      .execute();
    const step = new Map(rows.map((r) => [r.id, r.merged_into!]));
    for (const [from, to] of out) if (step.has(to)) out.set(from, step.get(to)!);
    for (const [from, to] of step) if (!out.has(from)) out.set(from, to);
    pending = [...new Set(step.values())];
  }
  return out;
}
