import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import { EditorLayout } from '../editor/layout.tsx';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { CsrfInput, FormBody, type FieldSpec } from '../http/forms.tsx';
import { Timestamp } from '../http/time.tsx';
import { matchAfterImport, matchSummary } from '../matching/after-import.ts';
import { FormatSettingsError, runImport, type ImportFormat, type ImportReport } from './framework.ts';
import { FORMATS, formatFor } from './formats/index.ts';

type Ctx = Context<EditorEnv>;

/** Largest file accepted through the page; bigger files go through `custodiet import`. */
export const MAX_IMPORT_UPLOAD_BYTES = 64 * 1024 * 1024;
/** Problems listed on the page (the CLI writes every one to its report). */
const SHOWN_ERRORS = 500;

const FIELDS: FieldSpec[] = [
  {
    name: 'format',
    label: 'Format',
    kind: 'select',
    required: true,
    options: Object.values(FORMATS).map((f) => ({ value: f.id, label: f.title })),
  },
  {
    name: 'encoding',
    label: 'Text encoding',
    kind: 'select',
    required: true,
    options: [
      { value: 'utf-8', label: 'UTF-8 (most files)' },
      { value: 'latin1', label: 'Latin-1 / Windows-1252 (older spreadsheets)' },
    ],
  },
  {
    name: 'force',
    label: 'Force (OpenOversight files only, when the file name does not name the department)',
    kind: 'text',
    hint: 'A force slug such as us-il-chicago-police-department, or a US agency as "Name, ST".',
  },
  { name: 'retrieved', label: 'Date the file was downloaded from its publisher', kind: 'date' },
  { name: 'dryRun', label: 'Only check the file; write nothing', kind: 'checkbox' },
];

async function importsPage(
  c: Ctx,
  deps: AppDeps,
  opts: { report?: ImportReport; err?: AppError; matched?: string } = {},
) {
  requirePermission(c.get('session').user, 'dataset.import', 'import datasets');
  const files = await deps.db
    .selectFrom('dataset_files as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select([
      'd.format',
      'd.file_name',
      'd.scope',
      'd.rows_imported',
      'd.sha256',
      'd.retrieved_on',
      'd.imported_at',
      's.publisher',
      's.licence',
    ])
    .orderBy('d.imported_at', 'desc')
    .limit(200)
    .execute();
  const page = (
    <EditorLayout title="Imports" session={c.get('session')} crumbs={[{ href: '/editor', label: 'Editor' }]}>
      <h1>Import a public dataset</h1>
      <p>
        The whole file is checked row by row; if any row is wrong nothing is imported and every problem is
        listed. The same file imported twice changes nothing. Files up to{' '}
        {MAX_IMPORT_UPLOAD_BYTES / 1024 / 1024} MB here; larger ones with <code>custodiet import</code>.
        Formats and column mappings: docs/imports.md.
      </p>
      {opts.report && <Report report={opts.report} />}
      {opts.matched && (
        <p class="callout" role="status">
          {opts.matched.replace(' Review them at /editor/matches.', ' ')}
          <a href="/editor/matches">Review the matches</a>.
        </p>
      )}
      <form method="post" enctype="multipart/form-data" action="/editor/imports">
        <CsrfInput token={c.get('session').csrfToken} />
        <FormBody fields={FIELDS} values={{ encoding: 'utf-8' }} err={opts.err} />
        <div class="field">
          <label for="f-file">File</label>
          <input id="f-file" type="file" name="file" required accept=".csv,text/csv" />
        </div>
        <div class="field">
          <label for="f-mapping">Mapping file (generic CSV only)</label>
          <p class="hint" id="f-mapping-hint">
            The JSON file that says which column fills which field: docs/imports.md, "Generic CSV".
          </p>
          <input
            id="f-mapping"
            type="file"
            name="mapping"
            accept=".json,application/json"
            aria-describedby="f-mapping-hint"
          />
        </div>
        <button type="submit">Import</button>
      </form>
      <h2>Imported files</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Rows</th>
            <th scope="col">Publisher and licence</th>
            <th scope="col">Retrieved</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr>
              <td>
                {f.file_name}
                <br />
                <code title="SHA-256">{f.sha256.slice(0, 16)}…</code>
              </td>
              <td>
                {f.format}
                {f.scope && <> ({f.scope})</>}
              </td>
              <td>{f.rows_imported.toLocaleString('en-GB')}</td>
              <td>
                {f.publisher}. {f.licence}
              </td>
              <td>{f.retrieved_on}</td>
              <td>
                <Timestamp at={new Date(f.imported_at)} withTime />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorLayout>
  );
  return sendPrivatePage(c, page, opts.err?.status ?? (opts.report?.status === 'failed' ? 422 : 200));
}

