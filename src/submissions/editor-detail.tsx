import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import { editorOf } from '../editor/context.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { forceOptions, incidentOptions } from '../editor/options.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { readForm } from '../http/form.ts';
import { CsrfInput, FormBody, type FieldSpec } from '../http/forms.tsx';
import { ConvertForm, convertRoutes, standardOptions } from './editor-convert.tsx';
import { requestKey } from './editor-routes.tsx';
import { suggestDuplicates } from './duplicates.ts';
import {
  askSubmitter,
  assignSubmission,
  readAttachment,
  readSubmission,
  setSubmissionState,
} from './moderation.ts';
import { Attachments, ReportView, Thread } from './pages.tsx';
import { conversionsOf, moderators, STATES, type SubmissionState } from './repository.ts';
import type { Report } from './schema.ts';

type Ctx = Context<EditorEnv>;

/** The facts the duplicate finder compares, from a decrypted report. */
export function factsOf(r: Report) {
  return {
    occurredOn: r.occurredOn,
    place: r.place,
    forceId: r.forceId,
    identifiers: (r.shoulderNumbers ?? '')
      .split(/[,;]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    text: [r.whatHappened, r.officers ?? ''].join('\n'),
  };
}

function Suggestions(props: { c: Ctx; id: string; s: Awaited<ReturnType<typeof suggestDuplicates>> }) {
  const csrf = props.c.get('session').csrfToken;
  return (
    <section aria-labelledby="dupes">
      <h2 id="dupes">Possible duplicates and officers</h2>
      {props.s.incidents.length === 0 && <p>No existing incident looks like this one.</p>}
      <ul>
        {props.s.incidents.map((i) => (
          <li>
            <a href={`/editor/incidents/${i.id}`}>{i.title}</a> ({i.occurredOn ?? 'date unknown'},{' '}
            {i.publicationState}) — {i.reasons.join('; ')}
            <form method="post" action={`/editor/submissions/${props.id}/state`} class="inline">
              <CsrfInput token={csrf} />
              <input type="hidden" name="state" value="duplicate" />
              <input type="hidden" name="duplicateOf" value={i.id} />
              <button type="submit" class="secondary">
                Mark as a duplicate of this
              </button>
            </form>
          </li>
        ))}
      </ul>
      <ul>
        {props.s.officers.map((o) => (
          <li>
            <a href={`/editor/officers/${o.id}`}>{o.displayName}</a> ({o.forceName}) — {o.reasons.join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

async function detailPage(
  c: Ctx,
  deps: AppDeps,
  id: string,
  err?: AppError,
  convertValues?: Record<string, string | string[]>,
) {
  const user = editorOf(c);
  const key = await requestKey(c, deps);
  if (!key) return c.redirect('/editor/submissions', 303);
  const { row, content, messages } = await readSubmission(deps.db, user, id, key);
  const [standards, forces, mods, incidents, conversions, suggestions] = await Promise.all([
    standardOptions(deps.db),
    forceOptions(deps.db),
    moderators(deps.db),
    incidentOptions(deps.db),
    conversionsOf(deps.db, id),
    suggestDuplicates(deps.db, factsOf(content.report)),
  ]);
  const csrf = c.get('session').csrfToken;
  const href = (a: { blob: string }) => `/editor/submissions/${id}/files/${a.blob}`;
  const stateFields: FieldSpec[] = [
    {
      name: 'state',
      label: 'State',
      kind: 'select',
      required: true,
      options: (['new', 'needs_information', 'duplicate', 'rejected'] as const).map((k) => ({
        value: k,
        label: STATES[k],
      })),
    },
    {
      name: 'duplicateOf',
      label: 'Duplicate of (for “Duplicate”)',
      kind: 'select',
      options: incidents,
      blank: '—',
    },
  ];
  const page = (
    <EditorLayout
      title={`Submission ${id}`}
      session={c.get('session')}
      crumbs={[{ href: '/editor/submissions', label: 'Submissions' }]}
    >
      <h1>
        Submission {id} · {row.kind === 'insider' ? 'insider report' : 'public'}
      </h1>
      <p>
        State: <strong>{STATES[row.state as SubmissionState]}</strong>
        {row.duplicate_title && <> of “{row.duplicate_title}”</>} · received {row.received_on} · assigned to{' '}
        {row.assignee ?? 'nobody'}
      </p>
      {err && (
        <p class="callout callout-error" role="alert">
          {err.message}
        </p>
      )}
      <p class="callout callout-warn">
        Never copy anything that could identify the sender into a record, a note or the audit log. Quote only
        what a record needs.
      </p>
      <ReportView
        report={content.report}
        forceName={forces.find((f) => f.value === content.report.forceId)?.label}
      />
      <Attachments items={content.attachments} href={href} />
      <Suggestions c={c} id={id} s={suggestions} />
      <h2>Conversation with the sender</h2>
      <Thread messages={messages} viewer="moderator" href={href} />
      <form method="post" action={`/editor/submissions/${id}/messages`}>
        <CsrfInput token={csrf} />
        <FormBody
          fields={[
            {
              name: 'text',
              label: 'Write to the sender',
              kind: 'textarea',
              required: true,
              hint: 'They read it through their codename inbox. It is encrypted for them and for moderators.',
            },
          ]}
          values={{}}
        />
        <button type="submit">Send</button>
      </form>
      <h2>Act on it</h2>
      <form method="post" action={`/editor/submissions/${id}/assign`}>
        <CsrfInput token={csrf} />
        <FormBody
          fields={[
            {
              name: 'assignee',
              label: 'Assigned to',
              kind: 'select',
              options: mods.map((m) => ({ value: m.id, label: m.display_name })),
              blank: 'Nobody',
            },
          ]}
          values={{ assignee: row.assigned_to ?? '' }}
        />
        <button type="submit">Assign</button>
      </form>
      {row.state !== 'converted' && (
        <form method="post" action={`/editor/submissions/${id}/state`}>
          <CsrfInput token={csrf} />
          <FormBody fields={stateFields} values={{ state: row.state, duplicateOf: row.duplicate_of ?? '' }} />
          <button type="submit">Change state</button>
        </form>
      )}
      {conversions.length > 0 ? (
        <ul>
          {conversions.map((v) => (
            <li>
              Made{' '}
              <a href={`/editor/${v.record_table}/${v.record_id}`}>
                {v.title ?? `a draft ${v.record_table.slice(0, -1)}`}
              </a>{' '}
              on {v.converted_on}
            </li>
          ))}
        </ul>
      ) : (
        <ConvertForm
          c={c}
          id={id}
          report={content.report}
          forces={forces}
          officers={suggestions.officers}
          standards={standards}
          values={convertValues}
          err={convertValues ? err : undefined}
        />
      )}
    </EditorLayout>
  );
  return sendPrivatePage(c, page, err?.status ?? 200);
}

/** Runs a moderator action and returns to the submission, or shows it again with the problem. */
function act(deps: AppDeps, fn: (c: Ctx, id: string, values: Record<string, unknown>) => Promise<unknown>) {
  return async (c: Ctx) => {
    const id = c.req.param('id') ?? '';
    const { _csrf: _, ...values } = await readForm(c);
    try {
      await fn(c, id, values);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.code !== 'CUS_NOT_FOUND')
        return detailPage(c, deps, id, err);
      throw err;
    }
    return c.redirect(`/editor/submissions/${id}`, 303);
  };
}

/** One submission: read, talk, assign, change state, convert, download attachments. */
export function detailRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.use('/:id/*', async (c, next) => {
    requirePermission(c.get('session').user, 'submission.moderate', 'moderate submissions');
    await next();
  });
  app.get('/:id', (c) => {
    requirePermission(c.get('session').user, 'submission.moderate', 'moderate submissions');
    return detailPage(c, deps, c.req.param('id'));
  });
  app.post(
    '/:id/messages',
    act(deps, (c, id, v) => askSubmitter(storeDeps(deps), editorOf(c), id, v)),
  );
  app.post(
    '/:id/assign',
    act(deps, (c, id, v) => assignSubmission(deps.db, editorOf(c), id, v)),
  );
  app.post(
    '/:id/state',
    act(deps, (c, id, v) => setSubmissionState(deps.db, editorOf(c), id, v)),
  );
  app.get('/:id/files/:blob', async (c) => {
    const key = await requestKey(c, deps);
    const { info, bytes } = await readAttachment(
      storeDeps(deps),
      editorOf(c),
      c.req.param('id'),
      c.req.param('blob'),
      key,
    );
    // Always a download, never rendered here: a crafted file must not run in the editor's origin.
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="submission-${c.req.param('id')}-${info.blob.slice(0, 12)}${extensionOf(info.mediaType)}"`,
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });
  app.route('/', convertRoutes(deps, detailPage));
  return app;
}

function storeDeps(deps: AppDeps) {
  if (!deps.blobs) throw new AppError('CUS_UNAVAILABLE', 'No blob store is configured.');
  return { db: deps.db, blobs: deps.blobs };
}

function extensionOf(mediaType: string): string {
  return (
    { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf' }[
      mediaType
    ] ?? ''
  );
}
