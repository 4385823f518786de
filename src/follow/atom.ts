// Atom 1.0 (RFC 4287) documents, written by hand: the format is small and every value is escaped.
import type { FeedEntry } from './feeds.ts';

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  // XML 1.0 allows tab, line feed, carriage return and U+0020 upward (less surrogates, U+FFFE/F).
  return [...s]
    .filter((ch) => {
      const c = ch.codePointAt(0)!;
      return (
        c === 9 ||
        c === 10 ||
        c === 13 ||
        (c >= 0x20 && c <= 0xd7ff) ||
        (c >= 0xe000 && c <= 0xfffd) ||
        c >= 0x10000
      );
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A feed as written. */
export interface AtomFeed {
  /** Absolute URL of the feed document itself (also its id). */
  self: string;
  /** Absolute URL of the page the feed follows. */
  alternate: string;
  title: string;
  subtitle: string;
  updated: Date;
  /** The site's base URL, for entry links and ids. */
  base: string;
  entries: FeedEntry[];
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The feed as an Atom document. */
export function atomDocument(f: AtomFeed): string {
  const e = xmlEscape;
  const entries = f.entries.map((x) =>
    [
      '  <entry>',
      `    <id>${e(`${f.base}/${x.kind}s/${x.id}`)}</id>`,
      `    <title type="text">${e(x.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${e(f.base + x.path)}"/>`,
      `    <published>${iso(x.published)}</published>`,
      `    <updated>${iso(x.updated)}</updated>`,
      `    <summary type="text">${e(x.summary)}</summary>`,
      `    <category term="${x.kind}" label="${x.kind === 'allegation' ? 'Allegation' : x.kind === 'incident' ? 'Incident' : 'Statement'}"/>`,
      ...(x.category ? [`    <category term="status" label="${e(x.category)}"/>`] : []),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${e(f.self)}</id>`,
    `  <title type="text">${e(f.title)}</title>`,
    `  <subtitle type="text">${e(f.subtitle)}</subtitle>`,
    `  <updated>${iso(f.updated)}</updated>`,
    '  <author><name>Custodiet</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${e(f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(f.alternate)}"/>`,
    '  <generator>Custodiet</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
