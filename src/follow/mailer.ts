// Outgoing mail for e-mail digests, through the SMTP server configured at boot (nodemailer).
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config/config.ts';

/** One plain-text message. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/** Sends mail; digests are on only when the app has one. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A mailer over the configured SMTP server. TLS is required unless the operator chose `none`. */
export function smtpMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'implicit',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        // Line breaks in a subject built from record titles must never start a new header.
        subject: mail.subject.replace(/[\r\n]+/g, ' '),
        text: mail.text,
        headers: mail.headers,
      });
    },
    close: () => transport.close(),
  };
}
