import type { Db } from '../db/client.ts';

/** The claim column that names a claim's subject. */
export type ClaimSubjectColumn =
  | 'incident_id'
  | 'allegation_id'
  | 'finding_id'
  | 'sanction_id'
  | 'officer_id'
  | 'statement_id'
  | 'timeline_event_id';

/** A source as a reader sees it. */
export interface SourceView {
  title: string;
  publisher: string;
  url: string | null;
  kind: string;
  publishedOn: string | null;
  updatedAt: Date;
}

/** What we hold of a source's archived copy: the capture status, and the hash and time once captured. */
export interface ArchiveView {
  status: string;
  sha256: string | null;
  fetchedAt: Date | null;
  /** When a later check found the original taken down (404/410) while we hold this copy. */
  originalGoneAt?: Date | null;
}

/** One fact's support: the source, the verbatim passage (or a note why there is none), the archive. */
export interface ClaimView {
  id: string;
  subjectId: string;
  field: string | null;
  quotedPassage: string | null;
  passageNote: string | null;
  /** 'contradicts' when this source disputes the fact the others support. */
  stance: 'supports' | 'contradicts';
  source: SourceView;
  archive: ArchiveView;
  createdAt: Date;
}

const NOT_CAPTURED: ArchiveView = { status: 'not_yet_captured', sha256: null, fetchedAt: null };

/**
 * The best archive of each source: its most recent captured snapshot if there is one, else its
 * most recent snapshot of any status (which says honestly that capture is pending or failed).
 */
async function bestArchives(db: Db, sourceIds: string[]): Promise<Map<string, ArchiveView>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('source_snapshots')
    .distinctOn('source_id')
    .select(['source_id', 'capture_status', 'sha256', 'fetched_at'])
    .where('source_id', 'in', sourceIds)
    .orderBy('source_id')
    .orderBy((eb) => eb.case().when('capture_status', '=', 'captured').then(0).else(1).end())
    .orderBy('fetched_at', (ob) => ob.desc().nullsLast())
    .orderBy('created_at', 'desc')
    .execute();
  const gone = await goneSince(db, sourceIds);
  return new Map(
    rows.map((r) => [
      r.source_id,
      {
        status: r.capture_status,
        sha256: r.sha256,
        fetchedAt: r.fetched_at,
        originalGoneAt: gone.get(r.source_id) ?? null,
      },
    ]),
  );
}

/**
 * Sources whose latest check found the original gone, and when: hearing notices are taken down
 * after weeks, and a reader must see that the archived copy is now the only one.
 */
export async function goneSince(db: Db, sourceIds: string[]): Promise<Map<string, Date>> {
  if (sourceIds.length === 0) return new Map();
  const latest = await db
    .selectFrom('source_snapshots')
    .distinctOn('source_id')
    .select(['source_id', 'capture_status', 'fetched_at'])
    .where('source_id', 'in', sourceIds)
    .where('capture_status', 'in', ['captured', 'gone'])
    .orderBy('source_id')
    .orderBy('fetched_at', (ob) => ob.desc().nullsLast())
    .execute();
  return new Map(
    latest
      .filter((r) => r.capture_status === 'gone' && r.fetched_at)
      .map((r) => [r.source_id, r.fetched_at!]),
  );
}

function sourceView(r: {
  title: string;
  publisher: string;
  url: string | null;
  kind: string;
  published_on: string | null;
  updated_at: Date;
}): SourceView {
  return {
    title: r.title,
    publisher: r.publisher,
    url: r.url,
    kind: r.kind,
    publishedOn: r.published_on,
    updatedAt: r.updated_at,
  };
}

/** Claims about the given records, grouped by record id, in the order they were recorded. */
export async function claimsFor(
  db: Db,
  column: ClaimSubjectColumn,
  ids: string[],
): Promise<Map<string, ClaimView[]>> {
  const out = new Map<string, ClaimView[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('sources as s', 's.id', 'c.source_id')
    .leftJoin('source_snapshots as own', 'own.id', 'c.snapshot_id')
    .select((eb) => [
      'c.id',
      eb.ref(`c.${column}`).as('subject_id'),
      'c.field',
      'c.quoted_passage',
      'c.passage_note',
      'c.stance',
      'c.created_at',
      'c.source_id',
      's.title',
      's.publisher',
      's.url',
      's.kind',
      's.published_on',
      's.updated_at',
      'own.capture_status',
      'own.sha256',
      'own.fetched_at',
    ])
    .where(`c.${column}`, 'in', ids)
    // Claims saved in one transaction share created_at; the source's date keeps the order meaningful.
    .orderBy('c.created_at')
    .orderBy('s.published_on', (ob) => ob.asc().nullsLast())
    .orderBy('c.id')
    .execute();
  // The claim's own snapshot is the one its passage was checked against; without one, the
  // source's best archive is what we can point to.
  const fallback = await bestArchives(db, [
    ...new Set(rows.filter((r) => r.capture_status === null).map((r) => r.source_id)),
  ]);
  const gone = await goneSince(db, [
    ...new Set(rows.filter((r) => r.capture_status !== null).map((r) => r.source_id)),
  ]);
  for (const r of rows) {
    const claim: ClaimView = {
      id: r.id,
      subjectId: r.subject_id!,
      field: r.field,
      quotedPassage: r.quoted_passage,
      passageNote: r.passage_note,
      stance: r.stance === 'contradicts' ? 'contradicts' : 'supports',
      source: sourceView(r),
      archive:
        r.capture_status !== null
          ? {
              status: r.capture_status,
              sha256: r.sha256,
              fetchedAt: r.fetched_at,
              originalGoneAt: gone.get(r.source_id) ?? null,
            }
          : (fallback.get(r.source_id) ?? NOT_CAPTURED),
      createdAt: r.created_at,
    };
    out.set(claim.subjectId, [...(out.get(claim.subjectId) ?? []), claim]);
  }
  return out;
}

/** One source with its best archive (statements cite a source directly). */
export async function sourceWithArchive(
  db: Db,
  sourceId: string,
): Promise<{ source: SourceView; archive: ArchiveView } | undefined> {
  const r = await db
    .selectFrom('sources')
    .select(['title', 'publisher', 'url', 'kind', 'published_on', 'updated_at'])
    .where('id', '=', sourceId)
    .executeTakeFirst();
  if (!r) return undefined;
  const archive = (await bestArchives(db, [sourceId])).get(sourceId) ?? NOT_CAPTURED;
  return { source: sourceView(r), archive };
}

/** The latest moment any of these claims or their sources changed, for Last-Modified. */
export function claimsChangedAt(claims: Iterable<ClaimView>): Date[] {
  const out: Date[] = [];
  for (const c of claims) {
    out.push(c.createdAt, c.source.updatedAt);
    if (c.archive.fetchedAt) out.push(c.archive.fetchedAt);
  }
  return out;
}

/** The fields (null: the record as a whole) on which the sources disagree. */
export function disputedFields(claims: ClaimView[]): (string | null)[] {
  const keys = (stance: string) => new Set(claims.filter((c) => c.stance === stance).map((c) => c.field));
  const against = keys('contradicts');
  return [...keys('supports')].filter((f) => against.has(f));
}
