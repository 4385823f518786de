import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { editorOf } from '../editor/context.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { CsrfInput, FormBody, type FieldSpec } from '../http/forms.tsx';
import { uuidParam } from '../http/query.ts';
import { Timestamp } from '../http/time.tsx';
import { decideComplaint, OUTCOMES } from './service.ts';

type Ctx = Context<EditorEnv>;

const DECISION: FieldSpec[] = [
  {
    name: 'outcome',
    label: 'Decision',
    kind: 'select',
    required: true,
    options: Object.entries(OUTCOMES).map(([value, label]) => ({ value, label })),
    hint: '“Page taken down” withdraws the record now, with a takedown entry in the public log. Amend or attach a reply through the record’s own edit page first.',
  },
  { name: 'note', label: 'Reasons (sent to the complainant)', kind: 'textarea', required: true },
];

/** Time left on the clock, in words; negative is overdue. */
function clock(respondBy: Date, now = Date.now()): string {
  const mins = Math.round((respondBy.getTime() - now) / 60_000);
  const h = Math.floor(Math.abs(mins) / 60);
  const text = `${h} h ${Math.abs(mins) % 60} min`;
  return mins < 0 ? `OVERDUE by ${text}` : `${text} left`;
}

async function queue(c: Ctx, db: Db) {
  const rows = await db
    .selectFrom('complaints')
    .select(['id', 'reference', 'received_at', 'respond_by', 'page_path', 'outcome', 'decided_at'])
    .orderBy((eb) => eb.case().when('outcome', 'is', null).then(0).else(1).end())
    .orderBy('respond_by')
    .limit(200)
    .execute();
  const page = (
    <EditorLayout
      title="Notices of complaint"
      session={c.get('session')}
      crumbs={[{ href: '/editor', label: 'Editor' }]}
    >
      <h1>Notices of complaint</h1>
      <p>
        Each must be decided within 48 hours of receipt, weekends and bank holidays excluded. Open ones first.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Page</th>
            <th scope="col">Received</th>
            <th scope="col">Clock</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={!r.outcome && r.respond_by.getTime() < Date.now() ? 'overdue' : undefined}>
              <td>
                <a href={`/editor/complaints/${r.id}`}>{r.reference}</a>
              </td>
              <td>{r.page_path}</td>
              <td>
                <Timestamp at={r.received_at} withTime />
              </td>
              <td>
                {r.outcome ? `Decided: ${OUTCOMES[r.outcome as keyof typeof OUTCOMES]}` : clock(r.respond_by)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorLayout>
  );
  return sendPrivatePage(c, page);
}

async function detail(c: Ctx, db: Db, values: FormValues = {}, err?: AppError) {
  const id = uuidParam(c, 'id');
  const r = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('CUS_NOT_FOUND', 'There is no such complaint.');
  const page = (
    <EditorLayout
      title={`Complaint ${r.reference}`}
      session={c.get('session')}
      crumbs={[{ href: '/editor/complaints', label: 'Complaints' }]}
    >
      <h1>Complaint {r.reference}</h1>
      <dl class="facts">
        <dt>Page</dt>
        <dd>
          <a href={r.page_path}>{r.page_path}</a>
        </dd>
        <dt>Received</dt>
        <dd>
          <Timestamp at={r.received_at} withTime />
        </dd>
        <dt>Decide by</dt>
        <dd>
          <Timestamp at={r.respond_by} withTime /> {!r.outcome && `(${clock(r.respond_by)})`}
        </dd>
        <dt>From</dt>
        <dd>
          {r.complainant_name} &lt;{r.complainant_email}&gt;{r.acting_for && `, acting for ${r.acting_for}`}
        </dd>
        <dt>Words complained of</dt>
        <dd>
          <blockquote>{r.words_complained_of}</blockquote>
        </dd>
        <dt>Meaning, and why wrong</dt>
        <dd>{r.meaning_and_why_wrong}</dd>
        {r.outcome && (
          <>
            <dt>Decision</dt>
            <dd>
              {OUTCOMES[r.outcome as keyof typeof OUTCOMES]} on <Timestamp at={r.decided_at!} withTime />:{' '}
              {r.outcome_note}
            </dd>
          </>
        )}
      </dl>

      {err && r.outcome && (
        <p class="callout callout-error" role="alert">
          {err.message}
        </p>
      )}
      {!r.outcome && (
        <form method="post" action={`/editor/complaints/${r.id}/decision`}>
          <CsrfInput token={c.get('session').csrfToken} />
          <FormBody fields={DECISION} values={values} err={err} />
          <div class="actions">
            <button type="submit">Record the decision</button>
          </div>
        </form>
      )}
    </EditorLayout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

/** /editor/complaints: the queue with its clocks, each notice, and the decision (editors and above). */
export function complaintEditorRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.use('*', async (c, next) => {
    requirePermission(c.get('session').user, 'record.publish', 'read notices of complaint');
    await next();
  });
  app.get('/', (c) => queue(c, deps.db));
  app.get('/:id', (c) => detail(c, deps.db));
  app.post('/:id/decision', async (c) => {
    const values = await readForm(c);
    const id = uuidParam(c, 'id');
    try {
      await decideComplaint(deps.db, editorOf(c), id, {
        outcome: one(values, 'outcome'),
        note: one(values, 'note'),
      });
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.code !== 'CUS_NOT_FOUND')
        return detail(c, deps.db, values, err);
      throw err;
    }
    return c.redirect(`/editor/complaints/${id}`, 303);
  });
  return app;
}
