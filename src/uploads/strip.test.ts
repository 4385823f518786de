// Metadata stripping against real files: the fixtures in test/fixtures/uploads carry made-up
// EXIF/GPS, XMP, IPTC, comments, PNG text and PDF Info (see the README there). The structure of
// each output is parsed here independently of the code under test, and ImageMagick's identify
// decodes every stripped image, so "stripped" also means "still a picture, the same picture".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { ACTIVE_CONTENT_TYPES, isActiveContent, sniffMediaType, stripMetadata } from './strip.ts';
import { assertClean, has, JPEG, PDF, PNG, utf16Hex, WEBP } from '../../test/helpers/upload-fixtures.ts';

/** Strings that identify the fictional witness or her camera, in the encodings files use. */

// --- Independent parsers for the assertions -------------------------------------------------

/** The marker segments before the first SOS, as [marker, payload]. */
function jpegSegments(bytes: Uint8Array): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  let at = 2;
  while (bytes[at] === 0xff && bytes[at + 1] !== 0xda) {
    const len = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    out.push([bytes[at + 1]!, bytes.subarray(at + 4, at + 2 + len)]);
    at += 2 + len;
  }
  return out;
}
/** From the first SOS to the end of EOI: scan headers and entropy-coded data. */
function sosToEoi(bytes: Uint8Array): Buffer {
  const b = Buffer.from(bytes);
  const start = b.indexOf(Buffer.from([0xff, 0xda]));
  const end = b.indexOf(Buffer.from([0xff, 0xd9]), start) + 2;
  return b.subarray(start, end);
}
/** PNG chunks as [type, whole chunk]. */
function pngChunks(bytes: Uint8Array): [string, Buffer][] {
  const b = Buffer.from(bytes);
  const out: [string, Buffer][] = [];
  for (let at = 8; at < b.length;) {
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    out.push([type, b.subarray(at, at + 12 + len)]);
    at += 12 + len;
  }
  return out;
}
/** WebP chunks as [FourCC, payload]. */
function webpChunks(bytes: Uint8Array): [string, Buffer][] {
  const b = Buffer.from(bytes);
  const out: [string, Buffer][] = [];
  for (let at = 12; at < b.length;) {
    const size = b.readUInt32LE(at + 4);
    out.push([b.toString('latin1', at, at + 4), b.subarray(at + 8, at + 8 + size)]);
    at += 8 + size + (size & 1);
  }
  return out;
}

// --- ImageMagick -------------------------------------------------------------------------------

const HAVE_IDENTIFY = !spawnSync('identify', ['-version']).error;

/**
 * Runs identify on the bytes as the given format (forcing that decoder), returning stdout, or
 * null (loudly) when identify is missing, which is only allowed outside CI.
 */
