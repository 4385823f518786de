// E-mail digests of a feed (an officer, a unit, a force or a saved search), with double opt-in:
// a request stores the address and sends one confirmation mail; nothing else is ever sent until
// the reader follows its link. Every mail carries an unsubscribe link that deletes the address.
// Addresses are used for nothing else and are never written to the audit log (it is append-only,
// and an address must be erasable). Unconfirmed requests are deleted after CONFIRM_DAYS.
import crypto from 'node:crypto';
import { sql } from '../db/kysely.ts';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { AppError, isAppError } from '../errors/catalogue.ts';
import { feedEntries, type FeedEntry } from './feeds.ts';
import { digestMail, confirmationMail } from './digest-mail.ts';
import type { Mailer } from './mailer.ts';
import { feedTarget, searchFeedPath, type FeedTarget } from './targets.ts';

export const FREQUENCIES = ['daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Days a confirmation link stays valid; unconfirmed requests are deleted after it. */
export const CONFIRM_DAYS = 7;
/** Unconfirmed requests an address may have at once (so the form cannot flood an inbox). */
const MAX_PENDING = 3;
/** Subscriptions one address may hold. */
const MAX_PER_ADDRESS = 50;
const DAY_MS = 86_400_000;

/** What the subscription form sends. */
export const digestRequest = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'is too long')
    .pipe(z.email({ error: 'must be an e-mail address' })),
  feed: z.string().trim().min(1, 'is missing').max(500, 'is too long'),
  frequency: z.enum(FREQUENCIES, { error: 'must be daily or weekly' }),
});
/** The form's fields as submitted (validated by requestDigest). */
export type DigestRequest = { email: string; feed: string; frequency: string };

const token = () => crypto.randomBytes(32).toString('hex');
const hash = (t: string) => crypto.createHash('sha256').update(t).digest('hex');

/** The feed a stored or submitted address follows, with its canonical address. */
export async function resolveFeed(db: Db, feed: string): Promise<{ path: string; target: FeedTarget }> {
  const url = new URL(feed, 'http://feed.invalid');
  const target = await feedTarget(db, url.pathname, url.searchParams);
  return { path: 'search' in target.scope ? searchFeedPath(target.page) : url.pathname, target };
}

/**
 * Records a request and sends its confirmation mail, unless the address already has this
 * subscription, had a confirmation for it in the last day, or has too many pending. The answer
 * is the same whatever happened, so the form reveals nothing about who subscribes to what.
 */
export async function requestDigest(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  input: DigestRequest,
): Promise<void> {
  const parsed = digestRequest.safeParse(input);
  if (!parsed.success)
    throw new AppError('CUS_VALIDATION', 'The subscription form is not complete', [
      ...parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
    ]);
  const { email, frequency } = parsed.data;
  let feed: Awaited<ReturnType<typeof resolveFeed>>;
  try {
    feed = await resolveFeed(db, parsed.data.feed);
  } catch (err) {
    if (!isAppError(err)) throw err;
    throw new AppError('CUS_VALIDATION', 'This is not a feed of this site', [
      { field: 'feed', message: err.message },
    ]);
  }
  const { rows } = await sql<{ n: number; pending: number }>`
    SELECT count(*)::int AS n, (count(*) FILTER (WHERE confirmed_at IS NULL))::int AS pending
    FROM digest_subscriptions WHERE email = ${email}`.execute(db);
  const existing = await db
    .selectFrom('digest_subscriptions')
    .select(['id', 'confirmed_at', 'confirmation_sent_at', 'unsubscribe_token'])
    .where('email', '=', email)
    .where('feed_path', '=', feed.path)
    .executeTakeFirst();
  if (existing?.confirmed_at) return;
  if (existing?.confirmation_sent_at && Date.now() - existing.confirmation_sent_at.getTime() < DAY_MS) return;
  if (!existing && (rows[0]!.pending >= MAX_PENDING || rows[0]!.n >= MAX_PER_ADDRESS)) return;
  const confirm = token();
  const row = existing
    ? await db
        .updateTable('digest_subscriptions')
        .set({
          token_hash: hash(confirm),
          frequency,
          confirmation_sent_at: new Date(),
          created_at: new Date(),
        })
        .where('id', '=', existing.id)
        .returning('unsubscribe_token')
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('digest_subscriptions')
        .values({
          email,
          feed_path: feed.path,
          frequency,
          token_hash: hash(confirm),
          unsubscribe_token: token(),
          confirmation_sent_at: new Date(),
        })
        .returning('unsubscribe_token')
        .executeTakeFirstOrThrow();
  await mailer.send(
    confirmationMail(baseUrl, {
      email,
      frequency,
      title: feed.target.title,
      confirm,
      unsubscribe: row.unsubscribe_token,
    }),
  );
}

