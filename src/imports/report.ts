import fs from 'node:fs';
import { CSV_BOM, csvRow } from '../http/csv.ts';
import type { RowError } from './read.ts';

/** Writes the error report (line, column, message) as CSV; line 0 is the file as a whole. */
export function writeErrorReport(file: string, errors: RowError[]): void {
  fs.writeFileSync(
    file,
    CSV_BOM +
      csvRow(['line', 'column', 'message']) +
      errors.map((e) => csvRow([e.line, e.column, e.message])).join(''),
  );
}

/** A progress line for a terminal: rows, rows per second, share of the file read, time left. */
export function progressLine(
  bytes: number,
  total: number,
  rows: number,
  startedMs: number,
  nowMs = Date.now(),
): string {
  const secs = Math.max((nowMs - startedMs) / 1000, 0.001);
  const share = total > 0 ? bytes / total : 1;
  const eta = share > 0 ? (secs / share) * (1 - share) : 0;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  return `${fmt(rows)} rows · ${fmt(rows / secs)} rows/s · ${(share * 100).toFixed(0)}% · ${eta < 1 ? 'under a second' : `${fmt(eta)} s`} left`;
}
