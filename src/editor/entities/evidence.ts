import { saveClaim, saveSnapshot, saveSource } from '../../sources/service.ts';
import { claimInput, sourceInput, type ClaimInput, type SourceInput } from '../../sources/schema.ts';
import { statementInput, type StatementInput } from '../../statements/schema.ts';
import { saveStatement } from '../../statements/service.ts';
import { one } from '../../http/form.ts';
import { CLAIM_SUBJECTS } from '../../publication/corrections.ts';
import { clip, type EntityDef } from '../entity.ts';
import {
  choices,
  forceOptions,
  incidentOptions,
  officerOptions,
  snapshotOptions,
  sourceOptions,
} from '../options.ts';

/** Claim subject type (as the claim schema names it) → table. */
export const SUBJECT_TABLES: Record<string, string> = Object.fromEntries(
  Object.entries(CLAIM_SUBJECTS).map(([column, table]) => [column.replace(/_id$/, ''), table]),
);

export const sources: EntityDef = {
  type: 'sources',
  errorFields: { CUS_CONFLICT: 'url' },
  singular: 'source',
  plural: 'Sources',
  schema: sourceInput,
  save: (trx, actor, input, id) => saveSource(trx, actor, input as SourceInput, id),
  title: (r) => `${String(r.publisher)}: ${clip(r.title, 90)}`,
  // Every source gets a snapshot row at once, marked not yet captured until the capture job runs.
  afterCreate: async (trx, actor, id) => {
    await saveSnapshot(trx, actor, { sourceId: id, captureStatus: 'not_yet_captured' });
  },
  sections: [
    {
      fields: [
        {
          name: 'kind',
          column: 'kind',
          label: 'Kind of source',
          kind: 'select',
          required: true,
          options: choices([
            'news',
            'official_report',
            'court_judgment',
            'hearing_notice',
            'press_release',
            'dataset',
            'submission',
            'video',
          ]),
        },
        {
          name: 'url',
          column: 'url',
          label: 'Web address',
          kind: 'text',
          hint: 'http(s) address. Required except for submissions, datasets and videos.',
        },
        { name: 'publisher', column: 'publisher', label: 'Publisher', kind: 'text', required: true },
        { name: 'title', column: 'title', label: 'Title', kind: 'text', required: true },
        { name: 'publishedOn', column: 'published_on', label: 'Published on', kind: 'date' },
        { name: 'licence', column: 'licence', label: 'Licence', kind: 'text' },
        { name: 'notes', column: 'notes', label: 'Notes', kind: 'textarea' },
      ],
    },
  ],
  children: [{ type: 'claims', column: 'source_id', label: 'Claims citing this source', field: 'sourceId' }],
};

