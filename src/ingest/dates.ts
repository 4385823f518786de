// Dates in an article, read with chrono-node in UK day-month order against the article's own
// date, each with the precision the text gives: "3 December 2020" is a day, "March 2022" a
// month, "in 2019" a year, "between August 2024 and January 2025" a month range.
import type * as chrono from 'chrono-node';
import { textLibraries } from './nlp.ts';
import type { Span } from './text.ts';

/** Precisions a proposed date can have (the same vocabulary as incidents and timeline events). */
export type Precision = 'day' | 'month' | 'year' | 'range' | 'month_range' | 'year_range';

export interface FoundDate {
  span: Span;
  text: string;
  /** YYYY-MM-DD; a month is its first day, a year 1 January. */
  on: string;
  precision: Precision;
  until?: string;
  /** How the date was worked out, in words. */
  reasons: string[];
}

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

// A sentence about the future: a date in it may lie after the article's date.
const FUTURE = /\b(will|due|scheduled|expected|next|adjourned until|adjourned to|to face|to appear)\b/i;

type Component = Parameters<chrono.ParsedComponents['isCertain']>[0];

function precisionOf(c: chrono.ParsedComponents): 'day' | 'month' | 'year' | 'weekday' | null {
  const certain = (k: Component) => c.isCertain(k);
  if (certain('day')) return 'day';
  if (certain('weekday')) return 'weekday';
  if (certain('month')) return 'month';
  if (certain('year')) return 'year';
  return null;
}

function normalised(d: Date, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return `${d.getFullYear()}-01-01`;
  if (precision === 'month') return iso(new Date(d.getFullYear(), d.getMonth(), 1));
  return iso(d);
}

/**
 * Moves a date the text gave without a year (or a bare weekday) back before the article's date
 * unless the sentence speaks of the future: "dismissed on 23 October" in a November article is
 * this year's October, "on Thursday" in past-tense copy is the Thursday just gone.
 */
function pastward(r: chrono.ParsedResult, ref: Date, sentence: string): { date: Date; note?: string } {
  const d = r.start.date();
  if (d <= ref || FUTURE.test(sentence)) return { date: d };
  if (!r.start.isCertain('day') && r.start.isCertain('weekday')) {
    const back = new Date(d);
    back.setDate(back.getDate() - 7);
    return { date: back, note: 'a weekday read as the one before the article date' };
  }
  if ((r.start.isCertain('day') || r.start.isCertain('month')) && !r.start.isCertain('year')) {
    const back = new Date(d);
    back.setFullYear(back.getFullYear() - 1);
    return { date: back, note: 'no year given: read as the last such day before the article date' };
  }
  return { date: d };
}

// Durations ("for 20 minutes", "within 28 days", "for three years") and words that are not dates
// here ("now", "sat" the verb) are left out: they are not when anything happened.
const NOT_A_DATE =
  /^(?:(?:for|within|in|over)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+)?[\w-]+\s+(?:minutes?|hours?|days?|weeks?|fortnights?|months?|years?)|now|right now|sat|sun|mon|tue|wed|thu|fri)$/i;
// A month named alone needs a preposition before it, or "May" the name would be a date.
const MONTH_LEAD =
  /\b(?:in|on|from|since|until|till|by|of|during|between|and|to|early|late|mid|last|next|this|before|after)\s+$/i;

function fromChrono(r: chrono.ParsedResult, ref: Date, sentence: string, before: string): FoundDate | null {
  const p = precisionOf(r.start);
  if (p === null || NOT_A_DATE.test(r.text.trim())) return null; // a time of day alone, a duration
  if (p === 'month' && !r.start.isCertain('year') && !MONTH_LEAD.test(before)) return null;
  const moved = pastward(r, ref, sentence);
  const precision = p === 'weekday' ? 'day' : p;
  const reasons = [
    r.start.isCertain('year') ? `read as ${precision}` : `read as ${precision}, relative to the article date`,
  ];
  if (moved.note) reasons.push(moved.note);
  const found: FoundDate = {
    span: { start: r.index, end: r.index + r.text.length },
    text: r.text,
    on: normalised(moved.date, precision),
    precision,
    reasons,
  };
  if (r.end && precisionOf(r.end)) {
    const endP = precisionOf(r.end) === 'weekday' ? 'day' : (precisionOf(r.end) as 'day' | 'month' | 'year');
    found.until = normalised(r.end.date(), endP);
    found.precision = precision === 'day' ? 'range' : precision === 'month' ? 'month_range' : 'year_range';
  }
  return found;
}

