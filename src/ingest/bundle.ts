// The bundle builder: every extractor over one article, each finding turned into a proposed
// item with the verbatim passage it came from, then every name that must not be shown withheld
// from the whole bundle. Pure: the same text, date and gazetteer give the same bundle.
import { extractDates } from './dates.ts';
import { lexiconHits } from './lexicon.ts';
import { extractPeople, type FoundPerson } from './people.ts';
import { placeMatcher, type GazetteerEntry } from './places.ts';
import { extractProtected, nameRedactor } from './protected.ts';
import { extractStatements } from './statements.ts';
import { proposedStatus, statusHints } from './status.ts';
import { passageFor, sentenceAt, sentences, type Span } from './text.ts';

export type ItemKind =
  'date' | 'officer' | 'official' | 'person' | 'place' | 'force' | 'allegation' | 'statement' | 'status';

export interface ProposedItem {
  kind: ItemKind;
  /** Where the passage is in the article text. */
  passageSpan: Span;
  /** The passage as stored: verbatim, or with protected names withheld. */
  passage: string;
  redacted: boolean;
  proposed: Record<string, unknown>;
  reasons: string[];
}

export interface ProposedBundle {
  title: string;
  articleDate: string;
  items: ProposedItem[];
  proposedStatus: string;
  activeProceedings: boolean;
  /** The incident the drafts would describe, as first proposed. */
  incident: {
    title: string;
    forceSlug: string | null;
    occurredOn: string | null;
    precision: string;
    place: string | null;
  };
  counts: Record<string, number>;
}

export interface BundleInput {
  text: string;
  title: string;
  articleDate: string;
  gazetteer: GazetteerEntry[];
}

function surnameIn(sentence: string, p: FoundPerson): boolean {
  return p.name !== null && sentence.includes(p.name.split(/\s+/).pop()!);
}

