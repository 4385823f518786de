// The download page's data in the API: which files there are, and whether they are offered now.
import { z } from 'zod';
import { component, timestamp } from '../api/registry.ts';
import { defineRoute, type ApiRoute } from '../api/route.ts';
import type { ExportFormat } from '../exports/service.ts';
import { downloadState, type DownloadState } from './service.ts';

const DownloadFileSchema = z.object({
  name: z.string(),
  dataset: z.string(),
  format: z.enum(['csv', 'json', 'ndjson']),
  rows: z.number().int(),
  bytes: z.number().int().describe('Size of the file itself, as manifest.json gives it.'),
  gzipBytes: z.number().int().describe('Size sent to a client that accepts gzip.'),
  sha256: z.string(),
  url: z.string().nullable().describe('Where to fetch it; null while the files are not offered.'),
});

export const DownloadSchema = component(
  'Download',
  z.object({
    state: z
      .enum(['none', 'current', 'outdated'])
      .describe(
        'current: the files are offered; outdated: records changed, or the day did, and new files are being made.',
      ),
    reason: z.enum(['changed', 'new-day']).nullable(),
    generatedAt: timestamp.nullable(),
    keyId: z.string().nullable(),
    publicKey: z.string().nullable().describe('The Ed25519 key that signs manifest.sig, base64.'),
    files: z.array(DownloadFileSchema),
  }),
  'What /data shows: the signed export of every public record, one file per kind of record and format.',
);

/** The page's state as the API gives it. */
export function downloadData(state: DownloadState): z.input<typeof DownloadSchema> {
  if (state.kind === 'none')
    return { state: 'none', reason: null, generatedAt: null, keyId: null, publicKey: null, files: [] };
  const live = state.kind === 'current';
  const e = state.export;
  return {
    state: state.kind,
    reason: state.kind === 'outdated' ? state.reason : null,
    generatedAt: e.generatedAt.toISOString(),
    keyId: e.keyId,
    publicKey: e.publicKey,
    files: e.files.map((f) => ({
      name: f.name,
      dataset: f.dataset,
      format: f.format as ExportFormat,
      rows: f.rows,
      bytes: f.bytes,
      gzipBytes: f.gzipBytes,
      sha256: f.sha256,
      url: live ? `/data/${f.name}` : null,
    })),
  };
}

/** GET /api/v1/downloads. */
export const DOWNLOAD_ROUTES: readonly ApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/downloads',
    operationId: 'get-downloads',
    tag: 'Pages',
    page: '/data',
    summary: 'What the download page shows: the public data files, their hashes and whether they are offered',
    response: DownloadSchema,
    handler: async ({ deps }) => downloadData(await downloadState(deps.db)),
  }),
];
