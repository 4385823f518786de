import { StatusLabel } from '../http/components.tsx';
import { formatPartialDate } from '../http/format.ts';
import { MARK_START, MARK_STOP } from './match.ts';
import type { IdentifierShown, SearchResult } from './results.ts';
import type { SearchType } from './schema.ts';

/** Singular and plural names of each kind of record. */
export const TYPE_NAMES: Record<SearchType, { one: string; many: string }> = {
  incident: { one: 'Incident', many: 'Incidents' },
  allegation: { one: 'Allegation', many: 'Allegations' },
  officer: { one: 'Officer', many: 'Officers' },
  unit: { one: 'Unit', many: 'Units' },
  statement: { one: 'Statement', many: 'Statements' },
};

const MARKED = new RegExp(`(${MARK_START}[^${MARK_STOP}]*${MARK_STOP})`, 'u');
const STRAY = new RegExp(`[${MARK_START}${MARK_STOP}]`, 'gu');

/** Whether a text carries a highlighted match. */
export function hasMark(text: string): boolean {
  return MARKED.test(text);
}

/**
 * Text from ts_headline with its markers turned into <mark> elements. The text itself is only
 * ever a JSX text child, so it is escaped; no HTML from the database reaches the page.
 */
export function Highlighted(props: { text: string }) {
  const parts = props.text.split(MARKED);
  return (
    <>
      {parts.map((p) =>
        p.startsWith(MARK_START) && p.endsWith(MARK_STOP) ? (
          <mark>{p.slice(1, -1)}</mark>
        ) : (
          p.replace(STRAY, '')
        ),
      )}
    </>
  );
}

/**
 * About `max` characters of a text, around its first highlighted match (or from the start when
 * nothing in it matched), cut at word boundaries and never inside a <mark>.
 */
export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const at = text.indexOf(MARK_START);
  let start = 0;
  if (at > max / 3) {
    const space = text.indexOf(' ', at - Math.floor(max / 3));
    start = space !== -1 && space < at ? space + 1 : at;
  }
  let end = Math.min(text.length, start + max);
  const space = text.lastIndexOf(' ', end);
  if (end < text.length && space > Math.max(start, at)) end = space;
  // A cut inside a mark would leave it unclosed: take the whole mark.
  const open = text.lastIndexOf(MARK_START, end - 1);
  if (open > text.lastIndexOf(MARK_STOP, end - 1)) end = text.indexOf(MARK_STOP, open) + 1;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

const ID_TYPES: Record<string, string> = {
  shoulder_number: 'Shoulder number',
  cipher: 'Cipher',
  badge_number: 'Badge number',
};

function validity(i: IdentifierShown): string {
  const d = (on: string) => formatPartialDate(on, 'day');
  if (i.validFrom && i.validTo) return `held ${d(i.validFrom)} to ${d(i.validTo)}`;
  if (i.validFrom) return `held from ${d(i.validFrom)}`;
  if (i.validTo) return `held until ${d(i.validTo)}`;
  return 'dates held not recorded';
}

/** Identifiers that matched, each with force and dates: a number alone identifies no one (R11). */
function Identifiers(props: { identifiers: IdentifierShown[] }) {
  return (
    <>
      <ul class="identifiers">
        {props.identifiers.map((i) => (
          <li>
            {ID_TYPES[i.type] ?? i.type} <mark>{i.identifier}</mark>, {i.force}, {validity(i)}
          </li>
        ))}
      </ul>
      <p class="note">
        Numbers are reissued and change on transfer: a number identifies an officer only together with the
        force and the dates it was held.
      </p>
    </>
  );
}

/** One result: kind, linked title with any status labels, date, force and a highlighted snippet. */
export function ResultItem(props: { result: SearchResult }) {
  const r = props.result;
  const meta = [
    r.date ? formatPartialDate(r.date.on, r.date.precision, r.date.until) : null,
    r.place,
    r.force,
  ].filter((m): m is string => Boolean(m));
  return (
    <li>
      <h3>
        <span class="badge">{TYPE_NAMES[r.type].one}</span>{' '}
        <a href={r.href}>
          <Highlighted text={r.title} />
        </a>
        {r.labels.map((l) => (
          <>
            {' '}
            <StatusLabel code={l.code} label={l.label} />
          </>
        ))}
      </h3>
      {r.context && (
        <p class="meta">
          {r.type === 'allegation' ? 'In: ' : ''}
          {r.context.href ? <a href={r.context.href}>{r.context.text}</a> : r.context.text}
        </p>
      )}
      {meta.length > 0 && (
        <p class="meta">
          {r.date?.on ? <time datetime={r.date.on}>{meta[0]}</time> : meta[0]}
          {meta.slice(1).map((m) => ` · ${m}`)}
        </p>
      )}
      {r.identifiers.length > 0 && <Identifiers identifiers={r.identifiers} />}
      {r.snippet && (
        <p class="snippet">
          <Highlighted text={excerpt(r.snippet)} />
        </p>
      )}
      {r.quote && hasMark(r.quote) && (
        <blockquote>
          <Highlighted text={excerpt(r.quote)} />
        </blockquote>
      )}
    </li>
  );
}
