// The match review pages: pending candidates side by side with their reasons, one candidate
// with the merge form (and the public note a published survivor needs), the merge history with
// undo. Plain forms: everything works without JavaScript.
import type { SessionInfo } from '../accounts/session.ts';
import { EditorLayout, NoteSection } from '../editor/layout.tsx';
import type { FieldProblem } from '../errors/catalogue.ts';
import type { FormValues } from '../http/form.ts';
import { CsrfInput, ErrorSummary } from '../http/forms.tsx';
import { Timestamp } from '../http/time.tsx';
import { EDIT_KINDS } from '../publication/corrections.ts';
import { noteFields } from '../editor/layout.tsx';
import type { CandidateRow, MergeRow, RecordCard } from './repository.ts';
import type { Reason } from './reasons.ts';
import type { MatchKind } from './scope.ts';

const TYPE = { officer: 'officers', incident: 'incidents' } as const;
const KIND_LABEL = { officer: 'Officers', incident: 'Incidents' } as const;
const crumbs = [{ href: '/editor', label: 'Editor' }];

function Tabs(props: { kind?: MatchKind | 'history'; counts?: Record<MatchKind, number> }) {
  return (
    <nav aria-label="Matches" class="filters">
      {(['officer', 'incident'] as const).map((k) => (
        <a href={`/editor/matches?kind=${k}`} aria-current={props.kind === k ? 'page' : undefined}>
          {KIND_LABEL[k]}
          {props.counts && ` (${props.counts[k]} waiting)`}
        </a>
      ))}
      <a href="/editor/matches/history" aria-current={props.kind === 'history' ? 'page' : undefined}>
        Merges and undo
      </a>
    </nav>
  );
}

function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="callout callout-ok" role="status">
      {props.text}
    </p>
  ) : null;
}

const weight = (r: Reason) =>
  r.stance === 'note' ? 'note' : `${r.stance} ${r.weight > 0 ? '+' : '−'}${Math.abs(r.weight).toFixed(2)}`;

function Reasons(props: { reasons: Reason[] }) {
  return (
    <ul class="match-reasons">
      {props.reasons.map((r) => (
        <li class={`reason-${r.stance}`}>
          <span class="badge">{weight(r)}</span> {r.text}
        </li>
      ))}
    </ul>
  );
}

