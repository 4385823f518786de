import { formatPartialDate } from '../../http/format.ts';
import { one } from '../../http/form.ts';
import { incidentInput, timelineEventInput } from '../../incidents/schema.ts';
import type { IncidentInput, TimelineEventInput } from '../../incidents/schema.ts';
import { saveIncident, saveTimelineEvent } from '../../incidents/service.ts';
import type { EntityDef, FieldDef, SectionDef } from '../entity.ts';
import { choices, forceOptions, INCIDENT_FIELD, taxonomyOptions } from '../options.ts';

const PRECISIONS = ['day', 'month', 'year', 'range', 'month_range', 'year_range', 'unknown'] as const;

/** A date known to a day, month or year, or a range: three fields in one fieldset. */
export function partialDateSection(legend: string, prefix: string, column: string): SectionDef {
  return {
    legend,
    hint: 'Give the date only as precisely as the sources do. A month is entered as its first day (1 March 2021 for "March 2021"), a year as 1 January; a range also needs its end.',
    fields: [
      {
        name: `${prefix}.precision`,
        column: `${column}_precision`,
        label: 'Precision',
        kind: 'select',
        required: true,
        options: choices(PRECISIONS),
      },
      {
        name: `${prefix}.on`,
        column: `${column}_on`,
        label: 'Date (or start of the range)',
        kind: 'date',
        nullable: true,
      },
      { name: `${prefix}.until`, column: `${column}_until`, label: 'End of the range', kind: 'date' },
    ],
  };
}

const slugField: FieldDef = {
  name: 'slug',
  column: 'slug',
  label: 'Web address name (slug)',
  kind: 'text',
  required: true,
  hint: 'Lower-case words joined by hyphens, e.g. charing-cross-2025. Appears in the public address.',
};

export const incidents: EntityDef = {
  type: 'incidents',
  errorFields: { CUS_INVALID_DATE: 'occurred.on', CUS_CONFLICT: 'slug' },
  singular: 'incident',
  plural: 'Incidents',
  publishable: true,
  schema: incidentInput,
  save: (trx, actor, input, id) => saveIncident(trx, actor, input as IncidentInput, id),
  title: (r) => String(r.title),
  defaults: { 'occurred.precision': 'day' },
  sections: [
    {
      fields: [
        { name: 'title', column: 'title', label: 'Title', kind: 'text', required: true },
        slugField,
        {
          name: 'summary',
          column: 'summary',
          label: 'Summary',
          kind: 'textarea',
          required: true,
          hint: 'In our own words. Say "alleged" for anything not found proven.',
        },
      ],
    },
    partialDateSection('When it happened', 'occurred', 'occurred'),
    {
      fields: [
        {
          name: 'place',
          column: 'place',
          label: 'Place',
          kind: 'text',
          hint: 'A public place or area, never a home address (rule R10).',
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
          name: 'tags',
          column: 'tags',
          label: 'Tags',
          kind: 'text',
          split: true,
          hint: 'Short lower-case words separated by commas, e.g. strip-search, custody.',
        },
      ],
    },
  ],
  children: [
    { type: 'timeline_events', column: 'incident_id', label: 'Timeline', field: 'incidentId' },
    { type: 'allegations', column: 'incident_id', label: 'Allegations', field: 'incidentId' },
    {
      type: 'court_proceedings',
      column: 'incident_id',
      label: 'Court proceedings (R5 hold)',
      field: 'incidentId',
    },
  ],
};

export const timelineEvents: EntityDef = {
  type: 'timeline_events',
  errorFields: { CUS_INVALID_DATE: 'occurred.on', CUS_UNKNOWN_TAXONOMY_CODE: 'processState' },
  singular: 'timeline event',
  plural: 'Timeline events',
  schema: timelineEventInput,
  save: (trx, actor, input, id) => saveTimelineEvent(trx, actor, input as TimelineEventInput, id),
  title: (r) =>
    `${formatPartialDate(r.occurred_on as string, String(r.occurred_precision), r.occurred_until as string | null)}: ${String(r.title)}`,
  parentOf: (v) => (one(v, 'incidentId') ? { table: 'incidents', id: one(v, 'incidentId') } : null),
  defaults: { 'occurred.precision': 'day' },
  orderBy: 'occurred_on',
  sections: [
    {
      fields: [
        INCIDENT_FIELD,
        { name: 'title', column: 'title', label: 'What happened', kind: 'text', required: true },
        { name: 'description', column: 'description', label: 'Details', kind: 'textarea' },
        {
          name: 'processState',
          column: 'process_state',
          label: 'Step in the complaints process',
          kind: 'select',
          options: taxonomyOptions('ew_process_states_2020'),
        },
      ],
    },
    partialDateSection('When', 'occurred', 'occurred'),
  ],
};
