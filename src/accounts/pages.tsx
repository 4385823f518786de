import type { Child } from 'hono/jsx';
import { CsrfInput, ErrorSummary, FormField, type FieldSpec } from '../http/forms.tsx';
import { Layout } from '../http/layout.tsx';

/** A simple one-form account page (sign-in, second factor, invitation) outside the editor shell. */
export function AccountFormPage(props: {
  title: string;
  heading: string;
  action: string;
  csrf: string;
  fields: FieldSpec[];
  values?: Record<string, string>;
  message?: string | undefined;
  submit: string;
  before?: Child;
  after?: Child;
}) {
  return (
    <Layout title={props.title} section="editor" noindex>
      <h1>{props.heading}</h1>
      <ErrorSummary problems={[]} fields={props.fields} message={props.message} />
      {props.before}
      <form method="post" action={props.action}>
        <CsrfInput token={props.csrf} />
        {props.fields.map((f) => (
          <FormField field={f} values={props.values ?? {}} />
        ))}
        <div class="actions">
          <button type="submit">{props.submit}</button>
        </div>
      </form>
      {props.after}
    </Layout>
  );
}

/** The second-factor code field (a TOTP code or one recovery code). */
export const CODE_FIELD: FieldSpec = {
  name: 'code',
  label: 'Code',
  kind: 'text',
  required: true,
  autocomplete: 'one-time-code',
  hint: 'The 6-digit code from your authenticator app, or one of your recovery codes.',
};

/** The QR code and the secret in text, for setting up an authenticator app. */
export function EnrolmentInstructions(props: { qrSvg: string; secret: string }) {
  const src = `data:image/svg+xml;base64,${Buffer.from(props.qrSvg).toString('base64')}`;
  return (
    <div class="enrolment">
      <p>
        Your role needs a second factor, or you chose one. Scan this code with an authenticator app (for
        example Aegis, Raivo, 1Password or Google Authenticator), then type the 6-digit code it shows.
      </p>
      <img src={src} width="220" height="220" alt="QR code for setting up the authenticator app" />
      <p>
        Cannot scan? Enter this key by hand:{' '}
        <code class="secret">{props.secret.match(/.{1,4}/g)?.join(' ')}</code>
      </p>
    </div>
  );
}

/** Recovery codes, shown once after setting up or replacing them. */
export function RecoveryCodes(props: { codes: string[]; next: string }) {
  return (
    <Layout title="Your recovery codes" section="editor" noindex>
      <h1>Your recovery codes</h1>
      <p>
        Each code signs you in once if you lose your authenticator. Keep them somewhere safe, apart from your
        phone. <strong>They are shown only now</strong>: we store only a hash of each.
      </p>
      <ol class="recovery-codes">
        {props.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button" href={props.next}>
          I have saved them — continue
        </a>
      </p>
    </Layout>
  );
}
