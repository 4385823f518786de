import {
  ORDER_TYPES,
  restrictionInput,
  saveRestriction,
  type RestrictionInput,
} from '../../legal/restrictions.ts';
import type { EntityDef } from '../entity.ts';
import {
  allegationOptions,
  incidentOptions,
  officerOptions,
  personOptions,
  INCIDENT_FIELD,
} from '../options.ts';
import {
  ADDRESSEES,
  DEFAULT_REPLY_DAYS,
  METHODS,
  replyRequestInput,
  saveReplyRequest,
  type ReplyRequestInput,
} from '../../legal/replies.ts';
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
        INCIDENT_FIELD,
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

/** Right-of-reply requests on an allegation (rule R12); the reply is shown with it. */
export const replyRequests: EntityDef = {
  type: 'reply_requests',
  singular: 'reply request',
  plural: 'Reply requests',
  schema: replyRequestInput,
  defaults: { replyVerbatim: 'on' },
  save: (trx, actor, input, id) => saveReplyRequest(trx, actor, input as ReplyRequestInput, id),
  title: (r) =>
    `${ADDRESSEES[r.addressed_to as keyof typeof ADDRESSEES] ?? String(r.addressed_to)}, asked ${String(r.sent_on)}${
      r.reply_received_on ? ', replied' : `, deadline ${String(r.deadline)}`
    }`,
  sections: [
    {
      legend: 'The request',
      fields: [
        {
          name: 'allegationId',
          column: 'allegation_id',
          label: 'Allegation',
          kind: 'select',
          required: true,
          options: allegationOptions,
        },
        {
          name: 'addressedTo',
          column: 'addressed_to',
          label: 'Asked',
          kind: 'select',
          required: true,
          options: labelled(ADDRESSEES),
        },
        {
          name: 'method',
          column: 'method',
          label: 'How',
          kind: 'select',
          required: true,
          options: labelled(METHODS),
        },
        { name: 'sentOn', column: 'sent_on', label: 'Sent on', kind: 'date', required: true },
        {
          name: 'deadline',
          column: 'deadline',
          label: 'Deadline',
          kind: 'date',
          hint: `Leave empty for ${DEFAULT_REPLY_DAYS} days after sending. A shorter deadline needs a reason.`,
        },
        {
          name: 'shortDeadlineReason',
          column: 'short_deadline_reason',
          label: 'Why a shorter deadline',
          kind: 'textarea',
        },
      ],
    },
    {
      legend: 'The reply (shown with the allegation)',
      fields: [
        { name: 'replyReceivedOn', column: 'reply_received_on', label: 'Reply received on', kind: 'date' },
        { name: 'replyText', column: 'reply_text', label: 'Reply', kind: 'textarea' },
        {
          name: 'replyVerbatim',
          column: 'reply_verbatim',
          label: 'The reply above is verbatim',
          kind: 'checkbox',
        },
        { name: 'notes', column: 'notes', label: 'Internal notes (never public)', kind: 'textarea' },
      ],
    },
  ],
};
