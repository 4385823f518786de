import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import { isActiveContent } from '../blobs/content-types.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { CsrfInput } from '../http/forms.tsx';
import { uuidParam } from '../http/query.ts';
import { MAX_UPLOAD_BYTES, readOriginal, uploadToSource, type UploadDeps } from './service.ts';

type Ctx = Context<EditorEnv>;

function uploadDeps(deps: AppDeps): UploadDeps {
  if (!deps.blobs || !deps.vault)
    throw new AppError(
      'CUS_UNAVAILABLE',
      'Uploads need a blob store and an originals key; neither is configured.',
    );
  return { db: deps.db, blobs: deps.blobs, vault: deps.vault };
}

async function uploadForm(c: Ctx, deps: AppDeps, err?: AppError) {
  const id = uuidParam(c, 'id');
  const s = await deps.db.selectFrom('sources').select(['title']).where('id', '=', id).executeTakeFirst();
  if (!s) throw new AppError('CUS_NOT_FOUND', 'There is no such source.');
  const page = (
    <EditorLayout
      title={`Upload a file to ${s.title}`}
      session={c.get('session')}
      crumbs={[{ href: `/editor/sources/${id}`, label: s.title }]}
    >
      <h1>Upload a file to “{s.title}”</h1>
      {err && (
        <p class="callout callout-error" role="alert">
          {err.message}
        </p>
      )}
      <p>
        JPEG, PNG, WebP or PDF, up to {MAX_UPLOAD_BYTES / 1024 / 1024} MB. The copy readers can see has its
        metadata removed (camera, GPS location, author, software); the original is kept encrypted and only
        moderators and admins can open it, each time on the audit log. Other types are refused: we cannot
        clean them.
      </p>
      <form method="post" enctype="multipart/form-data" action={`/editor/sources/${id}/upload`}>
        <CsrfInput token={c.get('session').csrfToken} />
        <p>
          <label for="f-file">File</label>
          <input id="f-file" type="file" name="file" required accept=".jpg,.jpeg,.png,.webp,.pdf" />
        </p>
        <button type="submit">Upload</button>
      </form>
    </EditorLayout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

async function receiveUpload(c: Ctx, deps: AppDeps) {
  const sourceId = uuidParam(c, 'id');
  const body = await c.req.parseBody().catch(() => {
    throw new AppError('CUS_BAD_REQUEST', 'The upload could not be read; try again.');
  });
  const file = body.file;
  if (!(file instanceof File))
    return uploadForm(c, deps, new AppError('CUS_VALIDATION', 'Choose a file to upload.'));
  try {
    const r = await uploadToSource(uploadDeps(deps), `user:${c.get('session').user.id}`, sourceId, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: file.name,
      declaredType: file.type,
    });
    return c.redirect(`/editor/snapshots/${r.snapshotId}`, 303);
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && err.code !== 'CUS_NOT_FOUND')
      return uploadForm(c, deps, err);
    throw err;
  }
}

/** An original, for moderators and admins only, always as a download, each opening audited. */
async function originalDownload(c: Ctx, deps: AppDeps) {
  const user = c.get('session').user;
  requirePermission(user, 'evidence.read_original', 'open uploaded originals');
  const opened = await readOriginal(uploadDeps(deps), `user:${user.id}`, uuidParam(c, 'id'));
  return c.body(new Uint8Array(opened.bytes), 200, {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': 'attachment; filename="original.bin"',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

/** Upload routes under /editor. */
export function uploadRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/sources/:id/upload', (c) => uploadForm(c, deps));
  app.post('/sources/:id/upload', (c) => receiveUpload(c, deps));
  app.get('/snapshots/:id/original', (c) => originalDownload(c, deps));
  return app;
}

/** True when a record the public can see cites this snapshot's source. */
async function citedPublicly(deps: AppDeps, sourceIds: string[]): Promise<boolean> {
  if (sourceIds.length === 0) return false;
  const row = await deps.db
    .selectFrom('claims as c')
    .leftJoin('incidents as i', 'i.id', 'c.incident_id')
    .leftJoin('allegations as a', 'a.id', 'c.allegation_id')
    .leftJoin('officers as o', 'o.id', 'c.officer_id')
    .leftJoin('statements as s', 's.id', 'c.statement_id')
    .select('c.id')
    .where('c.source_id', 'in', sourceIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('i.publication_state', '=', 'published'), eb('i.proceedings_active', '=', false)]),
        eb('a.visible', '=', true),
        eb('o.publication_state', '=', 'published'),
        eb('s.publication_state', '=', 'published'),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * GET /evidence/:sha256: the cleaned public copy of an uploaded file, once a published record
 * cites its source. Images may show inline; anything a browser could run is a download.
 */
export function evidenceRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/evidence/:sha256', async (c) => {
    const sha = c.req.param('sha256');
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new AppError('CUS_NOT_FOUND', 'There is no such file.');
    // The same cleaned file can be uploaded to several sources: any public citation will do.
    const snaps = await deps.db
      .selectFrom('source_snapshots')
      .select(['source_id', 'media_type'])
      .where('sha256', '=', sha)
      .where('origin', '=', 'upload')
      .execute();
    const snap = snaps[0];
    if (
      !snap ||
      !(await citedPublicly(
        deps,
        snaps.map((s) => s.source_id),
      )) ||
      !deps.blobs
    )
      throw new AppError('CUS_NOT_FOUND', 'There is no such file.');
    const bytes = await deps.blobs.get(sha);
    if (!bytes) throw new AppError('CUS_NOT_FOUND', 'There is no such file.');
    const type = snap.media_type ?? 'application/octet-stream';
    const inline = !isActiveContent(type) && type.startsWith('image/');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': inline ? type : 'application/octet-stream',
      'Content-Disposition': inline ? 'inline' : `attachment; filename="evidence-${sha.slice(0, 16)}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'public, max-age=3600',
    });
  });
  return app;
}
