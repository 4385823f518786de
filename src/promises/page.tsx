// The promise tracker's pages: every leader, one leader's timeline and one force's timeline.
import { formatPartialDate } from '../http/format.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import { AsOf, Method } from '../patterns/components.tsx';
import { safeHref } from '../sources/components.tsx';
import { PROMISES } from '../statements/page.tsx';
import { WINDOW_MONTHS, type PromiseEntry, type WindowCounts } from './repository.ts';

const KINDS: [keyof WindowCounts, string][] = [
  ['incidents', 'Incidents'],
  ['allegations', 'Allegations'],
  ['outcomes', 'Outcomes decided'],
  ['dismissals', 'Dismissals'],
];

const day = (d: string) => formatPartialDate(d, 'day', null);

function Counts(props: { p: PromiseEntry }) {
  const { before, after } = props.p;
  if (!before || !after)
    return <p class="note">This statement is not tied to a force, so nothing is counted against it.</p>;
  return (
    <DataTable
      caption={`Published records of ${props.p.force!.name}, ${WINDOW_MONTHS} months before and after ${day(props.p.saidOn)}`}
      columns={[{ label: 'Records' }, { label: 'Before', numeric: true }, { label: 'After', numeric: true }]}
      rows={KINDS.map(([k, label]) => ({ header: label, cells: [String(before[k]), String(after[k])] }))}
    />
  );
}

/** One promise and what came after it. */
function PromiseItem(props: { p: PromiseEntry; showSpeaker: boolean }) {
  const p = props.p;
  const source = safeHref(p.sourceUrl);
  return (
    <li class="promise">
      <h3>
        <time datetime={p.saidOn}>{day(p.saidOn)}</time>: {props.showSpeaker && `${p.speaker}, `}a promise{' '}
        {PROMISES[p.type] ?? p.type}
      </h3>
      <p>
        {p.summary} <a href={`/statements/${p.slug}`}>The statement</a>
        {source && (
          <>
            {' '}
            (source:{' '}
            <a href={source} rel="noopener noreferrer">
              {p.sourceTitle}
            </a>
            )
          </>
        )}
      </p>
      {p.quote && <blockquote>{p.quote}</blockquote>}
      <Counts p={p} />
      <h4>Incidents after it</h4>
      {p.later.length === 0 ? (
        <p>No published incident of this force is dated after it.</p>
      ) : (
        <ul>
          {p.later.map((i) => (
            <li>
              {i.date ? day(i.date) : 'Date not known'}: <a href={`/incidents/${i.slug}`}>{i.title}</a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Caveats() {
  return (
    <Method>
      <p>
        A promise is a public statement we recorded as one, with its type, speaker, date and source. Under
        each we count the force's published incidents (by the date they happened), allegations about them,
        outcomes (findings, by the date decided) and dismissals (by the date imposed) in the {WINDOW_MONTHS}{' '}
        months before and after it, and list the incidents dated after it. Coming after is not being caused
        by: cases take years, many incidents became public long after they happened, and our records are what
        has been published, not every complaint. Counts are small and are printed exactly because each record
        is public.
      </p>
    </Method>
  );
}

/** A timeline of promises (a leader's or a force's). */
export function TimelinePage(props: {
  title: string;
  lede: string;
  crumbs: { href: string; label: string }[];
  current: string;
  promises: PromiseEntry[];
  showSpeaker: boolean;
  asOf: Date | null;
}) {
  return (
    <Layout title={props.title} section="promises" description={props.lede}>
      <Breadcrumbs trail={props.crumbs} current={props.current} />
      <h1>{props.title}</h1>
      <p class="lede">{props.lede}</p>
      <AsOf at={props.asOf} />
      {props.promises.length === 0 ? (
        <p>No published promise is recorded here.</p>
      ) : (
        <ol class="timeline">
          {props.promises.map((p) => (
            <PromiseItem p={p} showSpeaker={props.showSpeaker} />
          ))}
        </ol>
      )}
      <Caveats />
    </Layout>
  );
}

/** Every leader with promises, and every force. */
export function PromisesIndex(props: {
  leaders: { name: string; role: string; slug: string; promises: number; first: string; last: string }[];
  forces: { slug: string; name: string; promises: number }[];
}) {
  return (
    <Layout
      title="Promise tracker"
      section="promises"
      description="Leaders' promises about police misconduct, and what happened after them."
    >
      <h1>Promise tracker</h1>
      <p class="lede">
        Leaders promise to “root out” wrongdoing, “fast-track dismissals” and change the culture. Each promise
        here is shown with what the published records say happened after it.
      </p>
      <DataTable
        caption="Leaders"
        columns={[
          { label: 'Leader' },
          { label: 'Role (latest recorded)' },
          { label: 'Promises', numeric: true },
          { label: 'Between' },
        ]}
        rows={props.leaders.map((l) => ({
          header: <a href={`/promises/leaders/${l.slug}`}>{l.name}</a>,
          cells: [l.role, String(l.promises), `${day(l.first)} and ${day(l.last)}`],
        }))}
      />
      <DataTable
        caption="Forces"
        columns={[{ label: 'Force' }, { label: 'Promises', numeric: true }]}
        rows={props.forces.map((f) => ({
          header: <a href={`/promises/forces/${f.slug}`}>{f.name}</a>,
          cells: [String(f.promises)],
        }))}
      />
      <Caveats />
    </Layout>
  );
}
