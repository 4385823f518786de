import { ADDRESSEES, type ReplyView } from '../legal/replies.ts';
import { StatusLabel } from '../http/components.tsx';
import { DayDate, Validity } from '../http/time.tsx';
import { ClaimList } from '../sources/components.tsx';
import type { AllegationView, FindingView, OfficerRef, SanctionView } from './repository.ts';

const FORUMS: Record<string, string> = {
  misconduct_meeting: 'Misconduct meeting',
  misconduct_hearing: 'Misconduct hearing',
  accelerated_hearing: 'Accelerated misconduct hearing',
  police_appeals_tribunal: 'Police Appeals Tribunal',
  magistrates_court: "Magistrates' court",
  crown_court: 'Crown Court',
  court_of_appeal: 'Court of Appeal',
  other: 'Other forum',
};

const CHAIRS: Record<string, string> = {
  legally_qualified_chair: 'Legally qualified chair',
  senior_officer: 'Senior police officer',
  judge: 'Judge',
  magistrates: 'Magistrates',
  other: 'Other',
};

/** The anchor of an allegation on its incident page; corrections and officer pages link to it. */
export function allegationAnchor(id: string): string {
  return `allegation-${id}`;
}

/** An officer's name linked to their page, or the unnamed description; never a link for an unpublished officer. */
export function OfficerName(props: { officer: OfficerRef }) {
  const o = props.officer;
  if (o.slug) return <a href={`/officers/${o.slug}`}>{o.display}</a>;
  return <span class={o.named ? undefined : 'unnamed'}>{o.display}</span>;
}

function SanctionItem(props: { sanction: SanctionView }) {
  const s = props.sanction;
  return (
    <li class="step sanction">
      <h5>
        Sanction: {s.label}{' '}
        <span class="meta">
          (imposed <DayDate on={s.imposedOn} />)
        </span>
      </h5>
      {s.detail && <p>{s.detail}</p>}
      {s.custodialTermDays !== null && <p>Custodial term recorded: {s.custodialTermDays} days.</p>}
      {s.minimumTermDays !== null && <p>Minimum term recorded: {s.minimumTermDays} days.</p>}
      <ClaimList claims={s.claims} label="sanction" />
    </li>
  );
}

function SupersessionNote(props: { finding: FindingView; all: Map<string, FindingView> }) {
  const f = props.finding;
  const later = f.supersededById ? props.all.get(f.supersededById) : undefined;
  const earlier = f.supersedesId ? props.all.get(f.supersedesId) : undefined;
  return (
    <>
      {later && (
        <p class="superseded-note">
          <strong class="badge">Superseded</strong> This finding was later replaced: see the{' '}
          <a href={`#finding-${later.id}`}>
            {FORUMS[later.forum] ?? later.forum} decision of <DayDate on={later.decidedOn} />
          </a>
          . It is kept because it was made and reported at the time.
        </p>
      )}
      {earlier && (
        <p>
          This decision supersedes the{' '}
          <a href={`#finding-${earlier.id}`}>
            finding of <DayDate on={earlier.decidedOn} />
          </a>
          .
        </p>
      )}
    </>
  );
}

function FindingItem(props: { finding: FindingView; all: Map<string, FindingView> }) {
  const f = props.finding;
  return (
    <li class={f.supersededById ? 'step finding superseded' : 'step finding'} id={`finding-${f.id}`}>
      <h4>
        {f.track === 'criminal' ? 'Court outcome' : 'Finding'}: {f.label}
      </h4>
      <SupersessionNote finding={f} all={props.all} />
      <dl class="facts">
        <dt>Decided</dt>
        <dd>
          <DayDate on={f.decidedOn} />
        </dd>
        <dt>Decided by</dt>
        <dd>
          {f.decidingBody} ({FORUMS[f.forum] ?? f.forum})
        </dd>
        {f.chairType && (
          <>
            <dt>Chaired by</dt>
            <dd>{CHAIRS[f.chairType] ?? f.chairType}</dd>
          </>
        )}
        {f.legalTestVersion && (
          <>
            <dt>Legal test</dt>
            <dd>{f.legalTestVersion}</dd>
          </>
        )}
      </dl>
      {f.summary && <p>{f.summary}</p>}
      <ClaimList claims={f.claims} label="finding" />
      {f.sanctions.length > 0 && (
        <ol class="chain" aria-label="Sanctions after this finding">
          {f.sanctions.map((s) => (
            <SanctionItem sanction={s} />
          ))}
        </ol>
      )}
    </li>
  );
}

