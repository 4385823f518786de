// Choices for the editor's selects, loaded when a form is drawn. Lists are capped so a form stays
// usable; a search-as-you-type picker can replace a select when a list outgrows the cap.
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import type { Option } from '../http/forms.tsx';
import { clip } from './entity.ts';

const CAP = 2000;

/** Fixed choices from a list of codes, labelled in plain words. */
export function choices(codes: readonly string[]): Option[] {
  return codes.map((c) => ({ value: c, label: c.replace(/_/g, ' ').replace(/^./, (x) => x.toUpperCase()) }));
}

/** UK forces first; imported agencies elsewhere after them, labelled with their state. */
export async function forceOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('forces')
    .select(['id', 'name', 'region', 'jurisdiction'])
    .orderBy(sql`jurisdiction = 'united_states'`)
    .orderBy('name')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({
    value: r.id,
    label: r.jurisdiction === 'united_states' ? `${r.name} (${r.region ?? 'US'})` : r.name,
  }));
}

export async function unitOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('forces as f', 'f.id', 'u.force_id')
    .select(['u.id', 'u.name', 'u.kind', 'f.name as force'])
    .orderBy('f.name')
    .orderBy('u.name')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({ value: r.id, label: `${r.name} (${r.kind})`, group: r.force }));
}

export async function officerOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('officers')
    .select(['id', 'slug', 'published_name', 'publication_state'])
    // A merged officer is its survivor now: new rows must point there.
    .where('merged_into', 'is', null)
    .orderBy('published_name')
    .orderBy('slug')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({
    value: r.id,
    label: `${r.published_name ?? `(no published name) ${r.slug}`} · ${r.publication_state}`,
  }));
}

export async function incidentOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'title', 'publication_state'])
    .where('merged_into', 'is', null)
    .orderBy('title')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({ value: r.id, label: `${clip(r.title)} · ${r.publication_state}` }));
}

export async function allegationOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('allegations as a')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .leftJoin('officers as o', 'o.id', 'a.officer_id')
    .select(['a.id', 'a.summary', 'a.unidentified_officer', 'o.published_name', 'o.slug', 'i.title'])
    .orderBy('i.title')
    .orderBy('a.created_at')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({
    value: r.id,
    label: `${r.published_name ?? r.slug ?? r.unidentified_officer}: ${clip(r.summary, 60)}`,
    group: clip(r.title, 60),
  }));
}

export async function findingOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('findings')
    .select(['id', 'outcome_code', 'decided_on', 'deciding_body'])
    .orderBy('decided_on', 'desc')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({
    value: r.id,
    label: `${r.outcome_code} · ${r.decided_on} · ${clip(r.deciding_body, 50)}`,
  }));
}

export async function sourceOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('sources')
    .select(['id', 'publisher', 'title'])
    .orderBy('publisher')
    .orderBy('title')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({ value: r.id, label: clip(r.title, 90), group: r.publisher }));
}

export async function snapshotOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('source_snapshots as s')
    .innerJoin('sources as src', 'src.id', 's.source_id')
    .select(['s.id', 's.capture_status', 's.created_at', 'src.title'])
    .orderBy('src.title')
    .orderBy('s.created_at', 'desc')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({
    value: r.id,
    label: `${clip(r.title, 60)} · ${r.capture_status.replace(/_/g, ' ')} · ${r.created_at.toISOString().slice(0, 10)}`,
  }));
}

/** The terms of one taxonomy, in its order. */
export function taxonomyOptions(taxonomyId: string) {
  return async (db: Db): Promise<Option[]> => {
    const rows = await db
      .selectFrom('taxonomy_terms')
      .select(['code', 'label'])
      .where('taxonomy_id', '=', taxonomyId)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ value: r.code, label: r.label }));
  };
}

/** Terms of every taxonomy of a kind, as `taxonomy:code`, grouped by taxonomy (combined selects). */
export function taxonomyKindOptions(kind: string) {
  return async (db: Db): Promise<Option[]> => {
    const rows = await db
      .selectFrom('taxonomy_terms as t')
      .innerJoin('taxonomies as x', 'x.id', 't.taxonomy_id')
      .select(['t.taxonomy_id', 't.code', 't.label', 'x.title'])
      .where('t.kind', '=', kind)
      .orderBy('x.title')
      .orderBy('t.sort_order')
      .execute();
    return rows.map((r) => ({ value: `${r.taxonomy_id}:${r.code}`, label: r.label, group: r.title }));
  };
}

/** People by pseudonym (the only name the editor's lists show). */
export async function personOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'pseudonym'])
    .orderBy('pseudonym')
    .limit(CAP)
    .execute();
  return rows.map((r) => ({ value: r.id, label: clip(r.pseudonym) }));
}

/** The "which incident" field that timeline events, allegations and court proceedings share. */
export const INCIDENT_FIELD = {
  name: 'incidentId',
  column: 'incident_id',
  label: 'Incident',
  kind: 'select',
  required: true,
  options: incidentOptions,
} as const;
