// Stop and search by ethnicity for one force: searches per 1,000 residents of each ethnic group
// (against an imported census baseline), the ratio to the White group with a 95% confidence
// interval, and the share of searches ending in arrest or no further action.
import type { Db } from '../db/client.ts';
import type { Force } from '../forces/repository.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import { BarChart } from './charts.tsx';
import { AsOf, CellText, fmt, Method } from './components.tsx';
import { BaselineNotes, loadBaseline, type Baseline } from './baseline.tsx';
import { refreshedAt } from './refresh.ts';
import {
  per1000,
  percent,
  rateRatio,
  suppressOne,
  suppressRow,
  MIN_CELL,
  type Cell,
  type RateRatio,
} from './stats.ts';

export type Basis = 'officer' | 'self';

const GROUPS: Record<string, string> = {
  white: 'White',
  black: 'Black',
  asian: 'Asian',
  mixed: 'Mixed',
  other: 'Other',
  not_stated: 'Not stated',
  not_recorded: 'Not recorded',
};
const ORDER = Object.keys(GROUPS);

/** One ethnic group's figures over the period. */
export interface GroupFigures {
  group: string;
  label: string;
  searches: Cell;
  population: number | null;
  /** Census groups behind the population (e.g. Other and Mixed for the officers' "Other"). */
  populationGroups: string[];
  rate: number | null;
  ratio: RateRatio | null;
  arrests: Cell;
  arrestShare: number | null;
  noFurtherAction: Cell;
  nfaShare: number | null;
}

export interface StopSearchData {
  force: Force;
  basis: Basis;
  month: string | null;
  months: string[];
  groups: GroupFigures[];
  total: number;
  baseline: Baseline;
  byMonth: { month: string; cells: Cell[] }[];
  monthGroups: string[];
  asOf: Date | null;
}

/** Census groups whose residents are the denominator of each group, given which groups the data has. */
export function populationGroupsFor(group: string, basis: Basis, hasMixed: boolean): string[] {
  if (!['white', 'black', 'asian', 'mixed', 'other'].includes(group)) return [];
  // Officers' perceptions without a Mixed category put people of mixed ethnicity under Other
  // (or under the group they appear to belong to); Other + Mixed is the nearest census match.
  if (basis === 'officer' && !hasMixed && group === 'other') return ['other', 'mixed'];
  return [group];
}

/** Builds the figures from the materialised counts. */
export async function loadStopSearch(
  db: Db,
  force: Force,
  basis: Basis,
  month: string | null,
): Promise<StopSearchData> {
  const [rows, baseline, asOf] = await Promise.all([
    db
      .selectFrom('pattern_stop_search')
      .select(['month', 'ethnic_group', 'searches', 'arrests', 'no_further_action'])
      .where('force_id', '=', force.id)
      .where('basis', '=', basis)
      .orderBy('month')
      .execute(),
    loadBaseline(db, force.id),
    refreshedAt(db, ['pattern_stop_search']),
  ]);
  const months = [...new Set(rows.map((r) => r.month.slice(0, 7)))];
  const inPeriod = rows.filter((r) => month === null || r.month.startsWith(month));
  const hasMixed = rows.some((r) => r.ethnic_group === 'mixed');
  const sum = (g: string, k: 'searches' | 'arrests' | 'no_further_action') =>
    inPeriod.filter((r) => r.ethnic_group === g).reduce((n, r) => n + r[k], 0);
  const present = ORDER.filter((g) => inPeriod.some((r) => r.ethnic_group === g));
  const popOf = (g: string) => {
    const parts = populationGroupsFor(g, basis, hasMixed);
    return parts.length > 0 && parts.every((p) => baseline.residents.has(p))
      ? parts.reduce((n, p) => n + baseline.residents.get(p)!, 0)
      : null;
  };
  const whiteSearches = sum('white', 'searches');
  const whitePop = popOf('white');
  const searchCells = suppressRow(present.map((g) => sum(g, 'searches')));
  const groups = present.map((g, i): GroupFigures => {
    const searches = sum(g, 'searches');
    const p = popOf(g);
    const printable = !searchCells[i]!.suppressed;
    return {
      group: g,
      label: GROUPS[g]!,
      searches: searchCells[i]!,
      population: p,
      populationGroups: populationGroupsFor(g, basis, hasMixed),
      rate: printable && p ? per1000(searches, p) : null,
      ratio:
        printable && p && whitePop && g !== 'white' ? rateRatio(searches, p, whiteSearches, whitePop) : null,
      arrests: suppressOne(sum(g, 'arrests')),
      arrestShare: printable && searches >= MIN_CELL ? percent(sum(g, 'arrests'), searches) : null,
      noFurtherAction: suppressOne(sum(g, 'no_further_action')),
      nfaShare: printable && searches >= MIN_CELL ? percent(sum(g, 'no_further_action'), searches) : null,
    };
  });
  const byMonth = months.map((m) => ({
    month: m,
    cells: suppressRow(
      present.map((g) =>
        rows.filter((r) => r.month.startsWith(m) && r.ethnic_group === g).reduce((n, r) => n + r.searches, 0),
      ),
    ),
  }));
  return {
    force,
    basis,
    month,
    months,
    groups,
    total: inPeriod.reduce((n, r) => n + r.searches, 0),
    baseline,
    byMonth,
    monthGroups: present.map((g) => GROUPS[g]!),
    asOf,
  };
}

const ratioText = (r: RateRatio | null) =>
  r ? `${fmt(r.ratio, 2)} (${fmt(r.lower, 2)} to ${fmt(r.upper, 2)})` : '—';
