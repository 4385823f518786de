// JPEG metadata removal by walking the marker segments. We copy only segments we know to be
// needed for decoding (tables, frame and scan headers, the entropy-coded data) plus the two
// colour-carrying application segments, and drop everything else. An allowlist, not a blocklist:
// a new or vendor-specific segment is dropped by default, because any of them can carry a name,
// a serial number or a location.
import { asciiAt, concat } from './bytes.ts';
import { MalformedUpload } from './errors.ts';

const JPEG = 'image/jpeg';
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;

/** Tables and headers a decoder needs: DHT, DAC, DQT, DNL, DRI, DHP, EXP. */
const TABLE_MARKERS = new Set([0xc4, 0xcc, 0xdb, 0xdc, 0xdd, 0xde, 0xdf]);

/** SOF0–SOF15 are 0xC0–0xCF, except DHT (C4), JPG (C8) and DAC (CC). */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** What a dropped segment was, for the `removed` report. */
function describeSegment(marker: number, payload: Uint8Array): string {
  if (marker === COM) return 'JPEG COM comment';
  const n = marker - APP0;
  if (asciiAt(payload, 0, 'Exif\0')) return `JPEG APP${n} Exif`;
  if (asciiAt(payload, 0, 'http://ns.adobe.com/xap/1.0/')) return `JPEG APP${n} XMP`;
  if (asciiAt(payload, 0, 'http://ns.adobe.com/xmp/extension/')) return `JPEG APP${n} extended XMP`;
  if (asciiAt(payload, 0, 'Photoshop 3.0')) return `JPEG APP${n} Photoshop/IPTC`;
  if (asciiAt(payload, 0, 'MPF\0')) return `JPEG APP${n} MPF (embedded images)`;
  if (asciiAt(payload, 0, 'JFXX\0')) return `JPEG APP${n} JFXX thumbnail`;
  if (marker >= APP0 && marker <= 0xef) return `JPEG APP${n}`;
  return `JPEG segment 0xFF${marker.toString(16).toUpperCase()}`;
}

/**
 * A JFIF APP0 rewritten without its thumbnail. JFIF allows an uncompressed RGB thumbnail; a
 * thumbnail is made before any crop or blur, so it can show the very face the uploader removed.
 */
function cleanJfif(payload: Uint8Array, removed: string[]): Uint8Array | null {
  if (!asciiAt(payload, 0, 'JFIF\0') || payload.length < 14) return null;
  const out = payload.slice(0, 14);
  if (payload.length > 14 || out[12] !== 0 || out[13] !== 0) removed.push('JPEG JFIF thumbnail');
  out[12] = 0; // Xthumbnail
  out[13] = 0; // Ythumbnail
  return out;
}

/**
 * The payload to keep for an APPn/COM segment, or null to drop it. Kept: JFIF (without a
 * thumbnail), ICC_PROFILE (colours stay right), and the fixed 12-byte Adobe APP14 whose one
 * meaningful byte says how to turn CMYK/YCCK/RGB samples into colours; without it such files
 * decode with wrong colours, and at that exact length it has no room for free text.
 */
function keptApplicationPayload(marker: number, payload: Uint8Array, removed: string[]): Uint8Array | null {
  if (marker === APP0) {
    const jfif = cleanJfif(payload, removed);
    if (jfif) return jfif;
  } else if (marker === APP2 && asciiAt(payload, 0, 'ICC_PROFILE\0')) {
    return payload;
  } else if (marker === APP14 && payload.length === 12 && asciiAt(payload, 0, 'Adobe')) {
    return payload;
  }
  removed.push(describeSegment(marker, payload));
  return null;
}

function segment(marker: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 4);
  out[0] = 0xff;
  out[1] = marker;
  out[2] = (payload.length + 2) >> 8;
  out[3] = (payload.length + 2) & 0xff;
  out.set(payload, 4);
  return out;
}

