import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Hono, type Context } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { notModified, sendPage } from '../http/cache.ts';
import { MANIFEST, SIGNATURE } from '../exports/bundle.ts';
import { DownloadPage } from './page.tsx';
import { downloadState, exportTexts, filePieces, type PublicExport } from './service.ts';

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  sig: 'application/json; charset=utf-8',
};
const FILE = /^[a-z0-9][a-z0-9._-]{0,99}$/;
// Every request asks again whether the files are still current: a cache must not serve them on.
const NO_STALE = 'no-cache';

/** The export the files may come from, or the reason they may not. */
async function currentExport(deps: AppDeps, c: Context): Promise<PublicExport> {
  const state = await downloadState(deps.db);
  if (state.kind === 'current') return state.export;
  if (state.kind === 'none') throw new AppError('CUS_NOT_FOUND', 'The download has not been made yet.');
  c.header('Retry-After', '60');
  throw new AppError(
    'CUS_UNAVAILABLE',
    'The files are being made again after a change to the records; try again in a minute or two.',
  );
}

function headersFor(name: string, etag: string): Record<string, string> {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': NO_STALE,
    ETag: etag,
    'X-Robots-Tag': 'noindex',
  };
}

/** A data file: its stored gzip as is when the client takes gzip, else decompressed on the way. */
function sendFile(deps: AppDeps, c: Context, exp: PublicExport, name: string): Response {
  const file = exp.files.find((f) => f.name === name);
  if (!file) throw new AppError('CUS_NOT_FOUND', `The download has no file ${name}.`);
  const headers = headersFor(name, `"${file.sha256}"`);
  if (notModified(c, headers.ETag!)) return new Response(null, { status: 304, headers });
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  const pieces = Readable.from(filePieces(deps.db, exp.id, name));
  if (gzip) {
    headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(file.gzipBytes);
  } else headers['Content-Length'] = String(file.bytes);
  headers.Vary = 'Accept-Encoding';
  const body = gzip ? pieces : pieces.pipe(zlib.createGunzip());
  return new Response(Readable.toWeb(body) as ReadableStream, { status: 200, headers });
}

/** GET /data (the page) and GET /data/FILE (its files, manifest.json and manifest.sig). */
export function downloadRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/data', async (c) => sendPage(c, <DownloadPage state={await downloadState(deps.db)} />));
  app.get('/data/:file', async (c) => {
    const name = c.req.param('file');
    if (!FILE.test(name)) throw new AppError('CUS_NOT_FOUND', 'There is no such file.');
    const exp = await currentExport(deps, c);
    if (name !== MANIFEST && name !== SIGNATURE) return sendFile(deps, c, exp, name);
    const texts = await exportTexts(deps.db, exp.id);
    if (!texts) throw new AppError('CUS_NOT_FOUND', 'The download has just been replaced; reload the page.');
    const body = name === MANIFEST ? texts.manifest : texts.signature;
    const headers = headersFor(name, `"${exp.id}-${name === MANIFEST ? 'm' : 's'}"`);
    if (notModified(c, headers.ETag!)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers });
  });
  return app;
}
