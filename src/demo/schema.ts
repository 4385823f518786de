import { z } from 'zod';
import { FINDING_FORUMS, FINDING_TRACKS } from '../allegations/schema.ts';

/**
 * The shape of the bundled demo dataset. Records refer to each other by short keys; the seeder
 * turns each key into a stable uuid so seeding twice updates rather than duplicates.
 */
const key = z.string().regex(/^[a-z0-9_]+$/, 'keys are lower_snake_case');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const precision = z.enum(['day', 'month', 'year', 'range', 'month_range', 'year_range', 'unknown']);

/** A fact's link to a source: a verbatim passage (≤ 30 words), or a note saying why there is none. */
export const demoClaim = z
  .object({
    source: key,
    field: z
      .string()
      .regex(/^[a-z_]+$/)
      .optional(),
    passage: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.passage !== undefined || c.note !== undefined, 'a claim needs a passage or a note');

const claims = z.array(demoClaim).min(1, 'every demo fact cites at least one source');

export const demoSource = z
  .object({
    key,
    kind: z.enum(['news', 'official_report', 'court_judgment', 'hearing_notice', 'press_release']),
    url: z.string().url(),
    publisher: z.string().min(1),
    title: z.string().min(1),
    publishedOn: isoDate.nullable(),
    notes: z.string().optional(),
  })
  .strict();

export const demoUnit = z
  .object({
    key,
    force: slug,
    slug,
    name: z.string().min(1),
    kind: z.enum(['bcu', 'station', 'team', 'specialist']),
    parent: key.optional(),
    description: z.string().optional(),
  })
  .strict();

export const demoOfficer = z
  .object({
    key,
    force: slug,
    slug,
    publishedName: z.string().min(1),
    roleType: z.enum([
      'police_officer',
      'special_constable',
      'pcso',
      'designated_detention_officer',
      'police_staff',
    ]),
    serviceStatus: z.enum([
      'serving',
      'suspended',
      'resigned',
      'retired',
      'dismissed',
      'transferred',
      'deceased',
      'unknown',
    ]),
    ranks: z.array(
      z
        .object({
          rank: key,
          detective: z.boolean().optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        })
        .strict(),
    ),
    postings: z.array(z.object({ unit: key, from: isoDate.optional(), to: isoDate.optional() }).strict()),
    identifiers: z.array(
      z
        .object({
          type: z.enum(['shoulder_number', 'warrant_number', 'cipher', 'badge_number']),
          identifier: z.string().min(1),
          force: slug.optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        })
        .strict(),
    ),
    /** Must include a claim with field 'published_name' quoting a source that names the officer. */
    claims,
  })
  .strict();

export const demoPerson = z
  .object({
    key,
    pseudonym: z.string().min(1),
    officialPseudonym: z.boolean().default(false),
    ageStatus: z.enum(['adult', 'minor', 'unknown']),
    vulnerable: z.boolean().default(false),
    sexualOffenceComplainant: z.boolean().default(false),
    deceased: z.boolean().default(false),
    publicName: z.string().min(1).optional(),
    publicNameBasis: z.string().min(1).optional(),
  })
  .strict();

const sanction = z
  .object({
    taxonomy: z.enum(['ew_conduct_sanctions_2020', 'ew_criminal_sentences_v1']),
    code: key,
    imposedOn: isoDate,
    detail: z.string().optional(),
    custodialTermDays: z.number().int().nonnegative().optional(),
    minimumTermDays: z.number().int().nonnegative().optional(),
    claims,
  })
  .strict();

const finding = z
  .object({
    key,
    track: z.enum(FINDING_TRACKS),
    forum: z.enum(FINDING_FORUMS),
    decidingBody: z.string().min(1),
    outcomeTaxonomy: z.enum([
      'ew_conduct_findings_2020',
      'ew_conduct_appeal_outcomes_2020',
      'ew_criminal_outcomes_v1',
    ]),
    outcome: key,
    decidedOn: isoDate,
    chairType: z
      .enum(['legally_qualified_chair', 'senior_officer', 'judge', 'magistrates', 'other'])
      .optional(),
    /** Key of an earlier finding (same allegation) that this one replaces, e.g. on appeal. */
    supersedes: key.optional(),
    summary: z.string().optional(),
    claims,
    sanctions: z.array(sanction).default([]),
  })
  .strict();

const allegation = z
  .object({
    key,
    officer: key.optional(),
    /** Description of an officer who is not named, e.g. "A sergeant based at Charing Cross". */
    unidentified: z.string().min(1).optional(),
    summary: z.string().min(1),
    standards: z.array(key),
    iopcCategory: key.optional(),
    status: key,
    conductFrom: isoDate.optional(),
    conductTo: isoDate.optional(),
    claims,
    findings: z.array(finding).default([]),
  })
  .strict()
  .refine(
    (a) => (a.officer === undefined) !== (a.unidentified === undefined),
    'officer or unidentified, not both',
  );

const datedEvent = z
  .object({
    on: isoDate,
    precision: precision.exclude(['unknown']),
    until: isoDate.optional(),
    title: z.string().min(1),
    description: z.string().optional(),
    processState: key.optional(),
    claims,
  })
  .strict();

export const demoIncident = z
  .object({
    key,
    slug,
    title: z.string().min(1),
    summary: z.string().min(1),
    occurred: z.object({ on: isoDate.nullable(), precision, until: isoDate.optional() }).strict(),
    place: z.string().optional(),
    force: slug,
    units: z.array(key),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/)),
    officers: z.array(
      z.object({ officer: key, role: z.enum(['subject', 'witness', 'supervisor']) }).strict(),
    ),
    people: z.array(
      z
        .object({ person: key, role: z.enum(['complainant', 'victim', 'witness', 'bystander', 'relative']) })
        .strict(),
    ),
    claims,
    events: z.array(datedEvent),
    allegations: z.array(allegation),
  })
  .strict();

export const demoStatement = z
  .object({
    key,
    slug,
    speakerName: z.string().min(1),
    speakerRole: z.string().min(1),
    force: slug.optional(),
    incident: key.optional(),
    saidOn: isoDate,
    summary: z.string().min(1),
    /** Verbatim from the retrieved source text, or null. Never reconstructed. */
    quote: z.string().min(1).nullable(),
    source: key,
    isPromise: z.boolean(),
    promiseType: z
      .enum(['root_out', 'dismissals', 'culture_change', 'reform', 'vetting', 'transparency', 'other'])
      .optional(),
  })
  .strict()
  .refine((s) => s.isPromise === (s.promiseType !== undefined), 'promiseType is set exactly when isPromise');

export const demoDataset = z
  .object({
    /** When the passages were retrieved; shown beside them. */
    retrievedOn: isoDate,
    sources: z.array(demoSource),
    units: z.array(demoUnit),
    officers: z.array(demoOfficer),
    people: z.array(demoPerson),
    incidents: z.array(demoIncident),
    statements: z.array(demoStatement),
  })
  .strict();

export type DemoDataset = z.input<typeof demoDataset>;
export type ParsedDemoDataset = z.output<typeof demoDataset>;
export type DemoClaim = z.output<typeof demoClaim>;
