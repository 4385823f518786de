import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import { deleteRecord, inTransaction, insertRecord } from '../audit/records.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { CsrfInput, FormBody, type FieldSpec } from '../http/forms.tsx';
import { uuidParam } from '../http/query.ts';
import { parseInput } from '../schema/common.ts';

type Ctx = Context<EditorEnv>;

const entryInput = z
  .object({
    text: z
      .string()
      .trim()
      .min(3, 'must be at least 3 characters')
      .max(300, 'must be at most 300 characters'),
    reason: z.string().trim().min(3, 'say why this is not a personal detail').max(1000),
  })
  .strict();

const FIELDS: FieldSpec[] = [
  {
    name: 'text',
    label: 'Exact text',
    kind: 'text',
    required: true,
    hint: 'As it appears in the record, e.g. a court’s address or a press office’s number.',
  },
  { name: 'reason', label: 'Why it is not a personal detail', kind: 'textarea', required: true },
];

async function page(c: Ctx, deps: AppDeps, values: FormValues = {}, err?: AppError) {
  const s = c.get('session');
  const rows = await deps.db.selectFrom('pii_allowlist').selectAll().orderBy('text').execute();
  const body = (
    <EditorLayout
      title="Personal-detail allowlist"
      session={s}
      crumbs={[{ href: '/editor', label: 'Editor' }]}
    >
      <h1>Personal-detail allowlist</h1>
      <p>
        Rule R10 blocks publication when public text looks like a home address, a personal phone number or
        e-mail, a National Insurance number or a date of birth. A text listed here has been reviewed and is
        let through (police stations’ public addresses are allowed without an entry). Every change is audited.
      </p>
      <form method="post" action="/editor/pii-allowlist">
        <CsrfInput token={s.csrfToken} />
        <FormBody fields={FIELDS} values={values} err={err} />
        <div class="actions">
          <button type="submit">Allow this text</button>
        </div>
      </form>
      <h2>Reviewed texts ({rows.length})</h2>
      <ul>
        {rows.map((r) => (
          <li>
            <strong>{r.text}</strong> — {r.reason}{' '}
            <form method="post" action={`/editor/pii-allowlist/${r.id}/delete`} class="inline">
              <CsrfInput token={s.csrfToken} />
              <button type="submit" class="secondary">
                Remove
              </button>
            </form>
          </li>
        ))}
      </ul>
    </EditorLayout>
  );
  return sendPrivatePage(c, body, err?.status ?? 200);
}

/** /editor/pii-allowlist: the reviewed exceptions to rule R10 (editors who may publish). */
export function allowlistRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.use('*', async (c, next) => {
    requirePermission(c.get('session').user, 'record.publish', 'review the personal-detail allowlist');
    await next();
  });
  const actor = (c: Ctx) => `user:${c.get('session').user.id}`;
  app.get('/', (c) => page(c, deps));
  app.post('/', async (c) => {
    const values = await readForm(c);
    try {
      const v = parseInput(entryInput, { text: one(values, 'text'), reason: one(values, 'reason') });
      await inTransaction(deps.db, (trx) => insertRecord(trx, actor(c), 'pii_allowlist', v));
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return page(c, deps, values, err);
      throw err;
    }
    return c.redirect('/editor/pii-allowlist', 303);
  });
  app.post('/:id/delete', async (c) => {
    const id = uuidParam(c, 'id');
    await inTransaction(deps.db, (trx) => deleteRecord(trx, actor(c), 'pii_allowlist', id));
    return c.redirect('/editor/pii-allowlist', 303);
  });
  return app;
}
