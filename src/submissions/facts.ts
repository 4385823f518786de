// Cleaning what an anonymous submitter typed before it reaches SQL. The submission is decrypted
// only in the moderator's request, so these values arrive as parameters and are never stored.

/** How much of the free text is compared: trigram cost grows with length, and the opening
 * paragraph of an account usually says where, when and what. */
export const TEXT_PREFIX = 2000;

/** Trigram similarity is noise below one trigram's worth of characters (as in src/search/match.ts). */
const MIN_TRIGRAM_TEXT = 3;

/** An identifier as typed, with its comparison key and the stored spellings that may match it. */
export interface TypedIdentifier {
  /** Upper case with every space removed: "1234CW" for " 1234 cw". */
  key: string;
  /** Upper-case spellings to look up through the index on upper(identifier); see identifierVariants. */
  variants: string[];
}

/** PostgreSQL text cannot hold NUL, and a decrypted submission may contain anything. */
function clean(s: string): string {
  return s.replaceAll('\u0000', '').trim();
}

/** A real calendar date 'YYYY-MM-DD', or undefined: a mistyped date must not fail the whole page. */
export function submittedDate(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  // Date rolls 2024-02-30 over to 1 March; a round trip catches that.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
}

/** Free text fit for trigram comparison, cut to at most `max` characters, or undefined. */
export function submittedText(value: string | undefined, max = TEXT_PREFIX): string | undefined {
  // Cut first so a very long submission is not scanned whole; never leave half a surrogate pair.
  const v = clean((value ?? '').slice(0, max).replace(/[\uD800-\uDBFF]$/, ''));
  return v.length >= MIN_TRIGRAM_TEXT ? v : undefined;
}

/**
 * The upper-case spellings under which a stored identifier equal to `key` (spaces aside) can be
 * found by the btree index on upper(identifier): the key itself, the key with a space at each
 * change between letters and digits ("1234 CW", "U 1234"), and the typed spelling with runs of
 * spaces collapsed. Comparing with spaces stripped on the stored side would be exact but could
 * not use the index; forces print numbers as letters and digits, so a stored space sits at
 * such a change if anywhere.
 */
export function identifierVariants(typed: string): TypedIdentifier | undefined {
  const upper = clean(typed).toUpperCase();
  const key = upper.replace(/\s+/g, '');
  if (!key) return undefined;
  const spaced = key.replace(/(?<=\d)(?=[A-Z])|(?<=[A-Z])(?=\d)/g, ' ');
  const collapsed = upper.replace(/\s+/g, ' ');
  return { key, variants: [...new Set([key, spaced, collapsed])] };
}

/** Distinct typed identifiers, in the order given. */
export function submittedIdentifiers(typed: readonly string[]): TypedIdentifier[] {
  const byKey = new Map<string, TypedIdentifier>();
  for (const t of typed) {
    const id = identifierVariants(t);
    if (id && !byKey.has(id.key)) byKey.set(id.key, id);
  }
  return [...byKey.values()];
}

/** The comparison key of a stored identifier (see TypedIdentifier.key). */
export function identifierKey(stored: string): string {
  return stored.toUpperCase().replace(/\s+/g, '');
}
