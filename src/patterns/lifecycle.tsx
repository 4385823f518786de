// Lifecycle timings: how long from incident to complaint, complaint to outcome, and incident to
// outcome, per force (quartiles in days).
import type { Db } from '../db/client.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import { AsOf, CellText, fmt, Method } from './components.tsx';
import { refreshedAt } from './refresh.ts';
import { MIN_CELL, suppressOne } from './stats.ts';

export const STAGES = {
  incident_to_complaint: 'Incident to complaint',
  complaint_to_outcome: 'Complaint to outcome',
  incident_to_outcome: 'Incident to outcome',
} as const;

export interface LifecycleRow {
  force: string;
  forceSlug: string;
  stage: keyof typeof STAGES;
  n: number;
  p25: number;
  median: number;
  p75: number;
}

/** Every force's timings. */
export async function loadLifecycle(db: Db): Promise<{ rows: LifecycleRow[]; asOf: Date | null }> {
  const [rows, asOf] = await Promise.all([
    db
      .selectFrom('pattern_lifecycle as l')
      .innerJoin('forces as f', 'f.id', 'l.force_id')
      .select(['f.name as force', 'f.slug as forceSlug', 'l.stage', 'l.n', 'l.p25', 'l.median', 'l.p75'])
      .orderBy('f.name')
      .orderBy('l.stage')
      .execute(),
    refreshedAt(db, ['pattern_lifecycle', 'pattern_held']),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      stage: r.stage as keyof typeof STAGES,
      p25: Number(r.p25),
      median: Number(r.median),
      p75: Number(r.p75),
    })),
    asOf,
  };
}

const days = (n: number) => `${fmt(n, 0)} days`;

/** The lifecycle page. */
export function LifecyclePage(props: { rows: LifecycleRow[]; asOf: Date | null }) {
  return (
    <Layout
      title="How long cases take"
      section="patterns"
      description="Time from incident to complaint to outcome, per force."
    >
      <Breadcrumbs trail={[{ href: '/patterns', label: 'Patterns' }]} current="Lifecycle timings" />
      <h1>How long cases take</h1>
      <AsOf at={props.asOf} />
      {props.rows.length === 0 ? (
        <p>No published allegation has both dates recorded yet.</p>
      ) : (
        (Object.keys(STAGES) as (keyof typeof STAGES)[]).map((stage) => {
          const rows = props.rows.filter((r) => r.stage === stage);
          return rows.length === 0 ? null : (
            <DataTable
              caption={`${STAGES[stage]}, in days`}
              columns={[
                { label: 'Force' },
                { label: 'Allegations', numeric: true },
                { label: 'A quarter within', numeric: true },
                { label: 'Median', numeric: true },
                { label: 'Three quarters within', numeric: true },
              ]}
              rows={rows.map((r) => {
                const shown = r.n >= MIN_CELL;
                return {
                  header: <a href={`/forces/${r.forceSlug}`}>{r.force}</a>,
                  cells: [
                    <CellText cell={suppressOne(r.n)} />,
                    shown ? days(r.p25) : '—',
                    shown ? days(r.median) : '—',
                    shown ? days(r.p75) : '—',
                  ],
                };
              })}
            />
          );
        })
      )}
      <Method>
        <p>
          For each published allegation: the incident date (only when known to the day), the date the
          complaint or referral was reported, and the date of the first outcome (a finding; appeal findings
          are not counted as first outcomes). Quartiles are interpolated (percentile_cont). Allegations from
          one incident each count, so an incident with many allegations weighs more. Cases still open have no
          outcome and are not in the outcome figures, so these show how long finished cases took, not how long
          open ones have waited.
        </p>
      </Method>
    </Layout>
  );
}
