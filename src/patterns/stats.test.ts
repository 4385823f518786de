import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_CELL, percentileRank, per1000, rateRatio, suppressOne, suppressRow } from './stats.ts';

test('small cells are suppressed, and a lone hidden cell takes the next smallest with it', () => {
  assert.equal(MIN_CELL, 5);
  const cells = suppressRow([120, 3, 40, 0, 9]);
  assert.deepEqual(
    cells.map((c) => c.value),
    [120, null, 40, 0, null],
    '3 is primary; 9, the smallest other non-zero cell, is secondary; zero stays',
  );
  assert.deepEqual(
    suppressRow([2, 4, 50]).map((c) => c.value),
    [null, null, 50],
    'two hidden cells protect each other',
  );
  assert.deepEqual(suppressOne(4), { value: null, suppressed: true });
  assert.deepEqual(suppressOne(5), { value: 5, suppressed: false });
  assert.deepEqual(suppressOne(0), { value: 0, suppressed: false });
});

test('percentile rank counts half of the ties (hand-computed)', () => {
  // Peers' counts 1,1,2,2,2,3,5,8 (the officer is one of the 2s): 2 below, 3 level (itself included)
  // → (2 + 1.5) / 8 = 43.75%.
  assert.equal(percentileRank(2, 3, 8), 43.75);
  assert.equal(percentileRank(7, 1, 8), 93.75);
  assert.throws(() => percentileRank(0, 0, 0), RangeError);
});

test('rate ratio and its 95% interval by the log method (hand-computed)', () => {
  // 100 searches of 1,000 people against 50 of 2,000: rates 0.1 and 0.025, ratio 4.
  // SE = √(1/100 + 1/50) = √0.03 = 0.1732051; 1.959964 × SE = 0.3394757;
  // exp(0.3394757) = 1.404211, so 4 ÷ 1.404211 = 2.848574 to 4 × 1.404211 = 5.616845.
  const r = rateRatio(100, 1000, 50, 2000)!;
  assert.equal(r.ratio, 4);
  assert.ok(Math.abs(r.lower - 2.848574) < 1e-5, `lower ${r.lower}`);
  assert.ok(Math.abs(r.upper - 5.616845) < 1e-5, `upper ${r.upper}`);
  assert.equal(rateRatio(0, 1000, 50, 2000), null, 'no interval for a zero count');
  assert.equal(per1000(25, 5000), 5);
});
