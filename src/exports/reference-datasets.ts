// Export datasets that are not publishable records: forces and units (reference data, public
// on their own pages), the public corrections log, and imported open data with its provenance.
import { sql } from '../db/kysely.ts';
import { correctionsAfter } from '../corrections/repository.ts';
import { after, type Dataset, type Row } from './datasets.ts';

const byId = (row: Row) => String(row.id);

/** Police forces. */
export const forces: Dataset = {
  name: 'forces',
  columns: ['id', 'slug', 'name', 'short_name', 'jurisdiction', 'kind', 'police_uk_id', 'website'],
  page: async (db, key, limit) =>
    (
      await sql<Row>`SELECT id, slug, name, short_name, jurisdiction, kind, police_uk_id, website
        FROM forces WHERE true ${after('id', key)} ORDER BY id LIMIT ${limit}`.execute(db)
    ).rows,
  key: byId,
};

/** Units of a force (command units, stations, teams), with their parent. */
export const units: Dataset = {
  name: 'units',
  columns: ['id', 'force', 'slug', 'name', 'kind', 'code', 'parent_unit_id', 'description'].concat([
    'valid_from',
    'valid_to',
  ]),
  page: async (db, key, limit) =>
    (
      await sql<Row>`SELECT u.id, f.slug AS force, u.slug, u.name, u.kind, u.code, u.parent_unit_id,
          u.description, u.valid_from, u.valid_to
        FROM units u JOIN forces f ON f.id = u.force_id
        WHERE true ${after('u.id', key)} ORDER BY u.id LIMIT ${limit}`.execute(db)
    ).rows,
  key: byId,
};

/**
 * The public corrections log (R15), as /corrections shows it: the record is named and linked only
 * while it is published, and not while the render guard holds its page.
 */
export const corrections: Dataset = {
  name: 'corrections',
  columns: ['id', 'published_at', 'record_type', 'kind', 'what', 'why', 'record_path', 'record_title'],
  page: async (db, key, limit) =>
    (await correctionsAfter(db, key, limit)).map((c) => ({
      id: c.id,
      published_at: c.publishedAt,
      record_type: c.entityType,
      kind: c.kind,
      what: c.what,
      why: c.why,
      record_path: c.href,
      record_title: c.recordTitle,
    })),
  key: byId,
  shape: (row, b) => {
    // '/incidents/slug#finding-…' is held when '/incidents/slug' is.
    const page = typeof row.record_path === 'string' ? row.record_path.replace(/#.*$/, '') : null;
    return page !== null && b.paths.has(page) ? { ...row, record_path: null, record_title: null } : row;
  },
};

/**
 * Uses of police powers imported from open data (stop and search), each with the provenance of
 * the file it came from. These rows name nobody: the publisher gives no person or officer id.
 */
export const policePowersEvents: Dataset = {
  name: 'police-powers-events',
  columns: ['id', 'force', 'power', 'search_type', 'occurred_at', 'part_of_operation', 'operation_name']
    .concat(['latitude', 'longitude', 'gender', 'age_range', 'self_defined_ethnicity'])
    .concat(['officer_defined_ethnicity', 'legislation', 'object_of_search', 'outcome'])
    .concat(['outcome_linked_to_object', 'removal_of_more_than_outer_clothing', 'dataset_file'])
    .concat(['dataset_row', 'dataset_sha256', 'retrieved_on', 'publisher', 'licence', 'source_url']),
  page: async (db, key, limit) =>
    (
      await sql<Row>`SELECT e.id::text AS id, f.slug AS force, e.power, e.search_type, e.occurred_at,
          e.part_of_operation, e.operation_name, e.latitude::float8 AS latitude, e.longitude::float8 AS longitude,
          e.gender, e.age_range, e.self_defined_ethnicity, e.officer_defined_ethnicity, e.legislation,
          e.object_of_search, e.outcome, e.outcome_linked_to_object, e.removal_of_more_than_outer_clothing,
          df.file_name AS dataset_file, e.row_number AS dataset_row, df.sha256 AS dataset_sha256,
          df.retrieved_on, s.publisher, s.licence, s.url AS source_url
        FROM police_powers_events e JOIN forces f ON f.id = e.force_id
        JOIN dataset_files df ON df.id = e.dataset_file_id JOIN sources s ON s.id = df.source_id
        WHERE true ${after('e.id', key)} ORDER BY e.id LIMIT ${limit}`.execute(db)
    ).rows,
  key: byId,
};
