import { DayDate, Timestamp } from '../http/time.tsx';
import { disputedFields, type ArchiveView, type ClaimView, type SourceView } from './claims.ts';

const KIND_LABELS: Record<string, string> = {
  news: 'News report',
  official_report: 'Official report',
  court_judgment: 'Court judgment',
  hearing_notice: 'Hearing notice',
  press_release: 'Press release',
  dataset: 'Dataset',
  submission: 'Submission',
  video: 'Video',
};

/** Only http(s) addresses become links; input validation already refuses others, this is the backstop. */
export function safeHref(url: string | null): string | undefined {
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** Title, publisher, date and kind of a source, linked to the original when it has an address. */
export function SourceLine(props: { source: SourceView }) {
  const s = props.source;
  const href = safeHref(s.url);
  return (
    <p class="source-title">
      {href ? (
        <a href={href} rel="noopener noreferrer nofollow">
          {s.title}
        </a>
      ) : (
        <span>{s.title}</span>
      )}
      {' · '}
      {s.publisher}
      {s.publishedOn && (
        <>
          {', '}
          <DayDate on={s.publishedOn} />
        </>
      )}{' '}
      <span class="badge">{KIND_LABELS[s.kind] ?? s.kind}</span>
    </p>
  );
}

/**
 * What we hold of the archived copy, said honestly: captured (with its SHA-256 and capture time),
 * not yet captured, failed, or gone.
 */
export function ArchiveLine(props: { archive: ArchiveView }) {
  const a = props.archive;
  if (a.status === 'captured' && a.sha256) {
    return (
      <p class="archive">
        Archived copy captured{' '}
        {a.fetchedAt && (
          <>
            on <Timestamp at={a.fetchedAt} withTime />
          </>
        )}
        . SHA-256: <span class="hash">{a.sha256}</span>
        {a.originalGoneAt && (
          <>
            {' '}
            <strong class="gone">
              The original is no longer online (checked <Timestamp at={a.originalGoneAt} />
              ); this archived copy is held.
            </strong>
          </>
        )}
      </p>
    );
  }
  const text =
    a.status === 'failed'
      ? 'Archiving this source failed; the archived copy is not available yet.'
      : a.status === 'gone'
        ? 'The source was no longer online when we tried to archive it.'
        : 'Archived copy not yet captured.';
  return <p class="archive">{text}</p>;
}

/** The support for one fact: source, verbatim passage (or why there is none), archive. */
export function ClaimItem(props: { claim: ClaimView }) {
  const c = props.claim;
  return (
    <li class={c.stance === 'contradicts' ? 'contradicts' : undefined}>
      {c.stance === 'contradicts' && (
        <p class="badge disputed">
          This source disputes {c.field ? `the ${c.field.replace(/_/g, ' ')}` : 'this'}:
        </p>
      )}
      <SourceLine source={c.source} />
      {c.quotedPassage && (
        <figure class="passage">
          <figcaption class="note">Verbatim passage:</figcaption>
          <blockquote cite={safeHref(c.source.url)}>
            <p>{c.quotedPassage}</p>
          </blockquote>
        </figure>
      )}
      {c.passageNote && <p class="note">{c.passageNote}</p>}
      <ArchiveLine archive={c.archive} />
    </li>
  );
}

/**
 * The sources behind one record, under a small visible heading unless the section already has
 * one, or an honest line when there are none to show.
 */
export function ClaimList(props: { claims: ClaimView[] | undefined; label: string; heading?: boolean }) {
  const claims = props.claims ?? [];
  if (claims.length === 0) return <p class="note">No sources are recorded for this {props.label}.</p>;
  const disputed = disputedFields(claims);
  return (
    <>
      {props.heading !== false && <p class="sources-heading">Sources for this {props.label}</p>}
      {disputed.length > 0 && (
        <p class="callout callout-warn disputed-note" role="note">
          Sources disagree on{' '}
          {disputed.map((f) => (f ? `the ${f.replace(/_/g, ' ')}` : `this ${props.label}`)).join(' and ')}.
          Both accounts are shown below; we have not resolved the difference.
        </p>
      )}
      <ul class="sources">
        {claims.map((c) => (
          <ClaimItem claim={c} />
        ))}
      </ul>
    </>
  );
}
