/**
 * The evidence behind a match candidate, stored with it (`match_candidates.reasons`) and shown on
 * the review page: what agreed, what disagreed, and how much each counted. The score is their
 * sum, held between 0 and 1, so anyone can redo it by hand.
 */

/** 'for' raises the score, 'against' lowers it, 'note' is shown but weighs nothing. */
export type Stance = 'for' | 'against' | 'note';

/** One piece of evidence about a pair of records. */
export interface Reason {
  /** Stable code (e.g. `same_identifier`, `name_differs`), for filtering and tests. */
  code: string;
  stance: Stance;
  /** What it adds to the score (negative when against, 0 for a note). */
  weight: number;
  /** The evidence in plain words, with the values compared. */
  text: string;
}

/** A pair of records with its reasons, as matching stores it. */
export interface ScoredPair {
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
  /** Whether the pair passes the automatic-merge rule (officers only; see officer-score.ts). */
  automatic: boolean;
}

/** Sum of the weights, held between 0 and 1, to three decimals (the column's precision). */
export function scoreOf(reasons: Reason[]): number {
  const sum = reasons.reduce((s, r) => s + r.weight, 0);
  return Math.round(Math.min(1, Math.max(0, sum)) * 1000) / 1000;
}

export const reason = (code: string, stance: Stance, weight: number, text: string): Reason => ({
  code,
  stance,
  weight: stance === 'note' ? 0 : stance === 'against' ? -Math.abs(weight) : Math.abs(weight),
  text,
});

/** A similarity figure as shown in reasons (two decimals, so re-runs compare equal). */
export const two = (x: number) => x.toFixed(2);

/** The lowest score a pair needs to be put to a person at all. */
export const PENDING_THRESHOLD = 0.45;

/** Records the same dataset lists separately: it says they are two, which counts a little against. */
export const SAME_DATASET = 0.1;
