import type { Config } from '../../config/config.ts';
import { decodePublicKey, ed25519Signer } from '../../config/signing.ts';
import { publishExport, recordCount } from '../../downloads/service.ts';
import { loadExportKey, verifyExportBundle } from '../../exports/bundle.ts';
import { EXPORT_FORMATS, writeExportBundle, type ExportFormat } from '../../exports/service.ts';
import { UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** `--format csv|json|ndjson|all` as the list of formats to write. */
function formatsOf(value: string | boolean | undefined): readonly ExportFormat[] {
  if (value === undefined || value === 'all') return EXPORT_FORMATS;
  if (EXPORT_FORMATS.includes(value as ExportFormat)) return [value as ExportFormat];
  throw new UsageError('--format is csv, json, ndjson or all.');
}

/** `custodiet export DIR`: the public data, signed. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the public data (CSV, JSON, NDJSON) and a signed manifest into an empty directory',
  usage: 'custodiet export DIR [--format csv|json|ndjson|all]',
  details:
    'Published records only, exactly as the public pages show them (columns in docs/imports.md).\n' +
    'Signed with EXPORT_SIGNING_KEY, else DATA_DIR/keys/exports.key (created if missing);\n' +
    'check a bundle with `custodiet verify-export DIR`.',
  options: { format: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, config, out }) {
    const formats = formatsOf(values.format);
    const signer = ed25519Signer(loadExportKey(config.exports));
    const files = await withDatabase(config, 'export', 'require-current', ({ db }) =>
      writeExportBundle(db, positionals[0]!, {
        formats,
        signer,
        publicUrl: config.publicUrlGiven ? config.publicUrl : undefined,
      }),
    );
    for (const f of files) out(`${f.name}: ${f.rows.toLocaleString('en-GB')} rows`);
    out(`Wrote ${files.length} files, manifest.json and manifest.sig (key ${signer.keyId}).`);
    out(`Public key (for verify-export --key): ${signer.publicKeyBase64}`);
  },
};

/** The configured export key's public half; checking never creates a key. */
function configuredPublicKey(config: Config): Uint8Array {
  return ed25519Signer(loadExportKey({ ...config.exports, create: false })).publicKey;
}

/** `custodiet verify-export DIR`: is this bundle complete and as signed? */
export const verifyExportCommand: Command = {
  name: 'verify-export',
  summary: 'Check an export bundle: signature, every file hash, nothing missing or added',
  usage: 'custodiet verify-export DIR [--key BASE64_PUBLIC_KEY]',
  details:
    "Without --key the configured EXPORT_SIGNING_KEY (or its key file) is used; anyone else passes the site's\n" +
    'published export key. Exits 0 when the bundle is intact, 1 naming the first problem otherwise.',
  options: { key: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, config, out }) {
    let key: Uint8Array;
    if (typeof values.key === 'string') {
      const given = decodePublicKey(values.key);
      if (!given) throw new UsageError('--key must be an Ed25519 public key: 32 bytes, base64.');
      key = given;
    } else key = configuredPublicKey(config);
    const check = await verifyExportBundle(positionals[0]!, key);
    if (!check.ok) {
      out(`invalid: ${check.reason}`);
      return 1;
    }
    out(`valid: ${check.files} files (key ${check.keyId})`);
    return 0;
  },
};

/** `custodiet publish-download`: makes the public download (/data) now, without waiting for serve. */
export const publishDownloadCommand: Command = {
  name: 'publish-download',
  summary: 'Make the public download (/data) now (serve remakes it within a minute of any change)',
  usage: 'custodiet publish-download',
  details:
    'Writes the same signed export as `custodiet export` into the database, in place of the files /data\n' +
    'offers, whether or not they are out of date. Useful where serve runs with CAPTURE_WORKER=false.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    const signer = ed25519Signer(loadExportKey(config.exports));
    const made = await withDatabase(config, 'publish-download', 'require-current', ({ db }) =>
      publishExport(db, { signer, publicUrl: config.publicUrlGiven ? config.publicUrl : undefined }),
    );
    const rows = recordCount(made);
    out(
      `Download made: ${made.files.length} files, ${rows.toLocaleString('en-GB')} records (key ${made.keyId}).`,
    );
  },
};
