import { AppError, ERROR_CATALOGUE, type ErrorCode } from '../errors/catalogue.ts';

/** The fields node-postgres (and PGlite) put on a server error. */
interface PgErrorLike {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  message?: string;
}

// Named constraints → stable error codes. Anything not listed still maps by SQLSTATE below.
const BY_CONSTRAINT: Record<string, ErrorCode> = {
  allegations_incident_fk: 'CUS_ALLEGATION_NEEDS_INCIDENT',
  allegations_one_officer: 'CUS_ALLEGATION_NEEDS_OFFICER',
  allegations_status_fk: 'CUS_UNKNOWN_STATUS_LABEL',
  allegations_iopc_fk: 'CUS_UNKNOWN_TAXONOMY_CODE',
  allegation_standards_fk: 'CUS_UNKNOWN_TAXONOMY_CODE',
  findings_allegation_fk: 'CUS_FINDING_NEEDS_ALLEGATION',
  findings_outcome_fk: 'CUS_UNKNOWN_TAXONOMY_CODE',
  findings_track_taxonomy: 'CUS_UNKNOWN_TAXONOMY_CODE',
  sanctions_finding_fk: 'CUS_SANCTION_NEEDS_FINDING',
  sanctions_code_fk: 'CUS_UNKNOWN_TAXONOMY_CODE',
  officer_ranks_rank_fk: 'CUS_UNKNOWN_TAXONOMY_CODE',
  timeline_events_process_fk: 'CUS_UNKNOWN_TAXONOMY_CODE',
  officer_identifiers_no_overlap: 'CUS_IDENTIFIER_OVERLAP',
  incidents_occurred_date: 'CUS_INVALID_DATE',
  timeline_events_date: 'CUS_INVALID_DATE',
  people_minor_never_named: 'CUS_MINOR_NAMED',
  people_protected_never_named: 'CUS_PROTECTED_IDENTITY',
  people_sexual_offence_anonymity: 'CUS_SEXUAL_OFFENCE_ANONYMITY',
  claims_one_subject: 'CUS_CLAIM_INVALID',
  claims_passage_or_note: 'CUS_CLAIM_INVALID',
  claims_snapshot_of_source: 'CUS_CLAIM_INVALID',
  officers_merged_not_published: 'CUS_MERGED_RECORD',
  incidents_merged_not_published: 'CUS_MERGED_RECORD',
};

// A missing required parent shows up as NOT NULL on the column rather than as a foreign key.
const BY_NOT_NULL: Record<string, ErrorCode> = {
  'allegations.incident_id': 'CUS_ALLEGATION_NEEDS_INCIDENT',
  'allegations.status_code': 'CUS_UNKNOWN_STATUS_LABEL',
  'findings.allegation_id': 'CUS_FINDING_NEEDS_ALLEGATION',
  'sanctions.finding_id': 'CUS_SANCTION_NEEDS_FINDING',
};

const BY_SQLSTATE: Record<string, ErrorCode> = {
  '23505': 'CUS_CONFLICT',
  '23P01': 'CUS_CONFLICT',
  '23503': 'CUS_REFERENCE_MISSING',
  '23502': 'CUS_VALIDATION',
  '23514': 'CUS_CONSTRAINT',
  '22P02': 'CUS_VALIDATION', // invalid text representation (e.g. a malformed uuid)
  '22007': 'CUS_VALIDATION', // invalid datetime format
  '22008': 'CUS_VALIDATION', // datetime field overflow
  '22001': 'CUS_VALIDATION', // value too long
  '22021': 'CUS_VALIDATION', // invalid byte sequence (e.g. NUL)
  '42501': 'CUS_AUDIT_APPEND_ONLY',
};

/**
 * Turns a database error into an AppError with a stable code, or returns null when the error
 * is not the user's doing (connection loss, a bug) and should surface as a 500.
 */
export function translateDbError(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as PgErrorLike;
  if (!e.code || !/^(23|22|42501)/.test(e.code)) return null;
  const code =
    (e.constraint && BY_CONSTRAINT[e.constraint]) ||
    (e.code === '23502' && BY_NOT_NULL[`${e.table}.${e.column}`]) ||
    BY_SQLSTATE[e.code] ||
    'CUS_CONSTRAINT';
  const where = e.constraint ?? (e.column ? `${e.table}.${e.column}` : e.table);
  const fields = e.column ? [{ field: e.column, message: e.message ?? 'invalid' }] : [];
  const detail = where ? `${ERROR_CATALOGUE[code].title} (${where})` : undefined;
  return new AppError(code, detail, fields, { cause: err });
}

/** Runs fn and rethrows any database constraint error as an AppError. */
export async function withDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw translateDbError(err) ?? err;
  }
}
