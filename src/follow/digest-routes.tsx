// The public pages of e-mail digests: the request (from the follow box), confirmation and
// unsubscribing. Links in mails only show a page with a button: mail scanners that open links
// must not confirm or end a subscription; the button (a POST) does. One-click unsubscribe
// (RFC 8058) POSTs to the same address.
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm } from '../http/form.ts';
import { Layout } from '../http/layout.tsx';
import type { Mailer } from './mailer.ts';
import {
  CONFIRM_DAYS,
  confirmDigest,
  requestDigest,
  subscriptionByUnsubscribeToken,
  unsubscribeDigest,
} from './digests.ts';

const TOKEN = /^[0-9a-f]{64}$/;

function Page(props: { title: string; children: Child }) {
  return (
    <Layout title={props.title} noindex>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

function enabled(deps: AppDeps): Mailer {
  if (!deps.mailer) throw new AppError('CUS_NOT_FOUND', 'E-mail digests are not offered by this site.');
  return deps.mailer;
}

async function tokenOf(c: Context): Promise<string> {
  const t = c.req.query('token') ?? (c.req.method === 'POST' ? one(await readForm(c), 'token') : '');
  if (!TOKEN.test(t)) throw new AppError('CUS_NOT_FOUND', 'This link is not valid.');
  return t;
}

function ButtonForm(props: { action: string; token: string; label: string }) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="token" value={props.token} />
      <button type="submit">{props.label}</button>
    </form>
  );
}

/** Routes of e-mail digests; without a mailer (no SMTP configured) each answers 404. */
export function digestRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const base = () => (deps.publicUrl ?? '').replace(/\/$/, '');

  app.post('/follow/email', async (c) => {
    const mailer = enabled(deps);
    const f = await readForm(c);
    await requestDigest(deps.db, mailer, base(), {
      email: one(f, 'email'),
      feed: one(f, 'feed'),
      frequency: one(f, 'frequency'),
    });
    return sendPrivatePage(
      c,
      <Page title="Check your inbox">
        <p>
          If the address can receive this digest, a mail with a confirmation link is on its way. Nothing else
          is sent until the link is followed; an unconfirmed address is deleted after {CONFIRM_DAYS} days.
        </p>
      </Page>,
    );
  });

  app.get('/follow/email/confirm', async (c) => {
    enabled(deps);
    const token = await tokenOf(c);
    return sendPrivatePage(
      c,
      <Page title="Confirm your digest">
        <p>Confirm to start receiving the digest you asked for.</p>
        <ButtonForm action="/follow/email/confirm" token={token} label="Confirm the digest" />
      </Page>,
    );
  });
  app.post('/follow/email/confirm', async (c) => {
    enabled(deps);
    const row = await confirmDigest(deps.db, await tokenOf(c));
    if (!row)
      throw new AppError(
        'CUS_NOT_FOUND',
        `This confirmation link is not valid, was used already, or is older than ${CONFIRM_DAYS} days.`,
      );
    return sendPrivatePage(
      c,
      <Page title="Digest confirmed">
        <p>
          You will get a {row.frequency} mail when records are newly published for{' '}
          <a href={row.feed_path}>this feed</a>. Every mail has a link that unsubscribes and deletes your
          address.
        </p>
      </Page>,
    );
  });

  app.get('/follow/email/unsubscribe', async (c) => {
    enabled(deps);
    const token = await tokenOf(c);
    const sub = await subscriptionByUnsubscribeToken(deps.db, token);
    if (!sub)
      throw new AppError('CUS_NOT_FOUND', 'No digest has this link: it may have been deleted already.');
    return sendPrivatePage(
      c,
      <Page title="Unsubscribe">
        <p>Stop the {sub.frequency} digest and delete your address from Custodiet.</p>
        <ButtonForm
          action="/follow/email/unsubscribe"
          token={token}
          label="Unsubscribe and delete my address"
        />
      </Page>,
    );
  });
  app.post('/follow/email/unsubscribe', async (c) => {
    enabled(deps);
    const gone = await unsubscribeDigest(deps.db, await tokenOf(c));
    return sendPrivatePage(
      c,
      <Page title="Unsubscribed">
        <p>
          {gone
            ? 'Your address has been deleted; no more digests will be sent to it.'
            : 'This digest was already deleted.'}
        </p>
      </Page>,
    );
  });
  return app;
}
