// The residents a force's stop-and-search rates divide by: the latest census imported for the
// force (population_baselines, summed over its areas), with where each figure comes from and
// what a reader must know about it, shown beside the rates.
import type { Db } from '../db/client.ts';

/** A force's baseline for the latest census imported. */
export interface Baseline {
  census: string | null;
  /** Residents by census group (white, mixed, asian, black, other). */
  residents: Map<string, number>;
  areas: { code: string; name: string }[];
  sources: string[];
  notes: string[];
}

/** Loads the latest census baseline of a force (empty when none was imported). */
export async function loadBaseline(db: Db, forceId: string): Promise<Baseline> {
  const latest = await db
    .selectFrom('population_baselines')
    .select('census')
    .where('force_id', '=', forceId)
    .orderBy('census', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return { census: null, residents: new Map(), areas: [], sources: [], notes: [] };
  const rows = await db
    .selectFrom('population_baselines')
    .select(['area_code', 'area_name', 'ethnic_group', 'population', 'source', 'note'])
    .where('force_id', '=', forceId)
    .where('census', '=', latest.census)
    .orderBy('area_code')
    .execute();
  const residents = new Map<string, number>();
  for (const r of rows) residents.set(r.ethnic_group, (residents.get(r.ethnic_group) ?? 0) + r.population);
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  return {
    census: latest.census,
    residents,
    areas: [...new Map(rows.map((r) => [r.area_code, { code: r.area_code, name: r.area_name }])).values()],
    sources: distinct(rows.map((r) => r.source)),
    notes: distinct(rows.map((r) => r.note)),
  };
}

const census = (id: string) => id.replace(/_/g, ' ').replace(/^census/, 'Census');

/** Which residents were used, their sources and caveats, and the groups left without a rate. */
export function BaselineNotes(props: { baseline: Baseline; unrated: string[] }) {
  const b = props.baseline;
  if (!b.census) return null;
  const areas =
    b.areas.length > 6
      ? `${b.areas.length} areas (${b.areas
          .slice(0, 3)
          .map((a) => a.name)
          .join(', ')}…)`
      : b.areas.map((a) => `${a.name} (${a.code})`).join(', ');
  return (
    <section class="note" aria-labelledby="baseline-title">
      <h2 id="baseline-title">Residents used for the rates</h2>
      <p>
        {census(b.census)} usual residents of {areas}.
      </p>
      {props.unrated.length > 0 && (
        <p>
          No residents figure has been imported for {props.unrated.join(', ')}, so{' '}
          {props.unrated.length === 1 ? 'that group has' : 'those groups have'} searches and outcome shares
          but no rate per 1,000 residents and no ratio to White. Figures are never estimated.
        </p>
      )}
      {b.notes.map((n) => (
        <p>
          <strong>Caveat:</strong> {n}
        </p>
      ))}
      <ul>
        {b.sources.map((s) => (
          <li>Source: {s}</li>
        ))}
      </ul>
    </section>
  );
}
