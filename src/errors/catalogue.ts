/**
 * The one catalogue of errors a user can see. Codes are stable and never reused; the HTTP
 * writer turns an AppError into an HTML page or JSON problem details, the CLI into a message.
 */
export const ERROR_CATALOGUE = {
  CUS_BAD_REQUEST: { status: 400, title: 'The request is not valid' },
  CUS_VALIDATION: { status: 422, title: 'Some fields are not valid' },
  CUS_NOT_FOUND: { status: 404, title: 'Not found' },
  CUS_LOGIN_FAILED: { status: 401, title: 'Sign-in failed' },
  CUS_FORBIDDEN: { status: 403, title: 'You do not have permission to do this' },
  CUS_LEGAL_HOLD: { status: 451, title: 'Unavailable for legal reasons' },
  CUS_SELF_APPROVAL: { status: 403, title: 'A record cannot be approved by someone who wrote it' },
  CUS_CSRF: { status: 403, title: 'This form has expired or did not come from this site' },
  CUS_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CUS_PAYLOAD_TOO_LARGE: { status: 413, title: 'The request is too large' },
  CUS_UPLOAD_UNSUPPORTED: { status: 415, title: 'This kind of file cannot be accepted as evidence' },
  CUS_UPLOAD_MALFORMED: { status: 422, title: 'This file is damaged or not what it claims to be' },
  CUS_CONFLICT: { status: 409, title: 'This conflicts with an existing record' },
  CUS_STATE_TRANSITION: { status: 409, title: 'This record cannot move to that state from where it is' },
  CUS_PUBLICATION_BLOCKED: { status: 422, title: 'This record cannot be published yet' },
  CUS_MERGE_REFUSED: { status: 409, title: 'These records cannot be merged (or unmerged) this way' },
  CUS_MERGED_RECORD: {
    status: 409,
    title: 'This record was merged into another and cannot be published; undo the merge first',
  },
  CUS_CORRECTION_REQUIRED: {
    status: 422,
    title: 'Changing what the public can see needs a public correction note',
  },
  CUS_ALLEGATION_NEEDS_INCIDENT: { status: 422, title: 'An allegation must belong to an existing incident' },
  CUS_FINDING_NEEDS_ALLEGATION: { status: 422, title: 'A finding must belong to an existing allegation' },
  CUS_SANCTION_NEEDS_FINDING: { status: 422, title: 'A sanction must belong to an existing finding' },
  CUS_ALLEGATION_NEEDS_OFFICER: {
    status: 422,
    title: 'An allegation names exactly one officer, or describes one unidentified officer',
  },
  CUS_UNKNOWN_STATUS_LABEL: { status: 422, title: 'Unknown status label' },
  CUS_UNKNOWN_TAXONOMY_CODE: { status: 422, title: 'Unknown code for this taxonomy' },
  CUS_IDENTIFIER_OVERLAP: {
    status: 409,
    title: 'This identifier is already held by an officer of this force for an overlapping period',
  },
  CUS_INVALID_DATE: { status: 422, title: 'The date does not match its precision' },
  CUS_MINOR_NAMED: { status: 422, title: 'A child or a person of unknown age is never named' },
  CUS_PROTECTED_IDENTITY: { status: 422, title: 'This person is pseudonymised; a public name is refused' },
  CUS_SEXUAL_OFFENCE_ANONYMITY: {
    status: 422,
    title: 'A sexual-offence complainant has lifelong anonymity unless they waive it',
  },
  CUS_CLAIM_INVALID: { status: 422, title: 'A claim links one record to a source, with a passage or a note' },
  CUS_REFERENCE_MISSING: { status: 422, title: 'A referenced record does not exist' },
  CUS_CONSTRAINT: { status: 422, title: 'The database refused this change' },
  CUS_AUDIT_APPEND_ONLY: { status: 403, title: 'The audit log is append-only' },
  CUS_DATA_DIR_LOCKED: { status: 503, title: 'The data directory is in use by another process' },
  CUS_DB_NEWER_THAN_APP: { status: 503, title: 'The database is newer than this version of Custodiet' },
  CUS_MIGRATION_CHANGED: { status: 503, title: 'A landed migration was changed' },
  CUS_MIGRATION_OUT_OF_ORDER: { status: 503, title: 'A migration is out of order' },
  CUS_BACKUP_INVALID: { status: 422, title: 'This is not a valid Custodiet backup' },
  CUS_RESTORE_NOT_EMPTY: { status: 409, title: 'Restore needs an empty database' },
  CUS_RESTORE_SCHEMA_MISMATCH: { status: 409, title: 'The backup was made with a different schema version' },
  CUS_TOKEN_REQUIRED: { status: 401, title: 'This needs an API token' },
  CUS_TOKEN_INVALID: { status: 401, title: 'This API token is not valid' },
  CUS_TOKEN_SCOPE: { status: 403, title: 'This API token does not have the scope for this' },
  CUS_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  CUS_PRECONDITION_FAILED: { status: 412, title: 'The record changed since you read it' },
  CUS_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'This content type is not accepted here' },
  CUS_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
  CUS_INTERNAL: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** A field-level problem, shown next to the form field it concerns. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error with a stable code; the message is safe to show to the user. */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly fields: FieldProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(detail ?? ERROR_CATALOGUE[code].title, options);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
    this.title = ERROR_CATALOGUE[code].title;
  }
}

/** Type guard that survives module duplication across test workers. */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
