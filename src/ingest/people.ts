// People in an article: officers (a rank before a name, or a name in apposition with a rank),
// officials (IOPC directors, mayors, ministers, panel chairs, lawyers: named in their public
// role) and members of the public (everyone else a name tagger finds). Members of the public are
// never proposed by name: the bundle gives them a pseudonym and withholds the name (rule R9).
import { textLibraries } from './nlp.ts';
import { RANK_WORDS, rankAlternation, rankOf } from './ranks.ts';
import type { Span } from './text.ts';

export interface FoundPerson {
  kind: 'officer' | 'official' | 'person';
  /** As written (without Sir/Dame); null for an officer known only by a number or cipher. */
  name: string | null;
  honorific?: string;
  rank?: string;
  detective?: boolean;
  roleType?: string;
  /** An official's role in the words of the text ("IOPC regional director"). */
  role?: string;
  identifier?: { type: 'shoulder_number' | 'cipher'; value: string };
  former?: boolean;
  mentions: Span[];
  reasons: string[];
}

const NAME_WORD = "[A-Z][a-zA-Z'’\\-]+";
// Words of a name are separated by spaces, never a line break (a heading is not a surname).
const NAME = `${NAME_WORD}(?:[ \\u00a0]+(?:${NAME_WORD}|de|dos|da|van|von|el|al|bin)){0,3}`;
// Capitalised words that end a name: what follows a name in copy, never part of it.
const STOP = new Set(
  'The A An He She His Her It They Their Met Police Station Officer Officers Court Hearing Panel Misconduct Gross IOPC BBC Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Said And But In On At Of For Who Was Has Had Is From With After Before When While Crown Magistrates London England Wales UK Standards Professional Behaviour Independent Office Conduct Commissioner Chief Constable Sergeant Inspector Federation Today Yesterday Last This That'.split(
    ' ',
  ),
);

/** Cuts a captured name at the first word that cannot be part of it; null if nothing is left. */
export function cleanName(raw: string): string | null {
  const out: string[] = [];
  for (const w of raw.replace(/[,.;:]+$/, '').split(/\s+/)) {
    if (STOP.has(w) || /’s$|'s$/.test(w)) {
      if (/’s$|'s$/.test(w) && !STOP.has(w.replace(/’s$|'s$/, ''))) out.push(w.replace(/’s$|'s$/, ''));
      break;
    }
    out.push(w);
  }
  while (out.length && /^(de|dos|da|van|von|el|al|bin)$/.test(out[out.length - 1]!)) out.pop();
  return out.length ? out.join(' ') : null;
}

const surname = (name: string) => name.split(/\s+/).pop()!.toLowerCase();

const RANKED = new RegExp(
  `(\\b(?:former|ex-|retired)\\s+)?(?<![A-Za-z])(${rankAlternation()})\\.?[ \\u00a0]+(?:(Sir|Dame)[ \\u00a0]+)?(${NAME}|\\d{2,5}[A-Z]{1,2}\\b)(?:,?\\s*\\(?(?:shoulder number\\s+)?(\\d{2,5}[A-Z]{1,2})\\b\\)?)?`,
  'g',
);
const APPOSITION = new RegExp(
  `\\b(${NAME}),\\s+(?:\\d{2},\\s+)?(?:a|an|the)\\s+(serving\\s+|former\\s+|retired\\s+)?(?:(?:Met|Metropolitan Police|[A-Z][a-z]+ Police)\\s+)?(${RANK_WORDS})\\b`,
  'g',
);
const CIPHER = /\b(?:[Oo]fficer|[Ff]irearms officer|known as|cipher)\s+([A-Z]{1,2}\d{2,3})\b/g;
// Either capitalisation of each word's first letter ("IOPC regional director", "Regional Director").
const anyCase = (phrase: string) =>
  phrase
    .split(' ')
    .map((w) =>
      /^[a-z]/i.test(w) && w !== w.toUpperCase()
        ? `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`
        : w,
    )
    .join('\\s+');
