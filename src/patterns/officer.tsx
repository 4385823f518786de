// Officer pattern: one named officer's published allegations counted by Standard, IOPC category,
// status and finding, where their allegation count sits among officers of the same force (and
// unit and rank, where known) over the same period, and who they were most often named with.
import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import { findNamedOfficer } from '../officers/record.ts';
import { AsOf, CellText, fmt, Labels, Method, nameable, type NamedOfficer } from './components.tsx';
import { refreshedAt } from './refresh.ts';
import { MIN_CELL, percentileRank, suppressOne } from './stats.ts';
import { BarChart } from './charts.tsx';

type Officer = NonNullable<Awaited<ReturnType<typeof findNamedOfficer>>>;

/** A percentile among one peer group, or why there is none. */
export interface PeerRank {
  group: string;
  peers: number;
  percentile: number | null;
}

/** Everything the officer pattern page shows. */
export interface OfficerPatternData {
  officer: Officer;
  year: number;
  years: number[];
  byStandard: { label: string; n: number }[];
  byCategory: { label: string; n: number }[];
  byStatus: { label: string; n: number }[];
  byFinding: { label: string; n: number }[];
  allegations: number | null;
  ranks: PeerRank[];
  coaccused: (NamedOfficer & { incidents: number })[];
  unnamedCoaccused: number;
  asOf: Date | null;
}

// The officer's public allegations not shown on a held incident page (the officer's own page is
// checked by the route).
const OWN = sql`a.visible AND NOT EXISTS (SELECT 1 FROM pattern_held h WHERE h.kind = 'incidents' AND h.id = a.incident_id)`;

type By = 'standard' | 'category' | 'status' | 'finding';

/** The officer's counted allegations by Standard, IOPC category, status and finding in force, in one query. */
async function tallies(
  db: Db,
  officerId: string,
  year: number,
): Promise<Record<By, { label: string; n: number }[]>> {
  const inYear = year === 0 ? sql`true` : sql`extract(year FROM a.incident_date) = ${year}`;
  const term = (
    by: By,
    taxonomy: RawBuilder<unknown>,
    code: RawBuilder<unknown>,
    from: RawBuilder<unknown>,
  ) =>
    sql`SELECT ${by} AS kind, t.label, t.sort_order, count(DISTINCT m.id)::int AS n FROM mine m ${from}
      JOIN taxonomy_terms t ON t.taxonomy_id = ${taxonomy} AND t.code = ${code} GROUP BY t.label, t.sort_order`;
  const { rows } = await sql<{ kind: By; label: string; n: number }>`
    WITH mine AS MATERIALIZED (SELECT a.id, a.iopc_taxonomy, a.iopc_code, a.status_taxonomy, a.status_code
      FROM allegations a WHERE a.officer_id = ${officerId} AND ${OWN} AND ${inYear})
    ${term('standard', sql`s.standard_taxonomy`, sql`s.standard_code`, sql`JOIN allegation_standards s ON s.allegation_id = m.id`)}
    UNION ALL ${term('category', sql`m.iopc_taxonomy`, sql`m.iopc_code`, sql``)}
    UNION ALL ${term('status', sql`m.status_taxonomy`, sql`m.status_code`, sql``)}
    -- The finding in force: one that no later (appeal) finding supersedes.
    UNION ALL ${term(
      'finding',
      sql`f.outcome_taxonomy`,
      sql`f.outcome_code`,
      sql`JOIN findings f ON f.allegation_id = m.id AND NOT EXISTS (SELECT 1 FROM findings g WHERE g.supersedes_finding_id = f.id)`,
    )}
    ORDER BY kind, sort_order, label`.execute(db);
  const out: Record<By, { label: string; n: number }[]> = {
    standard: [],
    category: [],
    status: [],
    finding: [],
  };
  for (const r of rows) out[r.kind].push({ label: r.label, n: r.n });
  return out;
}

