import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MalformedUpload, UnsupportedUpload, stripMetadata } from './strip.ts';
import { assertClean, JPEG, PDF, PNG, WEBP } from '../../test/helpers/upload-fixtures.ts';

// What the stripper refuses, and that damaged files fail with a typed error, never a crash.

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
