import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ImportFileError } from '../read.ts';
import { bool, coordinate, text } from '../fields.ts';
import type { DatasetInfo, ImportFormat } from '../framework.ts';

/**
 * police.uk stop-and-search CSV, one file per force and month as data.police.uk publishes it
 * (`YYYY-MM-<force>-stop-and-search.csv`). Rows become police-powers events, never allegations:
 * they name no officer, station or person. Column mapping: docs/imports.md.
 */

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?$/;
const FILE_NAME = /^(\d{4})-(\d{2})-([a-z0-9-]+)-stop-and-search\.(csv|json)$/;

// Empty strings are how police.uk writes "not recorded".
const optional = (max = 300) => text(max);

/** One police.uk row, validated. */
export const stopSearchRow = z
  .object({
    Type: optional(100),
    Date: z.string().transform((s, ctx) => {
      const t = s.trim();
      if (!ISO_DATE_TIME.test(t) || Number.isNaN(Date.parse(t)))
        ctx.addIssue({
          code: 'custom',
          message: 'must be an ISO 8601 date and time, like 2016-06-02T15:30:00+00:00',
        });
      return t;
    }),
    'Part of a policing operation': bool(),
    'Policing operation': optional(),
    Latitude: coordinate(90),
    Longitude: coordinate(180),
    Gender: optional(50),
    'Age range': optional(50),
    'Self-defined ethnicity': optional(),
    'Officer-defined ethnicity': optional(100),
    Legislation: optional(),
    'Object of search': optional(),
    Outcome: optional(),
    'Outcome linked to object of search': bool(),
    'Removal of more than just outer clothing': bool(),
  })
  .loose();
type StopSearchRow = z.output<typeof stopSearchRow>;

function nameParts(fileName: string, ext: 'csv' | 'json' = 'csv') {
  const m = FILE_NAME.exec(fileName);
  if (!m || m[4] !== ext)
    throw new ImportFileError(
      `"${fileName}" is not named like a police.uk file (YYYY-MM-<force>-stop-and-search.${ext}); the name says which force and month it covers.`,
    );
  return { month: `${m[1]}-${m[2]}`, force: m[3]! };
}

/** The CSV and the API JSON of one force and month hold the same searches: either replaces the other. */
const SCOPE_FORMATS = ['police-uk-stop-search', 'police-uk-stop-search-json'] as const;

function datasetFor(ext: 'csv' | 'json') {
  return (fileName: string): DatasetInfo => {
    const { month, force } = nameParts(fileName, ext);
    return {
      publisher: 'police.uk (Home Office)',
      title: 'police.uk open data: stop and search',
      licence:
        'Open Government Licence v3.0. Contains public sector information licensed under the Open Government Licence v3.0.',
      url: 'https://data.police.uk/data/',
      scope: `${force}/${month}`,
    };
  };
}

function prepareFor(ext: 'csv' | 'json') {
  return async (trx: Db, fileName: string) => {
    const { force } = nameParts(fileName, ext);
    const row = await trx
      .selectFrom('forces')
      .select('id')
      .where('police_uk_id', '=', force)
      .executeTakeFirst();
    if (!row) throw new ImportFileError(`No force has the police.uk id "${force}".`);
    return { forceId: row.id };
  };
}

export const policeUkStopSearch: ImportFormat<StopSearchRow, { forceId: string }> = {
  id: 'police-uk-stop-search',
  title: 'police.uk stop and search',
  scopeFormats: SCOPE_FORMATS,
  columns: [
    'Type',
    'Date',
    'Latitude',
    'Longitude',
    'Gender',
    'Age range',
    'Self-defined ethnicity',
    'Officer-defined ethnicity',
    'Legislation',
    'Object of search',
    'Outcome',
  ],
  dataset: datasetFor('csv'),
  prepare: prepareFor('csv'),
  row: stopSearchRow,
  async write(trx, rows, ctx) {
    await trx
      .insertInto('police_powers_events')
      .values(
        rows.map(({ row, value: r }) => ({
          dataset_file_id: ctx.fileId,
          row_number: row,
          force_id: ctx.state.forceId,
          power: 'stop_and_search',
          search_type: r.Type,
          occurred_at: r.Date,
          part_of_operation: r['Part of a policing operation'],
          operation_name: r['Policing operation'],
          latitude: r.Latitude,
          longitude: r.Longitude,
          gender: r.Gender,
          age_range: r['Age range'],
          self_defined_ethnicity: r['Self-defined ethnicity'],
          officer_defined_ethnicity: r['Officer-defined ethnicity'],
          legislation: r.Legislation,
          object_of_search: r['Object of search'],
          outcome: r.Outcome,
          outcome_linked_to_object: r['Outcome linked to object of search'],
          removal_of_more_than_outer_clothing: r['Removal of more than just outer clothing'],
        })),
      )
      .execute();
  },
};

// The API's JSON (stops-force, stops-street…) as the CSV's named fields: booleans as True/False,
// null or absent as empty, the location's point flattened. `outcome` is `false` in some older
// answers when there was none.
const asText = (v: unknown): string =>
  v === null || v === undefined || v === false ? '' : v === true ? 'True' : String(v);
const asBool = (v: unknown): string => (v === true ? 'True' : v === false ? 'False' : asText(v));

/** One API stop-and-search object as the CSV's fields. */
export function flattenStop(o: Record<string, unknown>): Record<string, string> {
  const loc = (o.location ?? {}) as Record<string, unknown>;
  return {
    Type: asText(o.type),
    Date: asText(o.datetime),
    'Part of a policing operation': asBool(o.operation),
    'Policing operation': asText(o.operation_name),
    Latitude: asText(loc.latitude),
    Longitude: asText(loc.longitude),
    Gender: asText(o.gender),
    'Age range': asText(o.age_range),
    'Self-defined ethnicity': asText(o.self_defined_ethnicity),
    'Officer-defined ethnicity': asText(o.officer_defined_ethnicity),
    Legislation: asText(o.legislation),
    'Object of search': asText(o.object_of_search),
    Outcome: asText(o.outcome),
    'Outcome linked to object of search': asBool(o.outcome_linked_to_object_of_search),
    'Removal of more than just outer clothing': asBool(o.removal_of_more_than_outer_clothing),
  };
}

/**
 * The data.police.uk API's stop-and-search answer (`stops-force?force=…&date=YYYY-MM`) saved as
 * `YYYY-MM-<force>-stop-and-search.json`: the same events as the monthly CSV, the same scope.
 */
export const policeUkStopSearchJson: ImportFormat<StopSearchRow, { forceId: string }> = {
  ...policeUkStopSearch,
  id: 'police-uk-stop-search-json',
  title: 'police.uk stop and search (API JSON)',
  json: { flatten: flattenStop },
  dataset: datasetFor('json'),
  prepare: prepareFor('json'),
};
