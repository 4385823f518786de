import { z } from 'zod';
import { httpUrl, isoDate, line, text, uuid } from '../schema/common.ts';

export const sourceKind = z.enum([
  'news',
  'official_report',
  'court_judgment',
  'hearing_notice',
  'press_release',
  'dataset',
  'submission',
  'video',
]);

/** A source document: where a fact comes from. */
export const sourceInput = z
  .object({
    kind: sourceKind,
    url: httpUrl.optional(),
    publisher: line(200),
    title: line(500),
    publishedOn: isoDate.optional(),
    licence: line(200).optional(),
    notes: text(2000).optional(),
  })
  .strict()
  .refine((s) => s.url !== undefined || ['submission', 'dataset', 'video'].includes(s.kind), {
    message: 'is required for this kind of source',
    path: ['url'],
  });
export type SourceInput = z.input<typeof sourceInput>;

/** A snapshot row. Captured snapshots carry the hash of bytes already in the blob store. */
export const snapshotInput = z
  .object({
    sourceId: uuid,
    captureStatus: z.enum(['not_yet_captured', 'captured', 'failed', 'gone']),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    mediaType: line(200).optional(),
    byteSize: z.number().int().nonnegative().optional(),
    fetchedAt: z.date().optional(),
    finalUrl: httpUrl.optional(),
    httpStatus: z.number().int().min(100).max(599).optional(),
    extractedText: z.string().max(5_000_000).optional(),
  })
  .strict();
export type SnapshotInput = z.input<typeof snapshotInput>;

export const claimSubjectType = z.enum([
  'incident',
  'allegation',
  'finding',
  'sanction',
  'officer',
  'statement',
  'timeline_event',
]);
export type ClaimSubjectType = z.output<typeof claimSubjectType>;

/** How a claim bears on its fact. */
export const CLAIM_STANCES = ['supports', 'contradicts'] as const;

/** Longest passage accepted: enough to support a fact, short enough to stay fair dealing. */
export const MAX_PASSAGE_WORDS = 60;

/** Links one record (and optionally one field) to a source, with the passage that supports it. */
export const claimInput = z
  .object({
    subjectType: claimSubjectType,
    subjectId: uuid,
    field: z
      .string()
      .regex(/^[a-z_]+$/)
      .optional(),
    sourceId: uuid,
    snapshotId: uuid.optional(),
    quotedPassage: text(2000)
      .refine((p) => p.split(/\s+/).length <= MAX_PASSAGE_WORDS, `must be at most ${MAX_PASSAGE_WORDS} words`)
      .optional(),
    passageNote: text(1000).optional(),
    /** Whether the passage supports the fact or contradicts it (sources that disagree). */
    stance: z.enum(CLAIM_STANCES).default('supports'),
  })
  .strict()
  .refine((c) => c.quotedPassage !== undefined || c.passageNote !== undefined, {
    message: 'give the quoted passage, or a note saying why there is none',
    path: ['quotedPassage'],
  });
export type ClaimInput = z.input<typeof claimInput>;
