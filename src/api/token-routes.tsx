// /editor/tokens: admins create API tokens for an account (shown once), see every token's use and
// revoke them. The same service as `custodiet token`.
import { Hono, type Context } from 'hono';
import { requirePermission } from '../accounts/policy.ts';
import type { EditorEnv } from '../accounts/middleware.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { formError } from '../editor/context.ts';
import type { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { many, one, readForm, type FormValues } from '../http/form.ts';
import { CsrfInput, ErrorSummary, FormField, type FieldSpec } from '../http/forms.tsx';
import { uuidParam } from '../http/query.ts';
import { Timestamp } from '../http/time.tsx';
import { API_SCOPES } from './scopes.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';

type Ctx = Context<EditorEnv>;

async function fields(deps: AppDeps): Promise<FieldSpec[]> {
  const users = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role'])
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
  return [
    {
      name: 'userId',
      label: 'Acts for the account',
      kind: 'select',
      required: true,
      hint: 'The token can never do more than this account’s role allows.',
      options: users.map((u) => ({ value: u.id, label: `${u.display_name} <${u.email}> (${u.role})` })),
    },
    { name: 'name', label: 'Name (what it is for)', kind: 'text', required: true },
    {
      name: 'scopes',
      label: 'Scopes',
      kind: 'checkboxes',
      required: true,
      options: Object.entries(API_SCOPES).map(([value, label]) => ({ value, label: `${value}: ${label}` })),
    },
    { name: 'expiresInDays', label: 'Expires after (days; empty: never)', kind: 'number' },
  ];
}

async function tokensPage(
  c: Ctx,
  deps: AppDeps,
  extra: { values?: FormValues; err?: AppError; token?: string } = {},
) {
  const s = c.get('session');
  const [tokens, form] = await Promise.all([listTokens(deps.db), fields(deps)]);
  return sendPrivatePage(
    c,
    <EditorLayout title="API tokens" session={s} crumbs={[{ href: '/editor', label: 'Editor' }]}>
      <h1>API tokens</h1>
      <p>
        Tokens let programs use the <a href="/api">API</a> for an account: read drafts, create and change
        draft records, send them for review. They never publish or approve. Every change a token makes is in
        the audit log under its name.
      </p>
      {extra.token && (
        <div class="notice" role="status">
          <p>Token made. Copy it now: it is shown only once and cannot be recovered.</p>
          <p>
            <code class="secret">{extra.token}</code>
          </p>
        </div>
      )}
      <div class="table-wrap">
        <table>
          <caption>Tokens ({tokens.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Account</th>
              <th scope="col">Scopes</th>
              <th scope="col">Used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr>
                <th scope="row">
                  {t.name}
                  <br />
                  <small>
                    <code>{t.prefix}…</code>
                  </small>
                </th>
                <td>{t.userName}</td>
                <td>{t.scopes.join(', ')}</td>
                <td>{t.lastUsedAt ? <Timestamp at={t.lastUsedAt} withTime /> : 'never'}</td>
                <td>
                  {t.revokedAt ? (
                    <>
                      revoked <Timestamp at={t.revokedAt} withTime />
                    </>
                  ) : (
                    <form method="post" action={`/editor/tokens/${t.id}/revoke`} class="inline">
                      <CsrfInput token={s.csrfToken} />
                      {t.expiresAt && (
                        <>
                          expires <Timestamp at={t.expiresAt} withTime />{' '}
                        </>
                      )}
                      <button type="submit" class="secondary">
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Make a token</h2>
      <ErrorSummary
        problems={extra.err?.fields ?? []}
        fields={form}
        message={extra.err?.fields.length ? undefined : extra.err?.message}
      />
      <form method="post" action="/editor/tokens">
        <CsrfInput token={s.csrfToken} />
        {form.map((f) => (
          <FormField
            field={f}
            values={extra.values ?? {}}
            errors={extra.err?.fields
              .filter((p) => p.field === f.name || p.field.startsWith(`${f.name}.`))
              .map((p) => p.message)}
          />
        ))}
        <div class="actions">
          <button type="submit">Make token</button>
        </div>
      </form>
    </EditorLayout>,
    extra.err?.status ?? (extra.token ? 201 : 200),
  );
}

/** The admin pages for API tokens (permission user.manage). */
export function tokenEditorRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.use('*', async (c, next) => {
    requirePermission(c.get('session').user, 'user.manage', 'manage API tokens');
    await next();
  });
  const actor = (c: Ctx) => `user:${c.get('session').user.id}`;
  app.get('/', (c) => tokensPage(c, deps));
  app.post('/', async (c) => {
    const values = await readForm(c);
    const days = one(values, 'expiresInDays').trim();
    try {
      const made = await createToken(deps.db, actor(c), {
        userId: one(values, 'userId'),
        name: one(values, 'name'),
        scopes: many(values, 'scopes') as never,
        ...(days ? { expiresInDays: /^\d+$/.test(days) ? Number(days) : (days as never) } : {}),
      });
      return tokensPage(c, deps, { token: made.token });
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return tokensPage(c, deps, { values, err: e });
    }
  });
  app.post('/:id/revoke', async (c) => {
    await revokeToken(deps.db, actor(c), uuidParam(c, 'id'));
    return c.redirect('/editor/tokens', 303);
  });
  return app;
}
