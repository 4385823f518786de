import { z } from 'zod';

/**
 * Field parsers shared by the import formats. Published datasets write "not recorded" in many
 * ways (empty, `NA`, `N/A`, Excel's `#VALUE!`); each format says which of them it accepts, and
 * everything else is validated, so a shifted column fails loudly instead of importing nonsense.
 */

/** Tokens that mean "no value" in a given dataset, compared after trimming. */
export type Missing = readonly string[];
export const EMPTY: Missing = [''];
/** Excel's error values, which stand in a cell whose formula failed: no value was published. */
export const EXCEL_ERRORS: Missing = ['#VALUE!', '#N/A', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'];

const isMissing = (t: string, missing: Missing) => missing.includes(t);

/** Optional text: trimmed, at most `max` characters; a missing token becomes null. */
export const text = (max = 300, missing: Missing = EMPTY) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, missing)) return null;
    if (t.length > max) ctx.addIssue({ code: 'custom', message: `longer than ${max} characters` });
    return t;
  });

/** Required text (never a missing token). */
export const requiredText = (max = 300, missing: Missing = EMPTY) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, missing)) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
    else if (t.length > max) ctx.addIssue({ code: 'custom', message: `longer than ${max} characters` });
    return t;
  });

/** True/False (any case) or missing. */
export const bool = (missing: Missing = EMPTY) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, missing)) return null;
    const l = t.toLowerCase();
    if (l === 'true' || l === 'y' || l === 'yes') return true;
    if (l === 'false' || l === 'n' || l === 'no') return false;
    ctx.addIssue({ code: 'custom', message: 'must be True or False' });
    return null;
  });

/**
 * A whole number written as an integer or as a float with a zero fraction ("601.0", as pandas
 * writes integer columns with gaps); returned as its decimal text, or null when missing.
 */
export const wholeNumber = (missing: Missing = EMPTY, maxDigits = 12) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, missing)) return null;
    const m = /^(-?\d+)(?:\.0+)?$/.exec(t);
    if (!m || m[1]!.replace('-', '').length > maxDigits) {
      ctx.addIssue({ code: 'custom', message: 'must be a whole number' });
      return null;
    }
    return String(Number(m[1]));
  });

/** A required whole number from `min` to `max`, as a number; `message` says what is expected. */
export const integer = (min: number, max: number, message: string) =>
  wholeNumber().transform((v, ctx) => {
    const n = Number(v);
    if (v === null || n < min || n > max) ctx.addIssue({ code: 'custom', message });
    return n;
  });

function validDay(y: number, m: number, d: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const dt = new Date(`${iso}T00:00:00Z`);
  return y >= 1900 && y <= 2100 && dt.getUTCMonth() + 1 === m && dt.getUTCDate() === d ? iso : null;
}

/**
 * A calendar date as `YYYY-MM-DD` (optionally followed by a time, which is dropped) or, with
 * `us: true`, `MM/DD/YYYY`, or with `uk: true`, `DD/MM/YYYY`. Returns ISO `YYYY-MM-DD` or null
 * when missing; an impossible date (02/30/2020) is refused.
 */
export const day = (opts: { us?: boolean; uk?: boolean; missing?: Missing } = {}) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, opts.missing ?? EMPTY)) return null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
    const slashed = opts.us || opts.uk ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t) : null;
    const [m, d] = opts.uk ? [2, 1] : [1, 2];
    const out = iso
      ? validDay(+iso[1]!, +iso[2]!, +iso[3]!)
      : slashed
        ? validDay(+slashed[3]!, +slashed[m]!, +slashed[d]!)
        : null;
    if (!out) {
      const shape = opts.uk ? 'DD/MM/YYYY or ' : opts.us ? 'MM/DD/YYYY or ' : '';
      ctx.addIssue({ code: 'custom', message: `not a date (${shape}YYYY-MM-DD)` });
    }
    return out;
  });