async function peerRanks(
  db: Db,
  officerId: string,
  year: number,
): Promise<{ n: number | null; ranks: PeerRank[] }> {
  const own = await db
    .selectFrom('pattern_officer_counts as c')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('taxonomy_terms as t', (j) =>
      j.on('t.taxonomy_id', '=', 'ew_ranks_2025').onRef('t.code', '=', 'c.rank_code'),
    )
    .innerJoin('forces as f', 'f.id', 'c.force_id')
    .selectAll('c')
    .select(['u.name as unit_name', 't.label as rank_label', 'f.name as force_name'])
    .where('c.officer_id', '=', officerId)
    .where('c.year', '=', year)
    .executeTakeFirst();
  if (!own) return { n: null, ranks: [] };
  // Below, equal and peers were counted over every officer at the last rebuild (refresh.ts).
  const groups: [string, number | null, number | null, number | null][] = [
    [`officers of ${own.force_name}`, own.force_below, own.force_equal, own.force_peers],
  ];
  if (own.unit_id)
    groups.push([
      `officers currently posted to ${own.unit_name}`,
      own.unit_below,
      own.unit_equal,
      own.unit_peers,
    ]);
  if (own.rank_code)
    groups.push([
      `${own.rank_label ?? own.rank_code}s of ${own.force_name}`,
      own.rank_below,
      own.rank_equal,
      own.rank_peers,
    ]);
  const ranks = groups.map(([group, below, equal, peers]): PeerRank => ({
    group,
    peers: peers ?? 0,
    percentile: peers !== null && peers >= MIN_CELL ? percentileRank(below!, equal!, peers) : null,
  }));
  return { n: own.allegations, ranks };
}

/** The officers most often named in the same incidents, with how many incidents each. */
export async function topCoaccused(db: Db, officerId: string, limit = 10) {
  const rows = await db
    .selectFrom('pattern_coaccused')
    .select(['other_id', 'incidents'])
    .where('officer_id', '=', officerId)
    .orderBy('incidents', 'desc')
    .orderBy('other_id')
    .limit(200)
    .execute();
  const named = await nameable(
    db,
    rows.slice(0, limit * 3).map((r) => r.other_id),
  );
  const shown = rows.filter((r) => named.has(r.other_id)).slice(0, limit);
  return {
    shown: shown.map((r) => ({ ...named.get(r.other_id)!, incidents: r.incidents })),
    unnamed: rows.length - rows.filter((r) => named.has(r.other_id)).length,
  };
}

/** Loads the page for a published, named officer (null when there is none). */
export async function loadOfficerPattern(
  db: Db,
  slug: string,
  year: number,
): Promise<OfficerPatternData | null> {
  const officer = await findNamedOfficer(db, { slug }, ['published']);
  if (!officer) return null;
  const [counts, peers, co, asOf, yearRows] = await Promise.all([
    tallies(db, officer.id, year),
    peerRanks(db, officer.id, year),
    topCoaccused(db, officer.id),
    refreshedAt(db, ['pattern_officer_counts', 'pattern_coaccused', 'pattern_held']),
    db
      .selectFrom('pattern_officer_counts')
      .select('year')
      .where('officer_id', '=', officer.id)
      .where('year', '>', 0)
      .orderBy('year')
      .execute(),
  ]);
  return {
    officer,
    year,
    years: yearRows.map((r) => r.year),
    byStandard: counts.standard,
    byCategory: counts.category,
    byStatus: counts.status,
    byFinding: counts.finding,
    allegations: peers.n,
    ranks: peers.ranks,
    coaccused: co.shown,
    unnamedCoaccused: co.unnamed,
    asOf,
  };
}

function Tally(props: { id: string; title: string; rows: { label: string; n: number }[] }) {
  if (props.rows.length === 0) return <p>None recorded for {props.title.toLowerCase()}.</p>;
  return (
    <>
      <figure>
        <BarChart
          id={props.id}
          title={props.title}
          unit="allegations"
          bars={props.rows.map((r) => ({ label: r.label, cell: { value: r.n, suppressed: false } }))}
        />
      </figure>
      <DataTable
        caption={props.title}
        columns={[{ label: 'Group' }, { label: 'Allegations', numeric: true }]}
        rows={props.rows.map((r) => ({ header: r.label, cells: [String(r.n)] }))}
      />
    </>
  );
}

