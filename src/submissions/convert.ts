import crypto from 'node:crypto';
import { z } from 'zod';
import { requirePermission } from '../accounts/policy.ts';
import { appendAudit } from '../audit/chain.ts';
import { inTransaction } from '../audit/records.ts';
import { saveAllegation } from '../allegations/service.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { saveIncident } from '../incidents/service.ts';
import type { Editor } from '../publication/workflow.ts';
import { code, isoDate, line, parseInput, slugify, text, uuid } from '../schema/common.ts';
import type { UnlockedKey } from './moderation.ts';
import { getSubmission } from './repository.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);

/** What a moderator fills in to turn a submission into draft records (prefilled from it). */
export const convertInput = z
  .object({
    title: line(300),
    summary: text(10_000),
    occurredOn: z.preprocess(blank, isoDate.optional()),
    place: z.preprocess(blank, line(300).optional()),
    forceId: uuid,
    allegationSummary: z.preprocess(blank, text(5000).optional()),
    standard: z.preprocess(blank, code.optional()),
    officerId: z.preprocess(blank, uuid.optional()),
    unidentifiedOfficer: z.preprocess(blank, line(300).optional()),
  })
  .strict();

/** A URL slug from a title, with a random tail so two drafts with one title never collide. */
export function draftSlug(title: string): string {
  const base = slugify(title, 80);
  return `${base || 'incident'}-${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * Makes a draft incident (and, if asked, a draft allegation) from a submission. The records go
 * through the normal write path as drafts: nothing is published without the usual review and
 * publication checks. The submission is marked converted and the link kept for provenance.
 */
export async function convertSubmission(
  db: Db,
  user: Editor,
  id: string,
  key: UnlockedKey | null,
  input: unknown,
): Promise<{ incidentId: string; allegationId: string | null }> {
  requirePermission(user, 'submission.moderate', 'convert submissions');
  requirePermission(user, 'record.edit_unpublished', 'create draft records');
  // Converting means having read it: the key must be unlocked for this session.
  if (!key) throw new AppError('CUS_FORBIDDEN', 'Unlock the moderation key first.');
  const c = parseInput(convertInput, input);
  const actor = `user:${user.id}`;
  return inTransaction(db, async (trx) => {
    const row = await getSubmission(trx, id);
    if (row.state === 'converted')
      throw new AppError('CUS_CONFLICT', 'This submission was already converted.');
    const incident = await saveIncident(trx, actor, {
      slug: draftSlug(c.title),
      title: c.title,
      summary: c.summary,
      occurred: c.occurredOn ? { on: c.occurredOn, precision: 'day' } : { on: null, precision: 'unknown' },
      place: c.place,
      forceId: c.forceId,
    });
    let allegationId: string | null = null;
    if (c.allegationSummary) {
      const allegation = await saveAllegation(trx, actor, {
        incidentId: incident.id,
        ...(c.officerId
          ? { officerId: c.officerId }
          : { unidentifiedOfficer: c.unidentifiedOfficer ?? 'An officer not yet identified' }),
        summary: c.allegationSummary,
        standards: c.standard ? [c.standard] : [],
        status: 'reported',
      });
      allegationId = allegation.id;
    }
    const made: { table: 'incidents' | 'allegations'; id: string }[] = [
      { table: 'incidents', id: incident.id },
    ];
    if (allegationId) made.push({ table: 'allegations', id: allegationId });
    await trx
      .insertInto('submission_conversions')
      .values(
        made.map((m) => ({
          submission_id: id,
          record_table: m.table,
          record_id: m.id,
          converted_by: user.id,
        })),
      )
      .execute();
    await trx
      .updateTable('submissions')
      .set({ state: 'converted', duplicate_of: null, awaiting_moderator: false })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'submission.convert',
      entityType: 'submissions',
      entityId: id,
      diff: { incident_id: incident.id, allegation_id: allegationId },
    });
    return { incidentId: incident.id, allegationId };
  });
}
