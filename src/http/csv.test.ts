import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvCell, csvFilename, csvRow } from './csv.ts';

describe('CSV writer', () => {
  test('plain values pass through; null and undefined are empty; dates are ISO; objects are JSON', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(42), '42');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell(new Date('2026-01-02T03:04:05.678Z')), '2026-01-02T03:04:05.678Z');
    assert.equal(csvCell({ a: 1 }), '"{""a"":1}"');
  });

  test('commas, quotes and line breaks are quoted with inner quotes doubled (RFC 4180)', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('one\ntwo'), '"one\ntwo"');
    assert.equal(csvCell('one\r\ntwo'), '"one\r\ntwo"');
    assert.equal(csvRow(['a', 'b,c', null]), 'a,"b,c",\r\n');
  });

  test('cells a spreadsheet would run as a formula get a leading quote (OWASP)', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.ok(csvCell(`${start}SUM(1,1)`).replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(start));
    }
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('-5'), "'-5");
    assert.equal(csvCell('a=b'), 'a=b');
  });

  test('a row of awkward cells parses back to the neutralised values', () => {
    const cells = ['=cmd|"/C calc"!A0', 'x,y', 'line\nbreak', '"quoted"', '@me', 'ok'];
    const [parsed] = parse(csvRow(cells)) as string[][];
    assert.deepEqual(parsed, [`'=cmd|"/C calc"!A0`, 'x,y', 'line\nbreak', '"quoted"', "'@me", 'ok']);
  });

  test('file names carry the UTC day', () => {
    assert.equal(
      csvFilename('custodiet-audit', new Date('2026-11-25T23:30:00Z')),
      'custodiet-audit-20261125.csv',
    );
  });
});