function YearPicker(props: { slug: string; year: number; years: number[] }) {
  return (
    <form method="get" action={`/patterns/officers/${props.slug}`} class="inline-form">
      <label for="year">Period</label>{' '}
      <select id="year" name="year">
        <option value="0" selected={props.year === 0}>
          Every year
        </option>
        {props.years.map((y) => (
          <option value={String(y)} selected={props.year === y}>
            {String(y)}
          </option>
        ))}
      </select>{' '}
      <button type="submit">Show</button>
    </form>
  );
}

/** The officer pattern page. */
export function OfficerPatternPage(props: { data: OfficerPatternData }) {
  const d = props.data;
  const o = d.officer;
  const period = d.year === 0 ? 'every year' : String(d.year);
  return (
    <Layout
      title={`Patterns: ${o.published_name}`}
      section="patterns"
      description={`Published allegations about ${o.published_name} counted, and compared with other officers.`}
    >
      <Breadcrumbs
        trail={[
          { href: '/patterns', label: 'Patterns' },
          { href: `/officers/${o.slug}`, label: o.published_name },
        ]}
        current="Patterns"
      />
      <h1>Patterns: {o.published_name}</h1>
      <p class="lede">
        Counts of the published allegations about <a href={`/officers/${o.slug}`}>{o.published_name}</a> (
        {o.force_name}
        ), each of which is on their page with its status and outcome. An allegation is not a finding.
      </p>
      <YearPicker slug={o.slug} year={d.year} years={d.years} />
      <AsOf at={d.asOf} />
      <section aria-labelledby="peers-title">
        <h2 id="peers-title">Compared with other officers ({period})</h2>
        {d.allegations === null ? (
          <p>No published allegation about this officer is counted for this period.</p>
        ) : (
          <DataTable
            caption={`Where ${fmt(d.allegations)} allegation${d.allegations === 1 ? '' : 's'} sit among officers with at least one published allegation`}
            columns={[
              { label: 'Peer group' },
              { label: 'Officers in group', numeric: true },
              { label: 'Percentile', numeric: true },
            ]}
            rows={d.ranks.map((r) => ({
              header: r.group,
              cells: [
                <CellText cell={suppressOne(r.peers)} />,
                r.percentile === null ? `not shown (fewer than ${MIN_CELL} officers)` : fmt(r.percentile, 0),
              ],
            }))}
          />
        )}
      </section>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">Allegations by Standard, category, status and finding ({period})</h2>
        <Tally id="by-standard" title="By Standard of Professional Behaviour" rows={d.byStandard} />
        <Tally id="by-category" title="By IOPC complaint category" rows={d.byCategory} />
        <Tally id="by-status" title="By status label" rows={d.byStatus} />
        <Tally id="by-finding" title="By finding in force" rows={d.byFinding} />
      </section>
      <section aria-labelledby="co-title">
        <h2 id="co-title">Most often named in the same incidents</h2>
        {d.coaccused.length === 0 ? (
          <p>No other named officer appears in the same published incidents.</p>
        ) : (
          <DataTable
            caption="Officers named in the same incidents"
            columns={[
              { label: 'Officer and status of their allegations' },
              { label: 'Shared incidents', numeric: true },
            ]}
            rows={d.coaccused.map((c) => ({
              header: (
                <>
                  <a href={`/officers/${c.slug}`}>{c.name}</a>
                  <Labels labels={c.labels} />
                </>
              ),
              cells: [String(c.incidents)],
            }))}
          />
        )}
        {d.unnamedCoaccused > 0 && (
          <p class="note">
            {d.unnamedCoaccused} other officer(s) named with them are not named in our records and are not
            listed.
          </p>
        )}
      </section>
      <Method>
        <p>
          Counts are of published allegations in published incidents, by the year the incident happened. The
          percentile is the share of officers in the peer group with fewer allegations over the same period,
          plus half of those with the same number, the officer included (mid-rank). The peer group is officers
          of the same force (and the same current unit or rank, where known) with at least one published
          allegation in our records: it is not every officer of the force, and our records are not every
          complaint made. A high count can reflect a busy or public-facing role, or how much has been
          published about one case.
        </p>
        <p>
          These figures are about one named officer, each allegation already public on their page, so they are
          printed exactly; peer groups of fewer than {MIN_CELL} officers get no percentile.
        </p>
      </Method>
    </Layout>
  );
}
