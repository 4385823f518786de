import type { Context } from 'hono';

/** Submitted form fields as typed: one string, or several for repeated names (checkboxes). */
export type FormValues = Record<string, string | string[]>;

/**
 * Reads an urlencoded or multipart form body (Hono caches the parse, so middleware and handler
 * can both call this). Uploaded files are ignored here; upload routes handle their own.
 */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (strings.length === 1) out[k] = strings[0]!;
    else if (strings.length > 1) out[k] = strings;
  }
  return out;
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
