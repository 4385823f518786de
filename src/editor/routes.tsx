import { datasetOriginsOf } from '../imports/provenance.tsx';
import { previewRoutes } from './preview.tsx';
import { ownAccountRoutes } from '../accounts/account-routes.tsx';
import { adminRoutes } from '../accounts/admin-routes.tsx';
import { tokenEditorRoutes } from '../api/token-routes.tsx';
import { allowlistRoutes } from '../legal/allowlist-routes.tsx';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { requireCsrf, requireSession, type EditorEnv } from '../accounts/middleware.ts';
import { auditViewerRoutes } from '../audit-viewer/routes.tsx';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { editorOf, formError } from './context.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { readForm, type FormValues } from '../http/form.ts';
import { parseQuery, uuidParam } from '../http/query.ts';
import { approvalInfo } from '../publication/approvals.ts';
import { publicationChecks } from '../publication/checks.ts';
import { CLAIM_SUBJECTS, correctionTarget, EDIT_KINDS } from '../publication/corrections.ts';
import type { PublishableTable } from '../publication/service.ts';
import { allFields, formProblems, toForm, type EntityDef } from './entity.ts';
import { EntityFormPage, resolveSections } from './layout.tsx';
import { Dashboard, ListPage, RecordPage } from './pages.tsx';
import { ENTITIES, entityFor } from './registry.ts';
import { childRows, claimsOn, dashboardCounts, getRow, listRows } from './repository.ts';
import { saveFromForm, targetFor } from './save.ts';
import { workflowRoutes } from './workflow-routes.tsx';
import { CapturePanel, captureRoutes, snapshotsOf } from '../capture/routes.tsx';
import { uploadRoutes } from '../uploads/routes.tsx';
import { complaintEditorRoutes } from '../complaints/editor-routes.tsx';
import { submissionEditorRoutes } from '../submissions/editor-routes.tsx';
import { importRoutes } from '../imports/routes.tsx';
import { matchRoutes } from '../matching/routes.tsx';
import { MergeBanner } from '../matching/banner.tsx';
import { ingestRoutes } from '../ingest/routes.tsx';
import { webhookEditorRoutes } from '../follow/editor-routes.tsx';
import { FromSubmission } from '../submissions/provenance.tsx';

