// Forces, command units, boroughs, stations and specialist units named in an article, found by
// the gazetteer (a database table editors keep): every name and alias, longest first, each
// stretch of text claimed once. Short capitalised aliases (TSG, DPS, BTP, "Met") must match
// exactly; longer names match in any capitalisation.
import { escapeRegExp, type Span } from './text.ts';

/** One gazetteer entry as the matcher needs it. */
export interface GazetteerEntry {
  id: string;
  kind: 'force' | 'bcu' | 'borough' | 'station' | 'unit';
  name: string;
  aliases: string[];
  forceId: string;
  forceSlug: string;
  parentId: string | null;
  unitId: string | null;
}

export interface FoundPlace {
  entry: GazetteerEntry;
  /** Every place it is named. */
  mentions: Span[];
  matched: string[];
  reasons: string[];
}

const exact = (alias: string) =>
  alias.length <= 4 ||
  /^[A-Z][A-Za-z]{0,3}$/.test(alias) ||
  (/[A-Z].*[A-Z]/.test(alias.replace(/^the /, '')) && alias.length <= 6);

interface Pattern {
  entry: GazetteerEntry;
  alias: string;
  re: RegExp;
}

/** Compiles the gazetteer once; the returned function finds places in a text. */
export function placeMatcher(entries: GazetteerEntry[]): (text: string) => FoundPlace[] {
  const patterns: Pattern[] = entries
    .flatMap((entry) => [...new Set([entry.name, ...entry.aliases])].map((alias) => ({ entry, alias })))
    .filter((p) => p.alias.trim().length > 1)
    .sort((a, b) => b.alias.length - a.alias.length)
    .map(({ entry, alias }) => ({
      entry,
      alias,
      re: new RegExp(
        `(?<![\\p{L}\\p{N}])${escapeRegExp(alias).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
        exact(alias) ? 'gu' : 'giu',
      ),
    }));
  return (text: string) => {
    const taken: Span[] = [];
    const found = new Map<string, FoundPlace>();
    for (const p of patterns) {
      for (const m of text.matchAll(p.re)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
        taken.push(span);
        const f = found.get(p.entry.id) ?? { entry: p.entry, mentions: [], matched: [], reasons: [] };
        f.mentions.push(span);
        if (!f.matched.includes(m[0])) f.matched.push(m[0]);
        found.set(p.entry.id, f);
      }
    }
    for (const f of found.values()) {
      f.mentions.sort((a, b) => a.start - b.start);
      f.reasons.push(
        `gazetteer ${f.entry.kind} “${f.entry.name}” matched ${f.matched.map((m) => `“${m}”`).join(', ')}`,
      );
    }
    return [...found.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  };
}
