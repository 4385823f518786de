import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EditorEnv } from '../accounts/middleware.ts';
import { toJsonValue } from '../audit/canonical.ts';
import { inTransaction } from '../audit/records.ts';
import { AppError, type FieldProblem } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { parseQuery, uuidParam } from '../http/query.ts';
import { approve } from '../publication/approvals.ts';
import { publicationChecks } from '../publication/checks.ts';
import { correctionTarget } from '../publication/corrections.ts';
import type { PublishableTable } from '../publication/service.ts';
import { changeState, noteKindsFor, transitionsFrom } from '../publication/workflow.ts';
import { fieldChanges } from './diff.ts';
import type { EntityDef, Row } from './entity.ts';
import { listVersions, NOT_REVERTED, revertToVersion } from './history.ts';
import { HistoryPage, RevertPage } from './history-page.tsx';
import { incidentLinks, LinksPage, linkSections, saveIncidentLinks } from './links.tsx';
import { StatePage } from './record.tsx';
import { entityFor } from './registry.ts';
import { getRow } from './repository.ts';
import { editorOf, formError } from './context.ts';
import { noteFromForm } from './save.ts';

type Ctx = Context<EditorEnv>;

async function loadRecord(deps: AppDeps, c: Ctx): Promise<{ def: EntityDef; id: string; row: Row }> {
  const def = entityFor(c.req.param('type'));
  const id = uuidParam(c, 'id');
  const row = await getRow(deps.db, def.type, id);
  if (!row) throw new AppError('CUS_NOT_FOUND', `There is no ${def.singular} with this id.`);
  return { def, id, row };
}

async function statePage(deps: AppDeps, c: Ctx, to: string, values: FormValues, err?: AppError) {
  const { def, id, row } = await loadRecord(deps, c);
  if (!def.publishable) throw new AppError('CUS_NOT_FOUND', `A ${def.singular} has no publication state.`);
  const move = transitionsFrom(String(row.publication_state)).find((m) => m.to === to);
  if (!move)
    throw new AppError(
      'CUS_STATE_TRANSITION',
      `A ${String(row.publication_state)} record cannot move to ${to}.`,
    );
  const report =
    to === 'published' ? await publicationChecks(deps.db, def.type as PublishableTable, id) : null;
  const page = (
    <StatePage
      session={c.get('session')}
      def={def}
      row={row}
      title={def.title(row)}
      to={to}
      label={move.label}
      report={report}
      noteKinds={noteKindsFor(to, row.published_at !== null)}
      values={values}
      problems={err?.code === 'CUS_PUBLICATION_BLOCKED' ? [] : (err?.fields ?? [])}
      message={err?.message}
    />
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

async function revertPage(deps: AppDeps, c: Ctx, values: FormValues, err?: AppError) {
  const { def, id, row } = await loadRecord(deps, c);
  const version = Number(c.req.param('version'));
  const versions = await listVersions(deps.db, def.type, id);
  const chosen = versions.find((v) => v.version === version);
  if (!chosen?.data)
    throw new AppError('CUS_NOT_FOUND', `There is no version ${c.req.param('version')} of this record.`);
  const changes = fieldChanges(toJsonValue(row) as Row, chosen.data).filter(
    (ch) => !NOT_REVERTED.has(ch.field),
  );
  const target = await correctionTarget(deps.db, def.type, id);
  const problems: FieldProblem[] = err?.fields ?? [];
  const page = (
    <RevertPage
      session={c.get('session')}
      def={def}
      id={id}
      title={def.title(row)}
      version={version}
      changes={changes}
      needsNote={target?.published === true}
      values={values}
      problems={problems}
      message={err && err.code !== 'CUS_CORRECTION_REQUIRED' ? err.message : undefined}
    />
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

async function linksPage(deps: AppDeps, c: Ctx, values: FormValues, err?: AppError) {
  const id = uuidParam(c, 'id');
  const row = await getRow(deps.db, 'incidents', id);
  if (!row) throw new AppError('CUS_NOT_FOUND', 'There is no such incident.');
  const target = await correctionTarget(deps.db, 'incidents', id);
  const page = (
    <LinksPage
      session={c.get('session')}
      incidentId={id}
      title={String(row.title)}
      links={await incidentLinks(deps.db, id)}
      sections={await linkSections(deps.db)}
      published={target?.published === true}
      values={values}
      problems={err?.fields.length ? err.fields : err ? [{ field: 'form', message: err.message }] : []}
    />
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

const stateQuery = z.object({ to: z.enum(['draft', 'in_review', 'published', 'withdrawn']) });

/** Workflow moves, history and revert, and an incident's involvement. */
export function workflowRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/incidents/:id/links', (c) => linksPage(deps, c, {}));
  app.post('/incidents/:id/links', async (c) => {
    const values = await readForm(c);
    try {
      await saveIncidentLinks(deps.db, editorOf(c), uuidParam(c, 'id'), values);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return linksPage(deps, c, values, e);
    }
    return c.redirect(`/editor/incidents/${uuidParam(c, 'id')}?notice=links`, 303);
  });

  app.get('/:type/:id/state', (c) => statePage(deps, c, parseQuery(c, stateQuery).to, {}));
  app.post('/:type/:id/state', async (c) => {
    const { def, id, row } = await loadRecord(deps, c);
    const values = await readForm(c);
    const to = one(values, 'to');
    const kinds = noteKindsFor(to, row.published_at !== null);
    const note = kinds ? noteFromForm(values, kinds) : null;
    try {
      if (!def.publishable)
        throw new AppError('CUS_NOT_FOUND', `A ${def.singular} has no publication state.`);
      if (note && !note.note) throw new AppError('CUS_CORRECTION_REQUIRED', undefined, note.problems);
      await inTransaction(deps.db, (trx) =>
        changeState(trx, editorOf(c), def.type as PublishableTable, id, to, note?.note ?? null),
      );
    } catch (err) {
      const e = formError(err);
      if (!e || e.code === 'CUS_STATE_TRANSITION') throw err;
      return statePage(deps, c, to, values, e);
    }
    return c.redirect(`/editor/${def.type}/${id}?notice=state`, 303);
  });

  app.post('/:type/:id/approve', async (c) => {
    const { def, id } = await loadRecord(deps, c);
    if (!def.publishable) throw new AppError('CUS_NOT_FOUND', `A ${def.singular} has no publication state.`);
    await inTransaction(deps.db, (trx) => approve(trx, editorOf(c), def.type as PublishableTable, id));
    return c.redirect(`/editor/${def.type}/${id}?notice=approved`, 303);
  });

  app.get('/:type/:id/history', async (c) => {
    const { def, id, row } = await loadRecord(deps, c);
    const versions = await listVersions(deps.db, def.type, id);
    return sendPrivatePage(
      c,
      <HistoryPage session={c.get('session')} def={def} id={id} title={def.title(row)} versions={versions} />,
    );
  });
  app.get('/:type/:id/revert/:version{[0-9]{1,9}}', (c) => revertPage(deps, c, {}));
  app.post('/:type/:id/revert/:version{[0-9]{1,9}}', async (c) => {
    const { def, id } = await loadRecord(deps, c);
    const values = await readForm(c);
    try {
      await revertToVersion(deps.db, editorOf(c), def, id, Number(c.req.param('version')), values);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return revertPage(deps, c, values, e);
    }
    return c.redirect(`/editor/${def.type}/${id}/history?notice=reverted`, 303);
  });
  return app;
}
