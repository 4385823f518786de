import type { Actor } from '../audit/history.ts';
import { updateRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { parseInput, publicationState } from '../schema/common.ts';

/** Records that move through draft → in review → published (→ withdrawn). */
export type PublishableTable = 'incidents' | 'allegations' | 'officers' | 'statements';

/** The column of `claims` that points at each kind of publishable record. */
export const CLAIM_COLUMN_OF = {
  incidents: 'incident_id',
  allegations: 'allegation_id',
  officers: 'officer_id',
  statements: 'statement_id',
} as const satisfies Record<PublishableTable, string>;

/**
 * Moves a record to a publication state. published_at is set on first publication and kept
 * afterwards, so "first published" stays true through later edits and withdrawals.
 */
export async function setPublicationState(
  trx: Db,
  actor: Actor,
  table: PublishableTable,
  id: string,
  state: string,
  at: Date = new Date(),
) {
  const next = parseInput(publicationState, state);
  const current = await trx
    .selectFrom(table)
    .select(['publication_state', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  const publishedAt = current?.published_at ?? (next === 'published' ? at : null);
  return updateRecord(
    trx,
    actor,
    table,
    id,
    { publication_state: next, published_at: publishedAt },
    next === 'published' ? 'publish' : `state.${next}`,
  );
}
