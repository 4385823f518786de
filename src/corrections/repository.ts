import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';

/** One entry of the public corrections log (rule R15). */
export interface CorrectionView {
  id: string;
  entityType: string;
  entityId: string;
  kind: string;
  what: string;
  why: string;
  publishedAt: Date;
  /** Where the record can be read, only while it is still published. */
  href: string | null;
  /** The record's public title (incident title, officer name…), only while it is still published. */
  recordTitle: string | null;
}

/** The records whose corrections a page shows. */
export interface CorrectionTargets {
  incidents?: string[];
  allegations?: string[];
  findings?: string[];
  sanctions?: string[];
  officers?: string[];
  statements?: string[];
}

interface Row {
  id: string;
  entity_type: string;
  entity_id: string;
  kind: string;
  what: string;
  why: string;
  published_at: Date;
  href: string | null;
  record_title: string | null;
}

// Resolves each entry to its record's public address and title, but only while the record (and,
// for parts of an incident, the incident and allegation) is published: a withdrawn or taken-down
// record is neither linked nor named.
const RESOLVED = sql<Row>`
  SELECT c.id, c.entity_type, c.entity_id, c.kind, c.what, c.why, c.published_at, r.href, r.record_title
  FROM corrections c
  LEFT JOIN LATERAL (
    SELECT '/incidents/' || i.slug AS href, i.title AS record_title
    FROM incidents i WHERE c.entity_type = 'incidents' AND i.id = c.entity_id AND i.publication_state = 'published'
    UNION ALL
    SELECT '/incidents/' || i.slug || '#allegation-' || a.id, i.title
    FROM allegations a JOIN incidents i ON i.id = a.incident_id
    WHERE c.entity_type = 'allegations' AND a.id = c.entity_id
      AND a.publication_state = 'published' AND i.publication_state = 'published'
    UNION ALL
    SELECT '/incidents/' || i.slug || '#finding-' || f.id, i.title
    FROM findings f JOIN allegations a ON a.id = f.allegation_id JOIN incidents i ON i.id = a.incident_id
    WHERE c.entity_type = 'findings' AND f.id = c.entity_id
      AND a.publication_state = 'published' AND i.publication_state = 'published'
    UNION ALL
    SELECT '/incidents/' || i.slug || '#finding-' || f.id, i.title
    FROM sanctions s JOIN findings f ON f.id = s.finding_id JOIN allegations a ON a.id = f.allegation_id
      JOIN incidents i ON i.id = a.incident_id
    WHERE c.entity_type = 'sanctions' AND s.id = c.entity_id
      AND a.publication_state = 'published' AND i.publication_state = 'published'
    UNION ALL
    SELECT '/officers/' || o.slug, o.published_name
    FROM officers o WHERE c.entity_type = 'officers' AND o.id = c.entity_id
      AND o.publication_state = 'published' AND o.published_name IS NOT NULL
    UNION ALL
    SELECT '/statements/' || st.slug, st.speaker_name || ', ' || to_char(st.said_on, 'FMDD FMMonth YYYY')
    FROM statements st WHERE c.entity_type = 'statements' AND st.id = c.entity_id
      AND st.publication_state = 'published'
    LIMIT 1
  ) r ON true`;

function toView(r: Row): CorrectionView {
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    kind: r.kind,
    what: r.what,
    why: r.why,
    publishedAt: r.published_at,
    href: r.href,
    recordTitle: r.record_title,
  };
}

/** A page of the public log, newest first, with the total number of entries. */
export async function listCorrections(
  db: Db,
  page: number,
  pageSize: number,
): Promise<{ total: number; entries: CorrectionView[] }> {
  const [{ rows: count }, { rows }] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM corrections`.execute(db),
    sql<Row>`${RESOLVED} ORDER BY c.published_at DESC, c.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(
      db,
    ),
  ]);
  return { total: count[0]!.n, entries: rows.map(toView) };
}

/** Every correction about the given records, newest first (shown on the record's own page). */
export async function correctionsFor(db: Db, targets: CorrectionTargets): Promise<CorrectionView[]> {
  // One array per kind of record, not a (type, id) pair per record: an officer with hundreds of
  // allegations made a list of hundreds of row comparisons, which PGlite could spin on for minutes
  // when the same statement ran a second time (the busiest officer's page in the benchmark).
  const kinds = Object.entries(targets)
    .filter(([, ids]) => ids && ids.length > 0)
    .map(([type, ids]) => sql`(c.entity_type = ${type} AND c.entity_id = ANY(${ids}::uuid[]))`);
  if (kinds.length === 0) return [];
  const { rows } = await sql<Row>`
    ${RESOLVED}
    WHERE ${sql.join(kinds, sql` OR `)}
    ORDER BY c.published_at DESC, c.id`.execute(db);
  return rows.map(toView);
}

/** Entries after `afterId` in id order (the data export reads the whole log in keyset pages). */
export async function correctionsAfter(
  db: Db,
  afterId: string | null,
  limit: number,
): Promise<CorrectionView[]> {
  const after = afterId === null ? sql`true` : sql`c.id > ${afterId}::uuid`;
  const { rows } = await sql<Row>`${RESOLVED} WHERE ${after} ORDER BY c.id LIMIT ${limit}`.execute(db);
  return rows.map(toView);
}
