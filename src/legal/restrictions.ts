import { sql } from '../db/kysely.ts';
import { z } from 'zod';
import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Selectable } from 'kysely';
import type { Db } from '../db/client.ts';
import type { DB } from '../db/schema.generated.ts';
import { incidentsOfMany } from '../publication/involvement.ts';
import type { PublishableTable } from '../publication/service.ts';
import { isoDate, line, parseInput, text, uuid } from '../schema/common.ts';

/**
 * Rule R6: the reporting-restriction register. An order in force blocks publication of any
 * record it reaches: the incident it names, anything about the person it protects, or any
 * record whose public text contains one of its terms. It does not read meaning: a person
 * identified without the listed terms (jigsaw identification) is the editors' and the
 * two-person rule's to catch.
 */
export const ORDER_TYPES = {
  soaa_1992: 'Sexual Offences (Amendment) Act 1992: complainant anonymity',
  cypa_1933_s49: 'Children and Young Persons Act 1933 s.49: youth court',
  yjcea_1999_s45: 'Youth Justice and Criminal Evidence Act 1999 s.45: under-18 in adult court',
  yjcea_1999_s45a: 'YJCEA 1999 s.45A: lifelong anonymity of an under-18 victim or witness',
  cca_1981_s4_2: 'Contempt of Court Act 1981 s.4(2): postponement',
  cca_1981_s11: 'Contempt of Court Act 1981 s.11: withholding a name',
  panel_direction: 'Misconduct panel direction (anonymity, cipher)',
  injunction: 'Injunction',
  other: 'Other order',
} as const;

/** A register entry as the editor's form sends it. */
export const restrictionInput = z
  .object({
    orderType: z.enum(Object.keys(ORDER_TYPES) as [keyof typeof ORDER_TYPES]),
    caseReference: line(200),
    court: line(200).optional(),
    scopeIncidentId: uuid.optional(),
    scopePersonId: uuid.optional(),
    scopeTerms: text(4000).optional(),
    startsOn: isoDate,
    expiresOn: isoDate.optional(),
    notes: text(4000).optional(),
  })
  .strict()
  .refine((r) => r.scopeIncidentId || r.scopePersonId || r.scopeTerms?.trim(), {
    message: 'say what the order covers: an incident, a person, or terms that must not appear',
    path: ['scopeTerms'],
  })
  .refine((r) => !r.expiresOn || r.expiresOn >= r.startsOn, {
    message: 'must not be before the start',
    path: ['expiresOn'],
  });
export type RestrictionInput = z.input<typeof restrictionInput>;

/** Creates or updates a register entry (audited like every write). */
export function saveRestriction(trx: Db, actor: Actor, input: RestrictionInput, id?: string) {
  const r = parseInput(restrictionInput, input);
  return saveRecord(trx, actor, 'reporting_restrictions', id, {
    order_type: r.orderType,
    case_reference: r.caseReference,
    court: r.court ?? null,
    scope_incident_id: r.scopeIncidentId ?? null,
    scope_person_id: r.scopePersonId ?? null,
    scope_terms: r.scopeTerms?.trim() || null,
    starts_on: r.startsOn,
    expires_on: r.expiresOn ?? null,
    notes: r.notes ?? null,
  });
}

/** A restriction that reaches a record, and how. */
export interface RestrictionMatch {
  orderType: keyof typeof ORDER_TYPES;
  caseReference: string;
  because: string;
}

/** The orders in force on `today` that reach this record (given its public texts). */
export async function restrictionsOn(
  db: Db,
  table: PublishableTable,
  id: string,
  texts: string[],
  today = new Date().toISOString().slice(0, 10),
): Promise<RestrictionMatch[]> {
  const incidents = await incidentsOfMany(db, table, [id]);
  return (await restrictionsAmong(db, incidents, new Map([[id, texts]]), today)).get(id) ?? [];
}

/**
 * restrictionsOn for several records (keyed by id, with the incidents they are about, from
 * incidentsOfMany, and their public texts): the orders and people are read once for all of them.
 */
export async function restrictionsAmong(
  db: Db,
  incidents: Map<string, string[]>,
  textsById: Map<string, string[]>,
  today = new Date().toISOString().slice(0, 10),
): Promise<Map<string, RestrictionMatch[]>> {
  const all = [...new Set([...incidents.values()].flat())];
  const peopleOf = new Map<string, string[]>();
  if (all.length > 0)
    for (const r of await db
      .selectFrom('incident_people')
      .select(['incident_id', 'person_id'])
      .where('incident_id', 'in', all)
      .execute()) {
      const people = peopleOf.get(r.incident_id);
      if (people) people.push(r.person_id);
      else peopleOf.set(r.incident_id, [r.person_id]);
    }
  const orders = await db
    .selectFrom('reporting_restrictions')
    .selectAll()
    .where('starts_on', '<=', sql<string>`${today}::date`)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', sql<string>`${today}::date`)]))
    .execute();
  const out = new Map<string, RestrictionMatch[]>();
  for (const [id, texts] of textsById) {
    const its = incidents.get(id) ?? [];
    out.set(
      id,
      ordersReaching(
        orders,
        its,
        its.flatMap((i) => peopleOf.get(i) ?? []),
        texts,
      ),
    );
  }
  return out;
}

type Order = Pick<
  Selectable<DB['reporting_restrictions']>,
  'order_type' | 'case_reference' | 'scope_incident_id' | 'scope_person_id' | 'scope_terms'
>;

// Which of the orders reach a record about these incidents and people, with these public texts.
function ordersReaching(orders: Order[], incidents: string[], people: string[], texts: string[]) {
  const haystack = texts.join('\n').toLowerCase();
  const out: RestrictionMatch[] = [];
  for (const o of orders) {
    const term = (o.scope_terms ?? '')
      .split('\n')
      .map((t) => t.trim())
      .find((t) => t && haystack.includes(t.toLowerCase()));
    const because =
      o.scope_incident_id && incidents.includes(o.scope_incident_id)
        ? 'it is about the incident the order covers'
        : o.scope_person_id && people.includes(o.scope_person_id)
          ? 'it involves the person the order protects'
          : term
            ? `its public text contains “${term}”`
            : null;
    if (because)
      out.push({
        orderType: o.order_type as keyof typeof ORDER_TYPES,
        caseReference: o.case_reference,
        because,
      });
  }
  return out;
}
