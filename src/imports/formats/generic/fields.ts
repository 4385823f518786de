/**
 * What a generic CSV mapping may write: the fields of each kind of record, their types and, for
 * coded fields, where their codes come from. Anything else is refused by name — with the rule
 * that forbids it when it is personal (an officer's home address, a complainant's name).
 */

import { FINDING_FORUMS, FINDING_TRACKS } from '../../../allegations/schema.ts';

export const KINDS = ['incident', 'officer', 'allegation', 'person'] as const;
/** The kinds of record a row makes that have their own id columns. */
export type Kind = (typeof KINDS)[number];
/** A finding and its sanction are the row's allegation's: they have no id of their own. */
export const OUTCOME_KINDS = ['finding', 'sanction'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
/** Every kind of record a mapping can fill fields of. */
export type FieldKind = Kind | OutcomeKind;
export const FIELD_KINDS: readonly FieldKind[] = [...KINDS, ...OUTCOME_KINDS];

/**
 * Coded fields take codes of a taxonomy (checked against the database) or of a fixed list.
 * Ranks, outcomes and sanctions come from the taxonomy of the force's jurisdiction (and, for
 * outcomes and sanctions, of the finding's track: conduct or criminal).
 */
export type CodeSource =
  'status' | 'iopc' | 'standards' | 'rank' | 'outcome' | 'sanction' | readonly string[];

export type FieldDef =
  | { type: 'text'; max: number }
  | { type: 'place' }
  | { type: 'date' }
  | { type: 'identifier' }
  | { type: 'whole' }
  | { type: 'bool' }
  | { type: 'pseudonym' }
  | { type: 'code'; codes: CodeSource }
  | { type: 'codes'; codes: CodeSource };

const text = (max: number): FieldDef => ({ type: 'text', max });
const date: FieldDef = { type: 'date' };
const code = (codes: CodeSource): FieldDef => ({ type: 'code', codes });

export const ROLE_TYPES = [
  'police_officer',
  'special_constable',
  'pcso',
  'designated_detention_officer',
  'police_staff',
] as const;
export const PERSON_ROLES = ['complainant', 'victim', 'witness', 'bystander', 'relative'] as const;

/** Every field a mapping may target, by kind of record. */
export const FIELDS: Record<FieldKind, Record<string, FieldDef>> = {
  incident: {
    title: text(300),
    summary: text(5000),
    occurred_on: date,
    occurred_precision: code(['day', 'month', 'year']),
    place: { type: 'place' },
  },
  officer: {
    published_name: text(200),
    shoulder_number: { type: 'identifier' },
    badge_number: { type: 'identifier' },
    rank: code('rank'),
    role_type: code(ROLE_TYPES),
    unit: text(120),
  },
  allegation: {
    summary: text(5000),
    status: code('status'),
    iopc_category: code('iopc'),
    standards: { type: 'codes', codes: 'standards' },
    reported_on: date,
    conduct_from: date,
    conduct_to: date,
    unidentified_officer: text(300),
  },
  person: {
    pseudonym: { type: 'pseudonym' },
    age: { type: 'whole' },
    age_status: code(['adult', 'minor', 'unknown']),
    role: code(PERSON_ROLES),
    deceased: { type: 'bool' },
    vulnerable: { type: 'bool' },
    sexual_offence_complainant: { type: 'bool' },
  },
  // Kept apart from the allegation (rule R2): who decided, when, in which forum, on which track.
  finding: {
    outcome: code('outcome'),
    track: code(FINDING_TRACKS),
    forum: code(FINDING_FORUMS),
    deciding_body: text(200),
    decided_on: date,
    summary: text(5000),
  },
  sanction: {
    sanction: code('sanction'),
    imposed_on: date,
    detail: text(2000),
  },
};

/** The fields a section must map: a finding says what was decided and by whom; a sanction what it was. */
export const REQUIRED: Partial<Record<FieldKind, readonly string[]>> = {
  finding: ['outcome', 'deciding_body'],
  sanction: ['sanction'],
};

export type Track = (typeof FINDING_TRACKS)[number];
/** The taxonomies of one track: its outcomes and its sanctions. */
export type Vocabulary = { outcome: string; sanction: string };
const EW: Partial<Record<Track, Vocabulary>> = {
  conduct: { outcome: 'ew_conduct_findings_2020', sanction: 'ew_conduct_sanctions_2020' },
  criminal: { outcome: 'ew_criminal_outcomes_v1', sanction: 'ew_criminal_sentences_v1' },
};
/**
 * Outcome and sanction taxonomies by the force's jurisdiction and the finding's track. British
 * Transport Police (great_britain) is disciplined under regulations that mirror England and
 * Wales'. Scotland and Northern Ireland have their own, which Custodiet has no taxonomy for yet:
 * findings there are refused rather than filed under the wrong law.
 */
export const OUTCOME_TAXONOMIES: Record<string, Partial<Record<Track, Vocabulary>>> = {
  england_wales: EW,
  great_britain: EW,
  united_states: { conduct: { outcome: 'us_conduct_findings_v1', sanction: 'us_conduct_sanctions_v1' } },
};

/** Taxonomies behind the coded fields (the rank taxonomy follows the force's jurisdiction). */
export const TAXONOMY: Record<
  Exclude<CodeSource, readonly string[] | 'rank' | 'outcome' | 'sanction'>,
  string
> = {
  status: 'publication_status_v1',
  iopc: 'iopc_complaint_categories_2020',
  standards: 'ew_standards_2020',
};

const PERSONAL =
  /address|home|house|street|postcode|post_code|zip|phone|mobile|email|e_mail|birth|dob|\bage\b|^age$|race|ethnic|gender|^sex$|religio|sexual|salary|pay|wage|family|spouse|partner|child|relative|vehicle|car_|registration|plate|social|twitter|facebook|instagram|tiktok|national_insurance|ssn|passport|health|medical|warrant|payroll|tax|photo|image|face/i;
const NAME = /name|first|last|surname|forename|initial|alias|real|identity/i;

/** Why a field that does not exist cannot be mapped (rule R10 for officers, R8–R9 for people). */
export function refusal(kind: FieldKind, field: string): string {
  const known = Object.keys(FIELDS[kind]).join(', ');
  if (kind === 'person' && NAME.test(field))
    return `people who are not officers are never named by an import (rules R8 and R9): map a pseudonym column to "pseudonym" (or none, and Custodiet writes one). Fields of a person: ${known}.`;
  if (PERSONAL.test(field))
    return `Custodiet never stores this: ${kind === 'officer' ? 'an officer is recorded by professional identity only (name as published, force, rank, unit, shoulder or badge number) — never home, family, contact details, vehicle, birth date, race, gender, health or pay (rule R10)' : 'personal details are not imported (rules R9, R10, R19)'}. Leave the column unmapped. Fields of ${kind === 'incident' || kind === 'allegation' ? 'an' : 'a'} ${kind}: ${known}.`;
  return `not a field of ${kind === 'incident' || kind === 'allegation' ? 'an' : 'a'} ${kind}. Its fields are: ${known}.`;
}