function IncidentName(props: { a: AllegationView }) {
  const i = props.a.incident;
  if (i.published) return <a href={`/incidents/${i.slug}#${allegationAnchor(props.a.id)}`}>{i.title}</a>;
  return <span>{i.title} (incident not yet published)</span>;
}

function AllegationFacts(props: { a: AllegationView }) {
  const a = props.a;
  return (
    <dl class="facts">
      <dt>Standards</dt>
      <dd>{a.standards.length > 0 ? a.standards.map((s) => s.label).join('; ') : 'None recorded'}</dd>
      {a.iopcCategory && (
        <>
          <dt>IOPC category</dt>
          <dd>{a.iopcCategory}</dd>
        </>
      )}
      <dt>Conduct</dt>
      <dd>
        {a.conductFrom && a.conductTo === a.conductFrom ? (
          <DayDate on={a.conductFrom} />
        ) : (
          <Validity from={a.conductFrom} to={a.conductTo} />
        )}
      </dd>
      {a.reportedOn && (
        <>
          <dt>Reported</dt>
          <dd>
            <DayDate on={a.reportedOn} />
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * One allegation and what followed it. Allegation, each finding and each sanction are separate
 * records with their own dates, decision-makers and sources (rule R2), never a merged "verdict";
 * a finding replaced on appeal stays visible, marked as superseded.
 */
/** Right of reply (R12): whom we asked and when, and the reply, or that none came by the deadline. */
function Replies(props: { replies: ReplyView[] }) {
  return (
    <section class="replies" aria-label="Right of reply">
      {props.replies.map((r) => (
        <div class="reply">
          <p>
            <strong>Right of reply:</strong> we asked {ADDRESSEES[r.addressedTo].toLowerCase()} for a response
            on <DayDate on={r.sentOn} />.
          </p>
          {r.replyText ? (
            <blockquote>
              <p>{r.replyText}</p>
              <footer class="note">
                {r.replyVerbatim ? 'Their reply' : 'A summary of their reply'}, received{' '}
                <DayDate on={r.replyReceivedOn!} />.
              </footer>
            </blockquote>
          ) : (
            <p class="note">
              {r.deadline < new Date().toISOString().slice(0, 10)
                ? 'No response by '
                : 'Response awaited by '}
              <DayDate on={r.deadline} />.
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

export function AllegationRecord(props: {
  allegation: AllegationView;
  /** On an incident page the heading names the officer; on an officer page, the incident. */
  context: 'incident' | 'officer';
  preview?: boolean;
}) {
  const a = props.allegation;
  const anchor = allegationAnchor(a.id);
  const all = new Map(a.findings.map((f) => [f.id, f]));
  return (
    <article class="allegation" id={anchor} aria-labelledby={`${anchor}-title`}>
      <h3 id={`${anchor}-title`}>
        {props.context === 'incident' ? <OfficerName officer={a.officer} /> : <IncidentName a={a} />}{' '}
        <StatusLabel code={a.statusCode} label={a.statusLabel} />
      </h3>
      {props.preview && a.publicationState !== 'published' && (
        <p class="badge">Not published yet ({a.publicationState.replace('_', ' ')})</p>
      )}
      <p>
        <strong>Allegation:</strong> {a.summary}
      </p>
      <AllegationFacts a={a} />
      <ClaimList claims={a.claims} label="allegation" />
      {a.replies.length > 0 && <Replies replies={a.replies} />}
      {a.findings.length === 0 ? (
        <p class="note">No finding is recorded on this allegation.</p>
      ) : (
        <ol class="chain" aria-label="Findings on this allegation, in date order">
          {a.findings.map((f) => (
            <FindingItem finding={f} all={all} />
          ))}
        </ol>
      )}
    </article>
  );
}
