import { Hono, type Context } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { FormBody, type FieldSpec } from '../http/forms.tsx';
import { Layout } from '../http/layout.tsx';
import { Timestamp } from '../http/time.tsx';
import { receiveComplaint, RESPONSE_HOURS } from './service.ts';

const FIELDS: FieldSpec[] = [
  {
    name: 'pageAddress',
    label: 'Address of the page',
    kind: 'text',
    required: true,
    hint: 'Copy it from your browser, e.g. https://…/incidents/…',
  },
  {
    name: 'words',
    label: 'The words you complain of',
    kind: 'textarea',
    required: true,
    hint: 'Quote them exactly.',
  },
  {
    name: 'meaning',
    label: 'What you understand them to mean, and why they are untrue or unfair',
    kind: 'textarea',
    required: true,
  },
  { name: 'name', label: 'Your name', kind: 'text', required: true, autocomplete: 'name' },
  {
    name: 'email',
    label: 'Email address for our reply',
    kind: 'email',
    required: true,
    autocomplete: 'email',
  },
  {
    name: 'actingFor',
    label: 'If you act for the person named, who they are and in what capacity',
    kind: 'text',
    hint: 'For example: solicitor for PC A. Example. Leave empty if the record names you.',
  },
];

function formPage(c: Context, values: FormValues = {}, err?: AppError) {
  const page = (
    <Layout title="Notice of complaint" section="reply" noindex>
      <h1>Notice of complaint</h1>
      <p class="lede">
        If a record on this site names you (or someone you act for) and you say it is defamatory or wrong,
        tell us here. An editor must decide what to do within {RESPONSE_HOURS} hours, not counting weekends
        and bank holidays: take the page down, amend it, attach your reply, or keep it and tell you why.
      </p>
      <p>
        What you send is read only by our editors. We never publish who complained. Send no more personal
        information than we need.
      </p>
      <form method="post" action="/right-of-reply/complaint">
        <FormBody fields={FIELDS} values={values} err={err} />
        <div class="actions">
          <button type="submit">Send the complaint</button>
        </div>
      </form>
    </Layout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

/** The public notice-of-complaint form and its receipt (rule R16). */
export function complaintRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/right-of-reply/complaint', (c) => formPage(c));
  app.post('/right-of-reply/complaint', async (c) => {
    const values = await readForm(c);
    const pick = (k: string) => one(values, k) || undefined;
    let receipt: Awaited<ReturnType<typeof receiveComplaint>>;
    try {
      receipt = await receiveComplaint(deps.db, {
        pageAddress: one(values, 'pageAddress'),
        words: one(values, 'words'),
        meaning: one(values, 'meaning'),
        name: one(values, 'name'),
        email: one(values, 'email'),
        actingFor: pick('actingFor'),
      });
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return formPage(c, values, err);
      throw err;
    }
    const page = (
      <Layout title="Complaint received" section="reply" noindex>
        <h1>Your complaint has been received</h1>
        <p class="callout callout-ok" role="status">
          Your reference is <strong>{receipt.reference}</strong>. Keep it.
        </p>
        <p>
          An editor will decide what to do by <Timestamp at={receipt.respondBy} withTime /> and reply to the
          address you gave. If the page is taken down or changed, the public{' '}
          <a href="/corrections">corrections log</a> will say so, without naming you.
        </p>
      </Layout>
    );
    return sendPrivatePage(c, page, 201);
  });
  return app;
}
