import {
  PENDING_THRESHOLD,
  reason,
  SAME_DATASET,
  scoreOf,
  two,
  type Reason,
  type ScoredPair,
} from './reasons.ts';

/**
 * Scoring a pair of officers of one force (rule R11: identity is a number *with* its force and
 * validity, never a number alone). The weights, and why:
 * - an identifier both hold (same type and value, case-insensitive, overlapping validity; a
 *   number a dataset gave but the importer could not attach counts too): 0.3 for numbers worn on
 *   duty (shoulder, badge, cipher), which are reissued; 0.4 for personal numbers (warrant,
 *   payroll), which are not; 0.3 for another dataset's id. Each type counts once.
 * - the published name, by trigram similarity: near-identical (≥ 0.85, e.g. a middle initial only one source gives) 0.35, similar (≥ 0.7)
 *   0.25, partly (≥ 0.5) 0.1. A name below 0.5 beside a shared number is evidence *against*
 *   (−0.4): a reissued number held by someone else.
 * - a unit in common 0.15; a rank in common 0.05 (most officers share the lowest rank).
 * - against: different personal numbers (−0.5); different duty numbers held over the same dated
 *   period (−0.2); the same dataset listing them as two officers (−0.1).
 * A pair is put to a person at PENDING_THRESHOLD (0.45) and only with more than a number: a name
 * at least similar, or a unit or rank in common. It merges automatically only with two
 * independent identifiers (two different types) agreeing, a near-identical name, nothing
 * against, and both records drafts (nothing public or under review changes without a person).
 */

/** What the candidate query found about one pair (officer-evidence.ts). */
export interface OfficerEvidence {
  a: string;
  b: string;
  nameA: string | null;
  nameB: string | null;
  nameSimilarity: number | null;
  shared: { type: string; value: string }[];
  conflicts: { type: string; a: string; b: string }[];
  sharedRanks: string[];
  sharedUnits: string[];
  sameDataset: string | null;
  /** Publication states: only two drafts ever merge without a person. */
  stateA: string;
  stateB: string;
}

/** Personal numbers: never reissued, so a match weighs more and a difference is disqualifying. */
export const PERSONAL_TYPES = new Set(['warrant_number', 'payroll_number']);

export const IDENTIFIER_LABELS: Record<string, string> = {
  shoulder_number: 'shoulder number',
  warrant_number: 'warrant number',
  cipher: 'cipher',
  badge_number: 'badge (star) number',
  payroll_number: 'payroll number',
  external_id: 'external id',
};

// "Robert C Distasio" / "Robert Distasio" (a middle initial one source gives) is 0.89.
export const NAME = { identical: 0.85, similar: 0.7, partly: 0.5 } as const;
const W = {
  duty: 0.3,
  personal: 0.4,
  external: 0.3,
  identical: 0.35,
  similar: 0.25,
  partly: 0.1,
  nameDiffers: 0.4,
  unit: 0.15,
  rank: 0.05,
  personalDiffers: 0.5,
  dutyDiffers: 0.2,
} as const;

const label = (type: string) => IDENTIFIER_LABELS[type] ?? type.replace(/_/g, ' ');

function identifierWeight(type: string): number {
  if (PERSONAL_TYPES.has(type)) return W.personal;
  return type === 'external_id' ? W.external : W.duty;
}

function nameReasons(e: OfficerEvidence): Reason[] {
  const s = e.nameSimilarity;
  if (s === null || e.nameA === null || e.nameB === null)
    return [reason('name_missing', 'note', 0, 'No published name on one of the records to compare.')];
  const names = `“${e.nameA}” / “${e.nameB}” (trigram similarity ${two(s)})`;
  if (s >= NAME.identical)
    return [reason('name_identical', 'for', W.identical, `Near-identical names: ${names}.`)];
  if (s >= NAME.similar) return [reason('name_similar', 'for', W.similar, `Similar names: ${names}.`)];
  if (s >= NAME.partly) return [reason('name_partly', 'for', W.partly, `Names partly similar: ${names}.`)];
  if (e.shared.length > 0)
    return [
      reason('name_differs', 'against', W.nameDiffers, `Different names with the same number: ${names}.`),
    ];
  return [reason('name_differs', 'note', 0, `Different names: ${names}.`)];
}

function identifierReasons(e: OfficerEvidence): Reason[] {
  const byType = new Map<string, string[]>();
  for (const s of e.shared) byType.set(s.type, [...(byType.get(s.type) ?? []), s.value]);
  const out = [...byType].map(([type, values]) =>
    reason(
      'same_identifier',
      'for',
      identifierWeight(type),
      `Same ${label(type)} in the same force over an overlapping period: ${values.join(', ')}.`,
    ),
  );
  for (const c of e.conflicts) {
    const personal = PERSONAL_TYPES.has(c.type);
    out.push(
      reason(
        personal ? 'personal_number_differs' : 'duty_number_differs',
        'against',
        personal ? W.personalDiffers : W.dutyDiffers,
        `Different ${label(c.type)}s${personal ? '' : ' held over the same dates'}: ${c.a} / ${c.b}.`,
      ),
    );
  }
  return out;
}

/** The score and reasons of one officer pair, and whether it may merge without a person. */
export function scoreOfficers(e: OfficerEvidence): ScoredPair & { keep: boolean } {
  const reasons = [...identifierReasons(e), ...nameReasons(e)];
  if (e.sharedUnits.length > 0)
    reasons.push(reason('same_unit', 'for', W.unit, `Unit in common: ${e.sharedUnits.join(', ')}.`));
  if (e.sharedRanks.length > 0)
    reasons.push(reason('same_rank', 'for', W.rank, `Rank in common: ${e.sharedRanks.join(', ')}.`));
  if (e.sameDataset)
    reasons.push(
      reason('same_dataset', 'against', SAME_DATASET, `${e.sameDataset} lists them as two officers.`),
    );
  const score = scoreOf(reasons);
  const moreThanANumber = reasons.some(
    (r) =>
      r.stance === 'for' && ['name_identical', 'name_similar', 'same_unit', 'same_rank'].includes(r.code),
  );
  const independent = new Set(e.shared.map((s) => s.type)).size;
  const automatic =
    independent >= 2 &&
    reasons.some((r) => r.code === 'name_identical') &&
    !reasons.some((r) => r.stance === 'against') &&
    e.stateA === 'draft' &&
    e.stateB === 'draft';
  return { a: e.a, b: e.b, score, reasons, automatic, keep: score >= PENDING_THRESHOLD && moreThanANumber };
}
