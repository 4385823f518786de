// What the public data export contains: one dataset per kind of public record, each read in
// keyset pages so a large table never sits in memory. Every query selects only what the public
// pages show (docs/imports.md, "Exports", lists each column and what is left out and why).
// Columns starting with `_` are for filtering only and are never written out.
import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { PUBLIC_IDENTIFIER_TYPES } from '../officers/record.ts';
import type { Blocked } from './blocked.ts';

/** One row as read from the database. */
export type Row = Record<string, unknown>;

/** One file's worth of public records. */
export interface Dataset {
  /** The file name without its extension. */
  name: string;
  /** The columns written, in order (CSV header, JSON keys). */
  columns: readonly string[];
  /** Up to `limit` rows after key `after` (null: from the start), in key order. */
  page(db: Db, after: string | null, limit: number): Promise<Row[]>;
  /** The row's keyset key (its id). */
  key(row: Row): string;
  /** False for a row a legal check now keeps off its public page (render guard). */
  keep?(row: Row, blocked: Blocked): boolean;
  /** Blanks references to records the render guard holds (a row kept, a link dropped). */
  shape?(row: Row, blocked: Blocked): Row;
}

/** `AND column > after` for keyset paging; the parameter takes the column's type. */
export function after(column: string, key: string | null): RawBuilder<unknown> {
  return key === null ? sql`` : sql`AND ${sql.ref(column)} > ${key}`;
}

async function rows(db: Db, query: RawBuilder<Row>): Promise<Row[]> {
  return (await query.execute(db)).rows;
}

const byId = (row: Row) => String(row.id);

// An allegation is public while it, its incident and no active proceedings allow it (`visible`,
// kept by trigger, rule R5), and while neither page that shows it is held by the render guard.
const keepAllegation = (row: Row, b: Blocked) =>
  !b.incidents.has(String(row._incident_id)) &&
  (row._officer_id === null || !b.officers.has(String(row._officer_id)));

// An officer is named only when their own record is published under an official name (R10).
const NAMED_OFFICER = sql`o.publication_state = 'published' AND o.published_name IS NOT NULL`;

const incidents: Dataset = {
  name: 'incidents',
  columns: ['id', 'path', 'title', 'summary', 'occurred_on', 'occurred_precision', 'occurred_until'].concat([
    'place',
    'tags',
    'force',
    'published_at',
    'updated_at',
  ]),
  page: (db, key, limit) =>
    rows(
      db,
      sql<Row>`SELECT i.id, '/incidents/' || i.slug AS path, i.title, i.summary, i.occurred_on,
        i.occurred_precision, i.occurred_until, i.place, i.tags, f.slug AS force, i.published_at, i.updated_at
      FROM incidents i JOIN forces f ON f.id = i.force_id
      -- R5: while proceedings are active only the court report is public, not the record.
      WHERE i.publication_state = 'published' AND NOT i.proceedings_active ${after('i.id', key)}
      ORDER BY i.id LIMIT ${limit}`,
    ),
  key: byId,
  keep: (row, b) => !b.incidents.has(String(row.id)),
};

const allegations: Dataset = {
  name: 'allegations',
  columns: ['id', 'incident_id', 'officer_id', 'officer', 'summary', 'status', 'status_label']
    .concat(['standards', 'iopc_category', 'conduct_from', 'conduct_to', 'reported_on', 'published_at'])
    .concat(['updated_at']),
  page: (db, key, limit) =>
    rows(
      db,
      sql<Row>`SELECT a.id, a.incident_id, a.incident_id AS _incident_id, o.id AS _officer_id,
        o.id AS officer_id, coalesce(o.published_name, a.unidentified_officer, 'An officer not named in this record') AS officer,
        a.summary, a.status_code AS status, st.label AS status_label,
        ARRAY(SELECT s.standard_code FROM allegation_standards s WHERE s.allegation_id = a.id
          ORDER BY s.standard_code) AS standards,
        a.iopc_code AS iopc_category, a.conduct_from, a.conduct_to, a.reported_on, a.published_at, a.updated_at
      FROM allegations a
      JOIN taxonomy_terms st ON st.taxonomy_id = a.status_taxonomy AND st.code = a.status_code
      LEFT JOIN officers o ON o.id = a.officer_id AND ${NAMED_OFFICER}
      WHERE a.visible ${after('a.id', key)}
      ORDER BY a.id LIMIT ${limit}`,
    ),
  key: byId,
  keep: keepAllegation,
};

const findings: Dataset = {
  name: 'findings',
  columns: ['id', 'allegation_id', 'track', 'forum', 'deciding_body', 'outcome', 'outcome_label']
    .concat(['decided_on', 'chair_type', 'legal_test_version', 'summary', 'supersedes_finding_id'])
    .concat(['updated_at']),
  page: (db, key, limit) =>
    rows(
      db,
      sql<Row>`SELECT fi.id, fi.allegation_id, a.incident_id AS _incident_id, o.id AS _officer_id,
        fi.track, fi.forum, fi.deciding_body, fi.outcome_code AS outcome, t.label AS outcome_label,
        fi.decided_on, fi.chair_type, fi.legal_test_version, fi.summary, fi.supersedes_finding_id, fi.updated_at
      FROM findings fi JOIN allegations a ON a.id = fi.allegation_id
      JOIN taxonomy_terms t ON t.taxonomy_id = fi.outcome_taxonomy AND t.code = fi.outcome_code
      LEFT JOIN officers o ON o.id = a.officer_id AND ${NAMED_OFFICER}
      WHERE a.visible ${after('fi.id', key)}
      ORDER BY fi.id LIMIT ${limit}`,
    ),
  key: byId,
  keep: keepAllegation,
};

