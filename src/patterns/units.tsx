// Units and stations: published allegations per unit and year, per 100 officers where an imported
// headcount gives the denominator, with trend lines for the busiest units.
import type { Db } from '../db/client.ts';
import type { Force } from '../forces/repository.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import { LineChart } from './charts.tsx';
import { AsOf, CellText, fmt, Method } from './components.tsx';
import { refreshedAt } from './refresh.ts';
import { MIN_CELL, suppressOne, suppressRow, type Cell } from './stats.ts';

/** One unit's row: allegations per year (suppressed when small), the total and the rates. */
export interface UnitRow {
  slug: string;
  name: string;
  years: Cell[];
  total: Cell;
  /** Allegations per 100 officers in the years with a headcount and a printable count. */
  rates: { year: number; rate: number; headcount: number; source: string }[];
}

export interface UnitsPatternData {
  force: Force;
  years: number[];
  units: UnitRow[];
  asOf: Date | null;
}

/** Most units drawn as lines (the table lists them all). */
const LINES = 6;

/** Loads allegations per unit and year for one force. */
export async function loadUnitsPattern(db: Db, force: Force): Promise<UnitsPatternData> {
  const [rows, heads, asOf] = await Promise.all([
    db
      .selectFrom('pattern_unit_year as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select(['u.id', 'u.slug', 'u.name', 'p.year', 'p.allegations'])
      .where('u.force_id', '=', force.id)
      .orderBy('u.name')
      .execute(),
    db
      .selectFrom('unit_headcounts as h')
      .innerJoin('units as u', 'u.id', 'h.unit_id')
      .select(['h.unit_id', 'h.year', 'h.headcount', 'h.source'])
      .where('u.force_id', '=', force.id)
      .execute(),
    refreshedAt(db, ['pattern_unit_year', 'pattern_held']),
  ]);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const byUnit = new Map<string, { slug: string; name: string; counts: Map<number, number> }>();
  for (const r of rows) {
    const u = byUnit.get(r.id) ?? { slug: r.slug, name: r.name, counts: new Map() };
    u.counts.set(r.year, r.allegations);
    byUnit.set(r.id, u);
  }
  const units: UnitRow[] = [...byUnit.entries()].map(([id, u]) => {
    const values = years.map((y) => u.counts.get(y) ?? 0);
    const cells = suppressRow(values);
    const rates = heads
      .filter((h) => h.unit_id === id && h.headcount > 0)
      .flatMap((h) => {
        const i = years.indexOf(h.year);
        const cell = i >= 0 ? cells[i]! : suppressOne(0);
        return cell.suppressed
          ? []
          : [
              {
                year: h.year,
                rate: (100 * cell.value) / h.headcount,
                headcount: h.headcount,
                source: h.source,
              },
            ];
      })
      .sort((a, b) => a.year - b.year);
    return {
      slug: u.slug,
      name: u.name,
      years: cells,
      total: suppressOne(values.reduce((a, b) => a + b, 0)),
      rates,
    };
  });
  units.sort((a, b) => (b.total.value ?? 0) - (a.total.value ?? 0) || a.name.localeCompare(b.name));
  return { force, years, units, asOf };
}

/** The units pattern page of one force. */
export function UnitsPatternPage(props: { data: UnitsPatternData }) {
  const { force, years, units } = props.data;
  const lines = units.slice(0, LINES).map((u) => ({
    label: u.name,
    points: years.map((y, i) => ({ x: y, y: u.years[i]!.suppressed ? null : u.years[i]!.value })),
  }));
  const rated = units.filter((u) => u.rates.length > 0);
  return (
    <Layout
      title={`Units and stations: ${force.name}`}
      section="patterns"
      description={`Published allegations per unit and year, ${force.name}.`}
    >
      <Breadcrumbs
        trail={[
          { href: '/patterns', label: 'Patterns' },
          { href: `/forces/${force.slug}`, label: force.name },
        ]}
        current="Units and stations"
      />
      <h1>Units and stations: {force.name}</h1>
      <AsOf at={props.data.asOf} />
      {units.length === 0 ? (
        <p>No published incident of {force.name} is linked to a unit yet.</p>
      ) : (
        <>
          <figure>
            <LineChart
              id="unit-trends"
              title={`Published allegations per year, the ${lines.length} units with most`}
              unit="Allegations per year"
              series={lines}
            />
            <figcaption>
              Gaps in a line are years with fewer than {MIN_CELL} allegations (not printed).
            </figcaption>
          </figure>
          <DataTable
            caption="Published allegations per unit and year (incidents linked to the unit or a unit under it)"
            columns={[
              { label: 'Unit' },
              ...years.map((y) => ({ label: String(y), numeric: true })),
              { label: 'All years', numeric: true },
            ]}
            rows={units.map((u) => ({
              header: <a href={`/forces/${force.slug}/units/${u.slug}`}>{u.name}</a>,
              cells: [...u.years.map((c) => <CellText cell={c} />), <CellText cell={u.total} />],
            }))}
          />
          <h2>Per 100 officers</h2>
          {rated.length === 0 ? (
            <p>
              No headcount has been imported for these units, so no rate per officer can be given. Headcounts
              are imported with <code>custodiet import unit-headcounts FILE</code>.
            </p>
          ) : (
            <DataTable
              caption="Published allegations per 100 officers, where the unit's headcount for the year is known"
              columns={[
                { label: 'Unit and year' },
                { label: 'Headcount', numeric: true },
                { label: 'Per 100 officers', numeric: true },
                { label: 'Headcount source' },
              ]}
              rows={rated.flatMap((u) =>
                u.rates.map((r) => ({
                  header: `${u.name}, ${r.year}`,
                  cells: [fmt(r.headcount, 0), fmt(r.rate, 1), r.source],
                })),
              )}
            />
          )}
        </>
      )}
      <Method>
        <p>
          An allegation counts for a unit when its incident is linked to that unit, or to a unit under it (a
          command unit includes its stations), in the year the incident happened. It says where the incident
          was recorded, not which unit each officer belonged to. The rate divides by the headcount published
          for that unit and year; units differ in size, role and how much the public sees of them, so compare
          rates, not counts, and only where the sources are alike.
        </p>
      </Method>
    </Layout>
  );
}
