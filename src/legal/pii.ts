/**
 * Rule R10: no home address, personal phone or e-mail, National Insurance number or date of
 * birth in public text. A pattern scanner, deliberately cautious: it finds the usual shapes of
 * these details in British text, and an editor clears a false alarm (a police station's public
 * address, a press office number) by adding the exact text to the reviewed allowlist.
 * It does not understand meaning: a home described in words ("the flat above the bakery on
 * Mill Lane") passes, and so does a number written out in words.
 */

/** Kinds of personal detail the scanner looks for. */
export type PiiKind = 'address' | 'phone' | 'email' | 'ni_number' | 'date_of_birth';

/** One suspicious passage. */
export interface PiiFinding {
  kind: PiiKind;
  /** The exact text matched (what an editor would allowlist). */
  text: string;
}

// UK postcode (outward + inward), e.g. SW1A 1AA, M1 1AE, B33 8TH.
const POSTCODE = String.raw`\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`;
const STREET = String.raw`(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|place|court|gardens|grove|terrace|hill|square|mews|walk|row|park|view|rise)`;

const PATTERNS: [PiiKind, RegExp][] = [
  // A house number and street name, optionally followed by a postcode: "12 Acacia Avenue".
  [
    'address',
    new RegExp(
      String.raw`\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}${STREET}\b(?:,?\s+[A-Z][a-z]{2,})*(?:,?\s+${POSTCODE})?`,
      'gi',
    ),
  ],
  // A flat or house number shortly before a postcode: "Flat 3, ... E8 2LX".
  [
    'address',
    new RegExp(String.raw`\b(?:flat|apartment|house|no\.?)\s*\d{1,4}\b[^.\n]{0,60}?${POSTCODE}`, 'gi'),
  ],
  // UK phone numbers: mobiles, London/geographic, +44; at least 10 digits in the usual groupings.
  ['phone', /(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){9,10}\b/g],
  ['email', /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g],
  // National Insurance number: two letters, six digits, A–D (spaces optional).
  [
    'ni_number',
    /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi,
  ],
  // Dates of birth stated as such.
  [
    'date_of_birth',
    /\b(?:born\s+(?:on\s+)?|d\.?o\.?b\.?:?\s*|date\s+of\s+birth:?\s*)(?:\d{1,2}(?:st|nd|rd|th)?[\s./-](?:\d{1,2}|[A-Za-z]{3,9})[\s./-]\d{2,4}|[A-Za-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})/gi,
  ],
];

/** Every suspicious passage in a text, in order, without repeats; allowlisted texts are skipped. */
export function scanPii(text: string, allowlist: readonly string[] = []): PiiFinding[] {
  const allowed = allowlist.map(normalise);
  const seen = new Set<string>();
  const out: PiiFinding[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const found = m[0].trim();
      const key = `${kind}:${found}`;
      // Allowed when the match lies within a reviewed text (never the other way round, or
      // allowlisting "London" would clear every address in London).
      if (seen.has(key) || allowed.some((a) => a.includes(normalise(found)))) continue;
      seen.add(key);
      out.push({ kind, text: found });
    }
  }
  // One report per place: drop a match that lies inside a longer one of the same kind.
  return out.filter((f) => !out.some((g) => g !== f && g.kind === f.kind && g.text.includes(f.text)));
}

/** Case, commas and spacing do not matter when comparing with the allowlist. */
function normalise(s: string): string {
  return s.toLowerCase().replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A finding as an editor reads it (shown only in the editor, never on a public page). */
export function describeFinding(f: PiiFinding): string {
  const label: Record<PiiKind, string> = {
    address: 'what looks like a home address',
    phone: 'a phone number',
    email: 'an e-mail address',
    ni_number: 'a National Insurance number',
    date_of_birth: 'a date of birth',
  };
  return `${label[f.kind]} (“${f.text}”)`;
}