function identify(bytes: Uint8Array, format: string, args: string[]): string | null {
  if (!HAVE_IDENTIFY) {
    assert.notEqual(process.env.CI, 'true', 'ImageMagick identify is required on CI');
    console.warn(
      '\n*** SKIPPED: ImageMagick `identify` is not installed; stripped images were NOT decoded ***\n',
    );
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-strip-'));
  try {
    const file = path.join(dir, `out.${format}`);
    fs.writeFileSync(file, bytes);
    const r = spawnSync('identify', [...args, `${format}:${file}`], { encoding: 'utf8' });
    assert.equal(r.status, 0, `identify failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
/**
 * Width, height and ImageMagick's signature of the decoded pixels (which needs a full decode).
 * Warnings fail it too, except for the WebP input, whose XMP chunk ImageMagick 6 always warns about.
 */
const pixels = (bytes: Uint8Array, format: string, strict = true) =>
  identify(bytes, format, [...(strict ? ['-regard-warnings'] : []), '-format', '%w %h %#']);

describe('sniffMediaType and active content', () => {
  test('types come from the magic bytes', () => {
    assert.equal(sniffMediaType(JPEG), 'image/jpeg');
    assert.equal(sniffMediaType(PNG), 'image/png');
    assert.equal(sniffMediaType(WEBP), 'image/webp');
    assert.equal(sniffMediaType(PDF), 'application/pdf');
    assert.equal(sniffMediaType(Buffer.from('GIF89a\x01\x00\x01\x00')), 'image/gif');
    assert.equal(sniffMediaType(Buffer.from('\uFEFF  <!DOCTYPE html><p>hi')), 'text/html');
    assert.equal(sniffMediaType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="x"/>')), 'image/svg+xml');
    assert.equal(sniffMediaType(Buffer.from('<svg onload="alert(1)">')), 'image/svg+xml');
    assert.equal(sniffMediaType(Buffer.from('hello')), null);
    assert.equal(sniffMediaType(new Uint8Array(0)), null);
    assert.equal(
      sniffMediaType(Buffer.from('<html>%PDF-1.7')),
      'text/html',
      'a PDF header must be at byte 0',
    );
  });

  test('active content types are recognised whatever the case or parameters', () => {
    for (const t of ACTIVE_CONTENT_TYPES) assert.equal(isActiveContent(t), true, t);
    assert.equal(isActiveContent('Text/HTML; charset=utf-8'), true);
    assert.equal(isActiveContent(' image/svg+xml '), true);
    // A browser's PDF viewer runs the document's scripts: PDFs are downloads too.
    assert.equal(isActiveContent('application/pdf'), true);
    assert.equal(isActiveContent('application/rss+xml'), true);
    for (const t of ['image/jpeg', 'image/png', 'image/webp', 'text/plain', '']) {
      assert.equal(isActiveContent(t), false, t);
    }
  });
});

describe('JPEG', () => {
  test('the fixture really carries EXIF with GPS, XMP, IPTC, a comment and a trailer', () => {
    const markers = jpegSegments(JPEG).map(([m]) => m);
    assert.ok(markers.includes(0xe1) && markers.includes(0xed) && markers.includes(0xfe));
    assert.ok(has(JPEG, 'Jane Witness') && has(JPEG, 'TestCam') && has(JPEG, '<x:xmpmeta'));
    const verbose = identify(JPEG, 'jpeg', ['-verbose']);
    if (verbose) {
      assert.match(verbose, /exif:GPSLatitude: 51\/1, 30\/1, 1234\/100/);
      assert.match(verbose, /exif:GPSLongitudeRef: W/);
    }
  });

  test('APP1, APP13 and COM go, the trailer goes, the scan data is byte-identical', async () => {
    const out = await stripMetadata(JPEG, 'image/jpeg');
    assert.equal(out.mediaType, 'image/jpeg');
    const markers = jpegSegments(out.bytes).map(([m]) => m);
    assert.deepEqual(
      markers.filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe),
      [],
      'no APP1–APP15 or COM',
    );
    assert.equal(markers[0], 0xe0, 'JFIF APP0 kept');
    for (const m of [0xdb, 0xc4, 0xc0]) assert.ok(markers.includes(m), `0xFF${m.toString(16)} kept`);
    assert.deepEqual(sosToEoi(out.bytes), sosToEoi(JPEG));
    assert.deepEqual(Buffer.from(out.bytes.subarray(-2)), Buffer.from([0xff, 0xd9]), 'ends at EOI');
    assertClean(out.bytes, ['Exif', '<x:xmpmeta', 'Photoshop', 'after EOI']);
    assert.deepEqual(out.removed, [
      'JPEG APP1 Exif',
      'JPEG APP1 XMP',
      'JPEG APP13 Photoshop/IPTC',
      'JPEG COM comment',
      'JPEG 36 bytes after EOI',
    ]);
  });

  test('the stripped file decodes to the same pixels, and identify finds no GPS', async () => {
    const out = await stripMetadata(JPEG);
    const after = pixels(out.bytes, 'jpeg');
    if (after) assert.equal(after, pixels(JPEG, 'jpeg'));
    if (after) assert.match(after, /^64 48 [0-9a-f]{64}$/);
    const verbose = identify(out.bytes, 'jpeg', ['-verbose']);
    if (verbose) assert.doesNotMatch(verbose, /GPS|exif:|xmp:|Jane|TestCam|comment:/i);
  });
});

describe('JPEG segments that carry colour', () => {
  test('an ICC profile and a bare Adobe APP14 stay; other APP2 and a JFIF thumbnail go', async () => {
    const seg = (m: number, payload: string | Uint8Array) => {
      const p = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : Buffer.from(payload);
      return Buffer.concat([Buffer.from([0xff, m, (p.length + 2) >> 8, (p.length + 2) & 0xff]), p]);
    };
    const icc = seg(0xe2, 'ICC_PROFILE\0\x01\x01fake profile bytes');
    const mpf = seg(0xe2, 'MPF\0Jane Witness second image');
    const adobe = seg(0xee, 'Adobe\0\x64\0\0\0\0\x01');
    const jfifWithThumb = seg(
      0xe0,
      Buffer.concat([Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\x01\x01'), Buffer.alloc(3, 7)]),
    );
    const input = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      jfifWithThumb,
      icc,
      mpf,
      adobe,
      Buffer.from(JPEG).subarray(2),
    ]);
    const out = await stripMetadata(input);
    const segs = jpegSegments(out.bytes);
    assert.ok(has(out.bytes, 'ICC_PROFILE\0\x01\x01fake profile bytes'), 'ICC kept');
    assert.ok(segs.some(([m, p]) => m === 0xee && Buffer.from(p).toString('latin1').startsWith('Adobe')));
    assert.equal(has(out.bytes, 'MPF\0'), false);
    const jfifs = segs.filter(([m]) => m === 0xe0).map(([, p]) => Buffer.from(p));
    assert.ok(
      jfifs.every((p) => p.length === 14 && p[12] === 0 && p[13] === 0),
      'no JFIF thumbnail',
    );
    assert.ok(
      out.removed.includes('JPEG JFIF thumbnail') && out.removed.includes('JPEG APP2 MPF (embedded images)'),
    );
    pixels(out.bytes, 'jpeg'); // still decodes (skipped loudly without identify)
  });
});

describe('PNG', () => {
  test('the fixture really carries tEXt, eXIf, tIME and a private chunk', () => {
    const types = pngChunks(PNG).map(([t]) => t);
    for (const t of ['tEXt', 'eXIf', 'tIME', 'wiTn']) assert.ok(types.includes(t), t);
    assert.ok(has(PNG, 'Jane Witness') && has(PNG, 'TestCam'));
  });

  test('only rendering chunks remain, CRCs intact, pixels unchanged', async () => {
    const out = await stripMetadata(PNG, 'image/png');
    const chunks = pngChunks(out.bytes);
    assert.deepEqual(
      chunks.map(([t]) => t),
      ['IHDR', 'gAMA', 'cHRM', 'bKGD', 'IDAT', 'IEND'],
    );
    for (const [type, raw] of chunks) {
      assert.equal(
        zlib.crc32(raw.subarray(4, raw.length - 4)),
        raw.readUInt32BE(raw.length - 4),
        `${type} CRC`,
      );
    }
    const idat = (b: Uint8Array) => pngChunks(b).find(([t]) => t === 'IDAT')![1];
    assert.deepEqual(idat(out.bytes), idat(PNG));
    assertClean(out.bytes, ['tEXt', 'eXIf', 'comment', 'date:']);
    const after = pixels(out.bytes, 'png');
    if (after) assert.equal(after, pixels(PNG, 'png'));
  });
});

describe('WebP', () => {
  test('the fixture really carries EXIF and XMP chunks announced in VP8X', () => {
    const chunks = webpChunks(WEBP);
    assert.deepEqual(
      chunks.map(([t]) => t),
      ['VP8X', 'VP8L', 'EXIF', 'XMP '],
    );
    assert.equal(chunks[0]![1][0]! & 0x0c, 0x0c);
    assert.ok(has(WEBP, 'Jane Witness') && has(WEBP, 'TestCam'));
  });

  test('EXIF and XMP go, their VP8X flags are cleared, the RIFF size is right', async () => {
    const out = await stripMetadata(WEBP, 'image/webp');
    const chunks = webpChunks(out.bytes);
    assert.deepEqual(
      chunks.map(([t]) => t),
      ['VP8X', 'VP8L'],
    );
    assert.equal(chunks[0]![1][0]! & 0x0c, 0, 'EXIF/XMP flags cleared');
    assert.equal(Buffer.from(out.bytes).readUInt32LE(4), out.bytes.length - 8);
    assert.deepEqual(chunks[1]![1], webpChunks(WEBP)[1]![1], 'bitstream untouched');
    assert.equal(WEBP[20]! & 0x0c, 0x0c, 'the input was not mutated');
    assertClean(out.bytes, ['<x:xmpmeta']);
    const after = pixels(out.bytes, 'webp');
    if (after) assert.equal(after, pixels(WEBP, 'webp', false));
  });
});

describe('PDF', () => {
  test('the fixture carries Info, XMP on catalog and page, an /ID and an older Info revision', () => {
    for (const s of ['/Author', '/Producer', '<x:xmpmeta', '/Metadata', '/ID', 'Revised Author']) {
      assert.ok(has(PDF, s), s);
    }
    assert.ok(has(PDF, utf16Hex('Jane Witness')), 'the first revision names Jane Witness in Info');
  });

  test('Info, XMP, /ID and the old revision are gone; the document still reads', async () => {
    const out = await stripMetadata(PDF, 'application/pdf');
    assert.equal(out.mediaType, 'application/pdf');
    assertClean(out.bytes, [
      'Producer',
      'Author',
      'Creator',
      'Title',
      '<x:xmpmeta',
      '/Metadata',
      '/ID',
      'pdf-lib',
    ]);
    const doc = await PDFDocument.load(out.bytes, { updateMetadata: false });
    assert.equal(doc.getPageCount(), 1);
    assert.equal(doc.getAuthor(), undefined);
    assert.equal(doc.getProducer(), undefined);
    const info = doc.context.lookup(doc.context.trailerInfo.Info);
    assert.ok(info instanceof PDFDict && info.keys().length === 0, 'an empty Info dictionary');
    const proxy = await getDocumentProxy(out.bytes);
    assert.equal((await extractText(proxy, { mergePages: true })).text, 'Synthetic test document');
    assert.equal((await proxy.getMetadata()).metadata, null, 'pdf.js finds no XMP');
    assert.ok(out.removed.includes('PDF /Metadata on /Catalog') && out.removed.includes('PDF trailer /ID'));
  });

  test('metadata hidden in compressed object streams is removed too', async () => {
    const doc = await PDFDocument.create();
    doc.setAuthor('Jane Witness');
    doc.addPage([100, 100]);
    const xmp = doc.context.flateStream('<x:xmpmeta>Jane Witness</x:xmpmeta>', { Type: 'Metadata' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
    const input = await doc.save({ useObjectStreams: true });
    assert.ok(has(input, '/ObjStm') && !has(input, utf16Hex('Jane Witness')), 'Info is compressed');
    const out = await stripMetadata(input);
    const again = await PDFDocument.load(out.bytes, { updateMetadata: false });
    assert.equal(again.getAuthor(), undefined);
    assert.equal(again.catalog.get(PDFName.of('Metadata')), undefined);
    assert.equal(again.context.enumerateIndirectObjects().length < 8, true, 'no orphaned XMP stream left');
    assertClean(out.bytes, ['/ObjStm', 'Producer', '/Metadata']);
  });
});
