import { MAX_UPLOAD_BYTES } from '../uploads/service.ts';
import { RETALIATION_ROWS } from './fields.ts';
import {
  INSIDER_ROLES,
  MAX_FILES,
  type MessageContent,
  type Report,
  type RetaliationEvent,
  type SealedAttachmentInfo,
} from './schema.ts';

/** The file picker of every submission form, with the rules stated. */
export function FileInput() {
  return (
    <div class="field">
      <label for="f-files">Files (optional)</label>
      <p class="hint" id="f-files-hint">
        Up to {MAX_FILES} photos (JPEG, PNG, WebP) or PDFs, {MAX_UPLOAD_BYTES / 1024 / 1024} MB each. We
        remove hidden details (GPS location, camera serial, author) before anyone sees them, and keep only
        that cleaned copy, encrypted. Other kinds of file are refused because we cannot clean them: send a
        screenshot or PDF instead.
      </p>
      <input
        id="f-files"
        type="file"
        name="files"
        multiple
        accept=".jpg,.jpeg,.png,.webp,.pdf"
        aria-describedby="f-files-hint"
      />
    </div>
  );
}

/** Blank rows for retaliation events: a date and what happened. */
export function RetaliationRows(props: { legend: string; values?: { on: string; what: string }[] }) {
  const rows = Array.from({ length: RETALIATION_ROWS }, (_, i) => props.values?.[i] ?? { on: '', what: '' });
  return (
    <fieldset class="retaliation">
      <legend>{props.legend}</legend>
      <p class="hint">
        For example: told to apologise, moved to another posting, a disciplinary threat, left out of training.
        One event per row; leave rows empty if there is nothing to add.
      </p>
      {rows.map((r, i) => (
        <div class="retaliation-row">
          <label for={`f-ret-on-${i}`}>Date {i + 1}</label>
          <input id={`f-ret-on-${i}`} type="date" name="retaliationOn" value={r.on} />
          <label for={`f-ret-what-${i}`}>What happened {i + 1}</label>
          <input id={`f-ret-what-${i}`} type="text" name="retaliationWhat" value={r.what} maxlength={500} />
        </div>
      ))}
    </fieldset>
  );
}

function Retaliation(props: { events: RetaliationEvent[] }) {
  if (props.events.length === 0) return null;
  return (
    <>
      <h3>Retaliation log</h3>
      <ul class="retaliation-log">
        {props.events.map((e) => (
          <li>
            <time datetime={e.on}>{e.on}</time>: {e.what}
          </li>
        ))}
      </ul>
    </>
  );
}

function Row(props: { label: string; value: string | undefined }) {
  if (!props.value) return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd class="pre-wrap">{props.value}</dd>
    </>
  );
}

/** A report, decrypted: what the submitter wrote, for them or a moderator. */
export function ReportView(props: { report: Report; forceName?: string | undefined }) {
  const r = props.report;
  return (
    <>
      <dl class="facts">
        <Row label="What happened" value={r.whatHappened} />
        <Row label="Date" value={r.occurredOn} />
        <Row label="Roughly when" value={r.when} />
        <Row label="Where" value={r.place} />
        <Row label="Force" value={props.forceName} />
        <Row label="Shoulder numbers" value={r.shoulderNumbers} />
        <Row label="Officers" value={r.officers} />
        <Row label="Role" value={r.insiderRole ? INSIDER_ROLES[r.insiderRole] : undefined} />
        <Row label="Conduct challenged or reported" value={r.challenged} />
        <Row label="Reported to" value={r.reportedTo} />
        <Row label="Reported on" value={r.reportedOn} />
      </dl>
      <Retaliation events={r.retaliation ?? []} />
    </>
  );
}

/** The list of attachments; links only where the viewer may download (moderators). */
export function Attachments(props: {
  items: SealedAttachmentInfo[];
  href?: (a: SealedAttachmentInfo) => string;
}) {
  if (props.items.length === 0) return null;
  return (
    <ul class="attachments">
      {props.items.map((a) => (
        <li>
          {props.href ? <a href={props.href(a)}>{a.filename}</a> : a.filename} ({a.mediaType},{' '}
          {Math.ceil(a.size / 1024)} KB)
          {a.removed.length > 0 && <span class="hint"> · removed: {a.removed.join('; ')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** One message of the conversation. */
export interface ThreadMessage extends MessageContent {
  author: string;
  sentOn: string;
  moderator?: string | null;
}

/** The conversation between the submitter and the moderators. */
export function Thread(props: {
  messages: ThreadMessage[];
  viewer: 'submitter' | 'moderator';
  href?: (a: SealedAttachmentInfo) => string;
}) {
  if (props.messages.length === 0) return <p>No messages yet.</p>;
  const who = (m: ThreadMessage) =>
    m.author === 'submitter'
      ? props.viewer === 'submitter'
        ? 'You'
        : 'The submitter'
      : props.viewer === 'moderator'
        ? `Moderator${m.moderator ? ` (${m.moderator})` : ''}`
        : 'Custodiet moderators';
  return (
    <ol class="thread">
      {props.messages.map((m) => (
        <li class={`message message-${m.author}`}>
          <p class="message-meta">
            <strong>{who(m)}</strong> · <time datetime={m.sentOn}>{m.sentOn}</time>
          </p>
          <p class="pre-wrap">{m.text}</p>
          <Retaliation events={m.retaliation} />
          <Attachments items={m.attachments} href={props.href} />
        </li>
      ))}
    </ol>
  );
}

/** A receipt in a read-only box, ready to copy, with what it is for. */
export function ReceiptBox(props: { receipt: string; label: string }) {
  return (
    <div class="field">
      <label for="receipt">{props.label}</label>
      <p class="hint" id="receipt-hint">
        A signed, dated statement of the fingerprints (SHA-256) of what you sent. It does not contain what you
        wrote. Anyone can check it is genuine at <a href="/receipts/verify">/receipts/verify</a>; with your
        files, you can later show exactly what you reported and when.
      </p>
      <textarea id="receipt" readonly rows={9} class="receipt" aria-describedby="receipt-hint">
        {props.receipt}
      </textarea>
    </div>
  );
}
