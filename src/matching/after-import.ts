import type { Db } from '../db/client.ts';
import type { ImportReport } from '../imports/framework.ts';
import { findCandidates, type MatchReport } from './candidates.ts';
import type { MatchKind } from './scope.ts';

/**
 * Matching after an import, scoped to the records the file touched: called by whoever ran the
 * import (the CLI, the import page) once it has committed, so a slow match never holds the
 * import's transaction open. Costs one indexed lookup when the file touched no officer or
 * incident (police.uk stop and search, an unchanged file, a failed or dry run).
 */
export async function matchAfterImport(
  db: Db,
  report: ImportReport,
  opts: { autoMerge: boolean; actor: string },
): Promise<MatchReport | null> {
  if (!report.fileId || (report.status !== 'imported' && report.status !== 'replaced')) return null;
  const touched = await db
    .selectFrom('dataset_records')
    .select('record_kind')
    .distinct()
    .where('last_file_id', '=', report.fileId)
    .where('record_kind', 'in', ['officer', 'incident', 'allegation'])
    .execute();
  const kinds = new Set(touched.map((t) => t.record_kind));
  const match: MatchKind[] = [];
  if (kinds.has('officer')) match.push('officer');
  // New allegations link officers to incidents: evidence for incident matches.
  if (kinds.has('incident') || kinds.has('allegation')) match.push('incident');
  if (match.length === 0) return null;
  return findCandidates(
    db,
    { fileId: report.fileId },
    { kinds: match, autoMerge: opts.autoMerge, actor: opts.actor },
  );
}

/** One line for people: "Matching: 3 officer candidates (2 new), 1 merged automatically; …". */
export function matchSummary(report: MatchReport | null): string {
  if (!report) return '';
  const parts = Object.entries(report).map(
    ([kind, r]) =>
      `${r.candidates} ${kind} candidate(s) (${r.created} new, ${r.reopened} reopened, ${r.removed} removed)` +
      (r.autoMerged > 0 ? `, ${r.autoMerged} merged automatically` : ''),
  );
  return parts.length > 0 ? `Matching: ${parts.join('; ')}. Review them at /editor/matches.` : '';
}
