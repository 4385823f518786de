import fs from 'node:fs';
import type { Config } from '../../config/config.ts';
import { decodePublicKey } from '../../config/signing.ts';
import {
  describeStatement,
  filesNotInReceipt,
  loadReceiptKey,
  openReceiptSigner,
  verifyReceipt,
} from '../../submissions/receipt.ts';
import { UsageError, type Command } from '../command.ts';

/** The configured signer's public key; never creates a key, since checking must not invent one. */
async function configuredPublicKey(config: Config): Promise<Uint8Array> {
  const signer = await openReceiptSigner(loadReceiptKey({ ...config.receipts, create: false }));
  return Buffer.from(signer.publicKeyBase64, 'base64');
}

/** A public key given on the command line: exactly 32 bytes of canonical base64. */
function parsePublicKey(base64: string): Uint8Array {
  const key = decodePublicKey(base64);
  if (!key)
    throw new UsageError('--key must be an Ed25519 public key: 32 bytes, base64 (see /receipts/key).');
  return key;
}

/** Checks a saved receipt offline, and optionally that files are among its attachments. */
export const verifyReceiptCommand: Command = {
  name: 'verify-receipt',
  summary: 'Check a proof-of-report receipt (FILE, or - for standard input)',
  usage: 'custodiet verify-receipt FILE [--key BASE64_PUBLIC_KEY] [--file PATH]…',
  details:
    "Without --key the configured RECEIPT_SIGNING_KEY (or its key file) is used; anyone else passes the site's\n" +
    'public key from /receipts/key. Each --file must be one of the attachments the receipt lists (same SHA-256).\n' +
    'Exits 0 when the receipt is genuine (and every --file is in it), 1 otherwise.',
  options: { key: { type: 'string' }, file: { type: 'string', multiple: true } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, config, out }) {
    const key =
      typeof values.key === 'string' ? parsePublicKey(values.key) : await configuredPublicKey(config);
    const source = positionals[0]!;
    const text = fs.readFileSync(source === '-' ? 0 : source, 'utf8');
    const check = verifyReceipt(text, key);
    if (!check.ok) {
      out(`invalid: ${check.reason}`);
      return 1;
    }
    out(`valid: ${describeStatement(check.statement)}`);
    const paths = (values.file as unknown as string[] | undefined) ?? [];
    const missing = filesNotInReceipt(
      check.statement,
      paths.map((p) => ({ name: p, bytes: fs.readFileSync(p) })),
    );
    for (const p of paths)
      out(missing.includes(p) ? `FAIL ${p}: not an attachment of this receipt` : `ok   ${p}: attachment`);
    return missing.length === 0 ? 0 : 1;
  },
};

/** Prints the receipt signing key's public half, to publish where whistleblowers can find it. */
export const receiptKeyCommand: Command = {
  name: 'receipt-key',
  summary: 'Print the public key (base64) and key id that receipts are signed with',
  usage: 'custodiet receipt-key',
  details:
    'Uses RECEIPT_SIGNING_KEY, else DATA_DIR/keys/receipts.key, which is created (as serve would) if missing.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    const signer = await openReceiptSigner(loadReceiptKey(config.receipts));
    out(`Public key: ${signer.publicKeyBase64}`);
    out(`Key id: ${signer.keyId}`);
  },
};
