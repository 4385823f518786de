import { Hono, type Context } from 'hono';
import { forceOptions } from '../editor/options.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { readForm, type FormValues } from '../http/form.ts';
import { FormBody } from '../http/forms.tsx';
import { Layout } from '../http/layout.tsx';
import {
  filesFrom,
  intakeDeps,
  INSIDER_FIELDS,
  reportFieldSpecs,
  reportFrom,
  retaliationFrom,
} from './fields.ts';
import { FileInput, ReceiptBox, RetaliationRows } from './pages.tsx';
import { activeModerationKey, findActiveModerationKey } from './repository.ts';
import { submitReport } from './service.ts';
import { inboxRoutes } from './inbox-routes.tsx';
import { Safety } from './safety.tsx';

type Kind = 'public' | 'insider';

async function formPage(c: Context, deps: AppDeps, kind: Kind, values: FormValues = {}, err?: AppError) {
  // Refuse before anyone types: without a moderation key nothing could be sealed.
  await activeModerationKey(deps.db);
  const insider = kind === 'insider';
  const fields = [...reportFieldSpecs(await forceOptions(deps.db)), ...(insider ? INSIDER_FIELDS : [])];
  const title = insider ? 'Report from inside the police' : 'Tell us what happened';
  const page = (
    <Layout title={title} section="submit" noindex>
      <h1>{title}</h1>
      <Safety insider={insider} />
      <form method="post" enctype="multipart/form-data" action={`/submit/${insider ? 'insider' : 'report'}`}>
        <FormBody fields={fields} values={values} err={err} />
        {insider && (
          <RetaliationRows
            legend="What happened to you afterwards (retaliation log)"
            values={retaliationFrom(values)}
          />
        )}
        <FileInput />
        <div class="actions">
          <button type="submit">Send securely</button>
        </div>
      </form>
    </Layout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

async function receive(c: Context, deps: AppDeps, kind: Kind) {
  const values = await readForm(c);
  let done: { codename: string; receipt: string };
  try {
    done = await submitReport(
      intakeDeps(deps),
      kind,
      reportFrom(values, kind === 'insider'),
      await filesFrom(c),
    );
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return formPage(c, deps, kind, values, err);
    throw err;
  }
  const page = (
    <Layout title="Received" section="submit" noindex>
      <h1>We have received your {kind === 'insider' ? 'report' : 'account'}</h1>
      <p class="callout callout-ok" role="status">
        It is encrypted so that only our moderators can read it.
      </p>
      <h2>Your codename</h2>
      <p class="codename" id="codename">
        <strong>{done.codename}</strong>
      </p>
      <p>
        <strong>Write it down and keep it somewhere safe.</strong> It is the only way back to your inbox,
        where our moderators may ask you questions and you can add more. We do not store it and{' '}
        <strong>cannot recover it if you lose it</strong>; nobody can, by design.
      </p>
      <p>
        <a href="/submit/inbox">Open your inbox</a> in a few days to see whether we have a question.
      </p>
      <h2>{kind === 'insider' ? 'Your proof-of-report receipt' : 'Your receipt'}</h2>
      <ReceiptBox receipt={done.receipt} label="Receipt" />
    </Layout>
  );
  return sendPrivatePage(c, page, 201);
}

async function landing(c: Context, deps: AppDeps) {
  const open = !!(await findActiveModerationKey(deps.db));
  const page = (
    <Layout title="Report to us" section="submit" noindex>
      <h1>Report police misconduct to us, safely</h1>
      {!open && (
        <p class="callout callout-warn" role="status">
          This site does not accept reports yet: its administrators have not set up the key reports are
          encrypted with. Please come back later.
        </p>
      )}
      <p class="lede">
        No account, no email address. What you send is encrypted to our moderators before it is stored; this
        site keeps no record of your internet address and sets no tracking cookies.
      </p>
      <Safety insider={false} />
      <ul class="choices">
        <li>
          <a href="/submit/report">
            <strong>I saw or suffered police misconduct</strong>
          </a>{' '}
          — a member of the public, a bystander with a video, a relative.
        </li>
        <li>
          <a href="/submit/insider">
            <strong>I work or worked in the police</strong>
          </a>{' '}
          — you challenged or reported a colleague and want a record, including what happened to you
          afterwards.
        </li>
        <li>
          <a href="/submit/inbox">I already have a codename</a> — read our questions, reply, add files.
        </li>
      </ul>
    </Layout>
  );
  return sendPrivatePage(c, page);
}

/** The public intake: landing page, the two forms, and the codename inbox. */
export function submissionRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/submit', (c) => landing(c, deps));
  app.get('/submit/report', (c) => formPage(c, deps, 'public'));
  app.post('/submit/report', (c) => receive(c, deps, 'public'));
  app.get('/submit/insider', (c) => formPage(c, deps, 'insider'));
  app.post('/submit/insider', (c) => receive(c, deps, 'insider'));
  app.route('/', inboxRoutes(deps));
  return app;
}
