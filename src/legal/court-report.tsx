import { RecordCorrections } from '../corrections/components.tsx';
import type { CorrectionView } from '../corrections/repository.ts';
import { StatusLabel } from '../http/components.tsx';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DayDate } from '../http/time.tsx';
import { ENDED_BY, PLEAS, STARTED_BY, type CourtReport } from './proceedings.ts';

function Report(props: { r: CourtReport }) {
  const r = props.r;
  return (
    <section class="court-report" aria-label="Court report">
      <dl class="facts">
        {r.officerName && (
          <>
            <dt>Defendant</dt>
            <dd>
              <a href={`/officers/${r.officerSlug}`}>{r.officerName}</a>{' '}
              <StatusLabel
                code="active_proceedings"
                label={r.endedBy ? 'Proceedings ended' : 'Active proceedings'}
              />
            </dd>
          </>
        )}
        <dt>Proceedings began</dt>
        <dd>
          {STARTED_BY[r.startedBy]}, <DayDate on={r.startedOn} />
        </dd>
        {r.charge && (
          <>
            <dt>Charge</dt>
            <dd>{r.charge}</dd>
          </>
        )}
        {r.court && (
          <>
            <dt>Court</dt>
            <dd>{r.court}</dd>
          </>
        )}
        {r.nextHearingOn && (
          <>
            <dt>Next hearing</dt>
            <dd>
              <DayDate on={r.nextHearingOn} />
            </dd>
          </>
        )}
        {r.plea && (
          <>
            <dt>Plea</dt>
            <dd>{PLEAS[r.plea]}</dd>
          </>
        )}
        {r.outcome && (
          <>
            <dt>Outcome so far</dt>
            <dd>{r.outcome}</dd>
          </>
        )}
        {r.endedBy && r.endedOn && (
          <>
            <dt>Ended</dt>
            <dd>
              {ENDED_BY[r.endedBy]}, <DayDate on={r.endedOn} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/**
 * The public page of an incident while criminal proceedings on it are active (rule R5): the
 * court-report fields and nothing else. The incident's title, summary, timeline, people and
 * allegations are withheld, because commentary beyond a fair report risks contempt; anyone
 * charged is presumed innocent.
 */
export function CourtReportPage(props: { reports: CourtReport[]; corrections: CorrectionView[] }) {
  return (
    <Layout
      title="Court report: proceedings active"
      section="none"
      description="Criminal proceedings are active."
    >
      <Breadcrumbs trail={[{ href: '/', label: 'Home' }]} current="Court report" />
      <article class="record" aria-labelledby="record-title">
        <h1 id="record-title">Court report: criminal proceedings are active</h1>
        <p class="callout callout-warn" role="note">
          Criminal proceedings in this matter are active. Until they end we publish only a fair and accurate
          report of them: the charge, the court, the dates, any plea and outcome. Our account of the incident
          and any allegations are withheld so as not to prejudice a trial (Contempt of Court Act 1981). Anyone
          charged is presumed innocent unless proven guilty.
        </p>
        {props.reports.map((r) => (
          <Report r={r} />
        ))}
        <RecordCorrections entries={props.corrections} />
      </article>
    </Layout>
  );
}
