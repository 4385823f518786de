import fs from 'node:fs';
import path from 'node:path';
import { matchAfterImport, matchSummary } from '../../matching/after-import.ts';
import { FormatSettingsError, runImport, type ImportFormat } from '../../imports/framework.ts';
import { FORMATS, formatFor } from '../../imports/formats/index.ts';
import type { RecordCounts } from '../../imports/records.ts';
import { progressLine, writeErrorReport } from '../../imports/report.ts';
import { UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** `custodiet import FORMAT FILE`: one public dataset file, all or nothing. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import a public dataset file (all or nothing; re-importing changes nothing)',
  usage:
    'custodiet import FORMAT FILE [--mapping MAPPING.json] [--force FORCE] [--dry-run] [--encoding utf-8|latin1] [--retrieved YYYY-MM-DD] [--errors FILE]',
  details:
    `Formats: ${Object.keys(FORMATS).join(', ')} (column mappings in docs/imports.md).\n` +
    'Every row is validated; if any is bad, nothing is imported and the problems (line, column,\n' +
    'message) go to the error report (--errors, default FILE-NAME.errors.csv here). The same file\n' +
    'imported again changes nothing; a newer file of the same scope (one force and month for\n' +
    'police.uk) replaces the older one. --dry-run validates without writing.\n' +
    'generic reads any CSV through a JSON mapping file (--mapping). The OpenOversight formats take\n' +
    '--force: a force slug or a US agency as "Name, ST", when the file name does not say it.',
  options: {
    'dry-run': { type: 'boolean' },
    encoding: { type: 'string' },
    retrieved: { type: 'string' },
    errors: { type: 'string' },
    mapping: { type: 'string' },
    force: { type: 'string' },
  },
  positionals: { min: 2, max: 2 },
  async run({ values, positionals, config, out }) {
    const [formatId, file] = positionals as [string, string];
    if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const format = configured(
      formatId,
      values.mapping as string | undefined,
      values.force as string | undefined,
    );
    const encoding = values.encoding ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'latin1') throw new UsageError('--encoding is utf-8 or latin1.');
    const retrieved = values.retrieved as string | undefined;
    if (retrieved !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(retrieved))
      throw new UsageError('--retrieved is a date, YYYY-MM-DD.');
    const started = Date.now();
    let shown = 0;
    let finished = 0;
    const tty = process.stderr.isTTY;
    const { report, matched } = await withDatabase(config, 'import', 'require-current', async ({ db }) => {
      const report = await runImport(db, format, file, {
        actor: 'cli:import',
        dryRun: values['dry-run'] === true,
        encoding,
        ...(retrieved ? { retrievedOn: retrieved } : {}),
        onBytes: (bytes, total, rows) => {
          if (!tty || Date.now() - shown < 250) return;
          shown = Date.now();
          process.stderr.write(`\r${progressLine(bytes, total, rows, started)}   `);
        },
      });
      finished = Date.now();
      const matched = await matchAfterImport(db, report, {
        autoMerge: config.matching.autoMerge,
        actor: 'cli:import',
      });
      return { report, matched };
    });
    if (tty) process.stderr.write('\r\x1b[K');
    // The import's own speed: matching afterwards is reported on its own line.
    const secs = ((finished || Date.now()) - started) / 1000;
    const rate = Math.round(report.rows / Math.max(secs, 0.001)).toLocaleString('en-GB');
    const rows = report.rows.toLocaleString('en-GB');
    switch (report.status) {
      case 'unchanged':
        return out(
          `This file (SHA-256 ${report.sha256.slice(0, 12)}…) was imported before: nothing changed.`,
        );
      case 'checked':
        return say(
          out,
          `Checked ${rows} rows: all valid. Nothing was written (--dry-run).`,
          recordSummary(report.records, 'would be'),
        );
      case 'imported':
      case 'replaced':
        return say(
          out,
          `Imported ${rows} rows in ${secs.toFixed(1)} s (${rate} rows/s)${report.status === 'replaced' ? ', replacing the earlier file of the same scope' : ''}.`,
          recordSummary(report.records),
          matchSummary(matched),
        );
      case 'failed': {
        const errorsFile = (values.errors as string | undefined) ?? `${path.basename(file)}.errors.csv`;
        writeErrorReport(errorsFile, report.errors);
        const first = report.errors[0]!;
        throw new Error(
          `Nothing was imported: ${report.errors.length} problem(s). First: ${first.line ? `line ${first.line}` : 'the file'}${first.column ? `, ${first.column}` : ''}: ${first.message}. Report: ${errorsFile}`,
        );
      }
    }
  },
};

/** The format with its settings: a usage mistake exits 2, a wrong mapping lists its problems. */
function configured(
  id: string,
  mappingFile: string | undefined,
  force: string | undefined,
): ImportFormat<unknown, unknown> {
  if (mappingFile !== undefined && !fs.existsSync(mappingFile))
    throw new UsageError(`No such mapping file: ${mappingFile}`);
  const mapping = mappingFile === undefined ? undefined : fs.readFileSync(mappingFile, 'utf8');
  try {
    return formatFor(id, {
      ...(mapping !== undefined ? { mapping } : {}),
      ...(force !== undefined ? { force } : {}),
    });
  } catch (err) {
    if (err instanceof FormatSettingsError && err.problems.length === 0) throw new UsageError(err.message);
    throw err;
  }
}

/** "Records: 300 incidents created, 2 updated; …" — what an import did to Custodiet records. */
export function recordSummary(records: RecordCounts, verb = ''): string {
  const parts = Object.entries(records).map(
    ([kind, c]) =>
      `${kind}: ${c.created.toLocaleString('en-GB')} ${verb ? `${verb} ` : ''}created, ${c.updated.toLocaleString('en-GB')} updated`,
  );
  return parts.length > 0 ? `Draft records (${parts.join('; ')}).` : '';
}

function say(out: (line: string) => void, ...lines: string[]) {
  for (const l of lines) if (l) out(l);
}
