import { Hono, type Context } from 'hono';
import type { EditorEnv } from './middleware.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { EditorLayout } from '../editor/layout.tsx';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { CsrfInput, ErrorSummary, FormField, type FieldSpec } from '../http/forms.tsx';
import { uuidParam } from '../http/query.ts';
import { Timestamp } from '../http/time.tsx';
import { createInvitation, pendingInvitations, revokeInvitation } from './invitations.ts';
import { requirePermission, ROLES } from './policy.ts';
import type { SessionInfo } from './session.ts';
import { emailHash } from './throttle.ts';
import { changeRole, resetSecondFactor, setDisabled, unlockUser } from './users-service.ts';

type Ctx = Context<EditorEnv>;

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));
const INVITE_FIELDS: FieldSpec[] = [
  { name: 'email', label: 'Email address (optional: binds the link to it)', kind: 'email' },
  { name: 'role', label: 'Role', kind: 'select', required: true, options: ROLE_OPTIONS },
  { name: 'days', label: 'Link valid for (days, 1–14)', kind: 'number', required: true },
];

async function accounts(db: Db, now = new Date()) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'disabled_at', 'totp_enabled_at', 'created_at'])
    .orderBy('email')
    .execute();
  const locks = await db
    .selectFrom('login_throttle')
    .select(['email_hash', 'locked_until'])
    .where('locked_until', '>', now)
    .execute();
  const locked = new Map(locks.map((l) => [l.email_hash, l.locked_until!]));
  return users.map((u) => ({ ...u, lockedUntil: locked.get(emailHash(u.email)) ?? null }));
}

function ActionButton(props: {
  session: SessionInfo;
  action: string;
  label: string;
  field?: [string, string];
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfInput token={props.session.csrfToken} />
      {props.field && <input type="hidden" name={props.field[0]} value={props.field[1]} />}
      <button type="submit" class="secondary">
        {props.label}
      </button>
    </form>
  );
}

