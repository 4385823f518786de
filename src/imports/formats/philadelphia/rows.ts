import { z } from 'zod';
import { code, EXCEL_ERRORS, text } from '../../fields.ts';
import { clearedByDiscipline, STATUS_FOR_FINDING, usFinding, usSanction } from '../../us-vocabulary.ts';
import { complaintId } from './shared.ts';

/**
 * The findings file's rows: what is read of them, how duplicates are told apart, and how an
 * allegation, its finding and its penalty read.
 */

// R's write_csv writes a missing value as `NA`; two rows hold Excel's `#VALUE!` instead of findings.
const MISSING = ['', 'NA', ...EXCEL_ERRORS];
const INVESTIGATIVE = ['No Sustained Findings', 'Sustained Finding', 'Pending', 'Not Applicable'] as const;
const DISCIPLINARY = [
  'Not Applicable',
  'Pending',
  'Training/Counseling',
  'Guilty Finding',
  'No Guilty Findings',
] as const;

/** The city's anonymised officer id, or null for `NA` (no officer identified). */
const officerRef = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (t === 'NA' || t === '') return null;
  if (!/^\d{1,12}$/.test(t))
    ctx.addIssue({ code: 'custom', message: 'must be the city’s officer id (digits) or NA' });
  return t;
});

/**
 * "3500 35TH DISTRICT": the unit's code and name at the time, or null for `NA`. A unit named
 * without a code ("OTHER CITY AGENCIES", once) is kept as written, with no posting.
 */
const assignedUnit = text(100, ['', 'NA']).transform((t) => {
  if (t === null) return null;
  const m = /^(\d{4})\s+(\S.*)$/.exec(t);
  return { raw: t, code: m ? m[1]! : null, name: m ? m[2]!.trim() : t };
});

/**
 * `ppd_complaint_disciplines.csv`: one row per officer and allegation of a complaint. `po_race`
 * and `po_sex` are never read: an officer's professional identity only.
 */
export const findingRow = z.looseObject({
  complaint_id: complaintId,
  officer_id: officerRef,
  po_assigned_unit: assignedUnit,
  allegations_investigated: text(100, ['', 'NA']),
  investigative_findings: code(INVESTIGATIVE, MISSING),
  disciplinary_findings: code(DISCIPLINARY, MISSING),
});
export type FindingRow = z.output<typeof findingRow>;

/** One distinct row: its dataset key and how many identical rows the file has. */
export interface Entry {
  key: string;
  count: number;
  row: FindingRow;
}
export interface Distinct {
  /** Distinct rows seen so far in this file, by their content. */
  seen: Map<string, Entry>;
  /** How many distinct rows each (complaint, officer, allegation) has had so far. */
  triples: Map<string, number>;
}
export const spreadsheetError = (r: FindingRow) => EXCEL_ERRORS.includes(r.allegations_investigated ?? '');

/**
 * Rows have no id. An exact duplicate of an earlier row is the same allegation, counted; distinct
 * rows that repeat (complaint, officer, allegation) are separate allegations, keyed by the triple
 * and their order among its rows, so a newer file updates each one (a pending finding decided).
 */
export function classify(rows: FindingRow[], state: Distinct): { fresh: Entry[]; touched: Set<Entry> } {
  const fresh: Entry[] = [];
  const touched = new Set<Entry>();
  for (const r of rows) {
    const content = JSON.stringify([
      r.complaint_id,
      r.officer_id,
      r.po_assigned_unit?.raw ?? null,
      r.allegations_investigated,
      r.investigative_findings,
      r.disciplinary_findings,
    ]);
    let e = state.seen.get(content);
    if (e) e.count++;
    else {
      const triple = `${r.complaint_id}/${r.officer_id ?? 'NA'}/${r.allegations_investigated ?? 'not published'}`;
      const n = (state.triples.get(triple) ?? 0) + 1;
      state.triples.set(triple, n);
      e = { key: `${triple}#${n}`, count: 1, row: r };
      state.seen.set(content, e);
      fresh.push(e);
    }
    touched.add(e);
  }
  return { fresh, touched };
}

const SPECIAL: Record<string, string> = {
  'Investigation OnGoing': 'Allegation not yet classified: the Internal Affairs investigation is ongoing',
  'No C.A.P. Investigation': 'No Complaint Against Police (C.A.P.) investigation was opened',
  'Referred to Other Agency/C.A.P. Investigation':
    'Referred elsewhere (as published: “Referred to Other Agency/C.A.P. Investigation”)',
};

export function summaryOf(r: FindingRow): string {
  if (spreadsheetError(r))
    return 'Allegation type not published (the data holds a spreadsheet error in this row)';
  const a = r.allegations_investigated;
  if (!a) return 'Allegation type not published';
  return SPECIAL[a] ?? `${a} (allegation type as the Internal Affairs Bureau records it)`;
}

export function statusOf(r: FindingRow): string {
  if (clearedByDiscipline(r.disciplinary_findings)) return 'not_proven';
  const f = usFinding(r.investigative_findings);
  return f ? STATUS_FOR_FINDING[f] : 'reported';
}

/** The investigation's finding, once there is one (pending is not a finding). */
export const decision = (r: FindingRow) => {
  const f = usFinding(r.investigative_findings);
  return f && f !== 'pending' ? f : null;
};
// A penalty that was decided (a pending one is said in the finding's summary, not recorded as one).
export const penalty = (r: FindingRow) =>
  decision(r) && !['Pending', 'Not Applicable'].includes(r.disciplinary_findings ?? 'Pending')
    ? usSanction(r.disciplinary_findings)
    : null;

export function sanctionDetail(r: FindingRow): string {
  const as = `Disciplinary outcome as published: ${r.disciplinary_findings}.`;
  if (r.disciplinary_findings === 'Guilty Finding') return `${as} The penalty imposed is not published.`;
  return clearedByDiscipline(r.disciplinary_findings) ? `${as} No penalty.` : as;
}

/** The finding's own words: both stages as published (no date is published for either). */
export function findingSummary(r: FindingRow): string {
  const discipline = r.disciplinary_findings ? ` Disciplinary outcome: ${r.disciplinary_findings}.` : '';
  return `Investigative finding as published: ${r.investigative_findings}.${discipline}`;
}