/** Confirms a request by the token in its link; digests start from now. Null for a bad or old link. */
export async function confirmDigest(db: Db, confirm: string) {
  const row = await db
    .updateTable('digest_subscriptions')
    .set({ confirmed_at: new Date(), last_sent_at: new Date() })
    .where('token_hash', '=', hash(confirm))
    .where('confirmed_at', 'is', null)
    .where('confirmation_sent_at', '>', new Date(Date.now() - CONFIRM_DAYS * DAY_MS))
    .returning(['feed_path', 'frequency'])
    .executeTakeFirst();
  return row ?? null;
}

/** The subscription an unsubscribe link names (for the page that asks to confirm it). */
export function subscriptionByUnsubscribeToken(db: Db, unsubscribe: string) {
  return db
    .selectFrom('digest_subscriptions')
    .select(['feed_path', 'frequency', 'confirmed_at'])
    .where('unsubscribe_token', '=', unsubscribe)
    .executeTakeFirst();
}

/** Deletes a subscription, address and all. */
export async function unsubscribeDigest(db: Db, unsubscribe: string): Promise<boolean> {
  const r = await db
    .deleteFrom('digest_subscriptions')
    .where('unsubscribe_token', '=', unsubscribe)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** What one run of the digest job did. */
export interface DigestRun {
  due: number;
  sent: number;
  failed: number;
  purged: number;
}

// A digest is due a little before its full period, so an hourly job never slips an hour a day.
const DUE_MS: Record<Frequency, number> = { daily: DAY_MS - 3_600_000, weekly: 7 * DAY_MS - 3_600_000 };

/**
 * Sends every digest that is due: the records of its feed published since the last one (none:
 * no mail), each as its public page shows it. A failed send is retried at the next run.
 */
export async function sendDueDigests(
  db: Db,
  mailer: Mailer,
  baseUrl: string,
  now = new Date(),
): Promise<DigestRun> {
  const purged = await db
    .deleteFrom('digest_subscriptions')
    .where('confirmed_at', 'is', null)
    .where('created_at', '<', new Date(now.getTime() - CONFIRM_DAYS * DAY_MS))
    .executeTakeFirst();
  const due = await db
    .selectFrom('digest_subscriptions')
    .select(['id', 'email', 'feed_path', 'frequency', 'last_sent_at', 'unsubscribe_token'])
    .where('confirmed_at', 'is not', null)
    .where((eb) =>
      eb.or(
        FREQUENCIES.map((f) =>
          eb.and([eb('frequency', '=', f), eb('last_sent_at', '<=', new Date(now.getTime() - DUE_MS[f]))]),
        ),
      ),
    )
    .orderBy('last_sent_at')
    .execute();
  const run: DigestRun = { due: due.length, sent: 0, failed: 0, purged: Number(purged.numDeletedRows) };
  for (const sub of due) {
    const since = sub.last_sent_at!;
    let entries: FeedEntry[] = [];
    let title = '';
    try {
      const { target } = await resolveFeed(db, sub.feed_path);
      title = target.title;
      entries = (await feedEntries(db, target.scope)).filter(
        (e) => e.published > since && e.published <= now,
      );
    } catch (err) {
      // A followed page no longer public (withdrawn, held): nothing about it is sent.
      if (!isAppError(err)) throw err;
    }
    if (entries.length > 0) {
      try {
        await mailer.send(
          digestMail(baseUrl, { ...sub, frequency: sub.frequency as Frequency, title, since, entries }),
        );
        run.sent++;
      } catch {
        run.failed++;
        continue;
      }
    }
    await db
      .updateTable('digest_subscriptions')
      .set({ last_sent_at: now })
      .where('id', '=', sub.id)
      .execute();
  }
  return run;
}
