import { matchSummary } from '../../matching/after-import.ts';
import { findCandidates } from '../../matching/candidates.ts';
import type { MatchKind } from '../../matching/scope.ts';
import { UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** `custodiet match`: finds match candidates across every record (imports do it for their own). */
export const matchCommand: Command = {
  name: 'match',
  summary: 'Find officers and incidents that may be the same across sources, for review at /editor/matches',
  usage: 'custodiet match [--kind officer|incident] [--auto-merge]',
  details:
    'Compares every record (an import compares the records it touched). Pairs are scored with their\n' +
    'reasons; a re-run updates pending pairs and never brings back a rejected one unless new evidence\n' +
    'raises its score. --auto-merge also merges officer pairs with two independent identifiers and a\n' +
    'near-identical name (both drafts, nothing against), unless MATCH_AUTO_MERGE=false. Scoring and\n' +
    'thresholds: docs/imports.md#matching-across-sources.',
  options: { kind: { type: 'string' }, 'auto-merge': { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run({ values, config, out }) {
    const kind = values.kind as string | undefined;
    if (kind !== undefined && kind !== 'officer' && kind !== 'incident')
      throw new UsageError('--kind is officer or incident.');
    const autoMerge = values['auto-merge'] === true;
    if (autoMerge && !config.matching.autoMerge)
      throw new UsageError(
        '--auto-merge was given, but MATCH_AUTO_MERGE=false switches automatic merging off.',
      );
    const started = Date.now();
    const report = await withDatabase(config, 'match', 'require-current', ({ db }) =>
      findCandidates(
        db,
        { all: true },
        {
          kinds: kind ? [kind as MatchKind] : undefined,
          autoMerge,
          actor: 'cli:match',
        },
      ),
    );
    for (const [k, r] of Object.entries(report))
      out(
        `${k}: ${r.compared.toLocaleString('en-GB')} pairs compared, ${r.candidates.toLocaleString('en-GB')} candidates.`,
      );
    out(matchSummary(report));
    out(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  },
};
