import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';

/**
 * Which records a matching run looks for partners of: every record, the records one import
 * touched (`dataset_records.last_file_id`), or a few records by id (after an unmerge). Partners
 * can be any record of the same force; pairs are stored once whichever side was in scope.
 */
export type MatchScope = { all: true } | { fileId: string } | { ids: string[] };

export type MatchKind = 'officer' | 'incident';

/** The ids in scope for one kind, as a subquery with one `id` column (merged records left out). */
export function scopeIds(kind: MatchKind, scope: MatchScope): RawBuilder<unknown> {
  const table = sql.table(kind === 'officer' ? 'officers' : 'incidents');
  if ('all' in scope) return sql`SELECT id FROM ${table} WHERE merged_into IS NULL`;
  if ('ids' in scope)
    return sql`SELECT id FROM ${table} WHERE merged_into IS NULL AND id = ANY(${scope.ids}::uuid[])`;
  // An accused file links officers to incidents it does not itself describe (their dataset
  // records keep the complaints file as last_file_id): those incidents changed too.
  const extra =
    kind === 'incident'
      ? sql`UNION SELECT a.incident_id FROM dataset_records d JOIN allegations a ON a.id = d.entity_id
          WHERE d.last_file_id = ${scope.fileId} AND d.record_kind = 'allegation'`
      : sql``;
  return sql`SELECT t.id FROM ${table} t WHERE t.merged_into IS NULL AND t.id IN (
      SELECT entity_id FROM dataset_records WHERE last_file_id = ${scope.fileId} AND record_kind = ${kind}
      ${extra})`;
}
