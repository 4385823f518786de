import { personInput, type PersonInput } from '../../people/schema.ts';
import { savePerson } from '../../people/service.ts';
import { unitInput, type UnitInput } from '../../units/schema.ts';
import { saveUnit } from '../../units/service.ts';
import type { EntityDef } from '../entity.ts';
import { choices, forceOptions, unitOptions } from '../options.ts';
import { validity } from './officers.ts';

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
