import { formatPartialDate } from '../http/format.ts';
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
 * Scoring a pair of incidents that share a force (directly or through `incident_forces`) and
 * whose dates, read with their precision, come within WINDOW_DAYS of each other: an incident
 * known only to the month covers the whole month, so it matches any day in it. The weights:
 * - date: the same day 0.3; one day apart 0.2; two or three 0.1; a period (month, year, range)
 *   that includes the other date 0.1 for a month or shorter, 0.05 for longer; otherwise 0.05.
 * - place, by trigram similarity of the place text: ≥ 0.9 0.3, ≥ 0.7 0.2, ≥ 0.5 0.1; clearly
 *   different places (< 0.3, or numbers that differ: "3100 block" / "6000 block" of one street,
 *   which trigrams hardly tell apart) −0.15. A place text many records of the force share (at least 5
 *   and 1% of them, e.g. "a residence: address withheld") says nothing and is not counted.
 * - officers: 0.25 for each officer both name (at most two counted); both list officers but none
 *   in common −0.1.
 * - the same dataset listing them as two records −0.1.
 * A pair is put to a person at PENDING_THRESHOLD (0.45) and only with a place or an officer in
 * its favour: a date alone is never enough. Incidents never merge automatically.
 */

export const WINDOW_DAYS = 3;
/** Least place similarity that makes two incidents worth comparing. */
export const PLACE_SIMILAR = 0.5;

/** What the candidate query found about one pair (incident-evidence.ts). */
export interface IncidentEvidence {
  a: string;
  b: string;
  dateA: { on: string; precision: string; end: string };
  dateB: { on: string; precision: string; end: string };
  /** Days between the two periods (0 when they overlap). */
  gap: number;
  placeA: string | null;
  placeB: string | null;
  placeSimilarity: number | null;
  /** How many records of the force share the place text, when that makes it too common to count. */
  placeCommon: number | null;
  /** Both places carry numbers (a block, a house number) and they differ. */
  placeNumbersDiffer: boolean;
  sharedOfficers: string[];
  officersA: number;
  officersB: number;
  sameDataset: string | null;
}

const W = { sameDay: 0.3, oneDay: 0.2, fewDays: 0.1, period: 0.1, longPeriod: 0.05, place: [0.3, 0.2, 0.1] };
const PLACE_BANDS = [0.9, 0.7, PLACE_SIMILAR] as const;
const PLACE_DIFFERS = 0.3;
const OFFICER = 0.25;

const days = (d: { on: string; end: string }) =>
  Math.round((Date.parse(d.end) - Date.parse(d.on)) / 86_400_000) + 1;
const shown = (d: IncidentEvidence['dateA']) => formatPartialDate(d.on, d.precision, d.end);

function dateReason(e: IncidentEvidence): Reason {
  const dates = `${shown(e.dateA)} / ${shown(e.dateB)}`;
  const single = e.dateA.precision === 'day' && e.dateB.precision === 'day';
  if (single && e.gap === 0) return reason('same_day', 'for', W.sameDay, `Same day: ${shown(e.dateA)}.`);
  if (single)
    return reason(
      'dates_close',
      'for',
      e.gap === 1 ? W.oneDay : W.fewDays,
      `Dates ${e.gap} day${e.gap === 1 ? '' : 's'} apart: ${dates}.`,
    );
  const longest = Math.max(days(e.dateA), days(e.dateB));
  if (e.gap === 0)
    return reason(
      'dates_compatible',
      'for',
      longest <= 31 ? W.period : W.longPeriod,
      `Dates compatible (one is known only as a period that includes the other): ${dates}.`,
    );
  return reason('dates_near', 'for', W.longPeriod, `Dates within ${e.gap} days of each other: ${dates}.`);
}

function placeReasons(e: IncidentEvidence): Reason[] {
  if (e.placeA === null || e.placeB === null || e.placeSimilarity === null) return [];
  const s = e.placeSimilarity;
  const places = `“${e.placeA}” / “${e.placeB}” (trigram similarity ${two(s)})`;
  if (e.placeCommon !== null)
    return [
      reason(
        'place_common',
        'note',
        0,
        `Place not counted: ${e.placeCommon} records of the force give the same place text (${places}).`,
      ),
    ];
  if (e.placeNumbersDiffer)
    return [reason('places_differ', 'against', 0.15, `Different places (the numbers differ): ${places}.`)];
  const band = PLACE_BANDS.findIndex((t) => s >= t);
  if (band === 0) return [reason('same_place', 'for', W.place[0]!, `Same place: ${places}.`)];
  if (band > 0) return [reason('place_similar', 'for', W.place[band]!, `Similar places: ${places}.`)];
  return s < PLACE_DIFFERS ? [reason('places_differ', 'against', 0.15, `Different places: ${places}.`)] : [];
}

function officerReasons(e: IncidentEvidence): Reason[] {
  const out = e.sharedOfficers
    .slice(0, 2)
    .map((name) => reason('same_officer', 'for', OFFICER, `Both name the officer ${name}.`));
  if (e.sharedOfficers.length > 2)
    out.push(reason('same_officer', 'note', 0, `${e.sharedOfficers.length - 2} more officers in common.`));
  if (e.sharedOfficers.length === 0 && e.officersA > 0 && e.officersB > 0)
    out.push(
      reason(
        'officers_differ',
        'against',
        0.1,
        `Both list officers (${e.officersA} and ${e.officersB}), none in common.`,
      ),
    );
  return out;
}

/** The score and reasons of one incident pair. Never automatic. */
export function scoreIncidents(e: IncidentEvidence): ScoredPair & { keep: boolean } {
  const reasons = [dateReason(e), ...placeReasons(e), ...officerReasons(e)];
  if (e.sameDataset)
    reasons.push(
      reason('same_dataset', 'against', SAME_DATASET, `${e.sameDataset} lists them as two records.`),
    );
  const score = scoreOf(reasons);
  const corroborated = reasons.some(
    (r) => r.stance === 'for' && ['same_place', 'place_similar', 'same_officer'].includes(r.code),
  );
  return {
    a: e.a,
    b: e.b,
    score,
    reasons,
    automatic: false,
    keep: score >= PENDING_THRESHOLD && corroborated,
  };
}
