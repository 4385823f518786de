import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';

/**
 * The last day an incident (table alias `alias`) may have happened on, from its date and
 * precision: an incident known only to the month lasts the whole month, a year the whole year,
 * a range to its end. Its first possible day is `occurred_on` itself. Used by search (a date
 * filter keeps an incident whose period overlaps it), duplicate suggestions and matching.
 */
export function incidentEnd(alias: string): RawBuilder<string> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<string>`(CASE ${col('occurred_precision')}
    WHEN 'month' THEN ${col('occurred_on')} + interval '1 month' - interval '1 day'
    WHEN 'year' THEN ${col('occurred_on')} + interval '1 year' - interval '1 day'
    WHEN 'month_range' THEN date_trunc('month', ${col('occurred_until')}) + interval '1 month' - interval '1 day'
    WHEN 'year_range' THEN date_trunc('year', ${col('occurred_until')}) + interval '1 year' - interval '1 day'
    ELSE coalesce(${col('occurred_until')}, ${col('occurred_on')}) END)::date`;
}
