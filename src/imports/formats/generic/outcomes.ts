import type { Db } from '../../../db/client.ts';
import type { ImportContext } from '../../framework.ts';
import { removeOutcomes, upsertFindings, upsertSanctions, type ImportedFinding } from '../../incidents.ts';
import { idFor } from '../../records.ts';
import type { Track } from './fields.ts';
import type { Mapping } from './mapping.ts';
import { str, type MappedRow } from './rows.ts';
import type { GenericState } from './write.ts';

type Ctx = ImportContext<GenericState>;

/**
 * Findings and sanctions of the rows' allegations, kept as records of their own (rule R2): one
 * finding per allegation and at most one sanction, identified by the allegation. A newer file
 * whose row no longer has an outcome (or a penalty) removes the one an earlier file gave — on a
 * draft allegation only, like every import write. What the mapping does not give (the forum, a
 * date, the wording) is never blanked on an update: an editor may have filled it in.
 */
export async function writeGenericOutcomes(trx: Db, m: Mapping, ctx: Ctx, rows: MappedRow[]) {
  const made = rows.filter((r) => r.allegation && r.incident);
  const id = (kind: 'finding' | 'sanction', r: MappedRow) => idFor(ctx, kind, r.allegation!.externalId);
  const vocabulary = (r: MappedRow) => ctx.state.outcomes[r.finding!.fields.track as Track]!;
  const found = made.filter((r) => r.finding);
  const mapped = m.records.finding!.fields;
  const optional = (['forum', 'decided_on', 'summary'] as const).filter((f) => f in mapped);
  await upsertFindings(
    trx,
    ctx,
    found.map((r): ImportedFinding => {
      const f = r.finding!.fields;
      return {
        id: id('finding', r),
        allegation_id: idFor(ctx, 'allegation', r.allegation!.externalId),
        track: str(f.track)!,
        forum: str(f.forum) ?? 'other',
        deciding_body: str(f.deciding_body) ?? `Not given in "${m.dataset.title}"`,
        outcome_taxonomy: vocabulary(r).outcome,
        outcome_code: str(f.outcome)!,
        decided_on: str(f.decided_on),
        summary: str(f.summary),
      };
    }),
    ['track', 'outcome_taxonomy', 'outcome_code', 'deciding_body', ...optional],
  );
  const penalised = found.filter((r) => r.sanction);
  const sanctionFields = m.records.sanction?.fields ?? {};
  await upsertSanctions(
    trx,
    ctx,
    penalised.map((r) => ({
      id: id('sanction', r),
      finding_id: id('finding', r),
      sanction_taxonomy: vocabulary(r).sanction,
      sanction_code: str(r.sanction!.fields.sanction)!,
      imposed_on: str(r.sanction!.fields.imposed_on),
      detail: str(r.sanction!.fields.detail),
    })),
    [
      'sanction_taxonomy',
      'sanction_code',
      ...(['imposed_on', 'detail'] as const).filter((f) => f in sanctionFields),
    ],
  );
  await removeOutcomes(trx, {
    sanctions: made.filter((r) => !r.sanction).map((r) => id('sanction', r)),
    findings: made.filter((r) => !r.finding).map((r) => id('finding', r)),
  });
}
