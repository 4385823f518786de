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
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  ACTIVE_CONTENT_TYPES,
  MalformedUpload,
  UnsupportedUpload,
  isActiveContent,
  sniffMediaType,
  stripMetadata,
} from './strip.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/uploads');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const JPEG = fixture('photo-gps.jpg');
const PNG = fixture('photo-meta.png');
const WEBP = fixture('photo-meta.webp');
const PDF = fixture('statement.pdf');

/** Strings that identify the fictional witness or her camera, in the encodings files use. */
const IDENTIFYING = [
  'Jane Witness',
  'TestCam',
  'Revised Author',
  utf16Hex('Jane Witness'),
  utf16Hex('TestCam'),
];

function utf16Hex(s: string): string {
  return `FEFF${[...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('')}`;
}
function has(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(s, 'latin1'));
}
function assertClean(bytes: Uint8Array, extra: string[] = []): void {
  for (const s of [...IDENTIFYING, ...extra])
    assert.equal(has(bytes, s), false, `output still contains "${s}"`);
}

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

/** Asserts the promise rejects with exactly this typed error (never a TypeError or the like). */
async function rejectsWith(
  p: Promise<unknown>,
  type: typeof UnsupportedUpload | typeof MalformedUpload,
  check: (err: UnsupportedUpload & MalformedUpload) => void = () => {},
): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    check(err as UnsupportedUpload & MalformedUpload);
    return true;
  });
}

describe('refusals of other types', () => {
  test('other types, and types that disagree with their declaration, are UnsupportedUpload', async () => {
    const html = Buffer.from('<!doctype html><script>fetch("//evil.example")</script>');
    await rejectsWith(stripMetadata(html, 'image/jpeg'), UnsupportedUpload, (e) => {
      assert.equal(e.sniffedType, 'text/html');
      assert.equal(e.status, 415);
      assert.equal(e.code, 'CUS_UPLOAD_UNSUPPORTED');
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await rejectsWith(stripMetadata(svg, 'image/svg+xml'), UnsupportedUpload, (e) => {
      assert.equal(e.sniffedType, 'image/svg+xml');
    });
    await rejectsWith(
      stripMetadata(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;')),
      UnsupportedUpload,
      (e) => {
        assert.equal(e.sniffedType, 'image/gif');
      },
    );
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    await rejectsWith(stripMetadata(random), UnsupportedUpload, (e) => assert.equal(e.sniffedType, null));
    await rejectsWith(stripMetadata(new Uint8Array(0)), UnsupportedUpload);
    await rejectsWith(stripMetadata(PNG, 'image/jpeg'), UnsupportedUpload, (e) => {
      assert.equal(e.sniffedType, 'image/png');
    });
    await rejectsWith(stripMetadata(JPEG, 'text/html'), UnsupportedUpload);
  });

  test('aliases and "unknown" declarations are accepted', async () => {
    for (const declared of ['image/jpg', 'IMAGE/JPEG; q=1', 'application/octet-stream', '']) {
      assert.equal((await stripMetadata(JPEG, declared)).mediaType, 'image/jpeg', declared);
    }
  });
});

describe('refusals of damaged files', () => {
  test('damaged files are MalformedUpload', async () => {
    const cases: [string, Uint8Array][] = [
      ['truncated JPEG', JPEG.subarray(0, Math.floor(JPEG.length / 2))],
      ['JPEG cut in a segment header', JPEG.subarray(0, 5)],
      ['JPEG without EOI', (await stripMetadata(JPEG)).bytes.subarray(0, -2)],
      [
        'JPEG segment longer than the file',
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), Buffer.alloc(10)]),
      ],
      ['PNG with a bad CRC', flip(PNG, pngOffset(PNG, 'IDAT') + 10)],
      ['PNG with a bad CRC in a dropped chunk', flip(PNG, pngOffset(PNG, 'tEXt') + 10)],
      ['truncated PNG', PNG.subarray(0, PNG.length - 20)],
      ['WebP whose RIFF size overruns the file', WEBP.subarray(0, WEBP.length - 10)],
      ['PDF that is only a header', Buffer.from('%PDF-1.7\nnot really a pdf\n')],
    ];
    for (const [name, bytes] of cases) {
      await rejectsWith(stripMetadata(bytes), MalformedUpload, (e) => {
        assert.equal(e.code, 'CUS_UPLOAD_MALFORMED', name);
      });
    }
  });

  test('truncations and corruptions end in a result or a typed error, never a crash', async () => {
    for (const original of [JPEG, PNG, WEBP]) {
      for (let cut = 0; cut < original.length; cut += 7) await survives(original.subarray(0, cut));
      for (let at = 0; at < original.length; at += 5) await survives(flip(original, at));
    }
    for (let cut = 0; cut < PDF.length; cut += 97) await survives(PDF.subarray(0, cut));
  });
});

describe('idempotence', () => {
  for (const [name, bytes] of [
    ['JPEG', JPEG],
    ['PNG', PNG],
    ['WebP', WEBP],
    ['PDF', PDF],
  ] as const) {
    test(`${name}: stripping twice gives the same bytes as stripping once`, async () => {
      const once = await stripMetadata(bytes);
      const twice = await stripMetadata(once.bytes);
      assert.deepEqual(Buffer.from(twice.bytes), Buffer.from(once.bytes));
      assert.deepEqual(twice.removed, []);
    });
  }
});

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[at] = out[at]! ^ 0x5a;
  return out;
}
function pngOffset(bytes: Uint8Array, type: string): number {
  return Buffer.from(bytes).indexOf(type) - 4;
}
/** Stripping either succeeds with a clean result or fails with a typed error. */
async function survives(bytes: Uint8Array): Promise<void> {
  try {
    assertClean((await stripMetadata(bytes)).bytes, ['<x:xmpmeta']);
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    assert.ok(
      err instanceof UnsupportedUpload || err instanceof MalformedUpload,
      `untyped error: ${String(err)}`,
    );
  }
}