// Bare years ("in 2019", "since 2016"): chrono-node leaves them alone, news copy is full of them.
const YEAR =
  /\b(?:in|since|during|from|until|by|of|early|late|mid-|throughout|before|after)\s+((?:19|20)\d\d)\b(?![\s-]*(?:\d|[-–]\d))/gi;

const YEAR_RANGE = /\b(?:between|from)\s+((?:19|20)\d\d)\s*(?:and|to|until|-|–)\s*((?:19|20)\d\d)\b/gi;

function bareYears(text: string, taken: Span[]): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(YEAR_RANGE)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const span = { start, end: m.index + m[0].length };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    taken = [...taken, span];
    out.push({
      span,
      text: text.slice(span.start, span.end),
      on: `${m[1]}-01-01`,
      until: `${m[2]}-01-01`,
      precision: 'year_range',
      reasons: ['a range of years'],
    });
  }
  for (const m of text.matchAll(YEAR)) {
    const start = m.index + m[0].length - m[1]!.length;
    const span = { start, end: start + 4 };
    if (taken.some((t) => t.start <= span.start && t.end >= span.end)) continue;
    if (out.some((o) => o.span.start <= span.start && o.span.end >= span.end)) continue;
    out.push({ span, text: m[1]!, on: `${m[1]}-01-01`, precision: 'year', reasons: ['a year on its own'] });
  }
  return out;
}

// "between August 2024 and January 2025", "from March to May 2021": two dates that make a range.
const RANGE_GAP = /^\s*(?:and|to|until|till|-|–|—)\s*$/i;
const RANGE_LEAD = /\b(?:between|from)\s*$/i;

function joinRanges(text: string, found: FoundDate[]): FoundDate[] {
  const out: FoundDate[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    const lead = text.slice(Math.max(0, a.span.start - 9), a.span.start);
    if (
      b &&
      !a.until &&
      !b.until &&
      RANGE_GAP.test(text.slice(a.span.end, b.span.start)) &&
      RANGE_LEAD.test(lead)
    ) {
      const precision: Precision =
        a.precision === 'year' && b.precision === 'year'
          ? 'year_range'
          : a.precision === 'day' && b.precision === 'day'
            ? 'range'
            : 'month_range';
      // "between January and April 2022": the first date takes the year of the second.
      const aOn = /\b(?:19|20)\d\d\b/.test(a.text) ? a.on : `${b.on.slice(0, 4)}${a.on.slice(4)}`;
      out.push({
        span: { start: a.span.start, end: b.span.end },
        text: text.slice(a.span.start, b.span.end),
        on: precision === 'range' ? aOn : `${aOn.slice(0, 7)}-01`,
        until: b.on,
        precision,
        reasons: [`a range: ${a.text} to ${b.text}`],
      });
      i++;
    } else if (
      b &&
      a.precision === 'month' &&
      /^\s*$/.test(text.slice(a.span.end, b.span.start)) &&
      /^(this|last) year$/i.test(b.text)
    ) {
      // "in May this year": one month, in the year the relative phrase names.
      out.push({
        ...a,
        span: { start: a.span.start, end: b.span.end },
        text: `${a.text} ${b.text}`,
        on: `${b.on.slice(0, 4)}${a.on.slice(4)}`,
      });
      i++;
    } else out.push(a);
  }
  return out;
}

/** Every date in the text, in order, each once. `sentenceOf` gives a date's sentence (tense). */
export function extractDates(
  text: string,
  articleDate: string,
  sentenceOf: (i: number) => string,
): FoundDate[] {
  const ref = new Date(`${articleDate}T12:00:00`);
  const parsed = textLibraries()
    .chrono.en.GB.parse(text, ref, { forwardDate: false })
    .map((r) => fromChrono(r, ref, sentenceOf(r.index), text.slice(Math.max(0, r.index - 12), r.index)))
    .filter((d): d is FoundDate => d !== null && !/^\d{1,2}$/.test(d.text.trim()));
  const all = [
    ...parsed,
    ...bareYears(
      text,
      parsed.map((p) => p.span),
    ),
  ].sort((a, b) => a.span.start - b.span.start);
  return joinRanges(text, all);
}
