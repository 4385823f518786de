import { sql } from '../db/kysely.ts';
import { z } from 'zod';
import type { Actor } from '../audit/history.ts';
import { insertRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import type { FieldProblem } from '../errors/catalogue.ts';
import { fieldProblems, text } from '../schema/common.ts';

/** Record types the public corrections log can name (rule R15). */
export type CorrectionEntity =
  'incidents' | 'allegations' | 'officers' | 'statements' | 'findings' | 'sanctions';

/** Kinds of note for a change to a public record, and for taking one down. */
export const EDIT_KINDS = ['correction', 'clarification', 'update'] as const;
export const WITHDRAW_KINDS = ['withdrawal', 'takedown'] as const;
export type CorrectionKind = (typeof EDIT_KINDS)[number] | (typeof WITHDRAW_KINDS)[number];

/** A public correction note: what changed and why, in words fit to publish. */
export interface CorrectionNote {
  kind: CorrectionKind;
  what: string;
  why: string;
}

/**
 * The public record a change shows up on, and whether the public can see it now. Child records
 * (timeline events, ranks, claims…) answer with their publishable owner; findings and sanctions
 * keep their own log type but are public when their allegation is.
 */
export interface CorrectionTarget {
  entityType: CorrectionEntity;
  entityId: string;
  published: boolean;
  /** The publication state of the owning record. */
  state: string;
}

const OWN_STATE = new Set(['incidents', 'allegations', 'officers', 'statements']);
const PARENT: Record<string, { column: string; table: string }> = {
  timeline_events: { column: 'incident_id', table: 'incidents' },
  officer_ranks: { column: 'officer_id', table: 'officers' },
  officer_postings: { column: 'officer_id', table: 'officers' },
  officer_identifiers: { column: 'officer_id', table: 'officers' },
};
/** Claim subject columns → the table they point at. */
export const CLAIM_SUBJECTS: Record<string, string> = {
  incident_id: 'incidents',
  allegation_id: 'allegations',
  finding_id: 'findings',
  sanction_id: 'sanctions',
  officer_id: 'officers',
  statement_id: 'statements',
  timeline_event_id: 'timeline_events',
};

async function column(db: Db, table: string, id: string, name: string): Promise<string | null> {
  // Table and column names come from the fixed maps in this module, never from input.
  const { rows } = await sql<{
    v: string | null;
  }>`SELECT ${sql.ref(name)} AS v FROM ${sql.ref(table)} WHERE id = ${id}`.execute(db);
  return rows[0]?.v ?? null;
}

async function allegationState(db: Db, table: 'findings' | 'sanctions', id: string): Promise<string | null> {
  let q = db.selectFrom('allegations as a').select('a.publication_state');
  if (table === 'findings')
    q = q.innerJoin('findings as f', 'f.allegation_id', 'a.id').where('f.id', '=', id);
  else
    q = q
      .innerJoin('findings as f', 'f.allegation_id', 'a.id')
      .innerJoin('sanctions as s', 's.finding_id', 'f.id')
      .where('s.id', '=', id);
  return (await q.executeTakeFirst())?.publication_state ?? null;
}

/** Where a change to this record would show publicly; null for records with no public owner. */
export async function correctionTarget(db: Db, table: string, id: string): Promise<CorrectionTarget | null> {
  if (OWN_STATE.has(table)) {
    const state = await column(db, table, id, 'publication_state');
    if (state === null) return null;
    return { entityType: table as CorrectionEntity, entityId: id, published: state === 'published', state };
  }
  if (table === 'findings' || table === 'sanctions') {
    const state = await allegationState(db, table, id);
    if (state === null) return null;
    return { entityType: table, entityId: id, published: state === 'published', state };
  }
  const parent = PARENT[table];
  if (parent) {
    const parentId = await column(db, table, id, parent.column);
    return parentId ? correctionTarget(db, parent.table, parentId) : null;
  }
  if (table === 'claims') {
    const row = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [col, subjectTable] = Object.entries(CLAIM_SUBJECTS).find(([c]) => row[c as 'incident_id']) ?? [];
    return col && subjectTable ? correctionTarget(db, subjectTable, row[col as 'incident_id']!) : null;
  }
  return null;
}

function noteSchema(kinds: readonly [CorrectionKind, ...CorrectionKind[]]) {
  return z
    .object({
      kind: z.enum(kinds, { error: `choose one of: ${kinds.join(', ')}` }),
      what: text(2000),
      why: text(2000),
    })
    .strict();
}

/**
 * Reads the correction note fields (`correction.kind`, `correction.what`, `correction.why`)
 * from a form. Returns the note, or the problems to show beside those fields.
 */
export function readCorrectionNote(
  raw: { kind: string; what: string; why: string },
  kinds: readonly [CorrectionKind, ...CorrectionKind[]],
): { note: CorrectionNote | null; problems: FieldProblem[] } {
  const result = noteSchema(kinds).safeParse(raw);
  if (result.success) return { note: result.data, problems: [] };
  const problems = fieldProblems(result.error).map((p) => ({ ...p, field: `correction.${p.field}` }));
  return { note: null, problems };
}

/** Appends a note to the public corrections log, in the caller's transaction (and audited). */
export async function recordCorrection(
  trx: Db,
  actor: Actor,
  target: Pick<CorrectionTarget, 'entityType' | 'entityId'>,
  note: CorrectionNote,
): Promise<void> {
  await insertRecord(trx, actor, 'corrections', {
    entity_type: target.entityType,
    entity_id: target.entityId,
    kind: note.kind,
    what: note.what,
    why: note.why,
    actor,
  });
}
