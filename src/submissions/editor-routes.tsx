import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { EditorEnv } from '../accounts/middleware.ts';
import { can, requirePermission } from '../accounts/policy.ts';
import { editorOf } from '../editor/context.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm } from '../http/form.ts';
import { CsrfInput, FormBody, type FieldSpec } from '../http/forms.tsx';
import { parseQuery } from '../http/query.ts';
import { MIN_PASSPHRASE } from './crypto.ts';
import { keyCookieOptions } from './fields.ts';
import { detailRoutes } from './editor-detail.tsx';
import {
  changeModerationPassphrase,
  createModerationKey,
  lockModeration,
  unlockedKey,
  unlockModeration,
  UNLOCK_MS,
  type UnlockedKey,
} from './moderation.ts';
import { findActiveModerationKey, listQueue, STATES, type SubmissionState } from './repository.ts';

type Ctx = Context<EditorEnv>;

/** The cookie holding the key that unwraps this session's unlocked moderation key. */
export const UNLOCK_COOKIE = 'custodiet_unlock';
const COOKIE_PATH = '/editor/submissions';

const cookieOptions = (deps: AppDeps) => keyCookieOptions(deps, COOKIE_PATH);

/** The moderation key this request's session unlocked, or null. */
export function requestKey(c: Ctx, deps: AppDeps): Promise<UnlockedKey | null> {
  return unlockedKey(deps.db, c.get('session').tokenHash, getCookie(c, UNLOCK_COOKIE));
}

const PASSPHRASE: FieldSpec[] = [
  {
    name: 'passphrase',
    label: 'Moderation passphrase',
    kind: 'password',
    required: true,
    autocomplete: 'off',
  },
];
const NEW_PASSPHRASE: FieldSpec[] = [
  {
    name: 'passphrase',
    label: 'New moderation passphrase',
    kind: 'password',
    required: true,
    autocomplete: 'new-password',
    hint: `At least ${MIN_PASSPHRASE} characters; several unrelated words are best. Every moderator will need it. If it is lost, submissions sealed to this key can never be read.`,
  },
  { name: 'confirm', label: 'Type it again', kind: 'password', required: true, autocomplete: 'new-password' },
];
const CHANGE_PASSPHRASE: FieldSpec[] = [
  { name: 'current', label: 'Current passphrase', kind: 'password', required: true, autocomplete: 'off' },
  { ...NEW_PASSPHRASE[0]!, name: 'next' },
  { ...NEW_PASSPHRASE[1]!, name: 'confirm' },
];

/** Admins change the passphrase (when a moderator leaves); everyone unlocks again afterwards. */
function ChangePassphrase(props: { csrf: string; err?: AppError | undefined }) {
  const open = props.err?.fields.some((f) => f.field === 'current' || f.field === 'next');
  return (
    <details open={open}>
      <summary>Change the moderation passphrase</summary>
      <form method="post" action="/editor/submissions/passphrase">
        <p>
          Do this when someone who knew it leaves. Every moderator must unlock again with the new one. It does
          not protect submissions in a copy of the database taken before the change.
        </p>
        <CsrfInput token={props.csrf} />
        <FormBody fields={CHANGE_PASSPHRASE} values={{}} err={open ? props.err : undefined} />
        <button type="submit">Change the passphrase</button>
      </form>
    </details>
  );
}

function KeyForms(props: { c: Ctx; hasKey: boolean; unlocked: boolean; err?: AppError | undefined }) {
  const { c, hasKey } = props;
  const csrf = c.get('session').csrfToken;
  if (!hasKey || !can(c.get('session').user, 'user.manage')) return <UnlockForms {...props} />;
  return (
    <>
      <UnlockForms {...props} />
      <ChangePassphrase csrf={csrf} err={props.err} />
    </>
  );
}

function UnlockForms(props: { c: Ctx; hasKey: boolean; unlocked: boolean; err?: AppError | undefined }) {
  const { c, hasKey, unlocked } = props;
  const csrf = c.get('session').csrfToken;
  if (!hasKey)
    return can(c.get('session').user, 'user.manage') ? (
      <form method="post" action="/editor/submissions/key">
        <h2>Create the moderation key</h2>
        <p>Submissions are closed until this key exists: nothing can be sealed without it.</p>
        <CsrfInput token={csrf} />
        <FormBody fields={NEW_PASSPHRASE} values={{}} err={props.err} />
        <button type="submit">Create the key</button>
      </form>
    ) : (
      <p class="callout callout-warn">
        Submissions are closed: an administrator must create the moderation key.
      </p>
    );
  if (unlocked)
    return (
      <form method="post" action="/editor/submissions/lock" class="inline">
        <CsrfInput token={csrf} />
        <span>The moderation key is unlocked for this session. </span>
        <button type="submit" class="secondary">
          Lock it now
        </button>
      </form>
    );
  return (
    <form method="post" action="/editor/submissions/unlock">
      <h2>Unlock submissions</h2>
      <p>
        Submissions are encrypted; the passphrase unlocks them for this session only (up to{' '}
        {UNLOCK_MS / 3_600_000} hours, or until you sign out or lock).
      </p>
      <CsrfInput token={csrf} />
      <FormBody fields={PASSPHRASE} values={{}} err={props.err} />
      <button type="submit">Unlock</button>
    </form>
  );
}

