// The two mails digests send: the confirmation request and the digest itself. Plain text only
// (nothing to render, track or load); both carry the unsubscribe link, also as the RFC 8058
// one-click List-Unsubscribe header.
import { formatMomentUtc } from '../http/format.ts';
import type { FeedEntry } from './feeds.ts';
import type { Mail } from './mailer.ts';

const when = formatMomentUtc;

function unsubscribeParts(baseUrl: string, unsubscribe: string) {
  const url = `${baseUrl}/follow/email/unsubscribe?token=${unsubscribe}`;
  return {
    url,
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** The request to confirm a subscription (the only mail sent before confirmation). */
export function confirmationMail(
  baseUrl: string,
  s: { email: string; frequency: string; title: string; confirm: string; unsubscribe: string },
): Mail {
  const u = unsubscribeParts(baseUrl, s.unsubscribe);
  return {
    to: s.email,
    subject: `Confirm your Custodiet digest: ${s.title}`,
    headers: u.headers,
    text: [
      `Someone, we hope you, asked for a ${s.frequency} e-mail of the records newly published on Custodiet about:`,
      '',
      `  ${s.title}`,
      '',
      'To start it, open this link and confirm:',
      '',
      `  ${baseUrl}/follow/email/confirm?token=${s.confirm}`,
      '',
      'If you did not ask for it, ignore this mail: nothing more will be sent, and this address is',
      `deleted in 7 days. To delete it now: ${u.url}`,
      '',
      'Custodiet uses this address only to send this digest.',
    ].join('\n'),
  };
}

/** A digest: the feed's records published since the last one, each with its link. */
export function digestMail(
  baseUrl: string,
  s: {
    email: string;
    feed_path: string;
    frequency: string;
    unsubscribe_token: string;
    title: string;
    since: Date;
    entries: FeedEntry[];
  },
): Mail {
  const u = unsubscribeParts(baseUrl, s.unsubscribe_token);
  const n = s.entries.length;
  const items = s.entries.flatMap((e) => [
    `- ${e.title}`,
    `  ${baseUrl}${e.path}`,
    `  published ${when(e.published)}`,
    '',
  ]);
  return {
    to: s.email,
    subject: `Custodiet: ${n} new record${n === 1 ? '' : 's'}: ${s.title}`,
    headers: u.headers,
    text: [
      `Newly published on Custodiet since ${when(s.since)}: ${s.title}`,
      '',
      ...items,
      ...(n >= 50 ? ['(Only the newest 50 are listed; the feed and the pages have the rest.)', ''] : []),
      'Every named officer is shown with the status of each allegation: an allegation is not a',
      'finding, and a finding is not a sanction. Read each record on its page, with its sources.',
      '',
      `Feed: ${baseUrl}${s.feed_path}`,
      `You get this ${s.frequency} digest because you confirmed it; Custodiet uses this address for nothing else.`,
      `Unsubscribe (deletes the address): ${u.url}`,
    ].join('\n'),
  };
}
