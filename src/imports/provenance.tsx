import type { Db } from '../db/client.ts';
import { DayDate } from '../http/time.tsx';

/** Where one record came from in a published dataset (rule R24: source, licence, retrieval, version). */
export interface DatasetOrigin {
  publisher: string;
  title: string;
  licence: string | null;
  url: string | null;
  recordKind: string;
  externalId: string;
  fileName: string;
  sha256: string;
  retrievedOn: string;
  /** The dataset's fields kept beside the record (never personal data); not shown on public pages. */
  attributes: Record<string, unknown>;
}

/** The datasets (and files) these records were imported from, by record id. */
export async function datasetOrigins(db: Db, entityIds: string[]): Promise<Map<string, DatasetOrigin[]>> {
  const out = new Map<string, DatasetOrigin[]>();
  if (entityIds.length === 0) return out;
  const rows = await db
    .selectFrom('dataset_records as d')
    .innerJoin('dataset_files as f', 'f.id', 'd.last_file_id')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select([
      'd.entity_id',
      'd.record_kind',
      'd.external_id',
      'd.attributes',
      's.publisher',
      's.title',
      's.licence',
      's.url',
      'f.file_name',
      'f.sha256',
      'f.retrieved_on',
    ])
    .where('d.entity_id', 'in', [...new Set(entityIds)])
    .orderBy('s.title')
    .orderBy('d.external_id')
    .execute();
  for (const r of rows)
    out.set(r.entity_id, [
      ...(out.get(r.entity_id) ?? []),
      {
        publisher: r.publisher,
        title: r.title,
        licence: r.licence,
        url: r.url,
        recordKind: r.record_kind,
        externalId: r.external_id,
        fileName: r.file_name,
        sha256: r.sha256,
        retrievedOn: r.retrieved_on,
        attributes: (r.attributes ?? {}) as Record<string, unknown>,
      },
    ]);
  return out;
}

/** One record's origins (an empty list for records written by hand). */
export async function datasetOriginsOf(db: Db, entityId: string): Promise<DatasetOrigin[]> {
  return (await datasetOrigins(db, [entityId])).get(entityId) ?? [];
}

/**
 * "From a published dataset": the publisher, the dataset's licence with any attribution it
 * requires, and which file and row the record came from. Shown on the record's public page and
 * in the editor; the attribution must travel with the data.
 */
export function DatasetOrigins(props: { origins: DatasetOrigin[]; editor?: boolean }) {
  if (props.origins.length === 0) return null;
  return (
    <section aria-labelledby="dataset-origin-title" class="callout">
      <h2 id="dataset-origin-title">From a published dataset</h2>
      <ul>
        {props.origins.map((o) => (
          <li>
            <p>
              <strong>{o.publisher}</strong>: {o.url ? <a href={o.url}>{o.title}</a> : o.title} —{' '}
              {o.recordKind} <code>{o.externalId}</code> in <code>{o.fileName}</code>, retrieved{' '}
              <DayDate on={o.retrievedOn} />.
            </p>
            {o.licence && <p class="note">Licence and attribution: {o.licence}</p>}
            {props.editor && (
              <p class="note">
                File SHA-256 <code class="hash">{o.sha256}</code>. Imported records start as drafts; check
                them against the dataset before publishing.
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
