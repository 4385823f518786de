// Protected people (rules R7–R9): a child (an age under 18, "teenager", "schoolgirl", "boy, 15"),
// a sexual-offence complainant, and every other member of the public. A proposal names none of
// them: each becomes a person with a pseudonym, and their names are withheld from every passage
// and value of the bundle before it is stored or shown.
import type { FoundPerson } from './people.ts';
import { escapeRegExp, type Span } from './text.ts';

export interface FoundProtected {
  pseudonym: string;
  officialPseudonym: boolean;
  ageStatus: 'minor' | 'adult' | 'unknown';
  age?: number;
  sexualOffenceComplainant: boolean;
  role: 'victim' | 'complainant' | 'witness' | 'relative' | 'bystander';
  /** Held only while the bundle is built, to withhold it everywhere; never stored. */
  withheldName: string | null;
  span: Span;
  reasons: string[];
}

const CHILD_WORDS =
  /\b(teenager|teenage (?:boy|girl)|schoolgirl|schoolboy|school ?child|pupil|youngster|juvenile|(?:young )?(?:boy|girl)|child|minor)\b/i;
const AGE = /\b(\d{1,2})-year-old\b|\baged (\d{1,2})\b|,\s(\d{1,2}),/g;
const OFFICIAL_CHILD = /\bChild [A-Z]\b/g;
const SEXUAL =
  /\b(rap(?:e|ed|ing)|sexual(?:ly)? assault(?:ed)?|sexual offen[cs]es?|indecent(?:ly)? assault(?:ed)?|voyeurism|upskirting|sexual touching|sexual purpose|sexual activity with a child|indecent images)\b/i;
const ROLE: [RegExp, FoundProtected['role']][] = [
  [
    /\b(mother|father|mum|dad|sister|brother|son|daughter|wife|husband|partner|family|relative|cousin|aunt|uncle|grandmother|grandfather)\b/i,
    'relative',
  ],
  [/\b(complain(?:ed|ant|t)|reported)\b/i, 'complainant'],
  [/\b(witness(?:es|ed)?|saw|filmed)\b/i, 'witness'],
  [/\b(passer-by|bystander)\b/i, 'bystander'],
];

// A name written right next to a child cue, found without the name tagger (which misses some):
// "Callum Reed, 14," / "the boy, Callum Reed," / "Amy Price, a schoolgirl" / "named as Amy Price".
const NAME = "[A-Z][a-zA-Z'’-]+(?: [A-Z][a-zA-Z'’-]+){0,3}";
const CHILD_NOUN = 'boy|girl|schoolgirl|schoolboy|teenager|pupil|child|son|daughter|youngster';
const CHILD_NAME = [
  new RegExp(`(${NAME}),\\s(?:aged\\s)?(\\d{1,2}),`, 'g'),
  new RegExp(`\\b(?:${CHILD_NOUN}),?\\s(?:named\\s(?:locally\\s)?as\\s)?(${NAME})`, 'g'),
  new RegExp(`(${NAME}),\\s(?:a|the)\\s(?:\\d{1,2}-year-old|${CHILD_NOUN})`, 'g'),
];
const NOT_A_NAME =
  /^(?:The|A|An|He|She|They|It|His|Her|Their|This|That|On|In|At|When|After|Before|PC|Sgt|Police|Officers?)$/;

/** The name written beside a child cue at this span, if any. */
function childNameNear(text: string, span: Span): string | null {
  for (const re of CHILD_NAME)
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (end < span.start || start > span.end) continue;
      const words = m[1]!.split(' ').filter((w) => !NOT_A_NAME.test(w));
      if (words.length > 0 && (m[2] === undefined || Number(m[2]) < 18)) return words.join(' ');
    }
  return null;
}

const roleOf = (sentence: string): FoundProtected['role'] =>
  ROLE.find(([re]) => re.test(sentence))?.[1] ?? 'victim';

/** The person a span names (its mention begins or ends within a few characters of it). */
function personNear(
  people: FoundPerson[],
  span: Span,
  sentenceOf: (i: number) => string,
): FoundPerson | undefined {
  const sentence = sentenceOf(span.start);
  return people.find(
    (p) =>
      p.kind === 'person' &&
      p.mentions.some(
        (m) =>
          sentenceOf(m.start) === sentence &&
          (Math.abs(m.end - span.start) <= 30 || Math.abs(span.end - m.start) <= 20),
      ),
  );
}

function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;
}

/**
 * Children, sexual-offence complainants and other members of the public in the text. `people`
 * are the names found (members of the public among them); `sentenceOf` gives an offset's sentence.
 */
