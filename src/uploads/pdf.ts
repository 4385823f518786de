// PDF metadata removal with pdf-lib. A PDF names its author in two places: the trailer's Info
// dictionary and XMP /Metadata streams (on the catalog, pages, images…). Editors also leave old
// copies behind: an incremental update appends new objects but keeps the old ones in the bytes,
// and pdf-lib's writer saves every object it parsed, referenced or not. So after scrubbing we
// delete every object the document no longer reaches, and only then save.
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';
import type { PDFContext, PDFObject } from 'pdf-lib';
import { MalformedUpload, UnsupportedUpload } from './errors.ts';

const PDF = 'application/pdf';
/** Keys dropped from every dictionary: XMP streams and applications' private data. */
const SCRUBBED_KEYS = [PDFName.of('Metadata'), PDFName.of('PieceInfo')];

/** Parses the bytes; never lets pdf-lib add its own Producer or dates on the way in. */
async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    if (doc.getPageCount() === 0) throw new MalformedUpload(PDF, 'no pages');
    return doc;
  } catch (err) {
    if (err instanceof MalformedUpload) throw err;
    // An encrypted PDF cannot be rewritten without its password, so its metadata cannot go.
    if (err instanceof EncryptedPDFError) throw new UnsupportedUpload(PDF, 'Encrypted PDFs are not accepted');
    throw new MalformedUpload(PDF, err instanceof Error ? err.message : 'cannot be parsed');
  }
}

/**
 * Replaces the Info dictionary with an empty one. The old object number is reused when there
 * is one, so stripping an already stripped file changes nothing (idempotence).
 */
function clearInfo(context: PDFContext, removed: string[]): void {
  const info = context.trailerInfo.Info;
  const old = info ? context.lookup(info) : undefined;
  if (old instanceof PDFDict) for (const key of old.keys()) removed.push(`PDF Info ${key.asString()}`);
  const fresh = context.obj({});
  if (info instanceof PDFRef) context.assign(info, fresh);
  else context.trailerInfo.Info = context.register(fresh);
}

/** What kind of dictionary this is, for the report: its /Type, or "object". */
function kindOf(dict: PDFDict): string {
  const type = dict.get(PDFName.of('Type'));
  return type instanceof PDFName ? type.asString() : 'object';
}

/** Deletes metadata keys from one dictionary. */
function scrubDict(dict: PDFDict, removed: string[]): void {
  for (const key of SCRUBBED_KEYS) {
    if (dict.has(key)) {
      removed.push(`PDF ${key.asString()} on ${kindOf(dict)}`);
      dict.delete(key);
    }
  }
}

/** The objects directly inside one object (after scrubbing it, so dropped values are not followed). */
function children(obj: PDFObject, removed: string[]): PDFObject[] {
  const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
  if (dict) {
    scrubDict(dict, removed);
    return dict.entries().map(([, v]) => v);
  }
  return obj instanceof PDFArray ? obj.asArray() : [];
}

/**
 * Walks the object graph from the trailer, scrubbing every dictionary on the way, and returns
 * the set of indirect objects still reachable.
 */
function scrubReachable(context: PDFContext, removed: string[]): Set<PDFRef> {
  const seen = new Set<PDFRef>();
  const stack: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter(
    (o): o is PDFObject => o !== undefined,
  );
  while (stack.length > 0) {
    let obj = stack.pop()!;
    if (obj instanceof PDFRef) {
      if (seen.has(obj)) continue;
      seen.add(obj);
      const target = context.lookup(obj);
      if (!target) continue;
      obj = target;
    }
    stack.push(...children(obj, removed));
  }
  return seen;
}

/** Deletes every indirect object the document no longer reaches (old revisions, dropped XMP). */
function collectGarbage(context: PDFContext, reachable: Set<PDFRef>, removed: string[]): void {
  let count = 0;
  let largest = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (reachable.has(ref)) largest = Math.max(largest, ref.objectNumber);
    else if (context.delete(ref)) count++;
  }
  // Keeps the trailer /Size honest, and the same on a second pass.
  context.largestObjectNumber = largest;
  if (count > 0) removed.push(`PDF ${count} unreferenced objects`);
}

/**
 * Removes a PDF's document information (Title, Author, Subject, Keywords, Creator, Producer,
 * dates), every XMP /Metadata stream and /PieceInfo, the trailer /ID (a fingerprint that can
 * tie the file to the machine it came from) and every object left unreferenced, then rewrites
 * the file from what remains. Throws MalformedUpload if pdf-lib cannot parse it,
 * UnsupportedUpload if it is encrypted.
 */
export async function stripPdf(bytes: Uint8Array): Promise<{ bytes: Uint8Array; removed: string[] }> {
  const doc = await loadPdf(bytes);
  const { context } = doc;
  const removed: string[] = [];
  clearInfo(context, removed);
  if (context.trailerInfo.ID) {
    removed.push('PDF trailer /ID');
    context.trailerInfo.ID = undefined;
  }
  collectGarbage(context, scrubReachable(context, removed), removed);
  const out = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
  return { bytes: out, removed: [...new Set(removed)] };
}
