import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import { inTransaction } from '../audit/records.ts';
import { editorOf, formError } from '../editor/context.ts';
import { noteFromForm } from '../editor/save.ts';
import { AppError, type FieldProblem } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { parseQuery, uuidParam } from '../http/query.ts';
import { findCandidates } from './candidates.ts';
import { mergeRecords, rejectCandidate, unmergeRecords } from './merge.ts';
import { CandidatePage, HistoryPage, MatchesPage, UndoPage } from './page.tsx';
import {
  actorNames,
  getCandidate,
  mergeHistory,
  pendingCandidates,
  pendingCounts,
  recordCards,
  type CandidateRow,
  type MergeRow,
} from './repository.ts';
import type { MatchKind } from './scope.ts';

type Ctx = Context<EditorEnv>;

const NOTICES = {
  merged: 'Merged. The merged record now points at the one kept; undo it from the history if it was wrong.',
  rejected: 'Rejected: the pair will not be proposed again unless new evidence raises its score.',
  undone: 'Undone: the rows the merge moved are back and the merged record stands alone again.',
} as const;
const notice = z.enum(Object.keys(NOTICES) as [keyof typeof NOTICES]).optional();
const listQuery = z.object({
  kind: z.enum(['officer', 'incident']).default('officer'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  notice,
});
const historyQuery = z.object({
  page: listQuery.shape.page,
  notice,
  skipped: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

function guard(c: Ctx) {
  requirePermission(c.get('session').user, 'record.merge', 'review or merge matching records');
}

const actorOf = (c: Ctx) => `user:${c.get('session').user.id}`;

async function candidateOr404(c: Ctx, deps: AppDeps): Promise<CandidateRow> {
  const cand = await getCandidate(deps.db, uuidParam(c, 'id'));
  if (!cand) throw new AppError('CUS_NOT_FOUND', 'There is no match candidate with this id.');
  return cand;
}

async function list(c: Ctx, deps: AppDeps) {
  guard(c);
  const q = parseQuery(c, listQuery);
  const { rows, more } = await pendingCandidates(deps.db, q.kind, q.page);
  const cards = await recordCards(
    deps.db,
    q.kind,
    rows.flatMap((r) => [r.recordA, r.recordB]),
  );
  return sendPrivatePage(
    c,
    <MatchesPage
      session={c.get('session')}
      kind={q.kind}
      counts={await pendingCounts(deps.db)}
      candidates={rows}
      cards={cards}
      page={q.page}
      more={more}
      notice={q.notice && NOTICES[q.notice]}
    />,
  );
}

async function candidatePage(c: Ctx, deps: AppDeps, err?: AppError, values?: FormValues) {
  guard(c);
  const cand = await candidateOr404(c, deps);
  const cards = await recordCards(deps.db, cand.kind, [cand.recordA, cand.recordB]);
  return sendPrivatePage(
    c,
    <CandidatePage
      session={c.get('session')}
      c={cand}
      cards={cards}
      values={values}
      problems={err?.fields}
      message={err?.message}
    />,
    err?.status ?? 200,
  );
}

/** A missing or incomplete public note: the problems go beside the note's own fields. */
function noteProblems(err: AppError, problems: FieldProblem[]): AppError {
  return err.code === 'CUS_CORRECTION_REQUIRED' && problems.length > 0
    ? new AppError(err.code, err.message, problems)
    : err;
}

async function merge(c: Ctx, deps: AppDeps) {
  guard(c);
  const cand = await candidateOr404(c, deps);
  const values = await readForm(c);
  const { note, problems } = noteFromForm(values);
  try {
    const survivorId = one(values, 'survivor');
    if (survivorId !== cand.recordA && survivorId !== cand.recordB)
      throw new AppError('CUS_VALIDATION', 'Choose which of the two records to keep.', [
        { field: 'survivor', message: 'choose which record to keep' },
      ]);
    const mergedId = survivorId === cand.recordA ? cand.recordB : cand.recordA;
    await inTransaction(deps.db, (trx) =>
      mergeRecords(
        trx,
        { actor: actorOf(c), user: editorOf(c) },
        { kind: cand.kind, survivorId, mergedId, candidateId: cand.id, note },
      ),
    );
    return c.redirect(`/editor/matches?kind=${cand.kind}&notice=merged`, 303);
  } catch (err) {
    const e = formError(err);
    if (!e) throw err;
    return candidatePage(c, deps, noteProblems(e, problems), values);
  }
}

async function reject(c: Ctx, deps: AppDeps) {
  guard(c);
  const cand = await candidateOr404(c, deps);
  try {
    await inTransaction(deps.db, (trx) => rejectCandidate(trx, actorOf(c), cand.id));
  } catch (err) {
    const e = formError(err);
    if (!e) throw err;
    return candidatePage(c, deps, e);
  }
  return c.redirect(`/editor/matches?kind=${cand.kind}&notice=rejected`, 303);
}

/** The records and actor names a list of merges shows. */
async function mergeContext(deps: AppDeps, merges: MergeRow[]) {
  const cards = new Map();
  for (const kind of ['officer', 'incident'] as MatchKind[]) {
    const ids = merges.filter((m) => m.kind === kind).flatMap((m) => [m.survivorId, m.mergedId]);
    for (const [id, card] of await recordCards(deps.db, kind, ids)) cards.set(id, card);
  }
  const names = await actorNames(
    deps.db,
    merges.flatMap((m) => [m.mergedBy, m.undoneBy ?? '']),
  );
  return { cards, names };
}

async function history(c: Ctx, deps: AppDeps) {
  guard(c);
  const q = parseQuery(c, historyQuery);
  const { rows, more } = await mergeHistory(deps.db, q.page);
  return sendPrivatePage(
    c,
    <HistoryPage
      session={c.get('session')}
      merges={rows}
      {...await mergeContext(deps, rows)}
      page={q.page}
      more={more}
      notice={
        q.notice &&
        `${NOTICES[q.notice]}${q.skipped ? ` ${q.skipped} row(s) changed since the merge and stayed where they are.` : ''}`
      }
    />,
  );
}

async function undoPage(c: Ctx, deps: AppDeps, err?: AppError, values?: FormValues) {
  guard(c);
  const { rows } = await mergeHistory(deps.db, 1, uuidParam(c, 'id'));
  const m = rows[0];
  if (!m) throw new AppError('CUS_NOT_FOUND', 'There is no merge with this id.');
  return sendPrivatePage(
    c,
    <UndoPage
      session={c.get('session')}
      merge={m}
      {...await mergeContext(deps, [m])}
      values={values}
      problems={err?.fields}
      message={err?.message}
    />,
    err?.status ?? 200,
  );
}

async function undo(c: Ctx, deps: AppDeps) {
  guard(c);
  const id = uuidParam(c, 'id');
  const values = await readForm(c);
  const { note, problems } = noteFromForm(values);
  try {
    const done = await inTransaction(deps.db, (trx) =>
      unmergeRecords(trx, { actor: actorOf(c), user: editorOf(c) }, id, note),
    );
    // The two records stand apart again: look for their other partners (not each other: that
    // pair is marked unmerged and comes back only on new evidence).
    await findCandidates(
      deps.db,
      { ids: [done.survivorId, done.mergedId] },
      { kinds: [done.kind], actor: actorOf(c) },
    );
    return c.redirect(
      `/editor/matches/history?notice=undone${done.skipped ? `&skipped=${done.skipped}` : ''}`,
      303,
    );
  } catch (err) {
    const e = formError(err);
    if (!e) throw err;
    return undoPage(c, deps, noteProblems(e, problems), values);
  }
}

/** /editor/matches: the review of match candidates, merges and their undo (permission record.merge). */
export function matchRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/', (c) => list(c, deps));
  app.get('/history', (c) => history(c, deps));
  app.get('/merges/:id', (c) => undoPage(c, deps));
  app.post('/merges/:id/undo', (c) => undo(c, deps));
  app.get('/:id', (c) => candidatePage(c, deps));
  app.post('/:id/merge', (c) => merge(c, deps));
  app.post('/:id/reject', (c) => reject(c, deps));
  return app;
}
