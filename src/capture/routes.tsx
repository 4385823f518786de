import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { can } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { CsrfInput } from '../http/forms.tsx';
import { uuidParam } from '../http/query.ts';
import { Timestamp } from '../http/time.tsx';
import { isActiveContent } from '../blobs/content-types.ts';
import { requestCapture } from './service.ts';

type Ctx = Context<EditorEnv>;

/** One capture attempt as the editor's list shows it. */
export interface SnapshotRow {
  id: string;
  capture_status: string;
  change: string | null;
  fetched_at: Date | null;
  created_at: Date;
  http_status: number | null;
  sha256: string | null;
  error: string | null;
  attempts: number;
  origin: string;
}

/** Every capture of a source, newest first. */
export function snapshotsOf(db: Db, sourceId: string): Promise<SnapshotRow[]> {
  return db
    .selectFrom('source_snapshots')
    .select([
      'id',
      'capture_status',
      'change',
      'fetched_at',
      'created_at',
      'http_status',
      'sha256',
      'error',
      'attempts',
      'origin',
    ])
    .where('source_id', '=', sourceId)
    .orderBy('created_at', 'desc')
    .execute();
}

function outcome(s: SnapshotRow): string {
  if (s.origin === 'upload') return 'uploaded file (public copy without metadata; original sealed)';
  if (s.capture_status === 'captured')
    return s.change === 'changed'
      ? 'captured: the page changed since the previous copy'
      : s.change === 'unchanged'
        ? 'captured: same text as the previous copy'
        : 'captured (first copy)';
  if (s.capture_status === 'gone')
    return `original gone (HTTP ${s.http_status ?? '?'}); earlier copies are kept`;
  if (s.capture_status === 'failed')
    return `failed after ${s.attempts} attempt(s): ${s.error ?? 'unknown error'}`;
  return s.attempts > 0
    ? `waiting to retry (${s.attempts} attempt(s): ${s.error ?? ''})`
    : 'waiting for capture';
}

