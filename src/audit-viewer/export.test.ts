import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  auditFixture,
  AWKWARD_SUMMARY,
  BULK_ROWS,
  FORMULA_TITLE,
  PLANTED_SECRETS,
  seqsWhere,
  type AuditFixture,
} from '../../test/helpers/audit-log.ts';
import { auditExport } from './repository.ts';
import { CSV_COLUMNS } from './routes.tsx';
import { PAGE_SIZE } from './schema.ts';

type CsvRecord = { [K in (typeof CSV_COLUMNS)[number]]: string };

describe('audit log CSV export', () => {
  let f: AuditFixture;
  before(async () => {
    f = await auditFixture();
  });
  after(() => f.t.close());

  const download = async (query = '') => {
    const res = await f.admin.get(`/editor/audit.csv${query}`);
    assert.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const records = parse(bytes, { bom: true, columns: true }) as CsvRecord[];
    return { res, bytes, text: bytes.toString('utf8'), records };
  };

  test('is a private UTF-8 download with a BOM, a dated file name and the documented columns', async () => {
    const { res, bytes, text } = await download();
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=UTF-8');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="custodiet-audit-\d{8}\.csv"$/,
    );
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.ok(text.slice(1).startsWith(`${CSV_COLUMNS.join(',')}\r\n`));
  });

  test('holds every row of the log, oldest first, with names, ISO times and the chain', async () => {
    const { records } = await download();
    const all = (await seqsWhere(f.t.db, (q) => q)).reverse();
    assert.ok(all.length > PAGE_SIZE);
    assert.deepEqual(
      records.map((r) => Number(r.seq)),
      all,
    );
    const head = await f.t.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const last = records[records.length - 1]!;
    assert.equal(last.hash, head.hash);
    assert.equal(last.prev_hash, head.prev_hash);
    assert.equal(last.occurred_at, head.occurred_at.toISOString());
    const mine = records.find((r) => r.actor === `user:${f.editor.user.id}`)!;
    assert.equal(mine.actor_name, 'Test editor');
  });

  test('takes the same filters, and exports every matching row beyond one page', async () => {
    const { records } = await download('?actor=test%3Abulk&action=probe.bulk&match=exact&type=probes');
    assert.ok(BULK_ROWS > PAGE_SIZE);
    assert.equal(records.length, BULK_ROWS);
    assert.deepEqual(
      records.map((r) => r.entity_id),
      Array.from({ length: BULK_ROWS }, (_, i) => `bulk-${i}`),
    );
    const incidents = await download(`?type=incidents&id=${f.incidents.plain}`);
    assert.deepEqual(
      incidents.records.map((r) => r.action),
      ['create', 'update'],
    );
  });

  test('reads in batches without losing or repeating a row', async () => {
    const seqs: number[] = [];
    for await (const batch of auditExport(f.t.db, { actor: 'test:bulk' }, 7))
      seqs.push(...batch.map((r) => r.seq));
    assert.deepEqual(seqs, (await seqsWhere(f.t.db, (q) => q.where('actor', '=', 'test:bulk'))).reverse());
  });

  test('each export is itself written to the audit log, with who and which filters', async () => {
    await download('?type=probes');
    const last = await f.t.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.equal(last.action, 'audit.export');
    assert.equal(last.actor, `user:${f.admin.user.id}`);
    assert.equal((last.diff as { type?: string }).type, 'probes');
  });

  test('quotes commas, quotes and line breaks so every value round-trips', async () => {
    const { records } = await download(`?id=${f.incidents.formula}`);
    const created = JSON.parse(records[0]!.diff) as { after: { title: string; summary: string } };
    assert.equal(created.after.summary, AWKWARD_SUMMARY);
    assert.equal(created.after.title, FORMULA_TITLE);
    const awkward = await download('?actor=test%3Aawkward');
    assert.equal(awkward.records[0]!.entity_id, AWKWARD_SUMMARY);
    assert.ok(awkward.text.includes(`,"${AWKWARD_SUMMARY.replace(/"/g, '""')}",`));
  });

  test('neutralises every cell a spreadsheet would run as a formula', async () => {
    const { records, text } = await download('?type=probes&action=probe.formula');
    assert.equal(records.length, 1);
    assert.equal(records[0]!.actor, `'=cmd|' /C calc'!A0`);
    assert.equal(records[0]!.entity_id, "'@SUM(1+1)");
    for (const r of (await download()).records)
      for (const cell of Object.values(r)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
    // The formula title is only ever inside the JSON of the diff, never a cell of its own.
    assert.ok(!/(^|,)"?=HYPERLINK/m.test(text));
  });

  test('never exports a password hash or a secret', async () => {
    const { text } = await download();
    for (const { password_hash } of await f.t.db.selectFrom('users').select('password_hash').execute())
      assert.ok(!text.includes(password_hash));
    for (const secret of PLANTED_SECRETS) assert.ok(!text.includes(secret), secret);
    assert.ok(text.includes('[redacted]'));
  });
});
