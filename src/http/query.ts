import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors/catalogue.ts';
import { fieldProblems } from '../schema/common.ts';

/**
 * Validates a page's query string. Malformed parameters get a 400 page saying which parameter
 * and why, never a 500 and never a silently ignored filter. Repeated parameters keep the first.
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseParams(new URL(c.req.url).searchParams, schema);
}

/** parseQuery for parameters read elsewhere (a stored feed address). */
export function parseParams<S extends z.ZodType>(params: URLSearchParams, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in raw)) raw[k] = v;
  const result = schema.safeParse(raw);
  if (!result.success) {
    const fields = fieldProblems(result.error);
    throw new AppError(
      'CUS_BAD_REQUEST',
      `Bad query parameter: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
      fields,
    );
  }
  return result.data;
}

/** A uuid path parameter, or a 404 (an id that cannot exist is simply not found). */
export function uuidParam(c: Context, name: string): string {
  const v = c.req.param(name) ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) {
    throw new AppError('CUS_NOT_FOUND', 'There is no record at this address.');
  }
  return v.toLowerCase();
}

/**
 * An optional query parameter. A GET form without JavaScript submits every field, so an empty
 * (or all-space) value means "not set" rather than "invalid".
 */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
}
