import { z } from 'zod';
import { optionalParam } from '../http/query.ts';
import { isoDate, line, uuid } from '../schema/common.ts';

/** Rows per page unless the URL asks for another size. */
export const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

// Sequence numbers are positive bigints; kept as digit strings so they never lose precision.
const seq = z
  .string()
  .regex(/^[1-9]\d{0,17}$/, 'must be a positive whole number')
  .transform(Number);

const size = z
  .string()
  .regex(/^\d{1,3}$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, `must be between 1 and ${MAX_PAGE_SIZE}`).max(MAX_PAGE_SIZE));

/**
 * The filters of GET /editor/audit and /editor/audit.csv. Every one is optional and they combine
 * with AND. Dates are whole UTC days, inclusive at both ends, matching the UTC times the page
 * shows and the ISO times in the export.
 */
export const auditFilters = z.object({
  /** A signed-in user (the select of accounts); matches the actor `user:<id>`. */
  user: optionalParam(uuid),
  /** Any actor exactly as logged: `user:<id>`, `cli:<name>`, `system:seed`… */
  actor: optionalParam(line(200)),
  /** An action, matched as a prefix (`user.` finds `user.create`) unless match=exact. */
  action: optionalParam(
    z
      .string()
      .max(100, 'must be at most 100 characters')
      .regex(/^[a-z][a-z_.]*$/, 'must be lower-case letters, dots and underscores'),
  ),
  match: optionalParam(z.enum(['prefix', 'exact'], { error: 'must be prefix or exact' })),
  /** The table the change was made to. */
  type: optionalParam(
    z
      .string()
      .max(63)
      .regex(/^[a-z_]+$/, 'must be a table name'),
  ),
  /** The record's id (link rows use their keys joined by ':'). */
  id: optionalParam(line(200)),
  from: optionalParam(isoDate),
  to: optionalParam(isoDate),
});

const datesInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const DATE_ORDER = { message: 'must not be before the from date', path: ['to'] };

/** The page's query: the filters, plus where the page starts and how long it is. */
export const auditQuery = auditFilters
  .extend({
    /** Rows older than this seq (the "older" link). */
    before: optionalParam(seq),
    /** Rows newer than this seq (the "newer" link). */
    after: optionalParam(seq),
    limit: optionalParam(size),
  })
  .refine(datesInOrder, DATE_ORDER)
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: 'cannot be used together with after',
    path: ['before'],
  });

/** The export's query: the same filters (page position and size make no sense for "all rows"). */
export const auditExportQuery = auditFilters.refine(datesInOrder, DATE_ORDER);

export type AuditFilters = z.output<typeof auditFilters>;
export type AuditQuery = z.output<typeof auditQuery>;

/** The filters as query-string pairs (unset ones left out), for links that keep them. */
export function filterParams(f: AuditFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of Object.keys(auditFilters.shape) as (keyof AuditFilters)[]) {
    const v = f[key];
    if (v !== undefined) out.set(key, String(v));
  }
  return out;
}