const OUTCOME: Record<ImportReport['status'], string> = {
  imported: 'Imported',
  replaced: 'Imported, replacing the earlier file of the same scope',
  unchanged: 'This exact file was imported before: nothing changed',
  checked: 'Checked: every row is valid. Nothing was written',
  failed: 'Nothing was imported',
};

function Report(props: { report: ImportReport }) {
  const r = props.report;
  return (
    <section
      aria-labelledby="report"
      class={`callout ${r.status === 'failed' ? 'callout-error' : 'callout-ok'}`}
      role="status"
    >
      <h2 id="report">
        {OUTCOME[r.status]} ({r.rows.toLocaleString('en-GB')} rows read)
      </h2>
      {r.errors.length > 0 && (
        <table>
          <caption>
            {r.errors.length.toLocaleString('en-GB')} problem(s)
            {r.errors.length > SHOWN_ERRORS && `; the first ${SHOWN_ERRORS}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {r.errors.slice(0, SHOWN_ERRORS).map((e) => (
              <tr>
                <td>{e.line || 'file'}</td>
                <td>{e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const MAX_MAPPING_BYTES = 1024 * 1024;

/** The chosen format with its mapping and force, or the problems to show beside the form. */
async function settingsOf(body: Record<string, unknown>): Promise<ImportFormat<unknown, unknown> | AppError> {
  const upload = body.mapping;
  if (upload instanceof File && upload.size > MAX_MAPPING_BYTES)
    return new AppError('CUS_VALIDATION', 'The mapping file is too large.', [
      { field: 'mapping', message: 'a mapping file is at most 1 MB' },
    ]);
  const mapping = upload instanceof File && upload.size > 0 ? await upload.text() : undefined;
  const force = typeof body.force === 'string' && body.force.trim() ? body.force.trim() : undefined;
  try {
    return formatFor(String(body.format), {
      ...(mapping !== undefined ? { mapping } : {}),
      ...(force !== undefined ? { force } : {}),
    });
  } catch (err) {
    if (!(err instanceof FormatSettingsError)) throw err;
    const field = force !== undefined && /force/i.test(err.message) ? 'force' : 'mapping';
    const [first] = err.message.split('\n');
    const problems = err.problems.length > 0 ? err.problems : [first!];
    return new AppError(
      'CUS_VALIDATION',
      first!,
      problems.map((message) => ({ field, message })),
    );
  }
}

/** Runs the uploaded file through the importer from a private temporary folder (the name matters: police.uk files carry force and month). */
async function receive(c: Ctx, deps: AppDeps) {
  const user = c.get('session').user;
  requirePermission(user, 'dataset.import', 'import datasets');
  const body = await c.req.parseBody().catch(() => {
    throw new AppError('CUS_BAD_REQUEST', 'The upload could not be read; try again.');
  });
  const format = FORMATS[String(body.format ?? '')];
  const file = body.file;
  const encoding = body.encoding === 'latin1' ? 'latin1' : 'utf-8';
  const retrieved =
    typeof body.retrieved === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.retrieved)
      ? body.retrieved
      : undefined;
  if (!format)
    return importsPage(c, deps, {
      err: new AppError('CUS_VALIDATION', 'Choose a format.', [
        { field: 'format', message: 'choose a format' },
      ]),
    });
  if (!(file instanceof File) || file.size === 0)
    return importsPage(c, deps, { err: new AppError('CUS_VALIDATION', 'Choose a file to import.') });
  const settings = await settingsOf(body);
  if (settings instanceof AppError) return importsPage(c, deps, { err: settings });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-upload-'));
  try {
    // Only the last path segment, and only safe characters: a crafted name never leaves the folder.
    const name =
      path
        .basename(file.name)
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .slice(0, 200) || 'upload.csv';
    const target = path.join(dir, name);
    fs.writeFileSync(target, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
    const report = await runImport(deps.db, settings, target, {
      actor: `user:${user.id}`,
      dryRun: body.dryRun !== undefined,
      encoding,
      ...(retrieved ? { retrievedOn: retrieved } : {}),
    });
    const matched = await matchAfterImport(deps.db, report, {
      autoMerge: deps.matching?.autoMerge ?? false,
      actor: `user:${user.id}`,
    });
    return importsPage(c, deps, { report, matched: matchSummary(matched) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** /editor/imports: the admin's upload page and the list of imported files with their provenance. */
export function importRoutes(deps: AppDeps): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/', (c) => importsPage(c, deps));
  app.post('/', (c) => receive(c, deps));
  return app;
}