/** One record of a pair: what it says, and where it came from. */
export function RecordSide(props: { card: RecordCard | undefined; side: string }) {
  const c = props.card;
  if (!c) return <section class="match-side">This record no longer exists.</section>;
  return (
    <section class="match-side" aria-label={`${props.side}: ${c.title}`}>
      <h3>
        <a href={`/editor/${TYPE[c.kind]}/${c.id}`}>{c.title}</a>
      </h3>
      <p>
        <span class="badge">{c.state.replace('_', ' ')}</span> {c.forces.join('; ')}
      </p>
      <dl class="facts">
        {c.facts.map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd>{f.values.length ? f.values.join('; ') : 'none recorded'}</dd>
          </>
        ))}
        <dt>Sources</dt>
        <dd>
          {c.provenance.length === 0 && 'Entered in the editor (no dataset).'}
          {c.provenance.map((p) => (
            <p>
              {p.title} ({p.publisher}): id <code>{p.externalId}</code>, file {p.fileName}, retrieved{' '}
              {p.retrievedOn}
              {Object.keys(p.attributes).length > 0 && (
                <>
                  .{' '}
                  {Object.entries(p.attributes)
                    .filter(([, v]) => v !== null && v !== '')
                    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${String(v)}`)
                    .join('; ')}
                </>
              )}
            </p>
          ))}
        </dd>
      </dl>
    </section>
  );
}

const published = (cards: (RecordCard | undefined)[]) => cards.some((c) => c?.state === 'published');

/** A candidate: both records, the reasons, and (unless `form` is off) the buttons. */
function Candidate(props: {
  c: CandidateRow;
  cards: Map<string, RecordCard>;
  csrf: string;
  heading: 'h1' | 'h2';
  quickForm: boolean;
}) {
  const { c } = props;
  const a = props.cards.get(c.recordA);
  const b = props.cards.get(c.recordB);
  const H = props.heading;
  return (
    <article class="match" aria-labelledby={`m-${c.id}`}>
      <H id={`m-${c.id}`}>
        Score {c.score.toFixed(2)}: {a?.title ?? '?'} / {b?.title ?? '?'}
      </H>
      <div class="match-pair">
        <RecordSide card={a} side="Left" />
        <RecordSide card={b} side="Right" />
      </div>
      <h3>The evidence, for and against</h3>
      <Reasons reasons={c.reasons} />
      {props.quickForm &&
        (published([a, b]) ? (
          <p>
            <a href={`/editor/matches/${c.id}`}>Review and merge</a>: one record is published, so a merge
            needs a public correction note.
          </p>
        ) : (
          <QuickActions c={c} a={a} b={b} csrf={props.csrf} />
        ))}
    </article>
  );
}

function QuickActions(props: { c: CandidateRow; a?: RecordCard; b?: RecordCard; csrf: string }) {
  const { c } = props;
  return (
    <div class="actions">
      <form method="post" action={`/editor/matches/${c.id}/merge`}>
        <CsrfInput token={props.csrf} />
        <button type="submit" name="survivor" value={c.recordA}>
          Same {c.kind}: merge, keeping the left record
        </button>{' '}
        <button type="submit" name="survivor" value={c.recordB}>
          Same {c.kind}: merge, keeping the right record
        </button>
      </form>
      <RejectForm c={c} csrf={props.csrf} />
    </div>
  );
}

function RejectForm(props: { c: CandidateRow; csrf: string }) {
  return (
    <form method="post" action={`/editor/matches/${props.c.id}/reject`}>
      <CsrfInput token={props.csrf} />
      <button type="submit" class="secondary">
        Not the same: reject
      </button>
    </form>
  );
}

/** GET /editor/matches: pending candidates of one kind, best first. */
export function MatchesPage(props: {
  session: SessionInfo;
  kind: MatchKind;
  counts: Record<MatchKind, number>;
  candidates: CandidateRow[];
  cards: Map<string, RecordCard>;
  page: number;
  more: boolean;
  notice?: string;
}) {
  return (
    <EditorLayout title="Matches across sources" session={props.session} crumbs={crumbs}>
      <h1>Matches across sources</h1>
      <Tabs kind={props.kind} counts={props.counts} />
      <Notice text={props.notice} />
      <p>
        Records from different sources that may be the same {props.kind}, with the evidence for and against.
        Nothing is merged on a number alone (rule R11): you decide. A merge moves everything of the merged
        record to the one you keep, and can be undone from the history.
      </p>
      {props.candidates.length === 0 && <p>No {props.kind} candidates are waiting.</p>}
      {props.candidates.map((c) => (
        <Candidate c={c} cards={props.cards} csrf={props.session.csrfToken} heading="h2" quickForm />
      ))}
      <Pager base={`/editor/matches?kind=${props.kind}&`} page={props.page} more={props.more} />
    </EditorLayout>
  );
}

function Pager(props: { base: string; page: number; more: boolean }) {
  if (props.page === 1 && !props.more) return null;
  return (
    <nav aria-label="Pages" class="actions">
      {props.page > 1 && <a href={`${props.base}page=${props.page - 1}`}>Previous page</a>}
      {props.more && <a href={`${props.base}page=${props.page + 1}`}>Next page</a>}
    </nav>
  );
}

const NOTE_REASON =
  'A published record is involved: what its public page shows changes, so the change is published with this note in the corrections log (rule R15).';

/** GET /editor/matches/:id: one candidate, with the survivor chosen by radio and the note when needed. */
export function CandidatePage(props: {
  session: SessionInfo;
  c: CandidateRow;
  cards: Map<string, RecordCard>;
  values?: FormValues;
  problems?: FieldProblem[];
  message?: string;
}) {
  const { c } = props;
  const a = props.cards.get(c.recordA);
  const b = props.cards.get(c.recordB);
  const needsNote = published([a, b]);
  const values = props.values ?? {};
  const problems = props.problems ?? [];
  return (
    <EditorLayout
      title="Match candidate"
      session={props.session}
      crumbs={[...crumbs, { href: `/editor/matches?kind=${c.kind}`, label: 'Matches' }]}
    >
      <ErrorSummary
        problems={problems}
        fields={needsNote ? noteFields(EDIT_KINDS) : []}
        message={props.message}
      />
      <Candidate c={c} cards={props.cards} csrf={props.session.csrfToken} heading="h1" quickForm={false} />
      {c.status !== 'pending' ? (
        <p class="callout">
          This candidate was {c.status} {c.decidedAt && <Timestamp at={c.decidedAt} withTime />}.
        </p>
      ) : (
        <>
          <form method="post" action={`/editor/matches/${c.id}/merge`}>
            <CsrfInput token={props.session.csrfToken} />
            <fieldset>
              <legend>Which record to keep</legend>
              {[a, b].map((card, i) =>
                card ? (
                  <div class="field">
                    <input
                      type="radio"
                      id={`survivor-${i}`}
                      name="survivor"
                      value={card.id}
                      required
                      checked={
                        values.survivor === card.id || (!values.survivor && card.state === 'published')
                      }
                    />{' '}
                    <label for={`survivor-${i}`}>
                      {card.title} ({card.state.replace('_', ' ')})
                    </label>
                  </div>
                ) : null,
              )}
            </fieldset>
            {needsNote && (
              <NoteSection kinds={EDIT_KINDS} values={values} problems={problems} reason={NOTE_REASON} />
            )}
            <button type="submit">Same {c.kind}: merge</button>
          </form>
          <RejectForm c={c} csrf={props.session.csrfToken} />
        </>
      )}
    </EditorLayout>
  );
}

const ACTORS: Record<string, string> = { 'system:match': 'matching (automatic)' };
const who = (actor: string, names: Map<string, string>) => names.get(actor) ?? ACTORS[actor] ?? actor;

function MergeCells(props: { m: MergeRow; cards: Map<string, RecordCard>; names: Map<string, string> }) {
  const { m } = props;
  const link = (id: string) => (
    <a href={`/editor/${TYPE[m.kind]}/${id}`}>{props.cards.get(id)?.title ?? id}</a>
  );
  return (
    <>
      <td>
        <Timestamp at={m.mergedAt} withTime />
      </td>
      <td>{m.kind}</td>
      <td>{link(m.survivorId)}</td>
      <td>{link(m.mergedId)}</td>
      <td>{m.automatic ? <strong>merged automatically</strong> : who(m.mergedBy, props.names)}</td>
    </>
  );
}

/** GET /editor/matches/history: every merge, newest first, with undo. */
export function HistoryPage(props: {
  session: SessionInfo;
  merges: MergeRow[];
  cards: Map<string, RecordCard>;
  names: Map<string, string>;
  page: number;
  more: boolean;
  notice?: string;
}) {
  return (
    <EditorLayout title="Merges" session={props.session} crumbs={crumbs}>
      <h1>Merges and undo</h1>
      <Tabs kind="history" />
      <Notice text={props.notice} />
      <p>
        Undoing a merge moves back exactly the rows it moved (those still on the kept record) and makes the
        merged record stand alone again. Every merge and undo is in the audit log.
      </p>
      <div class="table-wrap">
        <table>
          <caption>Merges, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Kept</th>
              <th scope="col">Merged into it</th>
              <th scope="col">By</th>
              <th scope="col">Undo</th>
            </tr>
          </thead>
          <tbody>
            {props.merges.map((m) => (
              <tr>
                <MergeCells m={m} cards={props.cards} names={props.names} />
                <td>
                  <UndoCell m={m} cards={props.cards} names={props.names} csrf={props.session.csrfToken} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.merges.length === 0 && <p>Nothing has been merged yet.</p>}
      <Pager base="/editor/matches/history?" page={props.page} more={props.more} />
    </EditorLayout>
  );
}

function UndoCell(props: {
  m: MergeRow;
  cards: Map<string, RecordCard>;
  names: Map<string, string>;
  csrf: string;
}) {
  const { m } = props;
  if (m.undoneAt)
    return (
      <>
        Undone <Timestamp at={m.undoneAt} withTime /> by {who(m.undoneBy ?? '', props.names)}
      </>
    );
  if (props.cards.get(m.survivorId)?.state === 'published')
    return <a href={`/editor/matches/merges/${m.id}`}>Undo (needs a public note)</a>;
  return (
    <form method="post" action={`/editor/matches/merges/${m.id}/undo`}>
      <CsrfInput token={props.csrf} />
      <button type="submit" class="secondary">
        {m.automatic ? 'Merged automatically: undo' : 'Undo'}
      </button>
    </form>
  );
}

/** GET /editor/matches/merges/:id: undoing a merge into a published record, with its note. */
export function UndoPage(props: {
  session: SessionInfo;
  merge: MergeRow;
  cards: Map<string, RecordCard>;
  names: Map<string, string>;
  values?: FormValues;
  problems?: FieldProblem[];
  message?: string;
}) {
  const m = props.merge;
  const problems = props.problems ?? [];
  return (
    <EditorLayout
      title="Undo a merge"
      session={props.session}
      crumbs={[...crumbs, { href: '/editor/matches/history', label: 'Merges' }]}
    >
      <h1>Undo a merge</h1>
      <ErrorSummary problems={problems} fields={noteFields(EDIT_KINDS)} message={props.message} />
      <div class="match-pair">
        <RecordSide card={props.cards.get(m.survivorId)} side="Kept" />
        <RecordSide card={props.cards.get(m.mergedId)} side="Merged" />
      </div>
      {m.undoneAt ? (
        <p class="callout">This merge was undone.</p>
      ) : (
        <form method="post" action={`/editor/matches/merges/${m.id}/undo`}>
          <CsrfInput token={props.session.csrfToken} />
          {props.cards.get(m.survivorId)?.state === 'published' && (
            <NoteSection
              kinds={EDIT_KINDS}
              values={props.values ?? {}}
              problems={problems}
              reason={NOTE_REASON}
            />
          )}
          <button type="submit">Undo this merge</button>
        </form>
      )}
    </EditorLayout>
  );
}
