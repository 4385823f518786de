// Editor pages for ingestion: /editor/ingest (paste text, give a web address or upload a file)
// and /editor/ingest/:id (the review page: accept, edit or reject each proposed item, then create
// the drafts). A bad article gets the form back with the reason, never a 500.
import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import { editorOf, formError } from '../editor/context.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { forceOptions, taxonomyOptions } from '../editor/options.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { many, one, parseFormBody, readForm, type FormValues } from '../http/form.ts';
import { uuidParam } from '../http/query.ts';
import { IngestForm, ReviewPage } from './pages.tsx';
import { getBundle, recentBundles } from './repository.ts';
import { reviewBundle } from './apply.ts';
import type { ReviewInput } from './schema.ts';
import { ingestFile, ingestText, ingestUrl, type IngestDeps } from './service.ts';

type Ctx = Context<EditorEnv>;

function ingestDeps(deps: AppDeps): IngestDeps {
  if (!deps.blobs) throw new AppError('CUS_UNAVAILABLE', 'Ingestion needs a blob store; none is configured.');
  return {
    db: deps.db,
    blobs: deps.blobs,
    ...(deps.vault ? { vault: deps.vault } : {}),
    ...(deps.captureLimits ? { limits: deps.captureLimits } : {}),
    ...(deps.capture ? { enqueue: (id: string) => deps.capture!.enqueue(id) } : {}),
  };
}

async function formPage(c: Ctx, deps: AppDeps, values: FormValues = {}, err?: AppError) {
  const page = (
    <EditorLayout
      title="Add from an article"
      session={c.get('session')}
      crumbs={[{ href: '/editor', label: 'Editor' }]}
    >
      <IngestForm
        csrf={c.get('session').csrfToken}
        values={values}
        err={err}
        recent={await recentBundles(deps.db)}
      />
    </EditorLayout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

async function receive(c: Ctx, deps: AppDeps) {
  const user = editorOf(c);
  requirePermission(user, 'record.edit_unpublished', 'add records from an article');
  const body = await parseFormBody(c);
  const values = await readForm(c);
  const meta = {
    url: one(values, 'url'),
    title: one(values, 'title'),
    publisher: one(values, 'publisher'),
    publishedOn: one(values, 'publishedOn'),
    kind: one(values, 'kind'),
  };
  const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
  const text = one(values, 'text');
  try {
    const actor = `user:${user.id}`;
    const d = ingestDeps(deps);
    const r = file
      ? await ingestFile(d, actor, new Uint8Array(await file.arrayBuffer()), file.name, meta)
      : text.trim()
        ? await ingestText(d, actor, text, meta)
        : meta.url
          ? await ingestUrl(d, actor, meta)
          : await ingestText(d, actor, text, meta);
    return c.redirect(`/editor/ingest/${r.bundleId}`, 303);
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && err.code !== 'CUS_NOT_FOUND')
      return formPage(c, deps, values, err);
    throw err;
  }
}

async function review(c: Ctx, deps: AppDeps, err?: AppError, notice?: string) {
  const found = await getBundle(deps.db, uuidParam(c, 'id'));
  if (!found) throw new AppError('CUS_NOT_FOUND', 'There is no such ingested article.');
  const page = (
    <EditorLayout
      title={`Review: ${found.bundle.title}`}
      session={c.get('session')}
      crumbs={[{ href: '/editor/ingest', label: 'Add from an article' }]}
    >
      <ReviewPage
        csrf={c.get('session').csrfToken}
        bundle={found.bundle}
        items={found.items}
        forces={await forceOptions(deps.db)}
        statuses={await taxonomyOptions('publication_status_v1')(deps.db)}
        err={err}
        notice={notice}
      />
    </EditorLayout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

/** The review form's fields as the service's input. */
function reviewFromForm(values: FormValues): ReviewInput {
  const items: ReviewInput['items'] = {};
  for (const key of Object.keys(values)) {
    const m = /^item\.(\d+)\.decision$/.exec(key);
    if (!m) continue;
    const p = m[1]!;
    const edited: Record<string, unknown> = {};
    for (const f of ['name', 'rank', 'linkTo', 'title', 'summary', 'on', 'speaker']) {
      const v = one(values, `item.${p}.${f}`);
      if (v !== '' && v !== one(values, `item.${p}.${f}.was`)) edited[f] = v;
    }
    if (values[`item.${p}.standards.shown`] !== undefined) {
      const chosen = many(values, `item.${p}.standards`);
      if (chosen.join(',') !== one(values, `item.${p}.standards.was`)) edited.standards = chosen;
    }
    items[p] = {
      decision: one(values, key) as 'accepted',
      ...(Object.keys(edited).length ? { edited } : {}),
    };
  }
  return {
    action: one(values, 'action') === 'apply' ? 'apply' : 'save',
    status: one(values, 'status') || 'reported',
    incident: {
      existingId: one(values, 'incident.existingId'),
      title: one(values, 'incident.title'),
      summary: one(values, 'incident.summary'),
      occurredOn: one(values, 'incident.occurredOn'),
      place: one(values, 'incident.place'),
      forceId: one(values, 'incident.forceId'),
    },
    items,
  };
}

async function decide(c: Ctx, deps: AppDeps) {
  const id = uuidParam(c, 'id');
  const values = await readForm(c);
  try {
    const r = await reviewBundle(deps.db, editorOf(c), id, reviewFromForm(values));
    if (r.incidentId) return c.redirect(`/editor/incidents/${r.incidentId}?notice=saved`, 303);
    return review(
      c,
      deps,
      undefined,
      'Decisions saved. Nothing is created until you choose “Create drafts”.',
    );
  } catch (err) {
    const e = formError(err);
    if (!e) throw err;
    return review(c, deps, e);
  }
}

/** Ingestion routes under /editor. */
export function ingestRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/', (c) => formPage(c, deps));
  app.post('/', (c) => receive(c, deps));
  app.get('/:id', (c) => review(c, deps));
  app.post('/:id', (c) => decide(c, deps));
  return app;
}