const queueQuery = z.object({ state: z.enum(Object.keys(STATES) as [SubmissionState]).optional() });

async function queuePage(c: Ctx, deps: AppDeps, err?: AppError) {
  requirePermission(c.get('session').user, 'submission.moderate', 'moderate submissions');
  const { state } = parseQuery(c, queueQuery);
  const hasKey = !!(await findActiveModerationKey(deps.db));
  const unlocked = !!(await requestKey(c, deps));
  const rows = await listQueue(deps.db, state);
  const page = (
    <EditorLayout
      title="Submissions"
      session={c.get('session')}
      crumbs={[{ href: '/editor', label: 'Editor' }]}
    >
      <h1>Submissions</h1>
      <KeyForms c={c} hasKey={hasKey} unlocked={unlocked} err={err} />
      <nav aria-label="Filter by state" class="filters">
        <a href="/editor/submissions" aria-current={state ? undefined : 'page'}>
          All
        </a>
        {Object.entries(STATES).map(([k, label]) => (
          <a href={`/editor/submissions?state=${k}`} aria-current={state === k ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <table>
        <thead>
          <tr>
            <th scope="col">Submission</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col">Received</th>
            <th scope="col">Last activity</th>
            <th scope="col">Assigned to</th>
            <th scope="col">Messages</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/editor/submissions/${r.id}`}>Submission {r.id}</a>
                {r.awaiting_moderator && <strong class="badge"> needs a moderator</strong>}
              </td>
              <td>{r.kind === 'insider' ? 'Insider report' : 'Public'}</td>
              <td>{STATES[r.state as SubmissionState] ?? r.state}</td>
              <td>{r.received_on}</td>
              <td>{r.last_activity_on}</td>
              <td>{r.assignee ?? '—'}</td>
              <td>{r.messages}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No submissions{state ? ' in this state' : ''}.</p>}
    </EditorLayout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

/** Shows the queue again with the problem, for the key forms' 4xx answers. */
function onFormError(c: Ctx, deps: AppDeps) {
  return (err: unknown) => {
    if (err instanceof AppError && err.status < 500) return queuePage(c, deps, err);
    throw err;
  };
}

/** The moderation queue under /editor/submissions (moderators and admins). */
export function submissionEditorRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/', (c) => queuePage(c, deps));
  app.post('/key', async (c) => {
    const values = await readForm(c);
    const passphrase = one(values, 'passphrase');
    if (passphrase !== one(values, 'confirm'))
      return queuePage(
        c,
        deps,
        new AppError('CUS_VALIDATION', 'The two passphrases differ.', [
          { field: 'confirm', message: 'type the same passphrase twice' },
        ]),
      );
    const user = editorOf(c);
    requirePermission(user, 'user.manage', 'create the moderation key');
    return createModerationKey(deps.db, { actor: `user:${user.id}`, userId: user.id }, passphrase)
      .then(() => c.redirect('/editor/submissions', 303))
      .catch(onFormError(c, deps));
  });
  app.post('/passphrase', async (c) => {
    const values = await readForm(c);
    const user = editorOf(c);
    requirePermission(user, 'user.manage', 'change the moderation passphrase');
    if (one(values, 'next') !== one(values, 'confirm'))
      return queuePage(
        c,
        deps,
        new AppError('CUS_VALIDATION', 'The two new passphrases differ.', [
          { field: 'next', message: 'type the same new passphrase twice' },
        ]),
      );
    return changeModerationPassphrase(
      deps.db,
      { actor: `user:${user.id}` },
      one(values, 'current'),
      one(values, 'next'),
    )
      .then(() => {
        deleteCookie(c, UNLOCK_COOKIE, cookieOptions(deps));
        return c.redirect('/editor/submissions', 303);
      })
      .catch(onFormError(c, deps));
  });
  app.post('/unlock', async (c) => {
    const passphrase = one(await readForm(c), 'passphrase');
    return unlockModeration(deps.db, editorOf(c), c.get('session').tokenHash, passphrase)
      .then((token) => {
        setCookie(c, UNLOCK_COOKIE, token, { ...cookieOptions(deps), maxAge: UNLOCK_MS / 1000 });
        return c.redirect('/editor/submissions', 303);
      })
      .catch(onFormError(c, deps));
  });
  app.post('/lock', async (c) => {
    await lockModeration(deps.db, c.get('session').tokenHash);
    deleteCookie(c, UNLOCK_COOKIE, cookieOptions(deps));
    return c.redirect('/editor/submissions', 303);
  });
  app.route('/', detailRoutes(deps));
  return app;
}
