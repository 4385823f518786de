import {
  allegationInput,
  FINDING_FORUMS,
  FINDING_TRACKS,
  findingInput,
  sanctionInput,
} from '../../allegations/schema.ts';
import type { AllegationInput, FindingInput, SanctionInput } from '../../allegations/schema.ts';
import { saveAllegation, saveFinding, saveSanction } from '../../allegations/service.ts';
import { one } from '../../http/form.ts';
import { clip, type EntityDef } from '../entity.ts';
import {
  allegationOptions,
  choices,
  findingOptions,
  officerOptions,
  taxonomyKindOptions,
  taxonomyOptions,
  INCIDENT_FIELD,
} from '../options.ts';

/** Splits a combined `taxonomy:code` select back into the two input fields. */
function splitPair(input: Record<string, unknown>, value: string, taxonomyKey: string, codeKey: string) {
  const [taxonomy, code] = value.includes(':') ? value.split(':', 2) : ['', ''];
  input[taxonomyKey] = taxonomy === '' ? '' : taxonomy;
  input[codeKey] = code === '' ? '' : code;
}

export const allegations: EntityDef = {
  type: 'allegations',
  errorFields: {
    CUS_UNKNOWN_STATUS_LABEL: 'status',
    CUS_ALLEGATION_NEEDS_INCIDENT: 'incidentId',
    CUS_ALLEGATION_NEEDS_OFFICER: 'officerId',
    CUS_UNKNOWN_TAXONOMY_CODE: 'iopcCategory',
  },
  singular: 'allegation',
  plural: 'Allegations',
  publishable: true,
  schema: allegationInput,
  save: (trx, actor, input, id) => saveAllegation(trx, actor, input as AllegationInput, id),
  title: (r) => clip(r.summary, 90),
  parentOf: (v) => (one(v, 'incidentId') ? { table: 'incidents', id: one(v, 'incidentId') } : null),
  async adjustForm(values, row, db) {
    const rows = await db
      .selectFrom('allegation_standards')
      .select('standard_code')
      .where('allegation_id', '=', String(row.id))
      .execute();
    values.standards = rows.map((r) => r.standard_code);
  },
  sections: [
    {
      fields: [
        INCIDENT_FIELD,
        {
          name: 'summary',
          column: 'summary',
          label: 'What is alleged',
          kind: 'textarea',
          required: true,
          hint: 'An allegation is not a finding: write "is alleged to have…".',
        },
        {
          name: 'status',
          column: 'status_code',
          label: 'Status label',
          kind: 'select',
          required: true,
          options: taxonomyOptions('publication_status_v1'),
          hint: 'Shown beside the officer wherever they are named (rule R1).',
        },
      ],
    },
    {
      legend: 'Who',
      hint: 'Choose a named officer, or describe one who is not named — not both.',
      fields: [
        {
          name: 'officerId',
          column: 'officer_id',
          label: 'Named officer',
          kind: 'select',
          options: officerOptions,
          blank: '— not named —',
        },
        {
          name: 'unidentifiedOfficer',
          column: 'unidentified_officer',
          label: 'Description of an officer not named',
          kind: 'text',
          hint: 'e.g. "A Met sergeant (not named: active proceedings)".',
        },
      ],
    },
    {
      fields: [
        {
          name: 'standards',
          label: 'Standards of Professional Behaviour concerned',
          kind: 'checkboxes',
          options: taxonomyOptions('ew_standards_2020'),
        },
        {
          name: 'iopcCategory',
          column: 'iopc_code',
          label: 'IOPC complaint category',
          kind: 'select',
          options: taxonomyOptions('iopc_complaint_categories_2020'),
        },
        { name: 'conductFrom', column: 'conduct_from', label: 'Conduct from', kind: 'date' },
        { name: 'conductTo', column: 'conduct_to', label: 'Conduct until', kind: 'date' },
        { name: 'reportedOn', column: 'reported_on', label: 'Reported on', kind: 'date' },
      ],
    },
  ],
  children: [
    { type: 'findings', column: 'allegation_id', label: 'Findings', field: 'allegationId' },
    { type: 'reply_requests', column: 'allegation_id', label: 'Right of reply (R12)', field: 'allegationId' },
  ],
};