export const claims: EntityDef = {
  type: 'claims',
  defaults: { stance: 'supports' },
  errorFields: { CUS_CLAIM_INVALID: 'quotedPassage' },
  singular: 'claim',
  plural: 'Claims',
  schema: claimInput,
  save: (trx, actor, input, id) => saveClaim(trx, actor, input as ClaimInput, id),
  title: (r) => (r.quoted_passage ? `“${clip(r.quoted_passage, 80)}”` : `Note: ${clip(r.passage_note, 80)}`),
  parentOf: (v) => {
    const table = SUBJECT_TABLES[one(v, 'subjectType')];
    return table && one(v, 'subjectId') ? { table, id: one(v, 'subjectId') } : null;
  },
  adjustForm(values, row) {
    for (const [type, table] of Object.entries(SUBJECT_TABLES)) {
      const id = row[`${type}_id`];
      if (id && table) {
        values.subjectType = type;
        values.subjectId = String(id);
      }
    }
  },
  sections: [
    {
      legend: 'What the source supports',
      fields: [
        {
          name: 'subjectType',
          label: 'Kind of record',
          kind: 'select',
          required: true,
          options: choices(Object.keys(SUBJECT_TABLES)),
        },
        {
          name: 'subjectId',
          label: 'Record id',
          kind: 'text',
          required: true,
          hint: 'Filled in when you start from the record’s page.',
        },
        {
          name: 'field',
          column: 'field',
          label: 'Field',
          kind: 'text',
          hint: 'Optional: the one field this supports, e.g. published_name for an officer’s name.',
        },
      ],
    },
    {
      legend: 'Source and passage',
      fields: [
        {
          name: 'sourceId',
          column: 'source_id',
          label: 'Source',
          kind: 'select',
          required: true,
          options: sourceOptions,
        },
        {
          name: 'snapshotId',
          column: 'snapshot_id',
          label: 'Archived snapshot',
          kind: 'select',
          options: snapshotOptions,
          hint: 'When the snapshot has been captured, the passage must occur in its text.',
        },
        {
          name: 'quotedPassage',
          column: 'quoted_passage',
          label: 'Quoted passage',
          kind: 'textarea',
          hint: 'Verbatim from the source, at most 60 words.',
        },
        {
          name: 'passageNote',
          column: 'passage_note',
          label: 'Note',
          kind: 'textarea',
          hint: 'Why there is no passage, or context for it.',
        },
        {
          name: 'stance',
          column: 'stance',
          label: 'This source…',
          kind: 'select',
          // Not required: a form (or a script) that leaves it out means "supports".
          hint: 'Choose "contradicts" only when this source disputes what the others say.',
          options: [
            { value: 'supports', label: 'supports the fact' },
            { value: 'contradicts', label: 'contradicts it (sources disagree: both are shown, flagged)' },
          ],
        },
      ],
    },
  ],
};

export const statements: EntityDef = {
  type: 'statements',
  errorFields: { CUS_CONFLICT: 'slug' },
  singular: 'statement',
  plural: 'Statements',
  publishable: true,
  schema: statementInput,
  save: (trx, actor, input, id) => saveStatement(trx, actor, input as StatementInput, id),
  title: (r) => `${String(r.speaker_name)}, ${String(r.said_on)}`,
  sections: [
    {
      fields: [
        { name: 'speakerName', column: 'speaker_name', label: 'Speaker', kind: 'text', required: true },
        {
          name: 'speakerRole',
          column: 'speaker_role',
          label: 'Speaker’s role',
          kind: 'text',
          required: true,
        },
        {
          name: 'speakerOfficerId',
          column: 'speaker_officer_id',
          label: 'Speaker’s officer record',
          kind: 'select',
          options: officerOptions,
        },
        { name: 'slug', column: 'slug', label: 'Web address name (slug)', kind: 'text', required: true },
        { name: 'saidOn', column: 'said_on', label: 'Said on', kind: 'date', required: true },
        { name: 'forceId', column: 'force_id', label: 'Force', kind: 'select', options: forceOptions },
        {
          name: 'incidentId',
          column: 'incident_id',
          label: 'About the incident',
          kind: 'select',
          options: incidentOptions,
        },
        {
          name: 'summary',
          column: 'summary',
          label: 'Summary (our words)',
          kind: 'textarea',
          required: true,
        },
        {
          name: 'quote',
          column: 'quote',
          label: 'Quote',
          kind: 'textarea',
          hint: 'Verbatim from the source, or leave empty. Never reconstructed.',
        },
        {
          name: 'sourceId',
          column: 'source_id',
          label: 'Source',
          kind: 'select',
          required: true,
          options: sourceOptions,
        },
        {
          name: 'isPromise',
          column: 'is_promise',
          label: 'This is a promise (to be tracked)',
          kind: 'checkbox',
        },
        {
          name: 'promiseType',
          column: 'promise_type',
          label: 'Kind of promise',
          kind: 'select',
          options: choices([
            'root_out',
            'dismissals',
            'culture_change',
            'reform',
            'vetting',
            'transparency',
            'other',
          ]),
          hint: 'Only for a promise.',
        },
      ],
    },
  ],
};
