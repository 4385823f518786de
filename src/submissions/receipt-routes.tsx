import { Hono, type Context } from 'hono';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { one, readForm, type FormValues } from '../http/form.ts';
import { FormBody, type FieldSpec } from '../http/forms.tsx';
import { Layout } from '../http/layout.tsx';
import {
  receiptTime,
  verifyReceipt,
  type ReceiptCheck,
  type ReceiptSigner,
  type ReceiptStatement,
} from './receipt.ts';

// The people using this page may be police officers who reported colleagues. Nothing here logs,
// stores or sets anything about the visitor or the receipt: no cookie, no logger call, no database.
// The app-wide access log records only method, path, status and duration.

const FIELDS: FieldSpec[] = [
  {
    name: 'receipt',
    label: 'Your receipt',
    kind: 'textarea',
    required: true,
    hint: 'Paste the whole block, from -----BEGIN CUSTODIET RECEIPT----- to -----END CUSTODIET RECEIPT-----.',
  },
];

const KIND_LABELS: Record<ReceiptStatement['kind'], string> = {
  'public-submission': 'Public submission',
  'insider-report': 'Insider report',
  'follow-up': 'Follow-up to an earlier report',
};

/** The site's signer, or a 503 page: without a key nothing here can be checked honestly. */
function signerOf(deps: AppDeps): ReceiptSigner {
  if (!deps.receipts)
    throw new AppError(
      'CUS_UNAVAILABLE',
      'Receipts cannot be verified here: this site has no receipt signing key configured.',
    );
  return deps.receipts;
}

function Explanation(props: { signer: ReceiptSigner }) {
  return (
    <>
      <p class="lede">
        When you send something through our anonymous forms you are given a receipt: a short signed text.
        Paste it here to check that it is genuine and unaltered.
      </p>
      <h2>What a receipt proves</h2>
      <p>
        That this site received something at the time shown, and that what it received has the SHA-256 hashes
        shown. Only this site's signing key can make a receipt that verifies, and changing any character of it
        makes it fail.
      </p>
      <h2>What it does not prove</h2>
      <p>
        A receipt does not contain or reveal what you sent, and it proves nothing about the content unless the
        holder produces it: anyone can then compare the hashes (for a file, <code>sha256sum FILE</code> prints
        the same hash as the receipt). It does not say who sent it, and it does not mean we have published,
        accepted or acted on it.
      </p>
      <h2>Our signing key</h2>
      <dl class="facts">
        <dt>Key id</dt>
        <dd class="hash">{props.signer.keyId}</dd>
        <dt>Public key (Ed25519, base64)</dt>
        <dd class="hash">{props.signer.publicKeyBase64}</dd>
      </dl>
      <p>
        Also at <a href="/receipts/key">/receipts/key</a>. Offline:{' '}
        <code>custodiet verify-receipt FILE --key {props.signer.publicKeyBase64}</code>
      </p>
    </>
  );
}

/** The outcome of a check, as the first thing on the page (announced to screen readers). */
function Outcome(props: { check: ReceiptCheck }) {
  const c = props.check;
  if (!c.ok)
    return (
      <div class="callout callout-warn" role="alert">
        <h2>This receipt does not verify</h2>
        <p>{c.reason}</p>
      </div>
    );
  const s = c.statement;
  return (
    <div class="callout callout-ok" role="status">
      <h2>This receipt is genuine</h2>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{KIND_LABELS[s.kind]}</dd>
        <dt>Received</dt>
        <dd>
          <time datetime={receiptTime(s.receivedAt)}>{receiptTime(s.receivedAt)}</time> (UTC)
        </dd>
        <dt>Content SHA-256</dt>
        <dd class="hash">{s.contentSha256}</dd>
        <dt>Attachments</dt>
        <dd>
          {s.attachmentSha256.length === 0
            ? 'None'
            : s.attachmentSha256.map((h) => <div class="hash">{h}</div>)}
        </dd>
        <dt>Signing key</dt>
        <dd class="hash">{c.keyId}</dd>
      </dl>
    </div>
  );
}

function verifyPage(
  c: Context,
  signer: ReceiptSigner,
  opts: { values?: FormValues; err?: AppError; check?: ReceiptCheck; status?: number } = {},
) {
  const page = (
    <Layout title="Check a receipt" noindex>
      <h1>Check a receipt</h1>
      {opts.check && <Outcome check={opts.check} />}
      <form method="post" action="/receipts/verify">
        <FormBody fields={FIELDS} values={opts.values ?? {}} err={opts.err} />
        <div class="actions">
          <button type="submit">Check the receipt</button>
        </div>
      </form>
      <Explanation signer={signer} />
    </Layout>
  );
  return sendPrivatePage(c, page, opts.status ?? 200);
}

/** The public receipt checker: a no-JavaScript form, its answer, and the public key as text. */
export function receiptRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/receipts/verify', (c) => verifyPage(c, signerOf(deps)));
  app.post('/receipts/verify', async (c) => {
    const signer = signerOf(deps);
    const values = await readForm(c);
    const text = one(values, 'receipt');
    if (text.trim() === '') {
      const message = 'Paste your receipt into the box.';
      const err = new AppError('CUS_VALIDATION', message, [{ field: 'receipt', message }]);
      return verifyPage(c, signer, { values, err, status: err.status });
    }
    const check = verifyReceipt(text, Buffer.from(signer.publicKeyBase64, 'base64'));
    return verifyPage(c, signer, { values, check, status: check.ok ? 200 : 422 });
  });
  app.get('/receipts/key', (c) => {
    const signer = signerOf(deps);
    return c.text(`${signer.publicKeyBase64}\n`, 200, { 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}