export function extractProtected(
  text: string,
  people: FoundPerson[],
  sentenceOf: (offset: number) => string,
): FoundProtected[] {
  const out: FoundProtected[] = [];
  const claimed = new Set<FoundPerson>();
  const children = { n: 0 };
  const add = (p: Omit<FoundProtected, 'pseudonym' | 'officialPseudonym'>, official?: string) => {
    const dup = out.find((o) => o.withheldName && o.withheldName === p.withheldName);
    if (dup) return;
    out.push({
      ...p,
      pseudonym: official ?? (p.ageStatus === 'minor' ? `Child ${letter(children.n++)}` : ''),
      officialPseudonym: official !== undefined,
    });
  };
  for (const m of text.matchAll(OFFICIAL_CHILD)) {
    if (out.some((o) => o.pseudonym === m[0])) continue;
    add(
      {
        ageStatus: 'minor',
        sexualOffenceComplainant: false,
        role: 'victim',
        withheldName: null,
        span: { start: m.index, end: m.index + m[0].length },
        reasons: ['an official pseudonym for a child, kept exactly'],
      },
      m[0],
    );
  }
  for (const m of text.matchAll(AGE)) {
    const age = Number(m[1] ?? m[2] ?? m[3]);
    if (age >= 18) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    const sentence = sentenceOf(m.index);
    // ", 15," counts only right after a name; "15-year-old" and "aged 15" count anywhere.
    const person = personNear(people, span, sentenceOf);
    if (m[3] && !person) continue;
    if (
      out.some((o) => o.ageStatus === 'minor' && o.span.start <= span.start && o.span.end >= span.start - 40)
    )
      continue;
    if (out.some((o) => o.ageStatus === 'minor' && sentenceOf(o.span.start) === sentence && !o.age)) {
      // "a schoolgirl, 15": one child, now with an age.
      const o = out.find((x) => x.ageStatus === 'minor' && sentenceOf(x.span.start) === sentence)!;
      o.age = age;
      o.withheldName ??= person?.name ?? childNameNear(text, span);
      continue;
    }
    if (person) claimed.add(person);
    add({
      ageStatus: 'minor',
      age,
      sexualOffenceComplainant: SEXUAL.test(sentence),
      role: roleOf(sentence),
      withheldName: person?.name ?? childNameNear(text, span),
      span,
      reasons: [`age ${age}: a child, never named (R8)`],
    });
  }
  for (const m of text.matchAll(new RegExp(CHILD_WORDS.source, 'gi'))) {
    const span = { start: m.index, end: m.index + m[0].length };
    const person = personNear(people, span, sentenceOf);
    const sentence = sentenceOf(m.index);
    if (out.some((o) => o.ageStatus === 'minor' && sentenceOf(o.span.start) === sentence)) continue;
    if (
      /\bchild(ren)?\b/i.test(m[0]) &&
      !person &&
      !/\b(a|the|her|his|their)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))
    )
      continue;
    if (person) claimed.add(person);
    add({
      ageStatus: 'minor',
      sexualOffenceComplainant: SEXUAL.test(sentence),
      role: roleOf(sentence),
      withheldName: person?.name ?? childNameNear(text, span),
      span,
      reasons: [`“${m[0]}”: a child, never named (R8)`],
    });
  }
  for (const p of people) {
    if (p.kind !== 'person' || claimed.has(p)) continue;
    const span = p.mentions[0]!;
    const sentence = sentenceOf(span.start);
    const sexual = p.mentions.some((s) => SEXUAL.test(sentenceOf(s.start)));
    add({
      ageStatus: 'unknown',
      sexualOffenceComplainant: sexual,
      role: roleOf(sentence),
      withheldName: p.name,
      span,
      reasons: [
        sexual
          ? 'named near a sexual offence: lifelong anonymity, never named (R7)'
          : 'a member of the public: pseudonymised by default (R9)',
      ],
    });
  }
  let adults = 0;
  for (const o of out) if (!o.pseudonym) o.pseudonym = `Person ${letter(adults++)}`;
  return out;
}

/** The text that replaces a withheld name. */
export const WITHHELD = '[name withheld]';

/**
 * A function that withholds names: each whole name, then each of its words (a later "Jane" or
 * "Doe" alone), except words that are also part of a name we may show (an officer's surname).
 */
export function nameRedactor(withheld: string[], shown: string[]): (s: string) => string {
  const keep = new Set(shown.flatMap((n) => n.toLowerCase().split(/\s+/)));
  const whole = [...new Set(withheld)].sort((a, b) => b.length - a.length);
  const parts = [...new Set(whole.flatMap((n) => n.split(/\s+/)))].filter(
    (w) => w.length >= 2 && /^[A-Z]/.test(w) && !keep.has(w.toLowerCase()),
  );
  const patterns = [...whole, ...parts].map(
    (n) => new RegExp(`(?<![\\p{L}])${escapeRegExp(n)}(?![\\p{L}])`, 'gu'),
  );
  return (s: string) => patterns.reduce((acc, re) => acc.replace(re, WITHHELD), s);
}