const OFFICIAL_ROLES = [
  'IOPC director general',
  'IOPC regional director',
  'IOPC director of operations',
  'IOPC director',
  'regional director',
  'director of operations',
  'director general',
  'Deputy Mayor for Policing and Crime',
  'Mayor of London',
  'Home Secretary',
  'Policing Minister',
  'Police and Crime Commissioner',
  "Victims' Commissioner",
  'chair of the panel',
  'panel chair',
  'chairwoman',
  'chairman',
  'chair',
  'chief executive',
  'councillor',
  'Cllr',
]
  .map(anyCase)
  .join('|');
const OFFICIAL_BEFORE = new RegExp(
  `\\b(${OFFICIAL_ROLES})\\s+(?:(Sir|Dame|Baroness|Lord|Dr)\\s+)?(${NAME})`,
  'g',
);
const OFFICIAL_AFTER = new RegExp(
  `\\b(?:(Sir|Dame|Baroness|Lord|Dr)\\s+)?(${NAME}),\\s+(?:the\\s+|a\\s+|an\\s+)?([^,.;:“”"()]{0,60}?\\b(?:director|chair|chairman|chairwoman|chief executive|[Cc]ommissioner|minister|[Ss]ecretary|[Mm]ayor|spokes(?:man|woman|person)|leader|MP|councillor|president|head|lawyer|solicitor|barrister|KC|QC)\\b[^,.;:“”"()]{0,40})`,
  'g',
);
// A commissioner of a force is an officer; the Victims' or Information Commissioner is not.
const FORCE_COMMISSIONER =
  /^(?:the\s+)?(?:Met(?:ropolitan Police)?(?:\s+Police)?\s+|City of London Police\s+)?commissioner$/i;

class People {
  readonly all: FoundPerson[] = [];

  find(kind: FoundPerson['kind'] | 'named', name: string): FoundPerson | undefined {
    const s = surname(name);
    return this.all.find(
      (p) => p.name && (kind === 'named' ? p.kind !== 'person' : p.kind === kind) && surname(p.name) === s,
    );
  }

  add(p: Omit<FoundPerson, 'mentions'>, span: Span): FoundPerson {
    const same = p.name
      ? this.find(p.kind, p.name)
      : this.all.find((o) => !o.name && o.identifier?.value === p.identifier?.value);
    if (same) {
      same.mentions.push(span);
      if (p.name && same.name && p.name.length > same.name.length) same.name = p.name;
      same.rank ??= p.rank;
      same.identifier ??= p.identifier;
      return same;
    }
    const created: FoundPerson = { ...p, mentions: [span] };
    this.all.push(created);
    return created;
  }
}

