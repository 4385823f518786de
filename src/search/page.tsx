import type { FilterOptions, Option } from './filters.ts';
import { ResultItem, TYPE_NAMES } from './results-view.tsx';
import type { SearchResult } from './results.ts';
import {
  COUNT_CAP,
  RANK_WINDOW,
  PAGE_SIZE,
  SEARCH_TYPES,
  searchUrl,
  type SearchParams,
  type SearchType,
} from './schema.ts';

/** A labelled drop-down whose first choice means "no filter". */
function Select(props: {
  name: keyof SearchParams;
  label: string;
  any: string;
  options: Option[];
  value: string | undefined;
  hint?: string;
}) {
  const id = `search-${props.name}`;
  // A value from the URL that is not in the list (a unit chosen without a force) stays selected,
  // so submitting the form never silently drops a filter.
  const options =
    props.value && !props.options.some((o) => o.value === props.value)
      ? [...props.options, { value: props.value, label: props.value }]
      : props.options;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <select id={id} name={props.name} aria-describedby={props.hint ? `${id}-hint` : undefined}>
        <option value="">{props.any}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: { name: 'from' | 'to'; label: string; value: string | undefined }) {
  const id = `search-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <span class="hint" id={`${id}-hint`}>
        For example 2021-03-31
      </span>
      <input
        id={id}
        type="date"
        name={props.name}
        value={props.value ?? ''}
        aria-describedby={`${id}-hint`}
      />
    </div>
  );
}

/** The search box and filters; a plain GET form, so it works without JavaScript. */
export function SearchForm(props: { params: SearchParams; options: FilterOptions }) {
  const p = props.params;
  const o = props.options;
  const types = SEARCH_TYPES.map((t) => ({ value: t, label: TYPE_NAMES[t].many }));
  return (
    <form
      class="search-form"
      role="search"
      aria-label="Search and filter records"
      action="/search"
      method="get"
    >
      <div class="field">
        <label for="search-q">Words, names or numbers</label>
        <span class="hint" id="search-q-hint">
          For example a place, an officer’s name or part of a shoulder number. Put a phrase in quotes; put a
          minus sign before a word to leave it out.
        </span>
        <input
          id="search-q"
          type="search"
          name="q"
          value={p.q ?? ''}
          maxlength={200}
          aria-describedby="search-q-hint"
        />
      </div>
      <fieldset class="filters">
        <legend>Filters</legend>
        <Select name="type" label="Kind of record" any="All kinds" options={types} value={p.type} />
        <Select name="force" label="Police force" any="Any force" options={o.forces} value={p.force} />
        <Select
          name="unit"
          label="Unit"
          any="Any unit"
          options={o.units}
          value={p.unit}
          hint={p.force ? undefined : 'Choose a force and search to list its units.'}
        />
        <Select
          name="standard"
          label="Standard of Professional Behaviour"
          any="Any Standard"
          options={o.standards}
          value={p.standard}
        />
        <Select
          name="iopc"
          label="IOPC complaint category"
          any="Any category"
          options={o.iopc}
          value={p.iopc}
        />
        <Select
          name="status"
          label="Status label"
          any="Any status label"
          options={o.statuses}
          value={p.status}
        />
        <DateField name="from" label="From date" value={p.from} />
        <DateField name="to" label="To date" value={p.to} />
      </fieldset>
      <p class="hint">
        Dates are when an incident happened or a statement was made. Standard, category and status filters
        apply to allegations and to the incidents and officers they concern.
      </p>
      <div class="actions">
        <button type="submit">Search</button>
        <a href="/search">Clear search and filters</a>
      </div>
    </form>
  );
}

/** A count as shown: exact up to the counting cap, "1,000+" beyond it. */
export function shownCount(n: number): string {
  return n > COUNT_CAP ? `${COUNT_CAP.toLocaleString('en-GB')}+` : n.toLocaleString('en-GB');
}

/** How many results each kind of record has, each a link narrowing the search to that kind. */
export function Facets(props: { params: SearchParams; counts: Record<SearchType, number> }) {
  const p = props.params;
  const all = SEARCH_TYPES.reduce((n, t) => n + props.counts[t], 0);
  const link = (type: SearchType | undefined, label: string, n: number) => (
    <li>
      <a href={searchUrl(p, { type, page: undefined })} aria-current={p.type === type ? 'true' : undefined}>
        {label} <strong>{shownCount(n)}</strong>
      </a>
    </li>
  );
  return (
    <nav class="facets" aria-label="Kinds of record">
      <ul class="counts">
        {link(undefined, 'All kinds', all)}
        {SEARCH_TYPES.map((t) => link(t, TYPE_NAMES[t].many, props.counts[t]))}
      </ul>
    </nav>
  );
}

/** Page numbers to offer: the first, the last and two either side of the current one. */
export function pageWindow(page: number, last: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** Previous / numbered / next links; every link keeps the words and filters. */
export function Pagination(props: { params: SearchParams; page: number; last: number }) {
  const { params, page, last } = props;
  if (last <= 1) return null;
  const href = (n: number) => searchUrl(params, { page: n });
  return (
    <nav class="pagination" aria-label="Pages of results">
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous<span class="visually-hidden"> page</span>
            </a>
          </li>
        )}
        {pageWindow(page, last).map((n) =>
          n === null ? (
            <li aria-hidden="true">…</li>
          ) : n === page ? (
            <li>
              <span aria-current="page">
                <span class="visually-hidden">Page </span>
                {n}
              </span>
            </li>
          ) : (
            <li>
              <a href={href(n)}>
                <span class="visually-hidden">Page </span>
                {n}
              </a>
            </li>
          ),
        )}
        {page < last && (
          <li>
            <a href={href(page + 1)} rel="next">
              Next<span class="visually-hidden"> page</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The results section: count, page position, facets, the ranked list and pagination. */
export function Results(props: {
  params: SearchParams;
  counts: Record<SearchType, number>;
  total: number;
  page: number;
  results: SearchResult[];
}) {
  const { params, total, page, results } = props;
  // Beyond the cap only the first COUNT_CAP results are paged through.
  const capped = total > COUNT_CAP;
  const last = Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">
        {capped
          ? `More than ${shownCount(COUNT_CAP)} results`
          : total === 1
            ? '1 result'
            : `${shownCount(total)} results`}
        {params.q ? ` for “${params.q}”` : ''}
      </h2>
      <Facets params={params} counts={props.counts} />
      {total === 0 ? (
        <p>No published records match. Try fewer words, part of a name, or fewer filters.</p>
      ) : page > last ? (
        <p>
          There is no page {page}: the results end at{' '}
          <a href={searchUrl(params, { page: last })}>page {last}</a>.
        </p>
      ) : (
        <>
          <p class="meta">
            Showing {first}–{first + results.length - 1} of{' '}
            {capped ? `more than ${shownCount(COUNT_CAP)}` : shownCount(total)}, page {page} of {last}.
            {capped
              ? ' Only the first 1,000 can be paged through: add words or filters to narrow the search.'
              : ''}
            {params.q && (props.counts.incident > COUNT_CAP || props.counts.allegation > COUNT_CAP)
              ? ` So many incidents or allegations match that relevance is ranked among the ${RANK_WINDOW.toLocaleString('en-GB')} most recent of each; add a date range to reach older ones.`
              : ''}
          </p>
          <ol class="results" start={first}>
            {results.map((r) => (
              <ResultItem result={r} />
            ))}
          </ol>
        </>
      )}
      <Pagination params={params} page={Math.min(page, last)} last={last} />
    </section>
  );
}