/**
 * The end of the entropy-coded data that starts at `from`: the offset of the 0xFF of the next
 * real marker. Inside the data 0xFF is followed by 0x00 (a stuffed byte), by RST0–7, or by more
 * 0xFF fill bytes; anything else is a marker.
 */
function endOfScan(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const next = bytes[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) i++;
    else return i;
  }
  throw new MalformedUpload(JPEG, 'the image data ends without an end-of-image marker');
}

/** Reads one length-prefixed segment at `at` (which points at its 0xFF). */
function readSegment(bytes: Uint8Array, at: number): { marker: number; payload: Uint8Array; end: number } {
  if (at + 4 > bytes.length) throw new MalformedUpload(JPEG, 'truncated segment header');
  const marker = bytes[at + 1]!;
  const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
  if (length < 2) throw new MalformedUpload(JPEG, `segment 0xFF${marker.toString(16)} has length ${length}`);
  const end = at + 2 + length;
  if (end > bytes.length) throw new MalformedUpload(JPEG, 'truncated segment');
  return { marker, payload: bytes.subarray(at + 4, end), end };
}

/** The next marker at or after `at`, skipping the 0xFF fill bytes allowed before a marker. */
function nextMarker(bytes: Uint8Array, at: number): { marker: number; at: number } {
  if (bytes[at] !== 0xff) throw new MalformedUpload(JPEG, `expected a marker at byte ${at}`);
  let i = at;
  while (bytes[i + 1] === 0xff) i++;
  if (i + 1 >= bytes.length) throw new MalformedUpload(JPEG, 'the file ends without an end-of-image marker');
  const marker = bytes[i + 1]!;
  if (marker === 0x00 || marker === SOI) throw new MalformedUpload(JPEG, `unexpected marker at byte ${i}`);
  return { marker, at: i };
}

/** Decides one non-scan segment: the bytes to keep, or null to drop it. */
function keepSegment(marker: number, payload: Uint8Array, removed: string[]): Uint8Array | null {
  if (isFrameHeader(marker) || TABLE_MARKERS.has(marker)) return segment(marker, payload);
  if ((marker >= APP0 && marker <= 0xef) || marker === COM) {
    const kept = keptApplicationPayload(marker, payload, removed);
    return kept ? segment(marker, kept) : null;
  }
  removed.push(describeSegment(marker, payload));
  return null;
}

/**
 * Removes every metadata segment from a JPEG: APP1 (Exif, XMP), APP2 other than ICC_PROFILE,
 * APP3–APP15 (Photoshop/IPTC and vendor blocks; see above for Adobe APP14), COM comments, and
 * anything after EOI. Scan data is copied byte for byte. Throws MalformedUpload on structural
 * damage, including a scan before any frame header and a missing end-of-image marker.
 */
export function stripJpeg(bytes: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw new MalformedUpload(JPEG, 'no SOI');
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let at = 2;
  let sawFrame = false;
  for (;;) {
    const m = nextMarker(bytes, at);
    if (m.marker === EOI) {
      if (!sawFrame) throw new MalformedUpload(JPEG, 'no image data before end-of-image');
      parts.push(bytes.subarray(m.at, m.at + 2));
      if (m.at + 2 < bytes.length) removed.push(`JPEG ${bytes.length - m.at - 2} bytes after EOI`);
      return { bytes: concat(parts), removed };
    }
    if (m.marker >= 0xd0 && m.marker <= 0xd7)
      throw new MalformedUpload(JPEG, 'restart marker outside a scan');
    const seg = readSegment(bytes, m.at);
    if (isFrameHeader(seg.marker)) sawFrame = true;
    if (seg.marker === SOS) {
      if (!sawFrame) throw new MalformedUpload(JPEG, 'scan before frame header');
      at = endOfScan(bytes, seg.end);
      parts.push(bytes.subarray(m.at, at)); // scan header and entropy-coded data, untouched
      continue;
    }
    const kept = keepSegment(seg.marker, seg.payload, removed);
    if (kept) parts.push(kept);
    at = seg.end;
  }
}
