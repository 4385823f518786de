// PNG metadata removal by walking the chunks. Text chunks (tEXt, zTXt, iTXt) carry authors,
// comments and software; eXIf carries camera EXIF including GPS; tIME is when it was edited.
// We keep an allowlist of chunks that change how the pixels look, and drop every other
// ancillary chunk: a private chunk is exactly where a phone app would hide a location.
import { concat } from './bytes.ts';
import { MalformedUpload } from './errors.ts';

const PNG = 'image/png';
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Ancillary chunks that affect rendering (colour, transparency, density, animation). */
const SAFE_ANCILLARY = new Set([
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'bKGD',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zlib) define it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** True if the bytes start with the PNG signature. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

interface Chunk {
  type: string;
  /** The whole chunk: length, type, data and CRC. */
  raw: Uint8Array;
  end: number;
}

/** Reads and CRC-checks the chunk at `at`. */
function readChunk(bytes: Uint8Array, at: number): Chunk {
  if (at + 12 > bytes.length) throw new MalformedUpload(PNG, 'truncated chunk header');
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8);
  const length = view.getUint32(0);
  if (length > 0x7fffffff) throw new MalformedUpload(PNG, 'chunk length out of range');
  const typeBytes = bytes.subarray(at + 4, at + 8);
  const type = String.fromCharCode(...typeBytes);
  if (!/^[A-Za-z]{4}$/.test(type)) throw new MalformedUpload(PNG, 'invalid chunk type');
  const end = at + 12 + length;
  if (end > bytes.length) throw new MalformedUpload(PNG, `truncated ${type} chunk`);
  const stored = new DataView(bytes.buffer, bytes.byteOffset + end - 4, 4).getUint32(0);
  if (crc32(bytes.subarray(at + 4, end - 4)) !== stored) throw new MalformedUpload(PNG, `bad CRC in ${type}`);
  return { type, raw: bytes.subarray(at, end), end };
}

/** Keep or drop one chunk; an unknown critical chunk means we cannot know what it holds. */
function keepChunk(type: string): boolean {
  if (CRITICAL.has(type) || SAFE_ANCILLARY.has(type)) return true;
  // Bit 5 of the first byte clear (upper case) marks a chunk a decoder must understand.
  if (type.charCodeAt(0) < 0x61) throw new MalformedUpload(PNG, `unknown critical chunk ${type}`);
  return false;
}

/**
 * Removes every ancillary chunk not needed to render a PNG (tEXt, zTXt, iTXt, eXIf, tIME,
 * private chunks…) and anything after IEND. Every CRC is checked, dropped chunks included, so
 * a damaged file is refused rather than half-copied. Throws MalformedUpload on damage.
 */
export function stripPng(bytes: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  if (!hasPngSignature(bytes)) throw new MalformedUpload(PNG, 'bad signature');
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed: string[] = [];
  let at = 8;
  let sawData = false;
  for (;;) {
    const chunk = readChunk(bytes, at);
    if (at === 8 && chunk.type !== 'IHDR') throw new MalformedUpload(PNG, 'IHDR is not first');
    if (chunk.type === 'IDAT') sawData = true;
    if (keepChunk(chunk.type)) parts.push(chunk.raw);
    else removed.push(`PNG ${chunk.type} chunk`);
    at = chunk.end;
    if (chunk.type === 'IEND') break;
  }
  if (!sawData) throw new MalformedUpload(PNG, 'no image data');
  if (at < bytes.length) removed.push(`PNG ${bytes.length - at} bytes after IEND`);
  return { bytes: concat(parts), removed };
}
