import { one } from '../../http/form.ts';
import {
  officerIdentifierInput,
  officerInput,
  officerPostingInput,
  officerRankInput,
  type OfficerIdentifierInput,
  type OfficerInput,
  type OfficerPostingInput,
  type OfficerRankInput,
} from '../../officers/schema.ts';
import {
  saveOfficer,
  saveOfficerIdentifier,
  saveOfficerPosting,
  saveOfficerRank,
} from '../../officers/service.ts';
import { personInput, type PersonInput } from '../../people/schema.ts';
import { savePerson } from '../../people/service.ts';
import { unitInput, type UnitInput } from '../../units/schema.ts';
import { saveUnit } from '../../units/service.ts';
import type { EntityDef, FieldDef } from '../entity.ts';
import { choices, forceOptions, officerOptions, taxonomyOptions, unitOptions } from '../options.ts';

const validity: FieldDef[] = [
  { name: 'validFrom', column: 'valid_from', label: 'From', kind: 'date' },
  { name: 'validTo', column: 'valid_to', label: 'Until', kind: 'date' },
];
const officerField: FieldDef = {
  name: 'officerId',
  column: 'officer_id',
  label: 'Officer',
  kind: 'select',
  required: true,
  options: officerOptions,
};
const ofOfficer = (v: Parameters<NonNullable<EntityDef['parentOf']>>[0]) =>
  one(v, 'officerId') ? { table: 'officers', id: one(v, 'officerId') } : null;

export const officers: EntityDef = {
  type: 'officers',
  errorFields: { CUS_CONFLICT: 'slug' },
  singular: 'officer',
  plural: 'Officers',
  publishable: true,
  schema: officerInput,
  save: (trx, actor, input, id) => saveOfficer(trx, actor, input as OfficerInput, id),
  title: (r) => String(r.published_name ?? `Officer not named (${String(r.slug)})`),
  defaults: { roleType: 'police_officer', serviceStatus: 'unknown' },
  sections: [
    {
      hint: 'Professional identity only: never home address, family, personal contacts or private accounts (rule R10).',
      fields: [
        {
          name: 'publishedName',
          column: 'published_name',
          label: 'Name as officially published',
          kind: 'text',
          hint: 'Leave empty while the officer is known only by number or cipher. Publishing a name needs a quoted source on the field published_name.',
        },
        {
          name: 'slug',
          column: 'slug',
          label: 'Web address name (slug)',
          kind: 'text',
          required: true,
          hint: 'Lower-case words joined by hyphens.',
        },
        {
          name: 'forceId',
          column: 'force_id',
          label: 'Police force',
          kind: 'select',
          required: true,
          options: forceOptions,
        },
        {
          name: 'roleType',
          column: 'role_type',
          label: 'Role type',
          kind: 'select',
          required: true,
          options: choices([
            'police_officer',
            'special_constable',
            'pcso',
            'designated_detention_officer',
            'police_staff',
          ]),
        },
        {
          name: 'serviceStatus',
          column: 'service_status',
          label: 'Service status',
          kind: 'select',
          required: true,
          options: choices([
            'serving',
            'suspended',
            'resigned',
            'retired',
            'dismissed',
            'transferred',
            'deceased',
            'unknown',
          ]),
        },
      ],
    },
  ],
  children: [
    { type: 'officer_ranks', column: 'officer_id', label: 'Ranks', field: 'officerId' },
    { type: 'officer_postings', column: 'officer_id', label: 'Postings', field: 'officerId' },
    { type: 'officer_identifiers', column: 'officer_id', label: 'Identifiers', field: 'officerId' },
  ],
};

export const officerRanks: EntityDef = {
  type: 'officer_ranks',
  errorFields: { CUS_UNKNOWN_TAXONOMY_CODE: 'rankCode' },
  singular: 'rank',
  plural: 'Officer ranks',
  schema: officerRankInput,
  save: (trx, actor, input, id) => saveOfficerRank(trx, actor, input as OfficerRankInput, id),
  title: (r) => `${r.detective ? 'Detective ' : ''}${String(r.rank_code).replace(/_/g, ' ')}`,
  parentOf: ofOfficer,
  orderBy: 'valid_from',
  sections: [
    {
      fields: [
        officerField,
        {
          name: 'rankCode',
          column: 'rank_code',
          label: 'Rank',
          kind: 'select',
          required: true,
          options: taxonomyOptions('ew_ranks_2025'),
        },
        {
          name: 'detective',
          column: 'detective',
          label: 'Detective (a prefix, not a rank)',
          kind: 'checkbox',
        },
        ...validity,
      ],
    },
  ],
};

export const officerPostings: EntityDef = {
  type: 'officer_postings',
  singular: 'posting',
  plural: 'Officer postings',
  schema: officerPostingInput,
  save: (trx, actor, input, id) => saveOfficerPosting(trx, actor, input as OfficerPostingInput, id),
  title: (r) => `Posting from ${String(r.valid_from ?? 'unknown date')}`,
  parentOf: ofOfficer,
  orderBy: 'valid_from',
  sections: [
    {
      fields: [
        officerField,
        {
          name: 'unitId',
          column: 'unit_id',
          label: 'Unit',
          kind: 'select',
          required: true,
          options: unitOptions,
        },
        ...validity,
      ],
    },
  ],
};

