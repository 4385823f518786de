import { AppError } from '../errors/catalogue.ts';
import type { Context } from 'hono';

/** Submitted form fields as typed: one string, or several for repeated names (checkboxes). */
export type FormValues = Record<string, string | string[]>;

/**
 * Reads an urlencoded or multipart form body (Hono caches the parse, so middleware and handler
 * can both call this). Uploaded files are ignored here; upload routes handle their own.
 */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await parseFormBody(c);
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (strings.length === 1) out[k] = strings[0]!;
    else if (strings.length > 1) out[k] = strings;
  }
  return out;
}

/**
 * The parsed form body, strings and files, repeated names as arrays. A truncated or malformed
 * multipart body throws in the platform's parser: the client's fault, so a 400, not a 500.
 */
export async function parseFormBody(c: Context) {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    throw new AppError('CUS_BAD_REQUEST', 'The form data could not be read.');
  }
}

/** The first value of a field, or '' when absent. */
export function one(values: FormValues, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** Every value of a field (checkbox groups, multi-selects). */
export function many(values: FormValues, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