async function usersPage(c: Ctx, db: Db, extra: { values?: FormValues; err?: AppError; link?: string } = {}) {
  const s = c.get('session');
  const [list, invites] = await Promise.all([accounts(db), pendingInvitations(db)]);
  const page = (
    <EditorLayout title="Accounts" session={s} crumbs={[{ href: '/editor', label: 'Editor' }]}>
      <h1>Accounts</h1>
      {extra.link && (
        <div class="notice" role="status">
          <p>Invitation made. Send this link to the person by a channel you trust; it is shown only now:</p>
          <p>
            <code class="secret">{extra.link}</code>
          </p>
        </div>
      )}
      <div class="table-wrap">
        <table>
          <caption>Accounts ({list.length})</caption>
          <thead>
            <tr>
              <th scope="col">Name and address</th>
              <th scope="col">Role</th>
              <th scope="col">Two-factor</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr>
                <th scope="row">
                  {u.display_name}
                  <br />
                  <small>{u.email}</small>
                </th>
                <td>
                  <form method="post" action={`/editor/users/${u.id}/role`} class="inline">
                    <CsrfInput token={s.csrfToken} />
                    <label class="visually-hidden" for={`role-${u.id}`}>
                      Role of {u.display_name}
                    </label>
                    <select name="role" id={`role-${u.id}`}>
                      {ROLES.map((r) => (
                        <option value={r} selected={r === u.role}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="secondary">
                      Change
                    </button>
                  </form>
                </td>
                <td>{u.totp_enabled_at ? 'on' : 'off'}</td>
                <td>
                  {u.disabled_at ? 'disabled' : 'active'}
                  {u.lockedUntil && (
                    <>
                      ; locked until <Timestamp at={u.lockedUntil} withTime />
                    </>
                  )}
                </td>
                <td>
                  <ActionButton
                    session={s}
                    action={`/editor/users/${u.id}/${u.disabled_at ? 'enable' : 'disable'}`}
                    label={u.disabled_at ? 'Enable' : 'Disable'}
                  />
                  {u.lockedUntil && (
                    <ActionButton session={s} action={`/editor/users/${u.id}/unlock`} label="Unlock" />
                  )}
                  {u.totp_enabled_at && (
                    <ActionButton
                      session={s}
                      action={`/editor/users/${u.id}/reset-2fa`}
                      label="Reset two-factor"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Invite someone</h2>
      <ErrorSummary
        problems={extra.err?.fields ?? []}
        fields={INVITE_FIELDS}
        message={extra.err?.fields.length ? undefined : extra.err?.message}
      />
      <form method="post" action="/editor/users/invite">
        <CsrfInput token={s.csrfToken} />
        {INVITE_FIELDS.map((f) => (
          <FormField
            field={f}
            values={extra.values ?? { role: 'contributor', days: '7' }}
            errors={extra.err?.fields.filter((p) => p.field === f.name).map((p) => p.message)}
          />
        ))}
        <div class="actions">
          <button type="submit">Make invitation link</button>
        </div>
      </form>
      <h2>Open invitations</h2>
      {invites.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {invites.map((i) => (
            <li>
              {i.role} for {i.email ?? 'anyone with the link'}, expires{' '}
              <Timestamp at={i.expires_at} withTime />{' '}
              <ActionButton
                session={s}
                action={`/editor/users/invitations/${i.token_hash}/revoke`}
                label="Revoke"
              />
            </li>
          ))}
        </ul>
      )}
    </EditorLayout>
  );
  return sendPrivatePage(c, page, extra.err?.status ?? 200);
}

/** /editor/users: accounts, roles, locks, second factors and invitations (admins only). */
export function adminRoutes(deps: AppDeps): Hono<EditorEnv> {
  const db = deps.db;
  const app = new Hono<EditorEnv>();
  const origin = (deps.publicUrl ?? '').replace(/\/$/, '');
  app.use('*', async (c, next) => {
    requirePermission(c.get('session').user, 'user.manage', 'manage accounts');
    await next();
  });
  const actor = (c: Ctx) => `user:${c.get('session').user.id}`;
  const act = (path: string, fn: (c: Ctx, id: string) => Promise<void>) =>
    app.post(path, async (c) => {
      await fn(c, uuidParam(c, 'id'));
      return c.redirect('/editor/users', 303);
    });

  app.get('/', (c) => usersPage(c, db));
  app.post('/invite', async (c) => {
    const values = await readForm(c);
    const input = { email: one(values, 'email'), role: one(values, 'role'), days: one(values, 'days') };
    try {
      const token = await inTransaction(db, (trx) =>
        createInvitation(trx, actor(c), c.get('session').user.id, input),
      );
      return usersPage(c, db, { link: `${origin}/invite/${token}` });
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return usersPage(c, db, { values, err });
      throw err;
    }
  });
  app.post('/invitations/:hash/revoke', async (c) => {
    const hash = c.req.param('hash');
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw new AppError('CUS_NOT_FOUND', 'There is no open invitation with this id.');
    await inTransaction(db, (trx) => revokeInvitation(trx, actor(c), c.get('session').user.id, hash));
    return c.redirect('/editor/users', 303);
  });
  act('/:id/role', async (c, id) => {
    const role = one(await readForm(c), 'role');
    await inTransaction(db, (trx) => changeRole(trx, actor(c), id, role));
  });
  act('/:id/disable', (c, id) => inTransaction(db, (trx) => setDisabled(trx, actor(c), id, true)));
  act('/:id/enable', (c, id) => inTransaction(db, (trx) => setDisabled(trx, actor(c), id, false)));
  act('/:id/unlock', (c, id) => inTransaction(db, (trx) => unlockUser(trx, actor(c), id)));
  act('/:id/reset-2fa', (c, id) => inTransaction(db, (trx) => resetSecondFactor(trx, actor(c), id)));
  return app;
}
