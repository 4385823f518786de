import { StatusLabel } from '../http/components.tsx';
import { DataTable } from '../http/table.tsx';
import { PartialDate } from '../http/time.tsx';
import type { Unit } from '../units/repository.ts';
import {
  LIST_LIMIT,
  type countsByStandard,
  type countsByYear,
  type scopeIncidents,
  type ScopeOfficer,
} from './public.ts';

const UNIT_KINDS: Record<string, string> = {
  bcu: 'Basic command unit',
  station: 'Police station',
  team: 'Team',
  specialist: 'Specialist unit',
};

/** A unit kind in words. */
export function unitKind(kind: string): string {
  return UNIT_KINDS[kind] ?? kind;
}

/** Everything a force or unit page lists and counts. */
export interface ScopeData {
  incidents: Awaited<ReturnType<typeof scopeIncidents>>;
  officers: ScopeOfficer[];
  standards: Awaited<ReturnType<typeof countsByStandard>>;
  years: Awaited<ReturnType<typeof countsByYear>>;
  /** When the counts last changed (withdrawals included): part of the page's Last-Modified. */
  countsChanged: Date | null;
}

function StandardsTable(props: { rows: ScopeData['standards']; where: string }) {
  if (props.rows.length === 0)
    return <p>No published allegation here records a Standard of Professional Behaviour.</p>;
  return (
    <DataTable
      caption={`Published allegations ${props.where}, by Standard of Professional Behaviour`}
      columns={[
        { label: 'Standard' },
        { label: 'Allegations', numeric: true },
        { label: 'Proven', numeric: true },
      ]}
      rows={props.rows.map((r) => ({ header: r.label, cells: [r.allegations, r.proven] }))}
    />
  );
}

function YearsTable(props: { rows: ScopeData['years']; where: string }) {
  if (props.rows.length === 0) return null;
  return (
    <DataTable
      caption={`Published incidents ${props.where}, by the year the incident began`}
      columns={[
        { label: 'Year' },
        { label: 'Incidents', numeric: true },
        { label: 'Allegations', numeric: true },
      ]}
      rows={props.rows.map((r) => ({
        header: r.year ?? 'Date unknown',
        cells: [r.incidents, r.allegations],
      }))}
    />
  );
}

function More(props: { shown: number; what: string }) {
  if (props.shown <= LIST_LIMIT) return null;
  return (
    <p class="note">
      Showing the first {LIST_LIMIT} {props.what}. Use <a href="/search">search</a> to find others.
    </p>
  );
}

/**
 * The lists and tables shared by force and unit pages. `where` completes "Published incidents …"
 * ("about Dorset Police"); `officersOf` completes "No officer …" ("of Dorset Police").
 */
export function ScopeSections(props: { data: ScopeData; where: string; officersOf: string }) {
  const { incidents, officers, standards, years } = props.data;
  return (
    <>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">Figures</h2>
        <p class="note">
          Counts of published records only: each can be read in full on its own page. An allegation can
          concern more than one Standard, so the first table may add up to more than the number of
          allegations. “Proven” counts allegations whose current status is misconduct or gross misconduct
          proven; a finding overturned on appeal is not counted.
        </p>
        <StandardsTable rows={standards} where={props.where} />
        <YearsTable rows={years} where={props.where} />
      </section>
      <section aria-labelledby="incidents-title">
        <h2 id="incidents-title">Incidents</h2>
        {incidents.length === 0 ? (
          <p>No incidents {props.where} have been published.</p>
        ) : (
          <ul class="results">
            {incidents.slice(0, LIST_LIMIT).map((i) => (
              <li>
                <a href={`/incidents/${i.slug}`}>{i.title}</a>{' '}
                <span class="meta">
                  (
                  <PartialDate on={i.occurred_on} precision={i.occurred_precision} until={i.occurred_until} />
                  {i.place ? `, ${i.place}` : ''})
                </span>
              </li>
            ))}
          </ul>
        )}
        <More shown={incidents.length} what="incidents" />
      </section>
      <section aria-labelledby="officers-title">
        <h2 id="officers-title">Named officers</h2>
        {officers.length === 0 ? (
          <p>No officer {props.officersOf} has been named in a published record.</p>
        ) : (
          <ul class="people">
            {officers.slice(0, LIST_LIMIT).map((o) => (
              <li>
                <a href={`/officers/${o.slug}`}>{o.name}</a>
                {o.labels.map((l) => (
                  <StatusLabel code={l.code} label={l.label} />
                ))}
              </li>
            ))}
          </ul>
        )}
        <More shown={officers.length} what="officers" />
      </section>
    </>
  );
}

/** Units as a nested list under the given parent (null: the force's top-level units). */
export function UnitTree(props: { units: Unit[]; parentId: string | null; forceSlug: string }) {
  const children = new Map<string | null, Unit[]>();
  for (const u of props.units) {
    const siblings = children.get(u.parent_unit_id);
    if (siblings) siblings.push(u);
    else children.set(u.parent_unit_id, [u]);
  }
  return <Branch tree={children} parentId={props.parentId} forceSlug={props.forceSlug} />;
}

function Branch(props: { tree: Map<string | null, Unit[]>; parentId: string | null; forceSlug: string }) {
  const units = props.tree.get(props.parentId);
  if (!units) return null;
  return (
    <ul class="unit-tree">
      {units.map((u) => (
        <li>
          <a href={`/forces/${props.forceSlug}/units/${u.slug}`}>{u.name}</a>{' '}
          <span class="meta">({unitKind(u.kind)})</span>
          <Branch tree={props.tree} parentId={u.id} forceSlug={props.forceSlug} />
        </li>
      ))}
    </ul>
  );
}
