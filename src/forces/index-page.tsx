// The list of police forces: every UK force whether or not anything about it is published (a
// reader should see that a force was not left out, only that nothing is recorded yet), and any
// other agency once it has a published incident, each with its published figures.
import { cached } from '../db/cache.ts';
import type { Db } from '../db/client.ts';
import { formatCount } from '../http/format.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import { forceTotals } from './public.ts';
import { JURISDICTIONS, listForces } from './repository.ts';

/** One force as the list shows it. */
export interface ForceListItem {
  slug: string;
  name: string;
  kind: string;
  region: string | null;
  incidents: number;
  allegations: number;
}

/** The forces of one jurisdiction. */
export interface ForceGroup {
  jurisdiction: string;
  label: string;
  forces: ForceListItem[];
}

/** Everything the forces page shows. */
export interface ForcesIndexData {
  groups: ForceGroup[];
  lastModified: Date | null;
}

/** Shared by every request until the next write (or a minute), like the force pages' figures. */
const INDEX_TTL_MS = 60_000;

/** The forces page's data: forces grouped by jurisdiction in the order `listForces` gives them. */
export function loadForcesIndex(db: Db): Promise<ForcesIndexData> {
  return cached(db, 'forces-index:all', INDEX_TTL_MS, async () => {
    const [forces, totals] = await Promise.all([listForces(db), forceTotals(db)]);
    const groups = new Map<string, ForceGroup>();
    let lastModified = totals.changedAt;
    for (const f of forces) {
      const t = totals.byForce.get(f.id);
      let group = groups.get(f.jurisdiction);
      if (!group) {
        const label = JURISDICTIONS[f.jurisdiction] ?? f.jurisdiction;
        groups.set(f.jurisdiction, (group = { jurisdiction: f.jurisdiction, label, forces: [] }));
      }
      group.forces.push({
        slug: f.slug,
        name: f.name,
        kind: f.kind,
        region: f.region,
        incidents: t?.incidents ?? 0,
        allegations: t?.allegations ?? 0,
      });
      if (!lastModified || f.updated_at > lastModified) lastModified = f.updated_at;
    }
    return Object.freeze({ groups: [...groups.values()], lastModified });
  });
}

function ForceTable(props: { group: ForceGroup }) {
  const { group } = props;
  const regions = group.forces.some((f) => f.region);
  return (
    <DataTable
      caption={`Police forces of ${group.label}, with their published incidents and allegations`}
      columns={[
        { label: 'Force' },
        ...(regions ? [{ label: group.jurisdiction === 'united_states' ? 'State' : 'Region' }] : []),
        { label: 'Incidents', numeric: true },
        { label: 'Allegations', numeric: true },
      ]}
      rows={group.forces.map((f) => ({
        header: <a href={`/forces/${encodeURIComponent(f.slug)}`}>{f.name}</a>,
        cells: [...(regions ? [f.region ?? ''] : []), formatCount(f.incidents), formatCount(f.allegations)],
      }))}
    />
  );
}

/** Every police force, by jurisdiction, with its published incidents and allegations. */
export function ForcesIndex(props: { data: ForcesIndexData }) {
  const { groups } = props.data;
  const all = groups.flatMap((g) => g.forces);
  const withRecords = all.filter((f) => f.incidents > 0).length;
  return (
    <Layout
      title="Police forces"
      section="forces"
      description="Every UK police force, with the published misconduct records about each."
    >
      <Breadcrumbs trail={[{ href: '/', label: 'Home' }]} current="Police forces" />
      <h1>Police forces</h1>
      <p>
        Every police force in the United Kingdom is listed, including those with nothing published yet; an
        agency elsewhere is listed once a published incident concerns it. Counts are of published records
        only: an allegation is not a finding. A force's page lists its incidents, officers, units and figures.
      </p>
      <p>
        {withRecords === 0
          ? 'Nothing has been published about any force yet.'
          : `Published incidents concern ${formatCount(withRecords)} of the ${formatCount(all.length)} forces listed.`}
      </p>
      {groups.length > 1 && (
        <nav class="jumps" aria-label="Jurisdictions">
          <ul>
            {groups.map((g) => (
              <li>
                <a href={`#${g.jurisdiction}`}>{g.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {groups.map((g) => (
        <section id={g.jurisdiction} aria-labelledby={`${g.jurisdiction}-title`}>
          <h2 id={`${g.jurisdiction}-title`}>{g.label}</h2>
          <ForceTable group={g} />
        </section>
      ))}
    </Layout>
  );
}
