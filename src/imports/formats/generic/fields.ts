/**
 * What a generic CSV mapping may write: the fields of each kind of record, their types and, for
 * coded fields, where their codes come from. Anything else is refused by name — with the rule
 * that forbids it when it is personal (an officer's home address, a complainant's name).
 */

export const KINDS = ['incident', 'officer', 'allegation', 'person'] as const;
export type Kind = (typeof KINDS)[number];

/** Coded fields take codes of a taxonomy (checked against the database) or of a fixed list. */
export type CodeSource = 'status' | 'iopc' | 'standards' | 'rank' | readonly string[];

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
export const FIELDS: Record<Kind, Record<string, FieldDef>> = {
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
};

/** Taxonomies behind the coded fields (the rank taxonomy follows the force's jurisdiction). */
export const TAXONOMY: Record<Exclude<CodeSource, readonly string[] | 'rank'>, string> = {
  status: 'publication_status_v1',
  iopc: 'iopc_complaint_categories_2020',
  standards: 'ew_standards_2020',
};

const PERSONAL =
  /address|home|house|street|postcode|post_code|zip|phone|mobile|email|e_mail|birth|dob|\bage\b|^age$|race|ethnic|gender|^sex$|religio|sexual|salary|pay|wage|family|spouse|partner|child|relative|vehicle|car_|registration|plate|social|twitter|facebook|instagram|tiktok|national_insurance|ssn|passport|health|medical|warrant|payroll|tax|photo|image|face/i;
const NAME = /name|first|last|surname|forename|initial|alias|real|identity/i;

/** Why a field that does not exist cannot be mapped (rule R10 for officers, R8–R9 for people). */
export function refusal(kind: Kind, field: string): string {
  const known = Object.keys(FIELDS[kind]).join(', ');
  if (kind === 'person' && NAME.test(field))
    return `people who are not officers are never named by an import (rules R8 and R9): map a pseudonym column to "pseudonym" (or none, and Custodiet writes one). Fields of a person: ${known}.`;
  if (PERSONAL.test(field))
    return `Custodiet never stores this: ${kind === 'officer' ? 'an officer is recorded by professional identity only (name as published, force, rank, unit, shoulder or badge number) — never home, family, contact details, vehicle, birth date, race, gender, health or pay (rule R10)' : 'personal details are not imported (rules R9, R10, R19)'}. Leave the column unmapped. Fields of ${kind === 'incident' || kind === 'allegation' ? 'an' : 'a'} ${kind}: ${known}.`;
  return `not a field of ${kind === 'incident' || kind === 'allegation' ? 'an' : 'a'} ${kind}. Its fields are: ${known}.`;
}
