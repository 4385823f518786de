import {
  ORDER_TYPES,
  restrictionInput,
  saveRestriction,
  type RestrictionInput,
} from '../../legal/restrictions.ts';
import type { EntityDef } from '../entity.ts';
import { incidentOptions, officerOptions, personOptions } from '../options.ts';
import {
  ENDED_BY,
  PLEAS,
  proceedingsInput,
  saveProceedings,
  STARTED_BY,
  type ProceedingsInput,
} from '../../legal/proceedings.ts';

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

const labelled = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** Criminal proceedings on an incident (rule R5): while active, only the court report is public. */
export const courtProceedings: EntityDef = {
  type: 'court_proceedings',
  singular: 'court proceedings record',
  plural: 'Court proceedings',
  schema: proceedingsInput,
  save: (trx, actor, input, id) => saveProceedings(trx, actor, input as ProceedingsInput, id),
  title: (r) =>
    `${STARTED_BY[r.started_by as keyof typeof STARTED_BY] ?? String(r.started_by)} ${String(r.started_on)}${
      r.ended_by ? ` (ended ${String(r.ended_on)})` : ' (active)'
    }`,
  sections: [
    {
      legend: 'The proceedings',
      fields: [
        {
          name: 'incidentId',
          column: 'incident_id',
          label: 'Incident',
          kind: 'select',
          required: true,
          options: incidentOptions,
        },
        {
          name: 'officerId',
          column: 'officer_id',
          label: 'Defendant (an officer)',
          kind: 'select',
          options: officerOptions,
          hint: 'Only an officer; other defendants are never named here.',
        },
        {
          name: 'startedBy',
          column: 'started_by',
          label: 'Began with',
          kind: 'select',
          required: true,
          options: labelled(STARTED_BY),
        },
        { name: 'startedOn', column: 'started_on', label: 'On', kind: 'date', required: true },
      ],
    },
    {
      legend: 'Court report (the only public fields while proceedings are active)',
      fields: [
        { name: 'court', column: 'court', label: 'Court', kind: 'text' },
        { name: 'charge', column: 'charge', label: 'Charge(s), as worded by the court', kind: 'textarea' },
        { name: 'nextHearingOn', column: 'next_hearing_on', label: 'Next hearing', kind: 'date' },
        { name: 'plea', column: 'plea', label: 'Plea', kind: 'select', options: labelled(PLEAS) },
        { name: 'outcome', column: 'outcome', label: 'Outcome so far, as stated in court', kind: 'textarea' },
      ],
    },
    {
      legend: 'End of the proceedings (lifts the hold; needs an editor)',
      fields: [
        {
          name: 'endedBy',
          column: 'ended_by',
          label: 'Ended by',
          kind: 'select',
          options: labelled(ENDED_BY),
        },
        { name: 'endedOn', column: 'ended_on', label: 'Ended on', kind: 'date' },
        { name: 'notes', column: 'notes', label: 'Internal notes (never public)', kind: 'textarea' },
      ],
    },
  ],
};
