// Statements: quoted speech attributed to its speaker ("…,” said X; X said: “…”; X told the BBC:
// “…”), with a following unattributed quote read as the same speaker continuing, and "he said"
// resolved to the last named speaker. Only officers, officials and organisations make
// statements here; quotes from members of the public are left out (they are not official
// statements, and their names are withheld).
import type { FoundPerson } from './people.ts';
import type { Span } from './text.ts';

export interface FoundStatement {
  span: Span;
  quote: string;
  speaker: string;
  speakerKind: 'officer' | 'official' | 'organisation';
  speakerRole: string;
  isPromise: boolean;
  promiseType?: string;
  reasons: string[];
}

const VERB =
  '(?:said|says|told [^.,“”"]{1,60}?|added|explained|continued|warned|admitted|stated|wrote|commented|insisted)';
const AFTER_VERB_FIRST = new RegExp(`^[\\s,]*${VERB}[\\s,]+([^.“”"\\n]{2,100})`);
const AFTER_SPEAKER_FIRST = new RegExp(`^[\\s,]*([^.“”"\\n]{2,100}?)\\s+${VERB}(?=[\\s.,;]|$)`);
const BEFORE = new RegExp(`([^.“”"\\n]{2,140}?)\\s+${VERB}\\s*(?:that\\s*)?[:,]?\\s*$`);
// Reported speech around a quoted fragment: X said the force “fell short…”.
const BEFORE_REPORTED = new RegExp(
  `([^.“”"\\n]{2,100}?)\\s+(?:said|says|told [^.,“”"]{1,40}?|added|admitted)\\s+(?:that\\s+)?[^.“”"\\n:]{0,80}$`,
);

// Organisations that speak through a statement or a spokesperson.
const ORGS: [RegExp, string][] = [
  [/\bIOPC\b|Independent Office for Police Conduct/, 'Independent Office for Police Conduct'],
  [/\bMet\b|Metropolitan Police|Scotland Yard/, 'Metropolitan Police'],
  [/\bHome Office\b/, 'Home Office'],
  [/Police Federation/, 'Police Federation'],
  [/Crown Prosecution Service|\bCPS\b/, 'Crown Prosecution Service'],
  [/College of Policing/, 'College of Policing'],
  [/\b([A-Z][a-z]+(?: [A-Z][a-z]+)* (?:Police|Constabulary))\b/, '$1'],
  [/\bthe force\b/i, 'the force'],
];

const PROMISE_MARK =
  /\b(we will|I will|we are committed|we're committed|we are determined|I am determined|we have pledged|we pledge|I promise|we promise|we must|we're going to|we are going to)\b/i;
const PROMISE_TYPE: [RegExp, string][] = [
  [/\broot(?:ing)? out|rid (?:the|our) (?:force|service|ranks)|no place (?:in|for)\b/i, 'root_out'],
  [/\b(?:dismiss|sack|remove (?:officers|them))/i, 'dismissals'],
  [/\bvett(?:ing|ed)\b/i, 'vetting'],
  [/\bculture\b/i, 'culture_change'],
  [/\btranspar(?:ent|ency)\b|\bpublish\b/i, 'transparency'],
  [/\breform|\bchange\b|\bimprove/i, 'reform'],
];

function promiseOf(quote: string): { isPromise: boolean; promiseType?: string } {
  if (!PROMISE_MARK.test(quote)) return { isPromise: false };
  return { isPromise: true, promiseType: PROMISE_TYPE.find(([re]) => re.test(quote))?.[1] ?? 'other' };
}

type Speaker = Pick<FoundStatement, 'speaker' | 'speakerKind' | 'speakerRole'>;

function asSpeaker(named: FoundPerson): Speaker | 'public' {
  if (named.kind === 'person') return 'public';
  return {
    speaker: named.name!,
    speakerKind: named.kind,
    speakerRole:
      named.kind === 'officer' ? (named.rank ?? 'officer').replace(/_/g, ' ') : (named.role ?? 'official'),
  };
}

/** The named person mentioned last before an offset: who "she said" refers to. */
function lastNamedBefore(people: FoundPerson[], offset: number): FoundPerson | undefined {
  let best: { p: FoundPerson; at: number } | undefined;
  for (const p of people)
    for (const m of p.mentions)
      if (p.name && m.start < offset && (!best || m.start > best.at)) best = { p, at: m.start };
  return best?.p;
}

function resolve(
  phrase: string,
  people: FoundPerson[],
  last: Speaker | null,
  at: number,
): Speaker | null | 'public' {
  const p = phrase.trim();
  if (/^(he|she|they)$/i.test(p)) {
    const near = lastNamedBefore(people, at);
    return near ? asSpeaker(near) : last;
  }
  const named = people
    .filter((x) => x.name && p.includes(x.name.split(/\s+/).pop()!))
    .sort((a, b) => b.name!.length - a.name!.length)[0];
  if (named) return asSpeaker(named);
  for (const [re, org] of ORGS) {
    const m = re.exec(p);
    if (m) {
      const name = org.replace('$1', m[1] ?? '');
      const spokes = /spokes(?:wo)?(?:man|person)/i.test(p);
      return {
        speaker: name,
        speakerKind: 'organisation',
        speakerRole: spokes ? 'spokesperson' : 'statement',
      };
    }
  }
  return /spokes(?:wo)?(?:man|person)/i.test(p)
    ? { speaker: 'a spokesperson', speakerKind: 'organisation', speakerRole: 'spokesperson' }
    : null;
}

/** Quoted passages (curly or straight double quotes) of at least four words. */
function quotes(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/“([^”]{3,2000})”|"([^"\n]{3,2000})"/g)) {
    const inner = m[1] ?? m[2]!;
    if (inner.split(/\s+/).length < 4) continue;
    out.push({ start: m.index + 1, end: m.index + 1 + inner.length });
  }
  return out;
}

/** Attributed quotes by officers, officials and organisations, in order. */
export function extractStatements(text: string, people: FoundPerson[]): FoundStatement[] {
  const out: FoundStatement[] = [];
  let last: Speaker | null = null;
  let lastEnd = -1;
  for (const q of quotes(text)) {
    const after = text.slice(q.end + 1, q.end + 160);
    const before = text.slice(Math.max(0, q.start - 161), q.start - 1);
    // Attribution after the quote only when the quote leaves its sentence open (“…,” she said).
    const open = /[,?!—-]$/.test(text.slice(q.start, q.end).trimEnd()) || /^,/.test(after);
    const phrase =
      (open ? (AFTER_VERB_FIRST.exec(after)?.[1] ?? AFTER_SPEAKER_FIRST.exec(after)?.[1]) : undefined) ??
      BEFORE.exec(before)?.[1] ??
      BEFORE_REPORTED.exec(before)?.[1];
    let speaker: Speaker | null | 'public' = phrase ? resolve(phrase, people, last, q.start) : null;
    const reasons: string[] = [];
    if (speaker && speaker !== 'public') reasons.push(`attributed to “${phrase!.trim()}”`);
    else if (
      !phrase &&
      last &&
      q.start - lastEnd < 400 &&
      !/[“"]/.test(text.slice(lastEnd + 1, q.start - 1))
    ) {
      speaker = last;
      reasons.push('continues the quote before it');
    }
    if (speaker === 'public') last = null;
    if (!speaker || speaker === 'public') continue;
    const quote = text.slice(q.start, q.end).replace(/[\s,]+$/, '');
    out.push({ span: q, quote, ...speaker, ...promiseOf(quote), reasons });
    last = speaker;
    lastEnd = q.end;
  }
  return out;
}
