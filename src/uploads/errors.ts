// Typed refusals for uploaded evidence. Both are AppErrors, so the HTTP layer turns them into a
// proper 415/422 page, and callers can tell "we will never take this" from "this is broken".
import { AppError } from '../errors/catalogue.ts';

/**
 * The file is of a kind we do not strip (or its bytes disagree with the type it was declared
 * as). `sniffedType` is what the magic bytes say it really is, or null if nothing matched.
 */
export class UnsupportedUpload extends AppError {
  constructor(
    readonly sniffedType: string | null,
    detail?: string,
  ) {
    super('CUS_UPLOAD_UNSUPPORTED', detail ?? `Unsupported upload type: ${sniffedType ?? 'unknown'}`);
    this.name = 'UnsupportedUpload';
  }
}

/**
 * The file starts like a supported format but its structure is broken: truncated, a bad
 * checksum, a length that points outside the file. We refuse rather than guess, because a
 * parser that guesses is a parser that can be steered into keeping bytes it should drop.
 */
export class MalformedUpload extends AppError {
  constructor(
    readonly mediaType: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('CUS_UPLOAD_MALFORMED', `Malformed ${mediaType}: ${detail}`, [], options);
    this.name = 'MalformedUpload';
  }
}
