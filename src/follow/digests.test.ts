import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { inTransaction } from '../audit/records.ts';
import { startJobs } from '../jobs/boss.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeIncident } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { startDigests } from './digest-queue.ts';
import { sendDueDigests } from './digests.ts';
import { smtpMailer, type Mailer } from './mailer.ts';

// E-mail digests against a real SMTP server started here (smtp-server), over nodemailer with
// authentication: double opt-in (one mail, nothing more before confirmation), the digest of what
// was published since, the unsubscribe link in every mail, and the pg-boss job.

const BASE = 'https://custodiet.example.org';
interface Received {
  to: string;
  subject: string;
  headers: string;
  body: string;
}
const inbox: Received[] = [];
let server: SMTPServer;
let mailer: Mailer;
let t: TestDatabase;

// Quoted-printable soft breaks and escapes, as nodemailer writes long plain-text lines.
const unQp = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

before(async () => {
  t = await createTestDatabase();
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'digest' && auth.password === 'smtp-secret') cb(null, { user: 'digest' });
      else cb(new Error('bad credentials'));
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
      stream.on('end', () => {
        const [folded, ...rest] = raw.split('\r\n\r\n');
        const headers = folded!.replace(/\r\n[ \t]+/g, ' ');
        const subject = /^Subject: (.*)$/m.exec(headers)?.[1] ?? '';
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject,
          headers,
          body: unQp(rest.join('\r\n\r\n')),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  mailer = smtpMailer({
    host: '127.0.0.1',
    port,
    tls: 'none',
    user: 'digest',
    password: 'smtp-secret',
    from: 'Custodiet <alerts@custodiet.example.org>',
  });
});
after(async () => {
  mailer.close();
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const later = (ms: number) => new Date(Date.now() + ms);
/** Posts the follow form: the Met's feed, daily, unless `fields` say otherwise. */
const subscribe = (app: ReturnType<typeof testApp>, fields: Record<string, string>) =>
  app.request(
    '/follow/email',
    form({ email: 'a@example.org', feed: '/forces/metropolitan/feed.atom', frequency: 'daily', ...fields }),
  );
const DAY = 86_400_000;
const tokenIn = (body: string, path: string) =>
  new RegExp(`${BASE}${path}\\?token=([0-9a-f]{64})`).exec(body)?.[1];

async function published(title: string) {
  const i = await makeIncident(t.db, { title });
  await inTransaction(t.db, (trx) => publish(trx, 'incidents', i.id));
  return i;
}

test('double opt-in: one confirmation mail, nothing else until the link is followed, then the digest of what is new', async () => {
  const app = testApp(t, { mailer, publicUrl: BASE });
  const res = await subscribe(app, { email: 'Reader@Example.org' });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Check your inbox/);
  assert.equal(inbox.length, 1, 'exactly one mail: the confirmation request');
  const confirmation = inbox[0]!;
  assert.equal(confirmation.to, 'reader@example.org');
  assert.match(confirmation.subject, /Confirm your Custodiet digest: Metropolitan Police Service/);
  assert.match(
    confirmation.headers,
    /List-Unsubscribe: <https:\/\/custodiet\.example\.org\/follow\/email\/unsubscribe\?token=/,
  );
  const confirm = tokenIn(confirmation.body, '/follow/email/confirm');
  const unsubscribe = tokenIn(confirmation.body, '/follow/email/unsubscribe');
  assert.ok(confirm && unsubscribe, 'both links are in the mail');

  // Asking again at once sends nothing more (one confirmation a day per address and feed).
  await subscribe(app, { email: 'reader@example.org', frequency: 'weekly' });
  assert.equal(inbox.length, 1);
  // Before confirmation no digest is ever sent, however much is published.
  await published('Published before confirmation');
  assert.deepEqual(await sendDueDigests(t.db, mailer, BASE, later(3 * DAY)), {
    due: 0,
    sent: 0,
    failed: 0,
    purged: 0,
  });
  assert.equal(inbox.length, 1);

  // Opening the link only shows a button (mail scanners open links); the POST confirms.
  const page = await app.request(`/follow/email/confirm?token=${confirm}`);
  assert.match(await page.text(), /Confirm the digest/);
  const row = () =>
    t.db
      .selectFrom('digest_subscriptions')
      .selectAll()
      .where('email', '=', 'reader@example.org')
      .executeTakeFirst();
  assert.equal((await row())!.confirmed_at, null);
  const done = await app.request('/follow/email/confirm', form({ token: confirm! }));
  assert.equal(done.status, 200);
  assert.ok((await row())!.confirmed_at);
  assert.equal(
    (await app.request('/follow/email/confirm', form({ token: confirm! }))).status,
    404,
    'a link works once',
  );

  await new Promise((r) => setTimeout(r, 20));
  const fresh = await published('Published after confirmation');
  assert.equal(
    (await sendDueDigests(t.db, mailer, BASE, later(1000))).sent,
    0,
    'not due until its day is up',
  );
  const run = await sendDueDigests(t.db, mailer, BASE, later(DAY));
  assert.deepEqual([run.due, run.sent], [1, 1]);
  const digest = inbox[1]!;
  assert.match(digest.subject, /Custodiet: 1 new record: Metropolitan Police Service/);
  assert.match(digest.body, /Published after confirmation/);
  assert.ok(digest.body.includes(`${BASE}/incidents/${fresh.slug}`));
  assert.doesNotMatch(digest.body, /Published before confirmation/);
  assert.ok(
    digest.body.includes(`${BASE}/follow/email/unsubscribe?token=${unsubscribe}`),
    'the unsubscribe link',
  );
  assert.match(digest.headers, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  assert.equal((await sendDueDigests(t.db, mailer, BASE, later(DAY))).due, 0, 'sent once');

  // One-click unsubscribe (RFC 8058) deletes the address.
  const gone = await app.request(
    `/follow/email/unsubscribe?token=${unsubscribe}`,
    form({ 'List-Unsubscribe': 'One-Click' }),
  );
  assert.equal(gone.status, 200);
  assert.equal(await row(), undefined, 'the address is deleted');
  await published('Published after unsubscribing');
  assert.equal((await sendDueDigests(t.db, mailer, BASE, later(3 * DAY))).sent, 0);
  assert.equal(inbox.length, 2);
});

test('bad requests are 4xx; without SMTP the digest routes do not exist; unconfirmed requests are deleted after a week', async () => {
  const app = testApp(t, { mailer, publicUrl: BASE });
  const status = async (a: typeof app, fields: Record<string, string>) => (await subscribe(a, fields)).status;
  assert.equal(await status(app, { email: 'not an address' }), 422);
  assert.equal(await status(app, { feed: '/incidents/x' }), 422);
  assert.equal(await status(app, { frequency: 'hourly' }), 422);
  assert.equal((await app.request(`/follow/email/unsubscribe?token=${'0'.repeat(64)}`)).status, 404);
  assert.equal((await app.request('/follow/email/confirm?token=abc')).status, 404);
  assert.equal(await status(testApp(t, { publicUrl: BASE }), {}), 404, 'no SMTP, no digests');
  const before = inbox.length;
  // No such unit here (central-west is demo data): refused, nothing stored or sent.
  assert.equal(
    await status(app, {
      email: 'pending@example.org',
      feed: '/forces/metropolitan/units/central-west/feed.atom',
    }),
    422,
  );
  assert.equal(inbox.length, before);
  await subscribe(app, {
    email: 'pending@example.org',
    feed: '/search/feed.atom?q=Charing+Cross',
    frequency: 'weekly',
  });
  assert.equal(inbox.length, before + 1);
  assert.equal((await sendDueDigests(t.db, mailer, BASE, later(8 * DAY))).purged, 1);
});

test('the pg-boss job sends due digests', async () => {
  const app = testApp(t, { mailer, publicUrl: BASE });
  await subscribe(app, { email: 'job@example.org', frequency: 'weekly' });
  const confirm = tokenIn(inbox.at(-1)!.body, '/follow/email/confirm')!;
  await app.request('/follow/email/confirm', form({ token: confirm }));
  // As if the last digest went out eight days ago, with a record published since.
  await t.db
    .updateTable('digest_subscriptions')
    .set({ last_sent_at: new Date(Date.now() - 8 * DAY) })
    .where('email', '=', 'job@example.org')
    .execute();
  await published('Published for the job');
  const before = inbox.length;
  const jobs = await startJobs(t.db);
  try {
    await startDigests(jobs, t.db, { mailer, baseUrl: BASE, everySeconds: 0, pollingSeconds: 0.5 });
    const deadline = Date.now() + 30_000;
    while (inbox.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  } finally {
    await jobs.stop();
  }
  assert.equal(inbox.length, before + 1);
  assert.equal(inbox.at(-1)!.to, 'job@example.org');
  assert.match(inbox.at(-1)!.body, /Published for the job/);
});
