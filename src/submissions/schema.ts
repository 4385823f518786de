import { z } from 'zod';
import { isoDate, line, text } from '../schema/common.ts';

/** Files per message, and bytes per message in all. */
export const MAX_FILES = 5;
export const MAX_SUBMISSION_BYTES = 30 * 1024 * 1024;

const optionalLine = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), line(max).optional());
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional());
const optionalText = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), text(max).optional());

/** What anyone may tell us: the public form. */
export const reportFields = {
  whatHappened: text(20_000).refine((s) => s.length >= 20, 'say a little more (at least 20 characters)'),
  occurredOn: optionalDate,
  when: optionalLine(200),
  place: optionalLine(300),
  forceId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('choose a force from the list').optional()),
  shoulderNumbers: optionalLine(300),
  officers: optionalText(3000),
};

/** One later event an insider suffered after speaking up. */
export const retaliationEvent = z.object({ on: isoDate, what: line(500) }).strict();
export type RetaliationEvent = z.output<typeof retaliationEvent>;

export const INSIDER_ROLES = {
  officer: 'Police officer',
  special: 'Special constable',
  pcso: 'PCSO',
  staff: 'Police staff',
  former: 'Former officer or staff',
} as const;

/** Police officers and staff reporting from inside (Standard 10: challenging and reporting). */
export const insiderFields = {
  ...reportFields,
  insiderRole: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(Object.keys(INSIDER_ROLES) as [keyof typeof INSIDER_ROLES]).optional(),
  ),
  challenged: text(10_000).refine((s) => s.length >= 10, 'say what you challenged or reported'),
  reportedTo: line(300),
  reportedOn: optionalDate,
  retaliation: z.array(retaliationEvent).max(10).default([]),
};

export const publicReport = z.object(reportFields).strict();
export const insiderReport = z.object(insiderFields).strict();
export type PublicReport = z.output<typeof publicReport>;
export type InsiderReport = z.output<typeof insiderReport>;
export type Report = PublicReport & Partial<Omit<InsiderReport, keyof PublicReport>>;

/** A follow-up through the codename inbox. */
export const followUp = z
  .object({
    text: text(20_000),
    retaliation: z.array(retaliationEvent).max(10).default([]),
  })
  .strict();
export type FollowUp = z.output<typeof followUp>;

/** A file as received, before cleaning and sealing. */
export interface IncomingAttachment {
  bytes: Uint8Array;
  filename: string;
  declaredType: string;
}

/** What the sealed manifest says about one attachment (readable only by moderators). */
export interface SealedAttachmentInfo {
  /** SHA-256 of the sealed blob: where it is stored, and how moderators ask for it. */
  blob: string;
  filename: string;
  mediaType: string;
  size: number;
  /** SHA-256 of the file as sent (what the receipt holds; `sha256sum` on the sender's copy). */
  sentSha256: string;
  removed: string[];
}

/** The decrypted body of a submission. */
export interface SubmissionContent {
  v: 1;
  kind: 'public' | 'insider';
  report: Report;
  attachments: SealedAttachmentInfo[];
}

/** The decrypted body of a message. */
export interface MessageContent {
  v: 1;
  text: string;
  retaliation: RetaliationEvent[];
  attachments: SealedAttachmentInfo[];
}