export const officerIdentifiers: EntityDef = {
  type: 'officer_identifiers',
  errorFields: { CUS_IDENTIFIER_OVERLAP: 'identifier' },
  singular: 'identifier',
  plural: 'Officer identifiers',
  schema: officerIdentifierInput,
  save: (trx, actor, input, id) => saveOfficerIdentifier(trx, actor, input as OfficerIdentifierInput, id),
  title: (r) => `${String(r.identifier_type).replace(/_/g, ' ')} ${String(r.identifier)}`,
  parentOf: ofOfficer,
  orderBy: 'valid_from',
  sections: [
    {
      hint: 'A number identifies an officer only together with its force, type and dates (rule R11).',
      fields: [
        officerField,
        {
          name: 'forceId',
          column: 'force_id',
          label: 'Issuing force',
          kind: 'select',
          required: true,
          options: forceOptions,
        },
        {
          name: 'identifierType',
          column: 'identifier_type',
          label: 'Type',
          kind: 'select',
          required: true,
          options: choices([
            'shoulder_number',
            'warrant_number',
            'cipher',
            'badge_number',
            'payroll_number',
            'external_id',
          ]),
        },
        { name: 'identifier', column: 'identifier', label: 'Identifier', kind: 'text', required: true },
        ...validity,
      ],
    },
  ],
};

export const people: EntityDef = {
  type: 'people',
  errorFields: {
    CUS_MINOR_NAMED: 'publicName',
    CUS_PROTECTED_IDENTITY: 'publicName',
    CUS_SEXUAL_OFFENCE_ANONYMITY: 'publicName',
  },
  singular: 'person',
  plural: 'People',
  schema: personInput,
  save: (trx, actor, input, id) => savePerson(trx, actor, input as PersonInput, id),
  title: (r) => String(r.pseudonym),
  defaults: { ageStatus: 'unknown', protectedIdentity: 'on' },
  sections: [
    {
      hint: 'Complainants, victims and witnesses are known by a pseudonym (rule R9). Their real identity is never entered here.',
      fields: [
        { name: 'pseudonym', column: 'pseudonym', label: 'Pseudonym', kind: 'text', required: true },
        {
          name: 'officialPseudonym',
          column: 'official_pseudonym',
          label: 'This is an official pseudonym (e.g. "Child Q") and must be kept exactly',
          kind: 'checkbox',
        },
        {
          name: 'ageStatus',
          column: 'age_status',
          label: 'Age at the time',
          kind: 'select',
          required: true,
          options: choices(['adult', 'minor', 'unknown']),
          hint: 'Unknown is treated as a child: never named, two-person approval (rule R8).',
        },
      ],
    },
    {
      legend: 'Protections',
      fields: [
        {
          name: 'protectedIdentity',
          column: 'protected_identity',
          label: 'Protected identity (never named)',
          kind: 'checkbox',
        },
        { name: 'vulnerable', column: 'vulnerable', label: 'Vulnerable', kind: 'checkbox' },
        {
          name: 'sexualOffenceComplainant',
          column: 'sexual_offence_complainant',
          label: 'Sexual-offence complainant (lifelong anonymity)',
          kind: 'checkbox',
        },
        {
          name: 'sexualOffenceWaiver',
          column: 'sexual_offence_waiver',
          label: 'Has waived anonymity in writing',
          kind: 'checkbox',
        },
        { name: 'deceased', column: 'deceased', label: 'Deceased', kind: 'checkbox' },
      ],
    },
    {
      legend: 'Public name',
      hint: 'Only for an adult whose name is already public (used by the family and the courts). Refused for children, people of unknown age, protected identities and sexual-offence complainants without a waiver.',
      fields: [
        { name: 'publicName', column: 'public_name', label: 'Public name', kind: 'text' },
        { name: 'publicNameBasis', column: 'public_name_basis', label: 'Basis for naming', kind: 'textarea' },
      ],
    },
  ],
};

export const units: EntityDef = {
  type: 'units',
  errorFields: { CUS_CONFLICT: 'slug' },
  singular: 'unit',
  plural: 'Units',
  schema: unitInput,
  save: (trx, actor, input, id) => saveUnit(trx, actor, input as UnitInput, id),
  title: (r) => `${String(r.name)} (${String(r.kind)})`,
  sections: [
    {
      fields: [
        { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'slug', column: 'slug', label: 'Web address name (slug)', kind: 'text', required: true },
        {
          name: 'forceId',
          column: 'force_id',
          label: 'Police force',
          kind: 'select',
          required: true,
          options: forceOptions,
        },
        {
          name: 'kind',
          column: 'kind',
          label: 'Kind',
          kind: 'select',
          required: true,
          options: choices(['bcu', 'station', 'team', 'specialist']),
        },
        {
          name: 'parentUnitId',
          column: 'parent_unit_id',
          label: 'Part of',
          kind: 'select',
          options: unitOptions,
        },
        { name: 'code', column: 'code', label: 'Code', kind: 'text', hint: 'e.g. CW for Central West.' },
        { name: 'description', column: 'description', label: 'Description', kind: 'textarea' },
        ...validity,
      ],
    },
  ],
};
