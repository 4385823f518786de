import type { Selectable } from 'kysely';
import type { IngestBundles, IngestItems } from '../db/schema.generated.ts';
import type { AppError } from '../errors/catalogue.ts';
import { CsrfInput, type Option } from '../http/forms.tsx';
import type { FormValues } from '../http/form.ts';
import { one } from '../http/form.ts';
import type { Candidate } from './matching.ts';

type Bundle = Selectable<IngestBundles>;
type Item = Selectable<IngestItems>;

const STANDARDS = [
  'honesty_integrity',
  'authority_respect_courtesy',
  'equality_diversity',
  'use_of_force',
  'orders_instructions',
  'duties_responsibilities',
  'confidentiality',
  'fitness_for_duty',
  'discreditable_conduct',
  'challenging_reporting_improper_conduct',
];
const words = (code: unknown) => String(code ?? '').replace(/_/g, ' ');

function Problem(props: { err?: AppError | undefined }) {
  return props.err ? (
    <p class="callout callout-error" role="alert">
      {props.err.message}
    </p>
  ) : null;
}

/** The "add from an article" form and the latest ingested articles. */
export function IngestForm(props: {
  csrf: string;
  values: FormValues;
  err?: AppError | undefined;
  recent: { id: string; title: string; state: string; article_date: string; active_proceedings: boolean }[];
}) {
  const v = (k: string) => one(props.values, k);
  return (
    <>
      <h1>Add from an article</h1>
      <Problem err={props.err} />
      <p>
        Paste a news report, give its web address or upload it (text, HTML or PDF). It is kept as a source
        with an archived copy, and a draft of the records it supports is proposed, each with the passage it
        came from. Nothing is created until you accept it, and nothing is ever published from here. Children,
        sexual-offence complainants and members of the public are never proposed by name.
      </p>
      <form method="post" action="/editor/ingest" enctype="multipart/form-data">
        <CsrfInput token={props.csrf} />
        <p>
          <label for="f-url">Web address of the article</label>
          <input id="f-url" name="url" type="url" value={v('url')} required />
        </p>
        <p>
          <label for="f-text">Article text (leave empty to capture the address)</label>
          <textarea id="f-text" name="text" rows={12}>
            {v('text')}
          </textarea>
        </p>
        <p>
          <label for="f-file">Or a file</label>
          <input id="f-file" name="file" type="file" accept=".txt,.html,.htm,.pdf" />
        </p>
        <p>
          <label for="f-title">Title</label> <input id="f-title" name="title" value={v('title')} />{' '}
          <label for="f-publisher">Publisher</label>{' '}
          <input id="f-publisher" name="publisher" value={v('publisher')} />{' '}
          <label for="f-date">Published on</label>{' '}
          <input id="f-date" name="publishedOn" type="date" value={v('publishedOn')} />
        </p>
        <p>
          <label for="f-kind">Kind of source</label>{' '}
          <select id="f-kind" name="kind">
            {['news', 'press_release', 'official_report', 'hearing_notice', 'court_judgment'].map((k) => (
              <option value={k} selected={v('kind') === k}>
                {words(k)}
              </option>
            ))}
          </select>
        </p>
        <button type="submit">Read the article</button>
      </form>
      {props.recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">Recently ingested</h2>
          <ul>
            {props.recent.map((b) => (
              <li>
                <a href={`/editor/ingest/${b.id}`}>{b.title}</a> · {b.article_date} · {b.state}
                {b.active_proceedings && ' · active proceedings (R5)'}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** What an item proposes, in words. */
function describe(item: Item): string {
  const p = item.proposed as Record<string, unknown>;
  switch (item.kind) {
    case 'date':
      return `${String(p.on)}${p.until ? ` to ${String(p.until)}` : ''} (${words(p.precision)})`;
    case 'officer':
      return `${p.former ? 'Former ' : ''}${words(p.rank ?? 'officer')} ${String(p.name ?? (p.identifier as { value?: string } | null)?.value ?? '')}${p.forceSlug ? `, ${String(p.forceSlug)}` : ''}`;
    case 'official':
      return `${String(p.name)}, ${String(p.role ?? 'official')}`;
    case 'person':
      return `${String(p.pseudonym)} (${words(p.role)}; age ${p.ageStatus === 'minor' ? `under 18${p.age ? `: ${String(p.age)}` : ''}` : words(p.ageStatus)}${p.sexualOffenceComplainant ? '; sexual-offence complainant' : ''})${p.nameWithheld ? ' — name withheld' : ''}`;
    case 'place':
    case 'force':
      return `${String(p.name)} (${words(p.kind)})`;
    case 'allegation':
      return `Standards: ${(p.standards as string[]).map(words).join(', ') || 'none'}${p.iopc ? `; IOPC: ${words(p.iopc)}` : ''}`;
    case 'statement':
      return `${String(p.speaker)} (${String(p.speakerRole)})${p.isPromise ? ` — promise: ${words(p.promiseType)}` : ''}`;
    case 'status':
      return `${words(p.label)}${p.holdR5 ? ' — active proceedings hold (R5) applies' : ''}`;
    default:
      return '';
  }
}

function Edits(props: { item: Item }) {
  const { item } = props;
  const p = item.proposed as Record<string, unknown>;
  const pos = item.position;
  const field = (name: string, label: string, value: unknown, type = 'text') => (
    <label>
      {label}{' '}
      <input
        name={`item.${pos}.${name}`}
        type={type}
        value={value === null || value === undefined ? '' : String(value)}
      />
      <input
        type="hidden"
        name={`item.${pos}.${name}.was`}
        value={value === null || value === undefined ? '' : String(value)}
      />
    </label>
  );
  if (item.kind === 'officer') return field('name', 'Name', p.name);
  if (item.kind === 'date') return field('title', 'Timeline title', '');
  if (item.kind === 'statement') return field('summary', 'Summary in our words', '');
  if (item.kind === 'allegation')
    return (
      <fieldset>
        <legend>Standards</legend>
        <input type="hidden" name={`item.${pos}.standards.shown`} value="1" />
        <input type="hidden" name={`item.${pos}.standards.was`} value={(p.standards as string[]).join(',')} />
        {STANDARDS.map((s) => (
          <label>
            <input
              type="checkbox"
              name={`item.${pos}.standards`}
              value={s}
              checked={(p.standards as string[]).includes(s)}
            />{' '}
            {words(s)}
          </label>
        ))}
        {field('summary', 'What is alleged (our words)', '')}
      </fieldset>
    );
  return null;
}

function ItemRow(props: { item: Item }) {
  const { item } = props;
  const pos = item.position;
  const candidates = item.candidates as unknown as Candidate[];
  const made = item.created_record as { table?: string; id?: string } | null;
  return (
    <li class="ingest-item" id={`item-${pos}`}>
      <p>
        <strong>{describe(item)}</strong>
      </p>
      <blockquote>{item.passage}</blockquote>
      {item.passage_redacted && <p class="note">Names of protected people are withheld from this passage.</p>}
      <details>
        <summary>Why</summary>
        <ul>
          {(item.reasons as string[]).map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      </details>
      {candidates.length > 0 && (
        <p>
          <label>
            Existing record{' '}
            <select name={`item.${pos}.linkTo`}>
              <option value="">No: create a new draft</option>
              {candidates.map((cand) => (
                <option value={cand.id}>
                  {cand.label} — {cand.reasons.join('; ')}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <Edits item={item} />
      <p>
        {(['undecided', 'accepted', 'rejected'] as const).map((d) => (
          <label>
            <input type="radio" name={`item.${pos}.decision`} value={d} checked={item.decision === d} />{' '}
            {d === 'accepted' ? 'Accept' : d === 'rejected' ? 'Reject' : 'Undecided'}{' '}
          </label>
        ))}
      </p>
      {made?.id && (
        <p class="note">
          Created: {made.table} {made.id}
        </p>
      )}
    </li>
  );
}

const GROUPS: [string, string][] = [
  ['status', 'Status hints'],
  ['officer', 'Officers'],
  ['official', 'Officials'],
  ['person', 'People (pseudonymised)'],
  ['force', 'Forces'],
  ['place', 'Stations, units and areas'],
  ['date', 'Dates'],
  ['allegation', 'Allegations (Standards lexicon)'],
  ['statement', 'Statements'],
];

/** The review page of one bundle. */
export function ReviewPage(props: {
  csrf: string;
  bundle: Bundle;
  items: Item[];
  forces: Option[];
  statuses: Option[];
  err?: AppError | undefined;
  notice?: string | undefined;
}) {
  const b = props.bundle;
  const summary = b.summary as {
    incident?: { title: string; forceSlug: string | null; occurredOn: string | null; place: string | null };
    incidentCandidates?: Candidate[];
  };
  const inc = summary.incident;
  const applied = b.state !== 'proposed';
  return (
    <>
      <h1>Review: {b.title}</h1>
      <Problem err={props.err} />
      {props.notice && <p class="callout callout-ok">{props.notice}</p>}
      <p>
        Article of {b.article_date}.{' '}
        <a href={`/editor/sources/${b.source_id}`}>The source and its archived copy</a>. Accepted items become{' '}
        <strong>draft</strong> records with a claim citing their passage; nothing is published.
      </p>
      {b.active_proceedings && (
        <p class="callout callout-warn" role="alert">
          Active proceedings hold (R5): the article reports an arrest or charge and no end of the proceedings.
          Record the court proceedings on the incident; only a fair, accurate court report may be published.
        </p>
      )}
      {props.items.some((i) => i.kind === 'person') && (
        <p class="callout callout-warn">
          People who are not officers or officials are proposed only under a pseudonym. A child or a
          sexual-offence complainant is never named (R7, R8).
        </p>
      )}
      <form method="post" action={`/editor/ingest/${b.id}`}>
        <CsrfInput token={props.csrf} />
        <fieldset>
          <legend>The incident</legend>
          {(summary.incidentCandidates ?? []).length > 0 && (
            <p>
              <label>
                Possibly already recorded{' '}
                <select name="incident.existingId">
                  <option value="">No: a new draft incident</option>
                  {(summary.incidentCandidates ?? []).map((cand) => (
                    <option value={cand.id}>
                      {cand.label} — {cand.reasons.join('; ')}
                    </option>
                  ))}
                </select>
              </label>
            </p>
          )}
          <p>
            <label>
              Title <input name="incident.title" value={inc?.title ?? b.title} required />
            </label>
          </p>
          <p>
            <label>
              Summary in our own words (say “alleged” for anything not found proven)
              <textarea name="incident.summary" rows={3} />
            </label>
          </p>
          <p>
            <label>
              Date <input name="incident.occurredOn" type="date" value={inc?.occurredOn ?? ''} />
            </label>{' '}
            <label>
              Place <input name="incident.place" value={inc?.place ?? ''} />
            </label>{' '}
            <label>
              Force{' '}
              <select name="incident.forceId" required>
                {props.forces.map((f) => (
                  <option
                    value={f.value}
                    selected={f.label
                      .toLowerCase()
                      .includes((inc?.forceSlug ?? '—').replace(/-/g, ' ').split(' ')[0]!)}
                  >
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
          </p>
          <p>
            <label>
              Status label for the allegations (proposed: {words(b.proposed_status)}; the editor decides){' '}
              <select name="status">
                {props.statuses.map((s) => (
                  <option value={s.value} selected={s.value === b.proposed_status}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          </p>
        </fieldset>
        {GROUPS.map(([kind, label]) => {
          const group = props.items.filter((i) => i.kind === kind);
          return group.length === 0 ? null : (
            <section aria-label={label}>
              <h2>
                {label} ({group.length})
              </h2>
              <ul class="ingest-items">
                {group.map((i) => (
                  <ItemRow item={i} />
                ))}
              </ul>
            </section>
          );
        })}
        {!applied && (
          <p>
            <button type="submit" name="action" value="save">
              Save decisions
            </button>{' '}
            <button type="submit" name="action" value="apply">
              Create drafts from accepted items
            </button>
          </p>
        )}
      </form>
    </>
  );
}
