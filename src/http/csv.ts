// CSV writing for downloads (the audit export, and later the data exports): RFC 4180 quoting,
// a UTF-8 byte order mark so Excel reads accents correctly, and cells neutralised against
// formula injection (OWASP "CSV Injection").
import type { Context } from 'hono';

/** The UTF-8 byte order mark: without it Excel guesses a legacy code page and mangles accents. */
export const CSV_BOM = '\uFEFF';

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and CR, as
// leading whitespace before one). OWASP's advice: prefix such cells with a single quote.
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180: a field holding a comma, a quote or a line break must be enclosed in quotes.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell: null and undefined are empty, objects are JSON, and the text is made formula-safe
 * and quoted (inner quotes doubled) when it needs to be.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, cells separated by commas and ended by CRLF as RFC 4180 asks. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** `<prefix>-YYYYMMDD.csv` for the given day (UTC). */
export function csvFilename(prefix: string, at: Date = new Date()): string {
  return `${prefix}-${at.toISOString().slice(0, 10).replace(/-/g, '')}.csv`;
}

/**
 * Streams a CSV download: the BOM, then each chunk of rows as the source yields it, so a large
 * export is never held in memory whole. Private and never cached (exports hold unpublished data).
 */
export function csvResponse(c: Context, filename: string, chunks: AsyncIterable<string>): Response {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      // The client went away: let the source release its database work.
      await iterator.return?.();
    },
  });
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=UTF-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}
