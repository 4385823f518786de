import { refreshPatterns } from '../../patterns/refresh.ts';
import type { Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** `custodiet refresh-patterns`: rebuilds the pattern figures now, without `serve`. */
export const refreshPatternsCommand: Command = {
  name: 'refresh-patterns',
  summary: 'Rebuild the pattern figures now (serve also does it every PATTERNS_REFRESH_MINUTES)',
  usage: 'custodiet refresh-patterns',
  details:
    'Rebuilds every materialised pattern table from the published records, one table at a time\n' +
    '(pages keep showing the previous figures until each table is replaced), and prints what it did.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    const started = performance.now();
    const report = await withDatabase(config, 'refresh-patterns', 'require-current', ({ db }) =>
      refreshPatterns(db),
    );
    const h = report.held;
    out(
      `Held pages left out: ${h.incidents} incident(s), ${h.officers} officer(s), ${h.statements} statement(s).`,
    );
    for (const t of report.tables)
      out(
        `  ${t.name.padEnd(24)} ${t.rows.toLocaleString('en-GB').padStart(10)} rows ${String(t.ms).padStart(7)} ms`,
      );
    out(`Pattern figures rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  },
};
