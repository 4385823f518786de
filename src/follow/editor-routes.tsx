import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm } from '../http/form.ts';
import { CsrfInput, FormBody, type FieldSpec } from '../http/forms.tsx';
import { uuidParam } from '../http/query.ts';
import { Timestamp } from '../http/time.tsx';
import { createSubscription, deleteSubscription, SIGNATURE_HEADER } from './webhooks.ts';

type Ctx = Context<EditorEnv>;

async function fields(deps: AppDeps): Promise<FieldSpec[]> {
  const forces = await deps.db.selectFrom('forces').select(['id', 'name']).orderBy('name').execute();
  return [
    {
      name: 'url',
      label: 'Address to POST to',
      kind: 'text',
      required: true,
      hint: 'https://… (the receiver checks the signature)',
    },
    { name: 'description', label: 'What it is for', kind: 'text' },
    {
      name: 'forceId',
      label: 'Only records about',
      kind: 'select',
      blank: 'Every force',
      options: forces.map((f) => ({ value: f.id, label: f.name })),
    },
  ];
}

async function page(
  c: Ctx,
  deps: AppDeps,
  opts: { created?: { url: string; secret: string }; err?: AppError } = {},
) {
  requirePermission(c.get('session').user, 'webhook.manage', 'manage webhooks');
  const subs = await deps.db
    .selectFrom('webhook_subscriptions as s')
    .leftJoin('forces as f', 'f.id', 's.force_id')
    .select((eb) => [
      's.id',
      's.url',
      's.description',
      's.created_at',
      'f.name as force',
      eb
        .selectFrom('webhook_deliveries as d')
        .whereRef('d.subscription_id', '=', 's.id')
        .where('d.status', '=', 'delivered')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('delivered'),
      eb
        .selectFrom('webhook_deliveries as d')
        .whereRef('d.subscription_id', '=', 's.id')
        .where('d.status', '=', 'pending')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('pending'),
      eb
        .selectFrom('webhook_deliveries as d')
        .whereRef('d.subscription_id', '=', 's.id')
        .where('d.status', '=', 'failed')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('failed'),
    ])
    .orderBy('s.created_at', 'desc')
    .execute();
  const csrf = c.get('session').csrfToken;
  return sendPrivatePage(
    c,
    <EditorLayout title="Webhooks" session={c.get('session')} crumbs={[{ href: '/editor', label: 'Editor' }]}>
      <h1>Webhooks</h1>
      <p>
        Each record published after a subscription is made is POSTed to it once, as JSON, signed with the
        subscription's secret in the <code>{SIGNATURE_HEADER}</code> header:{' '}
        <code>t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</code>. Failed deliveries are retried
        with a growing delay.
      </p>
      {opts.created && (
        <div class="callout callout-ok" role="status">
          <p>
            Subscribed <code>{opts.created.url}</code>. Its secret, shown only now:
          </p>
          <p>
            <code>{opts.created.secret}</code>
          </p>
        </div>
      )}
      <form method="post" action="/editor/webhooks">
        <CsrfInput token={csrf} />
        <FormBody fields={await fields(deps)} values={{}} err={opts.err} />
        <button type="submit">Subscribe</button>
      </form>
      <h2>Subscriptions</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Records</th>
            <th scope="col">Delivered / waiting / failed</th>
            <th scope="col">Since</th>
            <th scope="col">Remove</th>
          </tr>
        </thead>
        <tbody>
          {subs.map((s) => (
            <tr>
              <td>
                <code>{s.url}</code>
                {s.description && <div>{s.description}</div>}
              </td>
              <td>{s.force ?? 'Every force'}</td>
              <td>{`${Number(s.delivered)} / ${Number(s.pending)} / ${Number(s.failed)}`}</td>
              <td>
                <Timestamp at={new Date(s.created_at)} withTime />
              </td>
              <td>
                <form method="post" action={`/editor/webhooks/${s.id}/delete`}>
                  <CsrfInput token={csrf} />
                  <button class="secondary" type="submit">
                    Remove
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorLayout>,
    opts.err?.status ?? 200,
  );
}

/** Admins' webhook subscriptions (permission webhook.manage). */
export function webhookEditorRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/', (c) => page(c, deps));
  app.post('/', async (c) => {
    const user = c.get('session').user;
    requirePermission(user, 'webhook.manage', 'manage webhooks');
    const form = await readForm(c);
    try {
      const sub = await createSubscription(deps.db, `user:${user.id}`, {
        url: one(form, 'url'),
        description: one(form, 'description'),
        forceId: one(form, 'forceId') || undefined,
      });
      return page(c, deps, { created: sub });
    } catch (err) {
      if (err instanceof AppError && err.code === 'CUS_VALIDATION') return page(c, deps, { err });
      throw err;
    }
  });
  app.post('/:id/delete', async (c) => {
    const user = c.get('session').user;
    requirePermission(user, 'webhook.manage', 'manage webhooks');
    await deleteSubscription(deps.db, `user:${user.id}`, uuidParam(c, 'id'));
    return c.redirect('/editor/webhooks', 303);
  });
  return app;
}
