// Metadata removal for uploaded evidence. A photo straight off a phone carries the GPS position
// it was taken at, the camera's serial number and often the owner's name; a PDF carries its
// author and the software that made it. Any of these can identify a whistleblower, so every
// upload goes through stripMetadata before it is stored, and a file we cannot clean is refused.
//
// The type is always sniffed from the bytes: a declared type or file extension is what the
// uploader (or an attacker) says, not what the file is.
import { asciiAt } from './bytes.ts';
import { MalformedUpload, UnsupportedUpload } from './errors.ts';
import { stripJpeg } from './jpeg.ts';
import { stripPdf } from './pdf.ts';
import { hasPngSignature, stripPng } from './png.ts';
import { hasWebpSignature, stripWebp } from './webp.ts';

export { MalformedUpload, UnsupportedUpload };

/** The result of stripping: the cleaned bytes, their sniffed type, and what was taken out. */
export interface StrippedUpload {
  bytes: Uint8Array;
  mediaType: string;
  /** Human-readable descriptions of what was removed, for the audit log; empty if nothing. */
  removed: string[];
}

export { ACTIVE_CONTENT_TYPES, isActiveContent } from '../blobs/content-types.ts';

/** The bare, lower-case media type: "Text/HTML; charset=utf-8" becomes "text/html". */
function essence(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Markup, recognised only so a refusal can say what the file really was. Looks past a BOM and
 * leading white space, as browsers do when they sniff.
 */
function sniffMarkup(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<svg[\s>]/.test(head) || (head.startsWith('<?xml') && head.includes('<svg'))) return 'image/svg+xml';
  if (/^<(!doctype html|html|head|body|script|iframe)[\s>]/.test(head)) return 'text/html';
  if (head.startsWith('<?xml')) return 'application/xml';
  return null;
}

/**
 * The real media type of some bytes, from their magic numbers: image/jpeg, image/png,
 * image/webp, application/pdf, image/gif (recognised, not supported), or markup (text/html,
 * image/svg+xml, application/xml), else null. The PDF header must be at byte 0: readers that
 * tolerate leading junk are how PDF/HTML polyglots work, and we do not accept those.
 */
export function sniffMediaType(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (hasPngSignature(bytes)) return 'image/png';
  if (bytes.length >= 12 && hasWebpSignature(bytes)) return 'image/webp';
  if (asciiAt(bytes, 0, '%PDF-')) return 'application/pdf';
  if (asciiAt(bytes, 0, 'GIF87a') || asciiAt(bytes, 0, 'GIF89a')) return 'image/gif';
  return sniffMarkup(bytes);
}

/** Other names clients use for the types we take. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};

/**
 * Whether a declared type agrees with the sniffed one. No declaration, or the browser's "I do
 * not know" (application/octet-stream), claims nothing and so cannot disagree.
 */
function declaredMatches(declared: string | undefined, sniffed: string): boolean {
  const claim = essence(declared ?? '');
  if (claim === '' || claim === 'application/octet-stream') return true;
  return (ALIASES[claim] ?? claim) === sniffed;
}

type Stripped = { bytes: Uint8Array; removed: string[] };
const STRIPPERS: Record<string, (bytes: Uint8Array) => Stripped | Promise<Stripped>> = {
  'image/jpeg': stripJpeg,
  'image/png': stripPng,
  'image/webp': stripWebp,
  'application/pdf': stripPdf,
};

/**
 * Removes identifying metadata from an uploaded file. The type is sniffed from the bytes;
 * `declaredType` (what the client said) only has to agree with it.
 *
 * @throws UnsupportedUpload if the file is not JPEG, PNG, WebP or PDF, or is not what it was
 *   declared as; `sniffedType` says what it really is.
 * @throws MalformedUpload if it is one of those but damaged, so cannot be cleaned with certainty.
 */
export async function stripMetadata(bytes: Uint8Array, declaredType?: string): Promise<StrippedUpload> {
  const sniffed = sniffMediaType(bytes);
  const strip = sniffed ? STRIPPERS[sniffed] : undefined;
  if (!sniffed || !strip) throw new UnsupportedUpload(sniffed);
  if (!declaredMatches(declaredType, sniffed)) {
    throw new UnsupportedUpload(
      sniffed,
      `Declared as ${essence(declaredType ?? '')} but the file is ${sniffed}`,
    );
  }
  let result: Stripped;
  try {
    result = await strip(bytes);
  } catch (err) {
    if (err instanceof MalformedUpload || err instanceof UnsupportedUpload) throw err;
    // A parser bug must still end in a refusal the caller understands, never in storing the file.
    throw new MalformedUpload(sniffed, 'could not be parsed', { cause: err });
  }
  return { bytes: result.bytes, mediaType: sniffed, removed: result.removed };
}
