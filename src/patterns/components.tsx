// Pieces every pattern page shares: the method and caveats box, "figures as of", suppressed cells,
// and the status labels shown beside every officer named in a pattern (rule R1).
import { sql } from '../db/kysely.ts';
import type { Child } from 'hono/jsx';
import type { Db } from '../db/client.ts';
import { StatusLabel } from '../http/components.tsx';
import { Timestamp } from '../http/time.tsx';
import { refusedNow } from './held.ts';
import { MIN_CELL, type Cell } from './stats.ts';

/** The method and caveats, in plain words, always on the page (never behind a link). */
export function Method(props: { children: Child }) {
  return (
    <section class="callout method" aria-labelledby="method-title">
      <h2 id="method-title">How these figures are made, and what they cannot tell you</h2>
      {props.children}
      <p>
        Counts of {MIN_CELL - 1} or fewer about a group are not printed (“fewer than {MIN_CELL}”), and where
        one hidden cell could be worked out from a total, the next smallest is hidden too. Only published
        records count; a record withheld for legal reasons is left out of every figure. Full method:{' '}
        <a href="/methodology#patterns">methodology</a>.
      </p>
    </section>
  );
}

/** When the materialised figures were last rebuilt. */
export function AsOf(props: { at: Date | null }) {
  return (
    <p class="meta">
      {props.at ? (
        <>
          Figures as of <Timestamp at={props.at} withTime /> (rebuilt regularly; records published since then
          are not counted yet).
        </>
      ) : (
        <>These figures have not been computed yet; they appear after the next scheduled rebuild.</>
      )}
    </p>
  );
}

/** A count as printed. */
export function CellText(props: { cell: Cell }) {
  return props.cell.suppressed ? (
    <span class="suppressed">fewer than {MIN_CELL}</span>
  ) : (
    <>{fmt(props.cell.value)}</>
  );
}

/** A number in British style, with at most `digits` decimals. */
export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** Distinct status labels of each officer's public allegations. */
export async function labelsOf(
  db: Db,
  officerIds: string[],
): Promise<Map<string, { code: string; label: string }[]>> {
  const out = new Map<string, { code: string; label: string }[]>();
  if (officerIds.length === 0) return out;
  const { rows } = await sql<{ officer_id: string; code: string; label: string }>`
    SELECT DISTINCT a.officer_id, a.status_code AS code, t.label, t.sort_order FROM allegations a
    JOIN taxonomy_terms t ON t.taxonomy_id = a.status_taxonomy AND t.code = a.status_code
    WHERE a.visible AND a.officer_id = ANY(${officerIds}::uuid[]) ORDER BY a.officer_id, t.sort_order, a.status_code`.execute(
    db,
  );
  for (const r of rows)
    out.set(r.officer_id, [...(out.get(r.officer_id) ?? []), { code: r.code, label: r.label }]);
  return out;
}

/** The labels beside a name. */
export function Labels(props: { labels: { code: string; label: string }[] }) {
  return (
    <>
      {props.labels.map((l) => (
        <>
          {' '}
          <StatusLabel code={l.code} label={l.label} />
        </>
      ))}
    </>
  );
}

/** A named officer a pattern may show: published under an official name, page not held now. */
export interface NamedOfficer {
  id: string;
  slug: string;
  name: string;
  labels: { code: string; label: string }[];
}

/**
 * The officers among `ids` whose own pages are public right now (published, named, and passing
 * the render guard at this moment, not only at the last refresh), in the order given.
 */
export async function nameable(db: Db, ids: string[]): Promise<Map<string, NamedOfficer>> {
  const out = new Map<string, NamedOfficer>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('officers')
    .select(['id', 'slug', 'published_name'])
    .where('id', 'in', ids)
    .where('publication_state', '=', 'published')
    .where('published_name', 'is not', null)
    .execute();
  const labels = await labelsOf(
    db,
    rows.map((r) => r.id),
  );
  const refused = await refusedNow(
    db,
    'officers',
    rows.map((r) => r.id),
  );
  for (const r of rows)
    if (!refused.has(r.id))
      out.set(r.id, { id: r.id, slug: r.slug, name: r.published_name!, labels: labels.get(r.id) ?? [] });
  return out;
}
