// The arithmetic behind the pattern pages, kept pure so each formula is tested by hand.

/**
 * Rule R23: the smallest count printed in a figure about a group. Counts of 1 to
 * MIN_CELL − 1 are suppressed ("fewer than 5"); zero is printed, as it identifies nobody.
 */
export const MIN_CELL = 5;

/** A count as printed: the number, or suppressed. */
export type Cell = { value: number; suppressed: false } | { value: null; suppressed: true };

/**
 * Suppresses small cells in one row of counts whose total is printed. Primary suppression hides
 * every count from 1 to MIN_CELL − 1; if exactly one cell is hidden, the smallest other non-zero
 * cell is hidden too (secondary suppression), or the total would give the hidden one away.
 */
export function suppressRow(values: number[]): Cell[] {
  const hidden = values.map((v) => v > 0 && v < MIN_CELL);
  if (hidden.filter(Boolean).length === 1) {
    let pick = -1;
    values.forEach((v, i) => {
      if (!hidden[i] && v > 0 && (pick < 0 || v < values[pick]!)) pick = i;
    });
    if (pick >= 0) hidden[pick] = true;
  }
  return values.map((v, i) =>
    hidden[i] ? { value: null, suppressed: true } : { value: v, suppressed: false },
  );
}

/** One count, suppressed when small (no row total is printed beside it). */
export function suppressOne(value: number): Cell {
  return value > 0 && value < MIN_CELL ? { value: null, suppressed: true } : { value, suppressed: false };
}

/**
 * Percentile rank of `value` among a peer group: the share of peers below it plus half of those
 * level with it (the "mid-rank" definition, so the middle of a tie sits in the middle).
 */
export function percentileRank(below: number, equal: number, total: number): number {
  if (total <= 0) throw new RangeError('a percentile needs at least one peer');
  return (100 * (below + 0.5 * equal)) / total;
}

/** A rate ratio with its 95% confidence interval. */
export interface RateRatio {
  ratio: number;
  lower: number;
  upper: number;
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Ratio of two rates (events per person) with a 95% confidence interval by the log rate-ratio
 * normal approximation: events are Poisson counts over fixed populations, so
 * SE(ln RR) = √(1/a + 1/b) and the interval is exp(ln RR ± 1.96·SE). Undefined (null) when
 * either count or population is zero.
 */
export function rateRatio(a: number, popA: number, b: number, popB: number): RateRatio | null {
  if (a <= 0 || b <= 0 || popA <= 0 || popB <= 0) return null;
  const ratio = a / popA / (b / popB);
  const se = Math.sqrt(1 / a + 1 / b);
  return { ratio, lower: ratio * Math.exp(-Z95 * se), upper: ratio * Math.exp(Z95 * se) };
}

/** Events per 1,000 people. */
export function per1000(events: number, population: number): number | null {
  return population > 0 ? (1000 * events) / population : null;
}

/** A share as a percentage, or null without a denominator. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}
