import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { fragmentSearchable, highlighted, identifierMatches } from './match.ts';
import type { SearchHit } from './repository.ts';
import type { SearchType } from './schema.ts';

/** A status label as shown beside a name (rule R1). */
export interface Label {
  code: string;
  label: string;
}

/** An identifier that matched the words, always with its force and validity (rule R11). */
export interface IdentifierShown {
  type: string;
  identifier: string;
  force: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * What the page shows for one hit. `title`, `snippet` and `quote` may contain the highlight
 * markers of match.ts; they are plain text otherwise and are escaped when rendered.
 */
export interface SearchResult {
  type: SearchType;
  id: string;
  href: string;
  title: string;
  /** Status labels shown beside the title, which is then a person's name or description. */
  labels: Label[];
  context: { text: string; href?: string } | null;
  snippet: string | null;
  quote: string | null;
  date: { on: string | null; precision: string; until: string | null } | null;
  place: string | null;
  force: string | null;
  identifiers: IdentifierShown[];
}

type Loader = (db: Db, ids: string[], q: string | undefined) => Promise<SearchResult[]>;

const BLANK = { labels: [], context: null, quote: null, date: null, place: null, identifiers: [] };
const INCIDENT_DATE = sql`i.occurred_on, i.occurred_precision, i.occurred_until`;

const loadIncidents: Loader = async (db, ids, q) => {
  const { rows } = await sql<{
    id: string;
    slug: string;
    title: string;
    snippet: string;
    occurred_on: string | null;
    occurred_precision: string;
    occurred_until: string | null;
    place: string | null;
    force: string;
  }>`SELECT i.id, i.slug, ${highlighted(sql`i.title`, q)} AS title, ${highlighted(sql`i.summary`, q)} AS snippet,
      ${INCIDENT_DATE}, i.place, f.name AS force
    FROM incidents i JOIN forces f ON f.id = i.force_id WHERE i.id = ANY(${ids}::uuid[])`.execute(db);
  return rows.map((r) => ({
    ...BLANK,
    type: 'incident',
    id: r.id,
    href: `/incidents/${r.slug}`,
    title: r.title,
    snippet: r.snippet,
    date: { on: r.occurred_on, precision: r.occurred_precision, until: r.occurred_until },
    place: r.place,
    force: r.force,
  }));
};

const loadAllegations: Loader = async (db, ids, q) => {
  const { rows } = await sql<{
    id: string;
    snippet: string;
    status_code: string;
    status_label: string;
    officer_name: string | null;
    unidentified_officer: string | null;
    incident_slug: string;
    incident_title: string;
    occurred_on: string | null;
    occurred_precision: string;
    occurred_until: string | null;
    force: string;
  }>`SELECT a.id, ${highlighted(sql`a.summary`, q)} AS snippet, a.status_code, t.label AS status_label,
      o.published_name AS officer_name, a.unidentified_officer,
      i.slug AS incident_slug, i.title AS incident_title, ${INCIDENT_DATE}, f.name AS force
    FROM allegations a
    JOIN incidents i ON i.id = a.incident_id
    JOIN forces f ON f.id = i.force_id
    JOIN taxonomy_terms t ON t.taxonomy_id = a.status_taxonomy AND t.code = a.status_code
    LEFT JOIN officers o ON o.id = a.officer_id AND o.publication_state = 'published'
    WHERE a.id = ANY(${ids}::uuid[])`.execute(db);
  return rows.map((r) => ({
    ...BLANK,
    type: 'allegation',
    id: r.id,
    href: `/incidents/${r.incident_slug}#allegation-${r.id}`,
    // An officer who is not published is never named, whatever the officer row holds.
    title: r.officer_name ?? r.unidentified_officer ?? 'An officer not named in this record',
    labels: [{ code: r.status_code, label: r.status_label }],
    context: { text: r.incident_title, href: `/incidents/${r.incident_slug}` },
    snippet: r.snippet,
    date: { on: r.occurred_on, precision: r.occurred_precision, until: r.occurred_until },
    force: r.force,
  }));
};

/** Distinct status labels of each officer's published allegations in published incidents. */
export async function officerLabels(db: Db, officerIds: string[]): Promise<Map<string, Label[]>> {
  const out = new Map<string, Label[]>();
  if (officerIds.length === 0) return out;
  const { rows } = await sql<{ officer_id: string; code: string; label: string }>`
    SELECT DISTINCT a.officer_id, a.status_code AS code, t.label, t.sort_order
    FROM allegations a
    JOIN incidents i ON i.id = a.incident_id
    JOIN taxonomy_terms t ON t.taxonomy_id = a.status_taxonomy AND t.code = a.status_code
    WHERE a.officer_id = ANY(${officerIds}::uuid[])
      AND a.publication_state = 'published' AND i.publication_state = 'published'
    ORDER BY a.officer_id, t.sort_order, a.status_code`.execute(db);
  for (const r of rows)
    out.set(r.officer_id, [...(out.get(r.officer_id) ?? []), { code: r.code, label: r.label }]);
  return out;
}

async function matchedIdentifiers(db: Db, officerIds: string[], q: string | undefined) {
  const out = new Map<string, IdentifierShown[]>();
  if (!q || !fragmentSearchable(q)) return out;
  const { rows } = await sql<IdentifierShown & { officer_id: string }>`
    SELECT oi.officer_id, oi.identifier_type AS type, oi.identifier, f.name AS force,
      oi.valid_from AS "validFrom", oi.valid_to AS "validTo"
    FROM officer_identifiers oi JOIN forces f ON f.id = oi.force_id
    WHERE oi.officer_id = ANY(${officerIds}::uuid[]) AND ${identifierMatches(q)}
    ORDER BY oi.valid_from NULLS FIRST, oi.identifier`.execute(db);
  for (const { officer_id, ...shown } of rows) out.set(officer_id, [...(out.get(officer_id) ?? []), shown]);
  return out;
}

const loadOfficers: Loader = async (db, ids, q) => {
  const [{ rows }, labels, identifiers] = await Promise.all([
    sql<{ id: string; slug: string; title: string; force: string }>`
      SELECT o.id, o.slug, ${highlighted(sql`o.published_name`, q)} AS title, f.name AS force
      FROM officers o JOIN forces f ON f.id = o.force_id
      WHERE o.id = ANY(${ids}::uuid[]) AND o.publication_state = 'published' AND o.published_name IS NOT NULL`.execute(
      db,
    ),
    officerLabels(db, ids),
    matchedIdentifiers(db, ids, q),
  ]);
  return rows.map((r) => ({
    ...BLANK,
    type: 'officer',
    id: r.id,
    href: `/officers/${r.slug}`,
    title: r.title,
    labels: labels.get(r.id) ?? [],
    snippet: null,
    force: r.force,
    identifiers: identifiers.get(r.id) ?? [],
  }));
};

const UNIT_KINDS: Record<string, string> = {
  bcu: 'Command unit',
  station: 'Police station',
  team: 'Team',
  specialist: 'Specialist unit',
};

const loadUnits: Loader = async (db, ids, q) => {
  const { rows } = await sql<{
    id: string;
    slug: string;
    kind: string;
    title: string;
    snippet: string | null;
    force_slug: string;
    force: string;
  }>`SELECT u.id, u.slug, u.kind, ${highlighted(sql`u.name`, q)} AS title,
      ${highlighted(sql`u.description`, q)} AS snippet, f.slug AS force_slug, f.name AS force
    FROM units u JOIN forces f ON f.id = u.force_id WHERE u.id = ANY(${ids}::uuid[])`.execute(db);
  return rows.map((r) => ({
    ...BLANK,
    type: 'unit',
    id: r.id,
    href: `/forces/${r.force_slug}/units/${r.slug}`,
    title: r.title,
    context: { text: UNIT_KINDS[r.kind] ?? r.kind },
    snippet: r.snippet,
    force: r.force,
  }));
};

const loadStatements: Loader = async (db, ids, q) => {
  const { rows } = await sql<{
    id: string;
    slug: string;
    title: string;
    speaker_role: string;
    speaker_officer_id: string | null;
    said_on: string;
    snippet: string;
    quote: string | null;
    force: string | null;
  }>`SELECT s.id, s.slug, ${highlighted(sql`s.speaker_name`, q)} AS title, s.speaker_role,
      so.id AS speaker_officer_id, s.said_on, ${highlighted(sql`s.summary`, q)} AS snippet,
      ${q ? highlighted(sql`s.quote`, q) : sql`NULL`} AS quote, f.name AS force
    FROM statements s
    LEFT JOIN incidents i ON i.id = s.incident_id
    LEFT JOIN forces f ON f.id = coalesce(s.force_id, i.force_id)
    LEFT JOIN officers so ON so.id = s.speaker_officer_id AND so.publication_state = 'published'
    WHERE s.id = ANY(${ids}::uuid[])`.execute(db);
  // A speaker who is a published officer carries the labels of their allegations (rule R1).
  const labels = await officerLabels(
    db,
    rows.flatMap((r) => (r.speaker_officer_id ? [r.speaker_officer_id] : [])),
  );
  return rows.map((r) => ({
    ...BLANK,
    type: 'statement',
    id: r.id,
    href: `/statements/${r.slug}`,
    title: r.title,
    labels: (r.speaker_officer_id && labels.get(r.speaker_officer_id)) || [],
    context: { text: r.speaker_role },
    snippet: r.snippet,
    quote: r.quote,
    date: { on: r.said_on, precision: 'day', until: null },
    force: r.force,
  }));
};

const LOADERS: Record<SearchType, Loader> = {
  incident: loadIncidents,
  allegation: loadAllegations,
  officer: loadOfficers,
  unit: loadUnits,
  statement: loadStatements,
};

/** What the page shows for each hit, in the hits' order; one query per kind of record on the page. */
export async function loadResults(db: Db, hits: SearchHit[], q: string | undefined): Promise<SearchResult[]> {
  const byType = new Map<SearchType, string[]>();
  for (const h of hits) byType.set(h.type, [...(byType.get(h.type) ?? []), h.id]);
  const loaded = new Map<string, SearchResult>();
  for (const [type, ids] of byType) {
    for (const r of await LOADERS[type](db, ids, q)) loaded.set(`${type}:${r.id}`, r);
  }
  return hits.flatMap((h) => loaded.get(`${h.type}:${h.id}`) ?? []);
}
