import type { Db } from '../../../db/client.ts';
import type { DatasetInfo } from '../../framework.ts';
import { ImportFileError } from '../../read.ts';
import type { RecordScope } from '../../records.ts';

/**
 * The Washington Post's Fatal Force database, version 2: every fatal shooting by an on-duty
 * police officer in the United States since 2015 (one row per person killed), and the agencies
 * involved (one row per agency). Both files are one dataset, so their ids agree.
 */
export const WAPO_DATASET: DatasetInfo = {
  publisher: 'The Washington Post',
  title: 'Fatal Force: fatal police shootings in the United States (version 2)',
  licence:
    'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International (CC BY-NC-SA 4.0): ' +
    'non-commercial use only; anything derived must carry the same licence. Attribution: "Source: ' +
    'The Washington Post, Fatal Force database (github.com/washingtonpost/data-police-shootings), ' +
    'CC BY-NC-SA 4.0." Modified by Custodiet: records are written from the fields, the person killed ' +
    'is pseudonymised, and names, coordinates, race and gender are not imported.',
  url: 'https://github.com/washingtonpost/data-police-shootings',
};

/** The agencies file's format id, named in messages that say what to import first. */
export const AGENCIES_FORMAT = 'wapo-fatal-force-agencies';
export const AGENCIES_FILE = 'fatal-police-shootings-agencies.csv';

/** An agency of the agencies file as a Custodiet force. */
export interface KnownAgency {
  forceId: string;
  name: string;
}

/**
 * The agencies the agencies file brought, by the Post's agency id. A shooting names its agencies
 * only by id; the force they become needs the name and state, which only that file has, so it
 * must come first (a placeholder force could not be given the slug other datasets know it by).
 */
export async function knownAgencies(trx: Db, scope: RecordScope): Promise<Map<string, KnownAgency>> {
  const rows = await trx
    .selectFrom('dataset_records as d')
    .innerJoin('forces as f', 'f.id', 'd.entity_id')
    .select(['d.external_id', 'f.id', 'f.name'])
    .where('d.source_id', '=', scope.sourceId)
    .where('d.record_kind', '=', 'force')
    .execute();
  if (rows.length === 0)
    throw new ImportFileError(
      `The Fatal Force agencies file has not been imported yet, and every shooting names its agencies by the ids in it. ` +
        `Import it first (custodiet import ${AGENCIES_FORMAT} ${AGENCIES_FILE}), then this file`,
    );
  return new Map(rows.map((r) => [r.external_id, { forceId: r.id, name: r.name }]));
}