const share = (n: number | null) => (n === null ? '—' : `${fmt(n, 1)}%`);

function Filters(props: { data: StopSearchData }) {
  const d = props.data;
  return (
    <form method="get" action={`/patterns/forces/${d.force.slug}/stop-search`} class="inline-form">
      <label for="basis">Ethnicity as</label>{' '}
      <select id="basis" name="basis">
        <option value="officer" selected={d.basis === 'officer'}>
          recorded by the officer
        </option>
        <option value="self" selected={d.basis === 'self'}>
          given by the person searched
        </option>
      </select>{' '}
      <label for="month">Month</label>{' '}
      <select id="month" name="month">
        <option value="" selected={d.month === null}>
          Every month
        </option>
        {d.months.map((m) => (
          <option value={m} selected={d.month === m}>
            {m}
          </option>
        ))}
      </select>{' '}
      <button type="submit">Show</button>
    </form>
  );
}

/** The stop-and-search disproportionality page. */
export function StopSearchPage(props: { data: StopSearchData }) {
  const d = props.data;
  const period =
    d.month ?? (d.months.length > 0 ? `${d.months[0]} to ${d.months[d.months.length - 1]}` : 'no months');
  const rated = d.groups.filter((g) => g.rate !== null);
  return (
    <Layout
      title={`Stop and search by ethnicity: ${d.force.name}`}
      section="patterns"
      description={`Stop and search rates by ethnicity, ${d.force.name}.`}
    >
      <Breadcrumbs
        trail={[
          { href: '/patterns', label: 'Patterns' },
          { href: `/forces/${d.force.slug}`, label: d.force.name },
        ]}
        current="Stop and search"
      />
      <h1>Stop and search by ethnicity: {d.force.name}</h1>
      <Filters data={d} />
      <AsOf at={d.asOf} />
      {d.total === 0 ? (
        <p>No stop-and-search records of {d.force.name} have been imported for this period.</p>
      ) : (
        <>
          <p class="lede">
            {fmt(d.total, 0)} searches, {period}, police.uk open data.
          </p>
          {rated.length > 0 ? (
            <figure>
              <BarChart
                id="rates"
                title={`Searches per 1,000 residents, ${period}`}
                unit="per 1,000 residents"
                bars={rated.map((g) => ({ label: g.label, cell: { value: g.rate!, suppressed: false } }))}
              />
            </figure>
          ) : (
            <p class="callout">
              No population baseline for {d.force.name} has been imported, so no rate per resident can be
              given; the counts and outcome shares below need none. Census figures are imported with{' '}
              <code>custodiet import census-2021-ts021 FILE</code> (the ONS table TS021) or{' '}
              <code>custodiet import population-baseline FILE</code> (figures with their sources, such as the
              bundled Greater London file).
            </p>
          )}
          <DataTable
            caption={`Searches by ethnic group, ${period}`}
            columns={[
              { label: 'Ethnic group' },
              { label: 'Searches', numeric: true },
              { label: 'Residents', numeric: true },
              { label: 'Per 1,000 residents', numeric: true },
              { label: 'Ratio to White (95% CI)', numeric: true },
              { label: 'Arrests', numeric: true },
              { label: 'Arrest share', numeric: true },
              { label: 'No further action', numeric: true },
              { label: 'NFA share', numeric: true },
            ]}
            rows={d.groups.map((g) => ({
              header: g.label,
              cells: [
                <CellText cell={g.searches} />,
                g.population === null ? '—' : fmt(g.population, 0),
                g.rate === null ? '—' : fmt(g.rate, 2),
                ratioText(g.ratio),
                <CellText cell={g.arrests} />,
                share(g.arrestShare),
                <CellText cell={g.noFurtherAction} />,
                share(g.nfaShare),
              ],
            }))}
          />
          <BaselineNotes
            baseline={d.baseline}
            unrated={d.groups
              .filter((g) => g.populationGroups.length > 0 && g.population === null)
              .map((g) => g.label)}
          />
          <DataTable
            caption="Searches by month and ethnic group"
            columns={[{ label: 'Month' }, ...d.monthGroups.map((g) => ({ label: g, numeric: true }))]}
            rows={d.byMonth.map((m) => ({
              header: m.month,
              cells: m.cells.map((c) => <CellText cell={c} />),
            }))}
          />
        </>
      )}
      <Method>
        <p>
          Rate = searches ÷ residents of the group × 1,000, over the whole period shown (not per month). The
          ratio to White divides a group's rate by the White group's; its 95% confidence interval uses the log
          rate-ratio normal approximation, treating searches as Poisson counts over fixed populations: exp(ln
          RR ± 1.96 × √(1/a + 1/b)), a and b the two groups' searches. The interval reflects chance only, not
          the biases below.
        </p>
        <p>
          Residents are the census usual residents of the force area, not the people present (commuters,
          visitors), and the census year may differ from the searches' year. Officer-recorded ethnicity has
          four groups (White, Black, Asian, Other); its “Other” is compared with the census groups Other and
          Mixed together, because officers have no Mixed option. Self-defined ethnicity uses the 2001 census
          categories (Chinese counted with Asian, as in the 2021 census); “Not stated” and unrecorded searches
          get no rate. The same person may be searched more than once. Arrest share and no-further-action
          share are of all searches of the group; other outcomes (warnings, penalty notices, community
          resolutions) make up the rest. police.uk data names no officer or person; its map points are
          anonymised, so these figures are for the whole force, not boroughs.
        </p>
      </Method>
    </Layout>
  );
}