export const findings: EntityDef = {
  type: 'findings',
  errorFields: { CUS_UNKNOWN_TAXONOMY_CODE: 'outcome', CUS_FINDING_NEEDS_ALLEGATION: 'allegationId' },
  singular: 'finding',
  plural: 'Findings',
  schema: findingInput,
  save: (trx, actor, input, id) => saveFinding(trx, actor, input as FindingInput, id),
  title: (r) => `${String(r.outcome_code).replace(/_/g, ' ')} · ${String(r.decided_on)}`,
  parentOf: (v) => (one(v, 'allegationId') ? { table: 'allegations', id: one(v, 'allegationId') } : null),
  aliases: { outcomeTaxonomy: 'outcome', outcome_code: 'outcome', outcome_taxonomy: 'outcome' },
  adjustInput: (input, v) => splitPair(input, one(v, 'outcome'), 'outcomeTaxonomy', 'outcome'),
  adjustForm(values, row) {
    values.outcome = `${String(row.outcome_taxonomy)}:${String(row.outcome_code)}`;
  },
  sections: [
    {
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
          name: 'track',
          column: 'track',
          label: 'Track',
          kind: 'select',
          required: true,
          options: choices([...FINDING_TRACKS]),
        },
        {
          name: 'forum',
          column: 'forum',
          label: 'Forum',
          kind: 'select',
          required: true,
          options: choices([...FINDING_FORUMS]),
        },
        {
          name: 'decidingBody',
          column: 'deciding_body',
          label: 'Deciding body',
          kind: 'text',
          required: true,
        },
        {
          name: 'outcome',
          label: 'Outcome',
          kind: 'select',
          required: true,
          options: taxonomyKindOptions('finding_outcome'),
          hint: 'Conduct outcomes go with the conduct track, court outcomes with the criminal track.',
        },
        { name: 'decidedOn', column: 'decided_on', label: 'Decided on', kind: 'date', required: true },
        {
          name: 'chairType',
          column: 'chair_type',
          label: 'Chaired by',
          kind: 'select',
          options: choices(['legally_qualified_chair', 'senior_officer', 'judge', 'magistrates', 'other']),
        },
        { name: 'legalTestVersion', column: 'legal_test_version', label: 'Legal test applied', kind: 'text' },
        {
          name: 'supersedesFindingId',
          column: 'supersedes_finding_id',
          label: 'Supersedes an earlier finding (appeal)',
          kind: 'select',
          options: findingOptions,
        },
        { name: 'summary', column: 'summary', label: 'Summary', kind: 'textarea' },
      ],
    },
  ],
  children: [{ type: 'sanctions', column: 'finding_id', label: 'Sanctions', field: 'findingId' }],
};

export const sanctions: EntityDef = {
  type: 'sanctions',
  errorFields: { CUS_UNKNOWN_TAXONOMY_CODE: 'sanction', CUS_SANCTION_NEEDS_FINDING: 'findingId' },
  singular: 'sanction',
  plural: 'Sanctions',
  schema: sanctionInput,
  save: (trx, actor, input, id) => saveSanction(trx, actor, input as SanctionInput, id),
  title: (r) => `${String(r.sanction_code).replace(/_/g, ' ')} · ${String(r.imposed_on)}`,
  parentOf: (v) => (one(v, 'findingId') ? { table: 'findings', id: one(v, 'findingId') } : null),
  aliases: { sanctionTaxonomy: 'sanction', sanction_code: 'sanction', sanction_taxonomy: 'sanction' },
  adjustInput: (input, v) => splitPair(input, one(v, 'sanction'), 'sanctionTaxonomy', 'sanction'),
  adjustForm(values, row) {
    values.sanction = `${String(row.sanction_taxonomy)}:${String(row.sanction_code)}`;
  },
  sections: [
    {
      fields: [
        {
          name: 'findingId',
          column: 'finding_id',
          label: 'Finding',
          kind: 'select',
          required: true,
          options: findingOptions,
        },
        {
          name: 'sanction',
          label: 'Sanction or sentence',
          kind: 'select',
          required: true,
          options: taxonomyKindOptions('sanction'),
        },
        { name: 'imposedOn', column: 'imposed_on', label: 'Imposed on', kind: 'date', required: true },
        { name: 'detail', column: 'detail', label: 'Detail', kind: 'textarea' },
        {
          name: 'custodialTermDays',
          column: 'custodial_term_days',
          label: 'Custodial term (days)',
          kind: 'number',
          hint: 'Needed to work out when a conviction is spent (rule R20).',
        },
        {
          name: 'minimumTermDays',
          column: 'minimum_term_days',
          label: 'Minimum term (days)',
          kind: 'number',
        },
      ],
    },
  ],
};
