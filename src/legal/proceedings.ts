import { z } from 'zod';
import { can } from '../accounts/policy.ts';
import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { isoDate, line, parseInput, text, uuid } from '../schema/common.ts';

/**
 * Rule R5, the active-proceedings hold. From arrest, warrant, summons or charge until the
 * proceedings end, publishing anything beyond a fair, accurate court report risks contempt
 * (Contempt of Court Act 1981 ss.1–2, protected reports s.4(1)). While proceedings on an incident
 * are active, its public page shows only the court-report fields and its allegations are hidden
 * everywhere; lifting the hold needs a recorded end event signed off by an editor.
 */
export const STARTED_BY = {
  arrest: 'Arrest',
  warrant: 'Warrant issued',
  summons: 'Summons',
  charge: 'Charge',
  indictment: 'Indictment',
} as const;

export const PLEAS = {
  not_entered: 'No plea entered yet',
  guilty: 'Guilty',
  not_guilty: 'Not guilty',
  mixed: 'Guilty to some charges, not guilty to others',
} as const;

export const ENDED_BY = {
  acquitted: 'Acquitted',
  convicted_and_sentenced: 'Convicted and sentenced',
  discontinued: 'Discontinued',
  released_without_charge: 'Released without charge',
  other_disposal: 'Otherwise disposed of',
} as const;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Proceedings as the editor's form sends them. */
export const proceedingsInput = z
  .object({
    incidentId: uuid,
    officerId: uuid.optional(),
    startedBy: z.enum(keys(STARTED_BY)),
    startedOn: isoDate,
    court: line(200).optional(),
    charge: text(2000).optional(),
    nextHearingOn: isoDate.optional(),
    plea: z.enum(keys(PLEAS)).optional(),
    outcome: text(2000).optional(),
    endedBy: z.enum(keys(ENDED_BY)).optional(),
    endedOn: isoDate.optional(),
    notes: text(4000).optional(),
  })
  .strict()
  .refine((p) => !p.endedBy === !p.endedOn, {
    message: 'an end needs both what ended the proceedings and when',
    path: ['endedOn'],
  })
  .refine((p) => !p.endedOn || p.endedOn >= p.startedOn, {
    message: 'must not be before the proceedings started',
    path: ['endedOn'],
  });
export type ProceedingsInput = z.input<typeof proceedingsInput>;

async function signOff(trx: Db, actor: Actor): Promise<string> {
  const userId = /^user:(.+)$/.exec(actor)?.[1];
  const user = userId
    ? await trx.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst()
    : undefined;
  if (!user || !can(user, 'record.publish'))
    throw new AppError(
      'CUS_FORBIDDEN',
      'Ending active proceedings lifts the legal hold: it needs an editor’s sign-off (an editor, moderator or admin saves the end).',
    );
  return user.id;
}

/**
 * Creates or updates proceedings. Recording the end (which lifts the hold) is signed off by the
 * editor who saves it; a contributor cannot lift a hold.
 */
export async function saveProceedings(trx: Db, actor: Actor, input: ProceedingsInput, id?: string) {
  const p = parseInput(proceedingsInput, input);
  const before = id
    ? await trx
        .selectFrom('court_proceedings')
        .select(['ended_by', 'end_signed_off_by'])
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  const wasEnded = before?.ended_by != null && before.ended_by === (p.endedBy ?? null);
  const signedOff = p.endedBy ? (wasEnded ? before!.end_signed_off_by : await signOff(trx, actor)) : null;
  return saveRecord(trx, actor, 'court_proceedings', id, {
    incident_id: p.incidentId,
    officer_id: p.officerId ?? null,
    started_by: p.startedBy,
    started_on: p.startedOn,
    court: p.court ?? null,
    charge: p.charge ?? null,
    next_hearing_on: p.nextHearingOn ?? null,
    plea: p.plea ?? null,
    outcome: p.outcome ?? null,
    ended_by: p.endedBy ?? null,
    ended_on: p.endedOn ?? null,
    end_signed_off_by: signedOff,
    notes: p.notes ?? null,
  });
}

/** The court-report fields of one set of proceedings: all that is public while they are active. */
export interface CourtReport {
  id: string;
  officerName: string | null;
  officerSlug: string | null;
  startedBy: keyof typeof STARTED_BY;
  startedOn: string;
  court: string | null;
  charge: string | null;
  nextHearingOn: string | null;
  plea: keyof typeof PLEAS | null;
  outcome: string | null;
  endedBy: keyof typeof ENDED_BY | null;
  endedOn: string | null;
  updatedAt: Date;
}

/** Court reports for an incident (active first), naming only a published officer. */
export async function courtReports(db: Db, incidentId: string): Promise<CourtReport[]> {
  const rows = await db
    .selectFrom('court_proceedings as p')
    .leftJoin('officers as o', (j) =>
      j.onRef('o.id', '=', 'p.officer_id').on('o.publication_state', '=', 'published'),
    )
    .select([
      'p.id',
      'o.published_name',
      'o.slug',
      'p.started_by',
      'p.started_on',
      'p.court',
      'p.charge',
      'p.next_hearing_on',
      'p.plea',
      'p.outcome',
      'p.ended_by',
      'p.ended_on',
      'p.updated_at',
    ])
    .where('p.incident_id', '=', incidentId)
    .orderBy((eb) => eb.case().when('p.ended_by', 'is', null).then(0).else(1).end())
    .orderBy('p.started_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    officerName: r.published_name,
    officerSlug: r.published_name ? r.slug : null,
    startedBy: r.started_by as CourtReport['startedBy'],
    startedOn: r.started_on,
    court: r.court,
    charge: r.charge,
    nextHearingOn: r.next_hearing_on,
    plea: r.plea as CourtReport['plea'],
    outcome: r.outcome,
    endedBy: r.ended_by as CourtReport['endedBy'],
    endedOn: r.ended_on,
    updatedAt: r.updated_at,
  }));
}
