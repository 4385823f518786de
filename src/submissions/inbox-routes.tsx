import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { safeEqual } from '../accounts/session.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { CsrfInput, FormBody, type FieldSpec } from '../http/forms.tsx';
import { Layout } from '../http/layout.tsx';
import { filesFrom, intakeDeps, keyCookieOptions, retaliationFrom } from './fields.ts';
import { Attachments, FileInput, ReceiptBox, ReportView, RetaliationRows, Thread } from './pages.tsx';
import { STATES, type SubmissionState } from './repository.ts';
import {
  closeInbox,
  INBOX_SESSION_MS,
  openInbox,
  readInbox,
  replyAsSubmitter,
  resumeInbox,
  type InboxSession,
} from './service.ts';

/** The inbox cookie: the only cookie the submission pages ever set. */
export const INBOX_COOKIE = 'custodiet_inbox';
const COOKIE_PATH = '/submit/inbox';

const CODENAME_FIELD: FieldSpec[] = [
  {
    name: 'codename',
    label: 'Your codename',
    kind: 'text',
    required: true,
    hint: 'The seven words you were given, separated by spaces.',
    autocomplete: 'off',
  },
];

const cookieOptions = (deps: AppDeps) => keyCookieOptions(deps, COOKIE_PATH);

function signInPage(c: Context, err?: AppError) {
  const page = (
    <Layout title="Your inbox" section="submit" noindex>
      <h1>Open your inbox</h1>
      <p>Read our moderators' questions, answer them, and add to what you sent.</p>
      <form method="post" action="/submit/inbox">
        <FormBody fields={CODENAME_FIELD} values={{}} err={err} />
        <div class="actions">
          <button type="submit">Open</button>
        </div>
      </form>
      <p class="hint">
        A lost codename cannot be recovered, by us or anyone. If you have lost it, you can{' '}
        <a href="/submit">send a new report</a> and say it follows an earlier one.
      </p>
    </Layout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

async function inboxPage(
  c: Context,
  deps: AppDeps,
  s: InboxSession,
  opts: { values?: FormValues; err?: AppError; receipt?: string } = {},
) {
  const inbox = await readInbox(deps.db, s);
  const insider = inbox.kind === 'insider';
  const page = (
    <Layout title="Your inbox" section="submit" noindex>
      <h1>Your inbox</h1>
      <p>
        Status: <strong>{STATES[inbox.state as SubmissionState] ?? inbox.state}</strong> · sent on{' '}
        <time datetime={inbox.receivedOn}>{inbox.receivedOn}</time>
      </p>
      {opts.receipt && (
        <>
          <p class="callout callout-ok" role="status">
            Your message was sent. Here is a receipt for it.
          </p>
          <ReceiptBox receipt={opts.receipt} label="Receipt for this message" />
        </>
      )}
      <h2>Conversation</h2>
      <Thread messages={inbox.messages} viewer="submitter" />
      <h2>Reply or add more</h2>
      <form method="post" enctype="multipart/form-data" action="/submit/inbox/reply">
        <CsrfInput token={s.csrfToken} />
        <FormBody
          fields={[{ name: 'text', label: 'Your message', kind: 'textarea', required: true }]}
          values={opts.values ?? {}}
          err={opts.err}
        />
        {insider && (
          <RetaliationRows
            legend="Anything that has happened to you since"
            values={retaliationFrom(opts.values ?? {})}
          />
        )}
        <FileInput />
        <div class="actions">
          <button type="submit">Send</button>
        </div>
      </form>
      <details>
        <summary>What you first sent</summary>
        <ReportView report={inbox.content.report} />
        <Attachments items={inbox.content.attachments} />
      </details>
      <form method="post" action="/submit/inbox/leave">
        <CsrfInput token={s.csrfToken} />
        <button type="submit" class="secondary">
          Close the inbox
        </button>
      </form>
    </Layout>
  );
  return sendPrivatePage(c, page, opts.err?.status ?? (opts.receipt ? 201 : 200));
}

/** The session from the cookie, or null. */
async function session(c: Context, deps: AppDeps): Promise<InboxSession | null> {
  const token = getCookie(c, INBOX_COOKIE);
  return token ? resumeInbox(deps.db, token) : null;
}

/** The live session, with the form's token checked; throws otherwise (nothing is written). */
async function checkedSession(c: Context, deps: AppDeps): Promise<InboxSession> {
  const s = await session(c, deps);
  if (!s) throw new AppError('CUS_CSRF', 'Your inbox has closed (it closes after an hour). Open it again.');
  const sent = one(await readForm(c), '_csrf');
  if (!sent || !safeEqual(sent, s.csrfToken))
    throw new AppError('CUS_CSRF', 'Reload the page and try again. Nothing was sent.');
  return s;
}

/** The codename inbox: sign in with the codename, read, reply, leave. */
export function inboxRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/submit/inbox', async (c) => {
    const s = await session(c, deps);
    return s ? inboxPage(c, deps, s) : signInPage(c);
  });
  app.post('/submit/inbox', async (c) => {
    let token: string;
    try {
      token = await openInbox(deps.db, one(await readForm(c), 'codename'));
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return signInPage(c, err);
      throw err;
    }
    setCookie(c, INBOX_COOKIE, token, { ...cookieOptions(deps), maxAge: INBOX_SESSION_MS / 1000 });
    return c.redirect('/submit/inbox', 303);
  });
  app.post('/submit/inbox/reply', async (c) => {
    const s = await checkedSession(c, deps);
    const values = await readForm(c);
    try {
      const input = { text: one(values, 'text'), retaliation: retaliationFrom(values) };
      const receipt = await replyAsSubmitter(intakeDeps(deps), s, input, await filesFrom(c));
      return inboxPage(c, deps, s, { receipt });
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return inboxPage(c, deps, s, { values, err });
      throw err;
    }
  });
  app.post('/submit/inbox/leave', async (c) => {
    const s = await checkedSession(c, deps);
    await closeInbox(deps.db, s.tokenHash);
    deleteCookie(c, INBOX_COOKIE, cookieOptions(deps));
    return c.redirect('/submit', 303);
  });
  return app;
}