/** Builds the proposed bundle for one article. */
export function buildBundle(input: BundleInput): ProposedBundle {
  const { text } = input;
  const spans = sentences(text);
  const sentenceText = (i: number) => {
    const s = sentenceAt(spans, i);
    return text.slice(s.start, s.end);
  };
  const items: (Omit<ProposedItem, 'passage' | 'redacted'> & { at: number })[] = [];
  const add = (kind: ItemKind, span: Span, proposed: Record<string, unknown>, reasons: string[]) =>
    items.push({ kind, at: span.start, passageSpan: passageFor(text, spans, span), proposed, reasons });

  const people = extractPeople(text);
  const places = placeMatcher(input.gazetteer)(text);
  const forces = places
    .filter((p) => p.entry.kind === 'force')
    .sort((a, b) => b.mentions.length - a.mentions.length);
  const mainForce = forces[0]?.entry.forceSlug ?? null;

  for (const d of extractDates(text, input.articleDate, sentenceText))
    add(
      'date',
      d.span,
      { on: d.on, precision: d.precision, ...(d.until ? { until: d.until } : {}), text: d.text },
      d.reasons,
    );
  for (const p of people.filter((x) => x.kind !== 'person')) {
    const first = p.mentions[0]!;
    const nearForce = forces.find((f) =>
      f.mentions.some((m) => sentenceAt(spans, m.start) === sentenceAt(spans, first.start)),
    );
    const value =
      p.kind === 'officer'
        ? {
            name: p.name,
            honorific: p.honorific ?? null,
            rank: p.rank ?? null,
            detective: p.detective ?? false,
            roleType: p.roleType ?? 'police_officer',
            identifier: p.identifier ?? null,
            former: p.former ?? false,
            forceSlug: nearForce?.entry.forceSlug ?? mainForce,
            mentions: p.mentions.length,
          }
        : { name: p.name, role: p.role ?? null, honorific: p.honorific ?? null };
    add(p.kind, first, value, p.reasons);
  }
  for (const pl of places) {
    const e = pl.entry;
    const value = {
      gazetteerId: e.id,
      kind: e.kind,
      name: e.name,
      forceSlug: e.forceSlug,
      forceId: e.forceId,
      unitId: e.unitId,
      mentions: pl.mentions.length,
    };
    add(e.kind === 'force' ? 'force' : 'place', pl.mentions[0]!, value, pl.reasons);
  }
  const protectedPeople = extractProtected(text, people, sentenceText);
  for (const pp of protectedPeople)
    add(
      'person',
      pp.span,
      {
        pseudonym: pp.pseudonym,
        officialPseudonym: pp.officialPseudonym,
        ageStatus: pp.ageStatus,
        ...(pp.age !== undefined ? { age: pp.age } : {}),
        sexualOffenceComplainant: pp.sexualOffenceComplainant,
        role: pp.role,
        nameWithheld: pp.withheldName !== null,
      },
      pp.reasons,
    );
  allegations(text, spans, people, add);
  for (const s of extractStatements(text, people))
    add(
      'statement',
      s.span,
      {
        speaker: s.speaker,
        speakerKind: s.speakerKind,
        speakerRole: s.speakerRole,
        quote: s.quote,
        isPromise: s.isPromise,
        promiseType: s.promiseType ?? null,
      },
      s.reasons,
    );
  const hints = statusHints(text);
  for (const h of hints) {
    const sentence = sentenceText(h.span.start);
    const officers = people.filter((p) => p.kind === 'officer' && surnameIn(sentence, p)).map((p) => p.name);
    add(
      'status',
      h.span,
      {
        label: h.label,
        matched: h.matched,
        holdR5: h.startsProceedings,
        serviceStatus: h.serviceStatus ?? null,
        officers,
      },
      [h.why],
    );
  }
  const status = proposedStatus(hints);
  const firstDate = items.find((i) => i.kind === 'date' && String(i.proposed.on) <= input.articleDate);
  const station = items.find(
    (i) => i.kind === 'place' && ['station', 'unit', 'bcu'].includes(String(i.proposed.kind)),
  );

  const minors = protectedPeople.filter((p) => p.ageStatus === 'minor' || p.sexualOffenceComplainant);
  const shown = people.filter((p) => p.kind !== 'person' && p.name).map((p) => p.name!);
  const withholdMinors = nameRedactor(
    minors.flatMap((p) => (p.withheldName ? [p.withheldName] : [])),
    [],
  );
  const withholdPublic = nameRedactor(
    protectedPeople.flatMap((p) => (p.withheldName ? [p.withheldName] : [])),
    shown,
  );
  const withhold = (s: string) => withholdPublic(withholdMinors(s));
  const out = items
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...i }) => {
      const raw = text.slice(i.passageSpan.start, i.passageSpan.end);
      const passage = withhold(raw);
      return {
        ...i,
        passage,
        redacted: passage !== raw,
        proposed: deepMap(i.proposed, withhold) as Record<string, unknown>,
        reasons: i.reasons.map(withhold),
      };
    });
  const counts: Record<string, number> = {};
  for (const i of out) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  return {
    title: withhold(input.title),
    articleDate: input.articleDate,
    items: out,
    proposedStatus: status.label,
    activeProceedings: status.activeProceedings,
    incident: {
      title: withhold(input.title),
      forceSlug: mainForce,
      occurredOn: firstDate ? String(firstDate.proposed.on) : null,
      precision: firstDate ? String(firstDate.proposed.precision) : 'unknown',
      place: station ? String(station.proposed.name) : null,
    },
    counts,
  };
}

function allegations(
  text: string,
  spans: Span[],
  people: FoundPerson[],
  add: (kind: ItemKind, span: Span, proposed: Record<string, unknown>, reasons: string[]) => void,
) {
  const bySentence = new Map<Span, ReturnType<typeof lexiconHits>>();
  for (const h of lexiconHits(text)) {
    const s = sentenceAt(spans, h.span.start);
    bySentence.set(s, [...(bySentence.get(s) ?? []), h]);
  }
  for (const [s, hits] of bySentence) {
    const sentence = text.slice(s.start, s.end);
    const standards = [...new Set(hits.flatMap((h) => h.standards))];
    const iopc = hits.find((h) => h.iopc)?.iopc ?? null;
    const officers = people.filter((p) => p.kind === 'officer' && surnameIn(sentence, p)).map((p) => p.name);
    add(
      'allegation',
      hits[0]!.span,
      {
        standards,
        iopc,
        officers,
        phrases: hits.map((h) => ({
          matched: h.matched,
          standards: h.standards,
          iopc: h.iopc ?? null,
          why: h.why,
        })),
      },
      hits.map(
        (h) => `“${h.matched}” → ${h.standards.join(', ')}${h.iopc ? ` (IOPC: ${h.iopc})` : ''}: ${h.why}`,
      ),
    );
  }
}

function deepMap(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => deepMap(x, f));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepMap(x, f)]));
  return v;
}
