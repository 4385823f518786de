// The upload fixtures and the identifying strings they carry, shared by the stripping tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve('test/fixtures/uploads');
/** A fixture's bytes. */
export const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
export const JPEG = fixture('photo-gps.jpg');
export const PNG = fixture('photo-meta.png');
export const WEBP = fixture('photo-meta.webp');
export const PDF = fixture('statement.pdf');

/** How a PDF writes a string as UTF-16 hex, so a value hidden that way is searched for too. */
export function utf16Hex(s: string): string {
  return `FEFF${[...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('')}`;
}

/** True when the bytes contain the string (latin1, as file formats store ASCII). */
export function has(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(s, 'latin1'));
}

/** Fails when any identifying string of the fixtures (or `extra`) is still in the bytes. */
export function assertClean(bytes: Uint8Array, extra: string[] = []): void {
  for (const s of [...IDENTIFYING, ...extra])
    assert.equal(has(bytes, s), false, `output still contains "${s}"`);
}

/** What the fixtures carry that would identify a source: names, camera, software. */
export const IDENTIFYING = [
  'Jane Witness',
  'TestCam',
  'Revised Author',
  utf16Hex('Jane Witness'),
  utf16Hex('TestCam'),
];
