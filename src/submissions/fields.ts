import type { Context } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { many, one, parseFormBody, type FormValues } from '../http/form.ts';
import type { FieldSpec, Option } from '../http/forms.tsx';
import type { IntakeDeps } from './service.ts';
import { INSIDER_ROLES, type IncomingAttachment, type RetaliationEvent } from './schema.ts';

/** The public report form's fields (the insider form adds its own after these). */
export function reportFieldSpecs(forces: Option[]): FieldSpec[] {
  return [
    {
      name: 'whatHappened',
      label: 'What happened',
      kind: 'textarea',
      required: true,
      hint: 'In your own words. Leave out your own name and anything that identifies you unless you want us to know it.',
    },
    { name: 'occurredOn', label: 'Date, if you know it', kind: 'date' },
    {
      name: 'when',
      label: 'Or roughly when',
      kind: 'text',
      hint: 'For example: a Friday night in early March 2024.',
    },
    { name: 'place', label: 'Where', kind: 'text', hint: 'A street, station or area.' },
    { name: 'forceId', label: 'Police force', kind: 'select', options: forces, blank: 'Not sure' },
    {
      name: 'shoulderNumbers',
      label: 'Shoulder numbers, if you saw them',
      kind: 'text',
      hint: 'The number on the uniform, such as 1234CW. Separate several with commas.',
    },
    {
      name: 'officers',
      label: 'The officers involved',
      kind: 'textarea',
      hint: 'Ranks, roles, what each did. Descriptions are fine if you do not know names.',
    },
  ];
}

/** What only an insider is asked. */
export const INSIDER_FIELDS: FieldSpec[] = [
  {
    name: 'insiderRole',
    label: 'Your role',
    kind: 'select',
    blank: 'Prefer not to say',
    options: Object.entries(INSIDER_ROLES).map(([value, label]) => ({ value, label })),
  },
  {
    name: 'challenged',
    label: 'What improper conduct did you challenge or report?',
    kind: 'textarea',
    required: true,
    hint: 'Standard 10 of the Standards of Professional Behaviour makes challenging and reporting a duty.',
  },
  {
    name: 'reportedTo',
    label: 'To whom did you report it?',
    kind: 'text',
    required: true,
    hint: 'A role is enough: line manager, Professional Standards, the IOPC, a confidential line.',
  },
  { name: 'reportedOn', label: 'When did you report it?', kind: 'date' },
];

/** Blank rows offered for the retaliation log (a form without JavaScript cannot add rows). */
export const RETALIATION_ROWS = 4;

/** The retaliation rows filled in, in order; blank rows are dropped. */
export function retaliationFrom(values: FormValues): { on: string; what: string }[] {
  const on = many(values, 'retaliationOn');
  const what = many(values, 'retaliationWhat');
  const rows: RetaliationEvent[] = [];
  for (let i = 0; i < Math.max(on.length, what.length); i++) {
    const r = { on: (on[i] ?? '').trim(), what: (what[i] ?? '').trim() };
    if (r.on || r.what) rows.push(r);
  }
  return rows;
}

/** The report as the schema expects it, from the submitted form. */
export function reportFrom(values: FormValues, insider: boolean): Record<string, unknown> {
  const names = [...reportFieldSpecs([]), ...(insider ? INSIDER_FIELDS : [])].map((f) => f.name);
  const out: Record<string, unknown> = Object.fromEntries(names.map((n) => [n, one(values, n)]));
  if (insider) out.retaliation = retaliationFrom(values);
  return out;
}

/** Attached files from a multipart form (empty file inputs are skipped). */
export async function filesFrom(c: Context, name = 'files'): Promise<IncomingAttachment[]> {
  const v = (await parseFormBody(c))[name];
  const files = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (f): f is File => f instanceof File && f.size > 0,
  );
  return Promise.all(
    files.map(async (f) => ({
      bytes: new Uint8Array(await f.arrayBuffer()),
      filename: f.name,
      declaredType: f.type,
    })),
  );
}

/** Intake needs a blob store for the sealed files and a receipt signer; both are configured at boot. */
export function intakeDeps(deps: AppDeps): IntakeDeps {
  if (!deps.blobs || !deps.receipts)
    throw new AppError(
      'CUS_UNAVAILABLE',
      'Submissions need a blob store and a receipt key; neither is configured.',
    );
  return { db: deps.db, blobs: deps.blobs, receipts: deps.receipts };
}

/**
 * Attributes of the two cookies that hold a key (inbox and moderator unlock): script cannot read
 * them, other sites cannot send them, and they go only to the paths that need them.
 */
export function keyCookieOptions(deps: AppDeps, path: string) {
  return {
    httpOnly: true,
    sameSite: 'Strict',
    path,
    secure: (deps.publicUrl ?? '').startsWith('https:'),
  } as const;
}
