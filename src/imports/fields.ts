import { z } from 'zod';

/**
 * Field parsers shared by the import formats. Published datasets write "not recorded" in many
 * ways (empty, `NA`, `N/A`, Excel's `#VALUE!`); each format says which of them it accepts, and
 * everything else is validated, so a shifted column fails loudly instead of importing nonsense.
 */

/** Tokens that mean "no value" in a given dataset, compared after trimming. */
export type Missing = readonly string[];
export const EMPTY: Missing = [''];

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
 * `us: true`, `MM/DD/YYYY`. Returns ISO `YYYY-MM-DD` or null when missing.
 */
export const day = (opts: { us?: boolean; missing?: Missing } = {}) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (isMissing(t, opts.missing ?? EMPTY)) return null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
    const us = opts.us ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t) : null;
    const out = iso
      ? validDay(+iso[1]!, +iso[2]!, +iso[3]!)
      : us
        ? validDay(+us[3]!, +us[1]!, +us[2]!)
        : null;
    if (!out)
      ctx.addIssue({ code: 'custom', message: `not a date (${opts.us ? 'MM/DD/YYYY or ' : ''}YYYY-MM-DD)` });
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