function officersByRank(text: string, people: People) {
  for (const m of text.matchAll(RANKED)) {
    const rank = rankOf(m[2]!);
    if (!rank) continue;
    const raw = m[4]!;
    const numberOnly = /^\d/.test(raw);
    const name = numberOnly ? null : cleanName(raw);
    const number = numberOnly ? raw : m[5];
    if (!name && !number) continue;
    // "Police and Crime Commissioner Jane Doe", "Victims' Commissioner": officials, found below.
    if (
      rank.code === 'commissioner' &&
      /(?:and Crime|Victims['’]|Information|Children['’]s)\s+$/.test(
        text.slice(0, m.index + (m[1]?.length ?? 0)),
      )
    )
      continue;
    const start = m.index + (m[1]?.length ?? 0);
    people.add(
      {
        kind: 'officer',
        name,
        ...(m[3] ? { honorific: m[3] } : {}),
        rank: rank.code,
        detective: rank.detective ?? false,
        roleType: rank.roleType ?? 'police_officer',
        ...(number ? { identifier: { type: 'shoulder_number' as const, value: number } } : {}),
        ...(m[1] ? { former: true } : {}),
        reasons: [`rank “${m[2]}” before ${name ? 'the name' : 'a number'}`],
      },
      { start, end: m.index + m[0].length },
    );
  }
  for (const m of text.matchAll(APPOSITION)) {
    const name = cleanName(m[1]!);
    const rank = rankOf(m[3]!);
    if (!name || name.split(' ').length < 2) continue;
    people.add(
      {
        kind: 'officer',
        name,
        rank: rank?.code ?? 'police_constable',
        detective: rank?.detective ?? false,
        roleType: rank?.roleType ?? 'police_officer',
        ...(m[2] && /former|retired/.test(m[2]) ? { former: true } : {}),
        reasons: [`named with “${m[3]}” in apposition`],
      },
      { start: m.index, end: m.index + m[0].length },
    );
  }
  for (const m of text.matchAll(CIPHER)) {
    people.add(
      {
        kind: 'officer',
        name: null,
        identifier: { type: 'cipher', value: m[1]! },
        reasons: ['known by a cipher'],
      },
      { start: m.index, end: m.index + m[0].length },
    );
  }
}

function officials(text: string, people: People) {
  for (const m of text.matchAll(OFFICIAL_BEFORE)) {
    const name = cleanName(m[3]!);
    if (!name || people.find('officer', name)) continue;
    people.add(
      {
        kind: 'official',
        name,
        role: m[1]!,
        ...(m[2] ? { honorific: m[2] } : {}),
        reasons: [`role “${m[1]}” before the name`],
      },
      { start: m.index, end: m.index + m[0].length },
    );
  }
  for (const m of text.matchAll(OFFICIAL_AFTER)) {
    const name = cleanName(m[2]!);
    const role = m[3]!.trim();
    if (!name || name.split(' ').length < 2 || people.find('officer', name)) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (FORCE_COMMISSIONER.test(role)) {
      people.add(
        {
          kind: 'officer',
          name,
          rank: 'commissioner',
          detective: false,
          roleType: 'police_officer',
          ...(m[1] ? { honorific: m[1] } : {}),
          reasons: [`“${role}” after the name`],
        },
        span,
      );
      continue;
    }
    people.add(
      {
        kind: 'official',
        name,
        role,
        ...(m[1] ? { honorific: m[1] } : {}),
        reasons: [`“${role}” after the name`],
      },
      span,
    );
  }
}

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s+/;

/** Everyone else a name tagger (compromise) finds, and "Mr/Ms Surname": the public, or a later mention. */
function publicPeople(text: string, people: People) {
  const tagged = textLibraries().nlp(text).people().json({ offset: true }) as {
    text: string;
    offset: { start: number; length: number };
  }[];
  const titled = [...text.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][a-zA-Z'’-]+)/g)].map((m) => ({
    text: m[0],
    offset: { start: m.index, length: m[0].length },
  }));
  for (const t of [...tagged, ...titled].sort((a, b) => a.offset.start - b.offset.start)) {
    const span = { start: t.offset.start, end: t.offset.start + t.offset.length };
    const covered = people.all.some((p) =>
      p.mentions.some((s) => s.start <= span.start && s.end >= span.end),
    );
    const name = cleanName(t.text.replace(HONORIFIC, '').trim());
    if (covered || !name || !/^[A-Z]/.test(name)) continue;
    const known = people.find('named', name);
    if (known) {
      known.mentions.push(span);
      continue;
    }
    people.add({ kind: 'person', name, reasons: ['a name with no police rank or public role'] }, span);
  }
}

/** Officers, officials and members of the public named in the text, each with every mention. */
export function extractPeople(text: string): FoundPerson[] {
  const people = new People();
  officersByRank(text, people);
  officials(text, people);
  publicPeople(text, people);
  for (const p of people.all) p.mentions.sort((a, b) => a.start - b.start);
  return people.all;
}
