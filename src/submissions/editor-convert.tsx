import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { editorOf } from '../editor/context.ts';
import { taxonomyOptions } from '../editor/options.ts';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { readForm } from '../http/form.ts';
import { CsrfInput, FormBody, type FieldSpec, type Option } from '../http/forms.tsx';
import { convertSubmission } from './convert.ts';
import type { OfficerSuggestion } from './duplicates.ts';
import { requestKey } from './editor-routes.tsx';
import type { Report } from './schema.ts';

type Ctx = Context<EditorEnv>;

/** The Standards of Professional Behaviour, for the allegation's select. */
export const standardOptions = taxonomyOptions('ew_standards_2020');

/** The fields of the conversion form; officer choices are the ones the duplicate finder suggested. */
function convertFields(forces: Option[], officers: OfficerSuggestion[], standards: Option[]): FieldSpec[] {
  return [
    { name: 'title', label: 'Incident title', kind: 'text', required: true },
    {
      name: 'summary',
      label: 'Incident summary',
      kind: 'textarea',
      required: true,
      hint: 'Prefilled with the sender’s words: rewrite it, and take out anything that could identify them.',
    },
    { name: 'occurredOn', label: 'Date', kind: 'date' },
    { name: 'place', label: 'Place', kind: 'text' },
    { name: 'forceId', label: 'Force', kind: 'select', required: true, options: forces, blank: 'Choose…' },
    {
      name: 'allegationSummary',
      label: 'Allegation (optional)',
      kind: 'textarea',
      hint: 'Fill this in to make a draft allegation too, with the status “Allegation reported”.',
    },
    {
      name: 'standard',
      label: 'Standard of Professional Behaviour',
      kind: 'select',
      options: standards,
      blank: '—',
    },
    {
      name: 'officerId',
      label: 'Officer (from the suggestions)',
      kind: 'select',
      options: officers.map((o) => ({
        value: o.id,
        label: `${o.displayName} · ${o.identifier} · ${o.forceName}`,
      })),
      blank: 'Not identified',
    },
    { name: 'unidentifiedOfficer', label: 'Or describe the officer', kind: 'text' },
  ];
}

/** The form that turns a submission into draft records, prefilled from what was sent. */
export function ConvertForm(props: {
  c: Ctx;
  id: string;
  report: Report;
  forces: Option[];
  officers: OfficerSuggestion[];
  standards: Option[];
  values?: Record<string, string | string[]> | undefined;
  err?: AppError | undefined;
}) {
  const r = props.report;
  const values = props.values ?? {
    summary: r.whatHappened,
    occurredOn: r.occurredOn ?? '',
    place: r.place ?? '',
    forceId: r.forceId ?? '',
  };
  return (
    <form method="post" action={`/editor/submissions/${props.id}/convert`}>
      <h2>Convert to draft records</h2>
      <p>
        Makes a draft incident (and optionally an allegation) marked as coming from this submission. Drafts
        are never published without the normal review and publication checks.
      </p>
      <CsrfInput token={props.c.get('session').csrfToken} />
      <FormBody
        fields={convertFields(props.forces, props.officers, props.standards)}
        values={values}
        err={props.err}
      />
      <button type="submit">Make the drafts</button>
    </form>
  );
}

/** What the detail page renders; the conversion route shows it again with a problem. */
export type DetailPage = (
  c: Ctx,
  deps: AppDeps,
  id: string,
  err?: AppError,
  values?: Record<string, string | string[]>,
) => Promise<Response>;

/** POST /:id/convert: makes the drafts and opens the new incident in the editor. */
export function convertRoutes(deps: AppDeps, detailPage: DetailPage): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.post('/:id/convert', async (c) => {
    const id = c.req.param('id');
    const { _csrf: _, ...values } = await readForm(c);
    try {
      const made = await convertSubmission(deps.db, editorOf(c), id, await requestKey(c, deps), values);
      return c.redirect(`/editor/incidents/${made.incidentId}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.code !== 'CUS_NOT_FOUND')
        return detailPage(c, deps, id, err, values);
      throw err;
    }
  });
  return app;
}