/** A decimal coordinate within ±limit, rounded to 6 places; null when missing. */
export const coordinate = (limit: number, missing: Missing = EMPTY) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, missing)) return null;
    const n = Number(t);
    if (!/^-?\d{1,3}(\.\d{1,20})?$/.test(t) || Math.abs(n) > limit) {
      ctx.addIssue({ code: 'custom', message: `not a coordinate within ±${limit}` });
      return null;
    }
    return n.toFixed(6);
  });

/** An identifier kept as text (ids mix formats: `1000001`, `2021-0000792`). */
export const externalId = (max = 100) =>
  z.string().transform((s, ctx) => {
    const t = s.trim().replace(/\.0+$/, '');
    if (!/^[A-Za-z0-9][A-Za-z0-9 _./:-]*$/.test(t) || t.length > max)
      ctx.addIssue({ code: 'custom', message: 'must be an identifier (letters, digits, - _ . / :)' });
    return t;
  });

/** Upper-case dataset text ("SERGEANT OF POLICE") in the case people read. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s/(-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

function unknownCodes(items: string[], allowed: readonly string[] | RegExp): string[] {
  return items.filter((i) => (allowed instanceof RegExp ? !allowed.test(i) : !allowed.includes(i)));
}

function codeMessage(bad: string[], allowed: readonly string[] | RegExp): string {
  const list = bad.map((b) => `"${b}"`).join(', ');
  return allowed instanceof RegExp
    ? `not an id: ${list}`
    : `unknown value ${list} (expected ${allowed.join(', ')})`;
}

/**
 * One of a dataset's documented codes, or null when missing. Anything else is reported with the
 * list, so a shifted column or a code the publisher added fails loudly instead of importing.
 */
export const code = <C extends string>(allowed: readonly C[], missing: Missing = EMPTY) =>
  z.string().transform((s, ctx): C | null => {
    const t = s.trim();
    if (isMissing(t, missing)) return null;
    if (unknownCodes([t], allowed).length > 0)
      ctx.addIssue({ code: 'custom', message: codeMessage([t], allowed) });
    return t as C;
  });

/**
 * A list in one cell (`gun;knife`, `1;2`), each item a documented code or an id matching a
 * pattern; a missing cell is an empty list. Items keep their order and repeats, as published.
 */
export const codeList = (allowed: readonly string[] | RegExp, separator = ';', missing: Missing = EMPTY) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, missing)) return [];
    const items = t.split(separator).map((i) => i.trim());
    const bad = unknownCodes(items, allowed);
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: codeMessage(bad, allowed) });
    return items;
  });

// Windows-1252's characters for bytes 0x80–0x9F (where Latin-1 has C1 controls); '' = undefined.
// Written out because Node 20's TextDecoder('windows-1252') decodes these bytes as Latin-1.
const CP1252_C1 = [...'€_‚ƒ„…†‡ˆ‰Š‹Œ_Ž__‘’“”•–—˜™š›œ_žŸ'].map((c) => (c === '_' ? '' : c));

/**
 * Undoes one common mojibake: Windows-1252 punctuation decoded as Latin-1 somewhere upstream
 * leaves C1 control characters (U+0080–U+009F) where curly quotes, dashes and ellipses were.
 * Each becomes the character Windows-1252 means by that byte; bytes it leaves undefined go.
 */
export function repairC1(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

// Cyrillic letters that look exactly like Latin ones.
const HOMOGLYPHS: Record<string, string> = Object.fromEntries(
  [...'АВЕКМНОРСТХаеорсухіјѕІЈЅ'].map((c, i) => [c, 'ABEKMHOPCTXaeopcyxijsIJS'[i]!]),
);

/**
 * A word written mostly in Latin letters with a Cyrillic look-alike in it ("Еasley" with a
 * Cyrillic Е) is a typing slip that would hide it from search: the look-alikes become Latin.
 * Words wholly in Cyrillic are left alone.
 */
export function latinHomoglyphs(s: string): string {
  return s.replace(/[\p{L}]+/gu, (w) =>
    /\p{Script=Latin}/u.test(w) && /\p{Script=Cyrillic}/u.test(w)
      ? [...w].map((c) => HOMOGLYPHS[c] ?? c).join('')
      : w,
  );
}
