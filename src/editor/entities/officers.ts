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
import type { EntityDef, FieldDef } from '../entity.ts';
import { choices, forceOptions, officerOptions, taxonomyOptions, unitOptions } from '../options.ts';

export const validity: FieldDef[] = [
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