const NOTICES = {
  saved: 'Saved.',
  unchanged: 'Nothing changed, so nothing was saved.',
  state: 'Publication state changed.',
  reverted: 'Reverted: the old values are now a new version.',
  links: 'Involvement saved.',
  approved: 'Approved: this version may now be published.',
  'capture-queued': 'Capture queued: the page will be fetched in the background; reload to see the result.',
} as const;
const recordQuery = z.object({ notice: z.enum(Object.keys(NOTICES) as [keyof typeof NOTICES]).optional() });
const listQuery = z.object({
  state: z.enum(['draft', 'in_review', 'published', 'withdrawn']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

// Claim subject column for each table that can carry claims: incidents → incident_id…
const CLAIM_COLUMN = new Map(Object.entries(CLAIM_SUBJECTS).map(([col, table]) => [table, col]));

async function renderForm(
  c: Context<EditorEnv>,
  db: Db,
  def: EntityDef,
  opts: { id?: string; values: FormValues; err?: AppError },
) {
  const target = await targetFor(db, def, opts.id, opts.values);
  const needsNote = target?.published || opts.err?.code === 'CUS_CORRECTION_REQUIRED';
  const problems = opts.err ? formProblems(def, opts.err, opts.values) : [];
  const page = (
    <EntityFormPage
      session={c.get('session')}
      def={def}
      heading={opts.id ? `Edit ${def.singular}` : `New ${def.singular}`}
      action={opts.id ? `/editor/${def.type}/${opts.id}/edit` : `/editor/${def.type}/new`}
      cancel={opts.id ? `/editor/${def.type}/${opts.id}` : `/editor/${def.type}`}
      sections={await resolveSections(def, db)}
      values={opts.values}
      problems={problems}
      message={
        opts.err && (opts.err.fields.length === 0 || opts.err.code !== 'CUS_VALIDATION')
          ? opts.err.message
          : undefined
      }
      noteKinds={needsNote ? EDIT_KINDS : null}
    />
  );
  return sendPrivatePage(c, page, opts.err?.status ?? 200);
}

async function submitForm(c: Context<EditorEnv>, deps: AppDeps, def: EntityDef, id?: string) {
  const db = deps.db;
  const values = await readForm(c);
  try {
    const saved = await saveFromForm(db, editorOf(c), def, values, id);
    // A new source's snapshot row (waiting for capture) is queued as soon as the save commits.
    if (def.type === 'sources' && !id) await deps.capture?.sweep();
    return c.redirect(`/editor/${def.type}/${saved.id}?notice=${saved.changed ? 'saved' : 'unchanged'}`, 303);
  } catch (err) {
    const e = formError(err);
    if (!e) throw err;
    return renderForm(c, db, def, { id, values, err: e });
  }
}

async function recordPage(c: Context<EditorEnv>, db: Db, def: EntityDef, id: string) {
  const row = await getRow(db, def.type, id);
  if (!row) throw new AppError('CUS_NOT_FOUND', `There is no ${def.singular} with this id.`);
  const { notice } = parseQuery(c, recordQuery);
  const claimColumn = CLAIM_COLUMN.get(def.type);
  const children = await Promise.all(
    (def.children ?? []).map(async (ch) => {
      const childDef = entityFor(ch.type);
      return {
        def: childDef,
        label: ch.label,
        rows: await childRows(db, ch, childDef, id),
        addHref: `/editor/${ch.type}/new?${ch.field}=${id}`,
      };
    }),
  );
  const page = (
    <RecordPage
      session={c.get('session')}
      def={def}
      row={row}
      target={await correctionTarget(db, def.type, id)}
      report={def.publishable ? await publicationChecks(db, def.type as PublishableTable, id) : null}
      approval={
        def.publishable
          ? await approvalInfo(
              db,
              editorOf(c),
              def.type as PublishableTable,
              id,
              String(row.publication_state),
            )
          : null
      }
      claims={claimColumn ? await claimsOn(db, claimColumn, id) : null}
      claimHref={
        claimColumn
          ? `/editor/claims/new?subjectType=${claimColumn.replace(/_id$/, '')}&subjectId=${id}`
          : null
      }
      childLists={children}
      linksHref={def.type === 'incidents' ? `/editor/incidents/${id}/links` : null}
      extra={
        def.type === 'sources' ? (
          <CapturePanel
            sourceId={id}
            hasUrl={row.url !== null}
            snapshots={await snapshotsOf(db, id)}
            csrfToken={c.get('session').csrfToken}
          />
        ) : (
          <>
            <MergeBanner db={db} type={def.type} recordId={id} />
            <FromSubmission db={db} recordId={id} />
          </>
        )
      }
      notice={notice && NOTICES[notice]}
      origins={await datasetOriginsOf(db, id)}
    />
  );
  return sendPrivatePage(c, page);
}

/** Everything under /editor: sign-in required, CSRF checked on every POST. */
export function editorRoutes(deps: AppDeps): Hono<EditorEnv> {
  const db = deps.db;
  const app = new Hono<EditorEnv>();
  app.use('*', requireSession(db), requireCsrf());

  app.get('/', async (c) =>
    sendPrivatePage(
      c,
      <Dashboard session={c.get('session')} defs={ENTITIES} counts={await dashboardCounts(db, ENTITIES)} />,
    ),
  );
  app.route('/users', adminRoutes(deps));
  app.route('/tokens', tokenEditorRoutes(deps));
  app.route('/account', ownAccountRoutes(deps));
  app.route('/pii-allowlist', allowlistRoutes(deps));
  app.route('/complaints', complaintEditorRoutes(deps));
  app.route('/submissions', submissionEditorRoutes(deps));
  app.route('/imports', importRoutes(deps));
  app.route('/matches', matchRoutes(deps));
  app.route('/ingest', ingestRoutes(deps));
  app.route('/webhooks', webhookEditorRoutes(deps));
  app.route('/', workflowRoutes(deps));
  app.route('/', previewRoutes(db));
  // Before the generic /:type routes, which would take "audit" for a kind of record.
  app.route('/', auditViewerRoutes(db));
  app.route('/', captureRoutes(deps));
  app.route('/', uploadRoutes(deps));
  app.get('/:type', async (c) => {
    const def = entityFor(c.req.param('type'));
    const q = parseQuery(c, listQuery);
    const { rows, more } = await listRows(db, def, q.state, q.page);
    return sendPrivatePage(
      c,
      <ListPage session={c.get('session')} def={def} rows={rows} state={q.state} page={q.page} more={more} />,
    );
  });
  app.get('/:type/new', async (c) => {
    const def = entityFor(c.req.param('type'));
    const names = new Set(allFields(def).map((f) => f.name));
    const prefill = Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => names.has(k)));
    return renderForm(c, db, def, { values: { ...def.defaults, ...prefill } });
  });
  app.post('/:type/new', (c) => submitForm(c, deps, entityFor(c.req.param('type'))));
  app.get('/:type/:id', (c) => recordPage(c, db, entityFor(c.req.param('type')), uuidParam(c, 'id')));
  app.get('/:type/:id/edit', async (c) => {
    const def = entityFor(c.req.param('type'));
    const row = await getRow(db, def.type, uuidParam(c, 'id'));
    if (!row) throw new AppError('CUS_NOT_FOUND', `There is no ${def.singular} with this id.`);
    return renderForm(c, db, def, { id: String(row.id), values: await toForm(def, row, db) });
  });
  app.post('/:type/:id/edit', (c) => submitForm(c, deps, entityFor(c.req.param('type')), uuidParam(c, 'id')));
  return app;
}
