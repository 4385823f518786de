// How page data becomes API JSON: dates, bigints and camelCase keys; frozen (shared, cached)
// data converted once, anything else afresh each time so a change is never hidden.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plain } from './json.ts';

test('dates, bigints and snake_case keys become JSON-ready values; undefined fields are dropped', () => {
  const at = new Date('2026-01-02T03:04:05.000Z');
  assert.deepEqual(
    plain({ occurred_on: at, row_count: 12n, nested_list: [{ shoulder_number: 'AB1' }], gone: undefined }),
    {
      occurredOn: '2026-01-02T03:04:05.000Z',
      rowCount: '12',
      nestedList: [{ shoulderNumber: 'AB1' }],
    },
  );
});

test('a frozen object is converted once; an unfrozen one is read again every time', () => {
  const rows = [{ slug_name: 'a' }];
  const shared = Object.freeze({ list_of_rows: rows });
  const first = plain(shared);
  assert.equal(plain(shared), first);
  const live = { list_of_rows: rows };
  assert.deepEqual(plain(live), { listOfRows: [{ slugName: 'a' }] });
  rows.push({ slug_name: 'b' });
  assert.deepEqual(plain(live), { listOfRows: [{ slugName: 'a' }, { slugName: 'b' }] });
  assert.notEqual(plain(live), plain(live));
});