const sanctions: Dataset = {
  name: 'sanctions',
  columns: ['id', 'finding_id', 'allegation_id', 'sanction', 'sanction_label', 'imposed_on', 'detail'].concat(
    ['custodial_term_days', 'minimum_term_days', 'updated_at'],
  ),
  page: (db, key, limit) =>
    rows(
      db,
      sql<Row>`SELECT s.id, s.finding_id, a.id AS allegation_id, a.incident_id AS _incident_id,
        o.id AS _officer_id, s.sanction_code AS sanction, t.label AS sanction_label, s.imposed_on,
        s.detail, s.custodial_term_days, s.minimum_term_days, s.updated_at
      FROM sanctions s JOIN findings fi ON fi.id = s.finding_id JOIN allegations a ON a.id = fi.allegation_id
      JOIN taxonomy_terms t ON t.taxonomy_id = s.sanction_taxonomy AND t.code = s.sanction_code
      LEFT JOIN officers o ON o.id = a.officer_id AND ${NAMED_OFFICER}
      WHERE a.visible ${after('s.id', key)}
      ORDER BY s.id LIMIT ${limit}`,
    ),
  key: byId,
  keep: keepAllegation,
};

const officers: Dataset = {
  name: 'officers',
  columns: ['id', 'path', 'name', 'force', 'role_type', 'service_status', 'identifiers', 'ranks'].concat([
    'published_at',
    'updated_at',
  ]),
  page: (db, key, limit) =>
    rows(
      db,
      // Worn or court-given numbers only: warrant and payroll numbers are personal (R10).
      sql<Row>`SELECT o.id, '/officers/' || o.slug AS path, o.published_name AS name, f.slug AS force,
        o.role_type, o.service_status,
        (SELECT coalesce(json_agg(json_build_object('type', oi.identifier_type, 'identifier', oi.identifier,
            'force', fo.slug, 'valid_from', oi.valid_from, 'valid_to', oi.valid_to)
            ORDER BY oi.valid_from NULLS FIRST, oi.identifier), '[]')
          FROM officer_identifiers oi JOIN forces fo ON fo.id = oi.force_id
          WHERE oi.officer_id = o.id
            AND oi.identifier_type IN (${sql.join([...PUBLIC_IDENTIFIER_TYPES])})) AS identifiers,
        (SELECT coalesce(json_agg(json_build_object('rank', r.rank_code, 'detective', r.detective,
            'valid_from', r.valid_from, 'valid_to', r.valid_to) ORDER BY r.valid_from NULLS FIRST, r.rank_code), '[]')
          FROM officer_ranks r WHERE r.officer_id = o.id) AS ranks,
        o.published_at, o.updated_at
      FROM officers o JOIN forces f ON f.id = o.force_id
      WHERE ${NAMED_OFFICER} ${after('o.id', key)}
      ORDER BY o.id LIMIT ${limit}`,
    ),
  key: byId,
  keep: (row, b) => !b.officers.has(String(row.id)),
};

const statements: Dataset = {
  name: 'statements',
  columns: ['id', 'path', 'speaker_name', 'speaker_role', 'speaker_officer_id', 'force', 'incident_id']
    .concat(['said_on', 'summary', 'quote', 'is_promise', 'promise_type', 'source_url', 'published_at'])
    .concat(['updated_at']),
  page: (db, key, limit) =>
    rows(
      db,
      // The incident and the speaker's officer record are named only while public themselves.
      sql<Row>`SELECT s.id, '/statements/' || s.slug AS path, s.speaker_name, s.speaker_role,
        o.id AS speaker_officer_id, f.slug AS force, i.id AS incident_id, s.said_on, s.summary, s.quote,
        s.is_promise, s.promise_type, src.url AS source_url, s.published_at, s.updated_at
      FROM statements s JOIN sources src ON src.id = s.source_id
      LEFT JOIN forces f ON f.id = s.force_id
      LEFT JOIN incidents i ON i.id = s.incident_id AND i.publication_state = 'published' AND NOT i.proceedings_active
      LEFT JOIN officers o ON o.id = s.speaker_officer_id AND ${NAMED_OFFICER}
      WHERE s.publication_state = 'published' ${after('s.id', key)}
      ORDER BY s.id LIMIT ${limit}`,
    ),
  key: byId,
  keep: (row, b) => !b.statements.has(String(row.id)),
  shape: (row, b) => ({
    ...row,
    incident_id: b.incidents.has(String(row.incident_id)) ? null : row.incident_id,
    speaker_officer_id: b.officers.has(String(row.speaker_officer_id)) ? null : row.speaker_officer_id,
  }),
};

/** The publishable records and their allegation → finding → sanction chains. */
export const RECORD_DATASETS: readonly Dataset[] = [
  incidents,
  allegations,
  findings,
  sanctions,
  officers,
  statements,
];