/** The captures panel on a source's editor page: every attempt, and a button to capture again. */
export function CapturePanel(props: {
  sourceId: string;
  hasUrl: boolean;
  snapshots: SnapshotRow[];
  csrfToken: string;
}) {
  return (
    <section aria-labelledby="captures-title">
      <h2 id="captures-title">Archived copies</h2>
      <ul class="sources">
        {props.snapshots.map((s) => (
          <li>
            <a href={`/editor/snapshots/${s.id}`}>
              <Timestamp at={s.fetched_at ?? s.created_at} withTime />
            </a>{' '}
            · {outcome(s)}
            {s.sha256 && (
              <>
                {' '}
                · SHA-256 <span class="hash">{s.sha256.slice(0, 16)}…</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/editor/sources/${props.sourceId}/upload`}>Upload a file to this source</a>
      </p>
      {props.hasUrl && (
        <form method="post" action={`/editor/sources/${props.sourceId}/capture`}>
          <CsrfInput token={props.csrfToken} />
          <button type="submit">Capture again now</button>{' '}
          <span class="note">Fetches the page again; shows whether it changed or has gone.</span>
        </form>
      )}
    </section>
  );
}

async function snapshotPage(c: Ctx, db: Db) {
  const id = uuidParam(c, 'id');
  const s = await db
    .selectFrom('source_snapshots as s')
    .innerJoin('sources as src', 'src.id', 's.source_id')
    .selectAll('s')
    .select(['src.title', 'src.publisher'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s) throw new AppError('CUS_NOT_FOUND', 'There is no such snapshot.');
  const headers = Object.entries((s.response_headers ?? {}) as Record<string, string>);
  const original = await db
    .selectFrom('upload_originals')
    .select(['removed', 'original_size', 'original_sha256', 'key_id'])
    .where('snapshot_id', '=', id)
    .executeTakeFirst();
  const page = (
    <EditorLayout
      title={`Snapshot of ${s.title}`}
      session={c.get('session')}
      crumbs={[{ href: `/editor/sources/${s.source_id}`, label: s.title }]}
    >
      <h1>Snapshot of “{s.title}”</h1>
      <dl class="facts">
        <dt>Outcome</dt>
        <dd>{outcome(s)}</dd>
        <dt>Asked for</dt>
        <dd>{s.requested_url ?? '—'}</dd>
        <dt>Final address</dt>
        <dd>{s.final_url ?? '—'}</dd>
        <dt>Fetched</dt>
        <dd>{s.fetched_at ? <Timestamp at={s.fetched_at} withTime /> : '—'}</dd>
        <dt>SHA-256 of the bytes</dt>
        <dd class="hash">{s.sha256 ?? '—'}</dd>
        <dt>Type and size</dt>
        <dd>{s.media_type ? `${s.media_type}, ${s.byte_size} bytes` : '—'}</dd>
        {headers.map(([k, v]) => (
          <>
            <dt>Header {k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      {s.sha256 && (
        <p>
          <a href={`/editor/snapshots/${s.id}/raw`}>
            {s.origin === 'upload'
              ? 'Download the public copy (metadata removed)'
              : 'Download the archived bytes'}
          </a>
        </p>
      )}
      {original && (
        <section aria-labelledby="original-title">
          <h2 id="original-title">The original</h2>
          <p>
            Removed from the public copy:{' '}
            {original.removed.length ? original.removed.join('; ') : 'nothing was found'}. The original (
            {original.original_size} bytes, SHA-256 <span class="hash">{original.original_sha256}</span>) is
            sealed with key {original.key_id}.
          </p>
          {can(c.get('session').user, 'evidence.read_original') ? (
            <p>
              <a href={`/editor/snapshots/${s.id}/original`}>Open the original</a> (recorded in the audit log)
            </p>
          ) : (
            <p class="note">Only moderators and admins can open it.</p>
          )}
        </section>
      )}
      <h2>Extracted text</h2>
      {s.extracted_text ? (
        <pre class="extracted">{s.extracted_text}</pre>
      ) : (
        <p>No text could be extracted.</p>
      )}
    </EditorLayout>
  );
  return sendPrivatePage(c, page);
}

/**
 * The archived bytes, always as a download: a captured page is someone else's HTML and must
 * never run in our origin, so active types go out as octet-stream under a sandbox CSP.
 */
async function rawSnapshot(c: Ctx, deps: AppDeps) {
  const s = await deps.db
    .selectFrom('source_snapshots')
    .select(['sha256', 'media_type'])
    .where('id', '=', uuidParam(c, 'id'))
    .executeTakeFirst();
  if (!s?.sha256) throw new AppError('CUS_NOT_FOUND', 'This snapshot holds no archived bytes.');
  if (!deps.blobs) throw new AppError('CUS_UNAVAILABLE', 'No blob store is configured.');
  const bytes = await deps.blobs.get(s.sha256);
  if (!bytes)
    throw new AppError(
      'CUS_NOT_FOUND',
      'The archived bytes are missing from the blob store; run custodiet verify.',
    );
  const type = !s.media_type || isActiveContent(s.media_type) ? 'application/octet-stream' : s.media_type;
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="snapshot-${s.sha256.slice(0, 16)}"`,
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

/** Capture routes under /editor: capture again, the snapshot page, the archived bytes. */
export function captureRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.post('/sources/:id/capture', async (c) => {
    const sourceId = uuidParam(c, 'id');
    const snapshotId = await requestCapture(deps.db, `user:${c.get('session').user.id}`, sourceId);
    await deps.capture?.enqueue(snapshotId);
    return c.redirect(`/editor/sources/${sourceId}?notice=capture-queued`, 303);
  });
  app.get('/snapshots/:id', (c) => snapshotPage(c, deps.db));
  app.get('/snapshots/:id/raw', (c) => rawSnapshot(c, deps));
  return app;
}
