import { Hono, type Context } from 'hono';
import type { EditorEnv } from './middleware.ts';
import { inTransaction } from '../audit/records.ts';
import { AppError } from '../errors/catalogue.ts';
import { EditorLayout } from '../editor/layout.tsx';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm } from '../http/form.ts';
import { CsrfInput, ErrorSummary, FormField, type FieldSpec } from '../http/forms.tsx';
import { accountEvent } from './events.ts';
import { deleteUserSessions } from './repository.ts';
import { CODE_FIELD, EnrolmentInstructions, RecoveryCodes } from './pages.tsx';
import { enableTotp, pendingSecret, verifySecondFactor } from './second-factor.ts';
import { replaceRecoveryCodes, totpQrSvg, totpUri, unusedRecoveryCodes } from './totp.ts';
import { changePassword } from './users-service.ts';

type Ctx = Context<EditorEnv>;

const PASSWORD_FIELDS: FieldSpec[] = [
  {
    name: 'current',
    label: 'Current password',
    kind: 'password',
    required: true,
    autocomplete: 'current-password',
  },
  {
    name: 'password',
    label: 'New password (at least 12 characters)',
    kind: 'password',
    required: true,
    autocomplete: 'new-password',
  },
];

function Post(props: { csrf: string; action: string; label: string; children?: unknown }) {
  return (
    <form method="post" action={props.action}>
      <CsrfInput token={props.csrf} />
      {props.children as never}
      <div class="actions">
        <button type="submit">{props.label}</button>
      </div>
    </form>
  );
}

async function accountPage(deps: AppDeps, c: Ctx, opts: { err?: AppError; notice?: string } = {}) {
  const s = c.get('session');
  const codesLeft = s.user.totpEnabled ? await unusedRecoveryCodes(deps.db, s.user.id) : 0;
  const secret = s.user.totpEnabled ? null : await pendingSecret(deps.db, s.user.id);
  const page = (
    <EditorLayout title="Your account" session={s} crumbs={[{ href: '/editor', label: 'Editor' }]}>
      <h1>Your account</h1>
      {opts.notice && (
        <p class="notice" role="status">
          {opts.notice}
        </p>
      )}
      <ErrorSummary
        problems={opts.err?.fields ?? []}
        fields={[...PASSWORD_FIELDS, CODE_FIELD]}
        message={opts.err?.fields.length ? undefined : opts.err?.message}
      />
      <p>
        {s.user.email} · role <strong>{s.user.role}</strong>
      </p>
      <h2>Two-factor sign-in</h2>
      {s.user.totpEnabled ? (
        <>
          <p>On. Recovery codes left: {codesLeft}.</p>
          <Post csrf={s.csrfToken} action="/editor/account/recovery-codes" label="Make new recovery codes">
            <FormField
              field={{ ...CODE_FIELD, hint: 'A current code from your app, to confirm it is you.' }}
              values={{}}
            />
          </Post>
        </>
      ) : (
        <>
          <EnrolmentInstructions qrSvg={totpQrSvg(totpUri(secret!, s.user.email))} secret={secret!} />
          <Post csrf={s.csrfToken} action="/editor/account/2fa" label="Turn on two-factor sign-in">
            <FormField field={CODE_FIELD} values={{}} />
          </Post>
        </>
      )}
      <h2>Password</h2>
      <Post csrf={s.csrfToken} action="/editor/account/password" label="Change password">
        {PASSWORD_FIELDS.map((f) => (
          <FormField
            field={f}
            values={{}}
            errors={opts.err?.fields.filter((p) => p.field === f.name).map((p) => p.message)}
          />
        ))}
      </Post>
      <h2>Sessions</h2>
      <p>Lost a device, or signed in somewhere you should not have? End every session but this one.</p>
      <Post
        csrf={s.csrfToken}
        action="/editor/account/sign-out-everywhere"
        label="Sign out everywhere else"
      />
    </EditorLayout>
  );
  return sendPrivatePage(c, page, opts.err?.status ?? 200);
}

const wrongCode = () =>
  new AppError('CUS_VALIDATION', undefined, [
    { field: 'code', message: 'is not right, or was already used' },
  ]);

/** /editor/account: one's own second factor, recovery codes, password and sessions. */
export function ownAccountRoutes(deps: AppDeps): Hono<EditorEnv> {
  const db = deps.db;
  const app = new Hono<EditorEnv>();
  const handle = (fn: (c: Ctx) => Promise<Response>) => async (c: Ctx) => {
    try {
      return await fn(c);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CUS_VALIDATION') return accountPage(deps, c, { err });
      throw err;
    }
  };
  app.get('/', (c) => accountPage(deps, c));
  app.post(
    '/2fa',
    handle(async (c) => {
      const s = c.get('session');
      const codes = await enableTotp(db, s.user.id, one(await readForm(c), 'code').slice(0, 64));
      if (!codes) throw wrongCode();
      return sendPrivatePage(c, <RecoveryCodes codes={codes} next="/editor/account" />);
    }),
  );
  app.post(
    '/recovery-codes',
    handle(async (c) => {
      const s = c.get('session');
      if ((await verifySecondFactor(db, s.user.id, one(await readForm(c), 'code').slice(0, 64))) !== 'totp')
        throw wrongCode();
      const codes = await inTransaction(db, async (trx) => {
        await accountEvent(trx, `user:${s.user.id}`, 'account.recovery_codes_replaced', s.user.id);
        return replaceRecoveryCodes(trx, s.user.id);
      });
      return sendPrivatePage(c, <RecoveryCodes codes={codes} next="/editor/account" />);
    }),
  );
  app.post(
    '/password',
    handle(async (c) => {
      const s = c.get('session');
      const form = await readForm(c);
      await inTransaction(db, (trx) =>
        changePassword(trx, s.user.id, s.tokenHash, one(form, 'current'), one(form, 'password')),
      );
      return accountPage(deps, c, { notice: 'Password changed. Your other sessions were ended.' });
    }),
  );
  app.post('/sign-out-everywhere', async (c) => {
    const s = c.get('session');
    const ended = await deleteUserSessions(db, s.user.id, s.tokenHash);
    await accountEvent(db, `user:${s.user.id}`, 'account.sign_out_everywhere', s.user.id, {
      sessions_ended: ended,
    });
    return accountPage(deps, c, { notice: `Signed out of ${ended} other session${ended === 1 ? '' : 's'}.` });
  });
  return app;
}
