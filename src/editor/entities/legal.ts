import {
  ORDER_TYPES,
  restrictionInput,
  saveRestriction,
  type RestrictionInput,
} from '../../legal/restrictions.ts';
import type { EntityDef } from '../entity.ts';
import { incidentOptions, personOptions } from '../options.ts';

/** The reporting-restriction register (rule R6), edited like any other record. */
export const reportingRestrictions: EntityDef = {
  type: 'reporting_restrictions',
  singular: 'reporting restriction',
  plural: 'Reporting restrictions',
  schema: restrictionInput,
  save: (trx, actor, input, id) => saveRestriction(trx, actor, input as RestrictionInput, id),
  title: (r) =>
    `${String(r.case_reference)} (${ORDER_TYPES[r.order_type as keyof typeof ORDER_TYPES] ?? String(r.order_type)})`,
  sections: [
    {
      legend: 'The order',
      fields: [
        {
          name: 'orderType',
          column: 'order_type',
          label: 'Kind of order',
          kind: 'select',
          required: true,
          options: Object.entries(ORDER_TYPES).map(([value, label]) => ({ value, label })),
        },
        {
          name: 'caseReference',
          column: 'case_reference',
          label: 'Case reference',
          kind: 'text',
          required: true,
        },
        { name: 'court', column: 'court', label: 'Court or panel', kind: 'text' },
        { name: 'startsOn', column: 'starts_on', label: 'In force from', kind: 'date', required: true },
        {
          name: 'expiresOn',
          column: 'expires_on',
          label: 'Until',
          kind: 'date',
          hint: 'Leave empty for an order without an end date (lifelong anonymity, until lifted).',
        },
      ],
    },
    {
      legend: 'What it covers (at least one)',
      fields: [
        {
          name: 'scopeIncidentId',
          column: 'scope_incident_id',
          label: 'Incident',
          kind: 'select',
          options: incidentOptions,
        },
        {
          name: 'scopePersonId',
          column: 'scope_person_id',
          label: 'Protected person',
          kind: 'select',
          options: personOptions,
        },
        {
          name: 'scopeTerms',
          column: 'scope_terms',
          label: 'Terms that must not appear',
          kind: 'textarea',
          hint: 'One per line: names, places, schools — anything the order forbids publishing. Matched in every public text.',
        },
        { name: 'notes', column: 'notes', label: 'Notes', kind: 'textarea' },
      ],
    },
  ],
};
