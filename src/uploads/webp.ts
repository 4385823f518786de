// WebP metadata removal. A WebP is a RIFF container of chunks; EXIF and "XMP " chunks hold the
// metadata, and the VP8X header has flag bits announcing them. We keep only the chunks the
// container spec defines for pixels and colour, clear the metadata flags, and rewrite the RIFF
// size so the file stays valid.
import { asciiAt, concat } from './bytes.ts';
import { MalformedUpload } from './errors.ts';

const WEBP = 'image/webp';
/** Chunks that make up the picture: header, bitstreams, alpha, animation, colour profile. */
const KEEP = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'ANMF']);
/** VP8X flags byte: bit 3 says an EXIF chunk follows, bit 2 an XMP chunk. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/** True if the bytes start with a RIFF header of form WEBP. */
export function hasWebpSignature(bytes: Uint8Array): boolean {
  return asciiAt(bytes, 0, 'RIFF') && asciiAt(bytes, 8, 'WEBP');
}

function u32le(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);
}

/** The chunk at `at`: its FourCC, whole bytes (with any pad byte) and where the next starts. */
function readChunk(bytes: Uint8Array, at: number, limit: number) {
  if (at + 8 > limit) throw new MalformedUpload(WEBP, 'truncated chunk header');
  const fourcc = String.fromCharCode(...bytes.subarray(at, at + 4));
  const size = u32le(bytes, at + 4);
  const end = at + 8 + size + (size & 1); // chunks are padded to an even length
  if (end > limit) throw new MalformedUpload(WEBP, `truncated ${fourcc.trim()} chunk`);
  return { fourcc, raw: bytes.subarray(at, end), end };
}

/** A copy of a VP8X chunk with the EXIF and XMP flags cleared (the input is never mutated). */
function clearMetadataFlags(raw: Uint8Array): Uint8Array {
  if (raw.length < 18) throw new MalformedUpload(WEBP, 'VP8X chunk too short');
  const out = raw.slice();
  out[8] = out[8]! & ~(VP8X_EXIF | VP8X_XMP);
  return out;
}

/**
 * Removes EXIF, XMP and any unknown chunk from a WebP, clears the VP8X metadata flags and
 * fixes the RIFF size; bytes past the RIFF size are dropped. Throws MalformedUpload on a
 * truncated container or one with no image chunk.
 */
export function stripWebp(bytes: Uint8Array): { bytes: Uint8Array; removed: string[] } {
  if (bytes.length < 12 || !hasWebpSignature(bytes)) throw new MalformedUpload(WEBP, 'bad RIFF header');
  const limit = 8 + u32le(bytes, 4);
  if (limit > bytes.length) throw new MalformedUpload(WEBP, 'RIFF size is larger than the file');
  const removed: string[] = [];
  const parts: Uint8Array[] = [];
  let sawImage = false;
  for (let at = 12; at < limit;) {
    const chunk = readChunk(bytes, at, limit);
    if (IMAGE_CHUNKS.has(chunk.fourcc)) sawImage = true;
    if (chunk.fourcc === 'VP8X') parts.push(clearMetadataFlags(chunk.raw));
    else if (KEEP.has(chunk.fourcc)) parts.push(chunk.raw);
    else removed.push(`WebP ${chunk.fourcc.trim()} chunk`);
    at = chunk.end;
  }
  if (!sawImage) throw new MalformedUpload(WEBP, 'no image data');
  if (limit < bytes.length) removed.push(`WebP ${bytes.length - limit} bytes after the RIFF container`);
  const body = concat(parts);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return { bytes: concat([header, body]), removed };
}
