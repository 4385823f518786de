import { z } from 'zod';
import { AppError, type FieldProblem } from '../errors/catalogue.ts';

// Control characters other than tab/newline, and the Unicode bidirectional overrides that can make
// a name display differently from what is stored (a classic spoofing trick).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** A trimmed single line of text: no line breaks, control characters or bidi overrides. */
export function line(max = 300) {
  return z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be a single line')
    .refine((s) => !CONTROL.test(s), 'contains control characters')
    .refine((s) => !BIDI.test(s), 'contains bidirectional override characters');
}

/** Trimmed multi-line text with the same character rules as line(). */
export function text(max = 20_000) {
  return z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'contains control characters')
    .refine((s) => !BIDI.test(s), 'contains bidirectional override characters');
}

export const uuid = z.string().uuid('must be a valid id');

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
  .max(120);

export const code = z.string().regex(/^[a-z0-9_]+$/, 'must be a lower_snake_case code');

/** A real calendar date as YYYY-MM-DD (2021-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real date');

export const datePrecision = z.enum([
  'day',
  'month',
  'year',
  'range',
  'month_range',
  'year_range',
  'unknown',
]);

export const publicationState = z.enum(['draft', 'in_review', 'published', 'withdrawn']);

export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) address');

/** Turns zod issues into field problems a form can show next to each field. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message }));
}

/** Validates input at an edge; bad input becomes a 422 AppError listing every field problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldProblems(result.error);
    throw new AppError('CUS_VALIDATION', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
  }
  return result.data;
}

/** Text as a URL slug: lower case ASCII letters and digits joined by single hyphens, at most `max` long. */
export function slugify(text: string, max = 120): string {
  return text
    .normalize('NFKD')
    .replace(/[\u2018\u2019']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
