// Co-accusal network of a unit: officers posted to it (or a unit under it) and how often each
// pair was named in the same published incident. Only officers whose own pages are public are
// drawn or listed; the others are counted, never shown.
import type { Db } from '../db/client.ts';
import type { Force } from '../forces/repository.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import type { Unit } from '../units/repository.ts';
import { NetworkChart } from './charts.tsx';
import { AsOf, Labels, Method, nameable, type NamedOfficer } from './components.tsx';
import { refreshedAt } from './refresh.ts';

/** Most officers drawn: beyond this a circle of names is unreadable. */
export const MAX_NODES = 40;

/** The network as the page and its JSON show it. */
export interface UnitNetwork {
  unit: { slug: string; name: string; force: string; forceSlug: string };
  nodes: (NamedOfficer & { weight: number })[];
  edges: { a: string; b: string; incidents: number }[];
  /** Officers of the unit with links who are not named in our records (counted, not shown). */
  unnamed: number;
  /** Other officers with links left out because only the MAX_NODES most linked are drawn. */
  omitted: number;
  asOf: Date | null;
}

/**
 * Builds a unit's network from the rebuilt tables: its most linked members (the render guard asked
 * about as many as could be drawn, plus a margin), then the links among those drawn.
 */
export async function unitNetwork(db: Db, force: Force, unit: Unit): Promise<UnitNetwork> {
  const [top, total, asOf] = await Promise.all([
    db
      .selectFrom('pattern_unit_members')
      .select(['officer_id', 'weight'])
      .where('unit_id', '=', unit.id)
      .orderBy('weight', 'desc')
      .orderBy('officer_id')
      .limit(MAX_NODES * 2)
      .execute(),
    db
      .selectFrom('pattern_unit_members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('unit_id', '=', unit.id)
      .executeTakeFirstOrThrow(),
    refreshedAt(db, ['pattern_unit_links', 'pattern_unit_members', 'pattern_held']),
  ]);
  const named = await nameable(
    db,
    top.map((m) => m.officer_id),
  );
  const unnamed = top.filter((m) => !named.has(m.officer_id)).length;
  const drawn = top.filter((m) => named.has(m.officer_id)).slice(0, MAX_NODES);
  const ids = drawn.map((m) => m.officer_id);
  const links =
    ids.length < 2
      ? []
      : await db
          .selectFrom('pattern_unit_links')
          .select(['officer_id', 'other_id', 'incidents'])
          .where('unit_id', '=', unit.id)
          .where('officer_id', 'in', ids)
          .where('other_id', 'in', ids)
          .execute();
  return {
    unit: { slug: unit.slug, name: unit.name, force: force.name, forceSlug: force.slug },
    nodes: drawn.map((m) => ({ ...named.get(m.officer_id)!, weight: m.weight })),
    edges: links
      .map((r) => ({ a: r.officer_id, b: r.other_id, incidents: r.incidents }))
      .sort((x, y) => y.incidents - x.incidents || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)),
    unnamed,
    omitted: Number(total.n) - drawn.length - unnamed,
    asOf,
  };
}

/** The JSON form: the same nodes and edges, with names only for officers the page names. */
export function networkJson(n: UnitNetwork) {
  return {
    unit: n.unit,
    asOf: n.asOf?.toISOString() ?? null,
    nodes: n.nodes.map((o) => ({
      id: o.id,
      name: o.name,
      path: `/officers/${o.slug}`,
      statuses: o.labels.map((l) => l.code),
      sharedIncidents: o.weight,
    })),
    edges: n.edges.map((e) => ({ source: e.a, target: e.b, sharedIncidents: e.incidents })),
    unnamedOfficersWithLinks: n.unnamed,
    namedOfficersNotDrawn: n.omitted,
  };
}

/** The unit network page: SVG drawing, then the same links as a table. */
export function NetworkPage(props: { data: UnitNetwork }) {
  const n = props.data;
  const name = new Map(n.nodes.map((o) => [o.id, o]));
  const base = `/patterns/forces/${n.unit.forceSlug}/units/${n.unit.slug}/network`;
  return (
    <Layout
      title={`Co-accusal network: ${n.unit.name}`}
      section="patterns"
      description={`Officers of ${n.unit.name} named together in published incidents.`}
    >
      <Breadcrumbs
        trail={[
          { href: '/patterns', label: 'Patterns' },
          { href: `/forces/${n.unit.forceSlug}/units/${n.unit.slug}`, label: n.unit.name },
        ]}
        current="Co-accusal network"
      />
      <h1>Co-accusal network: {n.unit.name}</h1>
      <p class="lede">
        Officers posted to {n.unit.name} ({n.unit.force}) who were named in the same published incidents.
        Being named together is not wrongdoing: it often means working the same shift. Data as{' '}
        <a href={`${base}.json`}>JSON</a>.
      </p>
      <AsOf at={n.asOf} />
      {n.nodes.length === 0 ? (
        <p>No two named officers of this unit appear in the same published incident.</p>
      ) : (
        <>
          <figure>
            <NetworkChart
              id="network"
              title={`Officers of ${n.unit.name} named in the same incidents`}
              nodes={n.nodes.map((o) => ({ id: o.id, label: o.name, href: `/officers/${o.slug}` }))}
              edges={n.edges.map((e) => ({ a: e.a, b: e.b, weight: e.incidents }))}
            />
            <figcaption>
              Each line joins two officers named in the same incident; thicker lines, more incidents.
            </figcaption>
          </figure>
          <DataTable
            caption="Officers drawn, with the status of their allegations"
            columns={[{ label: 'Officer' }, { label: 'Shared incidents (all links)', numeric: true }]}
            rows={n.nodes.map((o) => ({
              header: (
                <>
                  <a href={`/officers/${o.slug}`}>{o.name}</a>
                  <Labels labels={o.labels} />
                </>
              ),
              cells: [String(o.weight)],
            }))}
          />
          <DataTable
            caption="Links between the officers drawn"
            columns={[{ label: 'Officers' }, { label: 'Shared incidents', numeric: true }]}
            rows={n.edges.map((e) => ({
              header: `${name.get(e.a)!.name} and ${name.get(e.b)!.name}`,
              cells: [String(e.incidents)],
            }))}
          />
        </>
      )}
      {(n.unnamed > 0 || n.omitted > 0) && (
        <p class="note">
          {n.unnamed > 0 &&
            `${n.unnamed} officer(s) with links are not named in our records and are left out. `}
          {n.omitted > 0 &&
            `Only the ${MAX_NODES} most linked officers are drawn; ${n.omitted} more with fewer links are not.`}
        </p>
      )}
      <Method>
        <p>
          Two officers are linked when each has a published allegation about the same published incident; the
          weight is the number of such incidents. Members are officers with a recorded posting to the unit or
          a unit under it, at any time. Only postings and allegations that have been published are used, so
          the network is as incomplete as the records.
        </p>
      </Method>
    </Layout>
  );
}
