import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { inTransaction } from '../audit/records.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import type { FieldSpec } from '../http/forms.tsx';
import { Layout } from '../http/layout.tsx';
import { CsrfInput, ErrorSummary, FormField } from '../http/forms.tsx';
import { accountEvent } from './events.ts';
import { checkCsrf } from './middleware.ts';
import { acceptInvitation, openInvitation } from './invitations.ts';
import { randomToken, setSessionCookie, startSession } from './session.ts';
import { requiresSecondFactor } from './totp.ts';

// Like sign-in, the form comes before any session: a double-submit token in a cookie scoped to
// the invitation's path.
const INVITE_CSRF_COOKIE = 'custodiet_invite_csrf';

function fields(fixedEmail: string | null): FieldSpec[] {
  return [
    ...(fixedEmail
      ? []
      : [
          {
            name: 'email',
            label: 'Email address',
            kind: 'email',
            required: true,
            autocomplete: 'username',
          } as const,
        ]),
    {
      name: 'displayName',
      label: 'Your name as colleagues know it',
      kind: 'text',
      required: true,
      autocomplete: 'name',
    },
    {
      name: 'password',
      label: 'Choose a password',
      kind: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: 'At least 12 characters. A few unrelated words are easy to remember and hard to guess.',
    },
  ];
}

/** GET/POST /invite/:token: accept an invitation and choose a password. */
export function inviteRoutes(deps: AppDeps, secure: boolean): Hono {
  const app = new Hono();
  const render = async (c: Context, values: FormValues, err?: AppError) => {
    const inv = await openInvitation(deps.db, c.req.param('token') ?? '');
    const csrf = randomToken();
    setCookie(c, INVITE_CSRF_COOKIE, csrf, { httpOnly: true, sameSite: 'Strict', path: '/invite', secure });
    const f = fields(inv.email);
    const page = (
      <Layout title="Accept your invitation" section="editor" noindex>
        <h1>Join the Custodiet editors</h1>
        <p>
          You are invited as <strong>{inv.role}</strong>
          {inv.email ? (
            <>
              {' '}
              with the address <strong>{inv.email}</strong>
            </>
          ) : null}
          . This link works once and expires on {inv.expires_at.toISOString().slice(0, 10)}.
        </p>
        {requiresSecondFactor(inv.role) && (
          <p>This role needs two-factor sign-in: you will set up an authenticator app next.</p>
        )}
        <ErrorSummary
          problems={err?.fields ?? []}
          fields={f}
          message={err?.fields.length ? undefined : err?.message}
        />
        <form method="post" action={`/invite/${c.req.param('token')}`}>
          <CsrfInput token={csrf} />
          {f.map((field) => (
            <FormField
              field={field}
              values={values}
              errors={err?.fields.filter((p) => p.field === field.name).map((p) => p.message)}
            />
          ))}
          <div class="actions">
            <button type="submit">Create my account</button>
          </div>
        </form>
      </Layout>
    );
    return sendPrivatePage(c, page, err?.status ?? 200);
  };

  app.get('/:token', (c) => render(c, {}));
  app.post('/:token', async (c) => {
    await checkCsrf(c, getCookie(c, INVITE_CSRF_COOKIE));
    const values = await readForm(c);
    const input = {
      email: one(values, 'email'),
      displayName: one(values, 'displayName'),
      password: one(values, 'password'),
    };
    let user;
    try {
      user = await inTransaction(deps.db, (trx) => acceptInvitation(trx, c.req.param('token'), input));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'CUS_VALIDATION' || err.code === 'CUS_CONFLICT'))
        return render(c, { email: input.email, displayName: input.displayName }, err);
      throw err;
    }
    const stage = requiresSecondFactor(user.role) ? 'password' : 'full';
    setSessionCookie(c, await startSession(deps.db, user.id, stage), secure);
    if (stage === 'password') return c.redirect('/login/2fa', 303);
    await accountEvent(deps.db, `user:${user.id}`, 'account.sign_in', user.id, { second_factor: 'none' });
    return c.redirect('/editor', 303);
  });
  return app;
}
