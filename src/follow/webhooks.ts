// Webhooks for newly published records. Admins subscribe a URL (optionally one force); each
// record published after the subscription was made is announced once (a unique key per
// subscription and record), as a JSON body signed with the subscription's secret:
//   Custodiet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">
// Deliveries run as pg-boss jobs with retries and a growing delay.
import crypto from 'node:crypto';
import { sql } from '../db/kysely.ts';
import { appendAudit } from '../audit/chain.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { renderProblems } from '../publication/render-guard.ts';

/** The signature header's name. */
export const SIGNATURE_HEADER = 'Custodiet-Signature';

/** The signature of `body` at time `t` (unix seconds). */
export function sign(secret: string, t: number, body: string): string {
  return `t=${t},v1=${crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * Checks a signature header as a receiver should: the HMAC over the exact bytes received, compared
 * in constant time, and a timestamp within `toleranceSeconds` of now (against replays).
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  now = Date.now(),
  toleranceSeconds = 300,
): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, t, body).slice(-64), 'hex');
  return crypto.timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

/** Creates a subscription; returns it with its secret (shown once to the admin). */
export async function createSubscription(
  db: Db,
  actor: string,
  input: { url: string; description?: string; forceId?: string },
) {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new AppError('CUS_VALIDATION', 'The address is not a URL', [
      { field: 'url', message: 'must be an http(s) URL' },
    ]);
  }
  if (!/^https?:$/.test(url.protocol))
    throw new AppError('CUS_VALIDATION', 'The address is not a URL', [
      { field: 'url', message: 'must be an http(s) URL' },
    ]);
  const secret = crypto.randomBytes(32).toString('hex');
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('webhook_subscriptions')
      .values({
        url: url.toString(),
        secret,
        description: input.description?.trim() || null,
        force_id: input.forceId ?? null,
        created_by: actor,
      })
      .returning(['id', 'url', 'created_at'])
      .executeTakeFirstOrThrow();
    // The secret stays out of the audit log: anyone reading the log could forge deliveries.
    await appendAudit(trx, {
      actor,
      action: 'webhook.subscribe',
      entityType: 'webhook_subscriptions',
      entityId: row.id,
      diff: { url: row.url, force_id: input.forceId ?? null },
    });
    return { ...row, secret };
  });
}

/** Removes a subscription and its delivery log. */
export async function deleteSubscription(db: Db, actor: string, id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const r = await trx.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw new AppError('CUS_NOT_FOUND', 'There is no such subscription.');
    await appendAudit(trx, {
      actor,
      action: 'webhook.unsubscribe',
      entityType: 'webhook_subscriptions',
      entityId: id,
      diff: {},
    });
  });
}

type Published = {
  type: 'incident' | 'allegation' | 'statement';
  id: string;
  incident_id: string | null;
  force: string;
  path: string;
  title: string;
  published_at: Date;
};

// Public records published after `since`, of one force or all, that no delivery to `sub` names yet.
async function unannounced(
  db: Db,
  sub: { id: string; force_id: string | null; created_at: Date },
): Promise<Published[]> {
  const force = sub.force_id ? sql`AND f.id = ${sub.force_id}` : sql``;
  const fresh = (t: string, id: string) =>
    sql`NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = ${sub.id} AND d.record_type = ${t} AND d.record_id = ${sql.ref(id)})`;
  const { rows } = await sql<Published>`
    SELECT 'incident' AS type, i.id, i.id AS incident_id, f.slug AS force, '/incidents/' || i.slug AS path, i.title, i.published_at
      FROM incidents i JOIN forces f ON f.id = i.force_id
      WHERE i.publication_state = 'published' AND NOT i.proceedings_active AND i.published_at > ${sub.created_at} ${force} AND ${fresh('incident', 'i.id')}
    UNION ALL
    SELECT 'allegation', a.id, a.incident_id, f.slug, '/incidents/' || i.slug || '#allegation-' || a.id, i.title, a.published_at
      FROM allegations a JOIN incidents i ON i.id = a.incident_id JOIN forces f ON f.id = i.force_id
      WHERE a.visible AND a.published_at > ${sub.created_at} ${force} AND ${fresh('allegation', 'a.id')}
    UNION ALL
    SELECT 'statement', s.id, NULL, f.slug, '/statements/' || s.slug, s.speaker_name || ', ' || s.speaker_role, s.published_at
      FROM statements s JOIN forces f ON f.id = s.force_id
      WHERE s.publication_state = 'published' AND s.published_at > ${sub.created_at} ${force} AND ${fresh('statement', 's.id')}
    ORDER BY published_at LIMIT 500`.execute(db);
  return rows;
}

/**
 * Finds records published since each active subscription began and not yet announced to it, and
 * records one pending delivery each (the exact body to send). Records on pages the render guard
 * refuses are not announced (they will be once the page is public again). Returns the new ids.
 */
export async function announce(db: Db, baseUrl: string): Promise<string[]> {
  const subs = await db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'force_id', 'created_at'])
    .where('active', '=', true)
    .execute();
  const ids: string[] = [];
  for (const sub of subs)
    for (const r of await unannounced(db, sub)) {
      const table = r.type === 'statement' ? 'statements' : 'incidents';
      if ((await renderProblems(db, table, r.type === 'statement' ? r.id : r.incident_id!)).length > 0)
        continue;
      const body = JSON.stringify({
        event: 'record.published',
        record: {
          type: r.type,
          id: r.id,
          force: r.force,
          title: r.title,
          url: baseUrl + r.path,
          publishedAt: r.published_at.toISOString(),
        },
      });
      const row = await db
        .insertInto('webhook_deliveries')
        .values({ subscription_id: sub.id, record_type: r.type, record_id: r.id, body })
        .onConflict((oc) => oc.constraint('webhook_deliveries_once').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) ids.push(row.id);
    }
  return ids;
}

/** What one delivery attempt did. */
export type DeliveryOutcome =
  { status: 'delivered'; http: number } | { status: 'retry'; error: string } | { status: 'gone' };

/** Sends one delivery: POSTs the stored body with its signature; 2xx is success. */
export async function deliver(db: Db, deliveryId: string, timeoutMs = 10_000): Promise<DeliveryOutcome> {
  const d = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.id', 'd.body', 'd.status', 'd.record_type', 's.url', 's.secret', 's.active'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!d || !d.active || d.status === 'delivered') return { status: 'gone' };
  const t = Math.floor(Date.now() / 1000);
  let outcome: DeliveryOutcome;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      body: d.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Custodiet-Webhooks',
        [SIGNATURE_HEADER]: sign(d.secret, t, d.body),
        'Custodiet-Delivery': d.id,
      },
    });
    await res.arrayBuffer().catch(() => undefined);
    outcome =
      res.status >= 200 && res.status < 300
        ? { status: 'delivered', http: res.status }
        : { status: 'retry', error: `HTTP ${res.status}` };
    await db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_status: res.status,
        last_error: outcome.status === 'retry' ? outcome.error : null,
        ...(outcome.status === 'delivered' ? { status: 'delivered', delivered_at: new Date() } : {}),
      }))
      .where('id', '=', d.id)
      .execute();
  } catch (err) {
    outcome = { status: 'retry', error: (err as Error).message.slice(0, 300) };
    await db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: outcome.status === 'retry' ? outcome.error : null,
      }))
      .where('id', '=', d.id)
      .execute();
  }
  return outcome;
}

/** Marks a delivery failed for good (after the last retry). */
export async function giveUp(db: Db, deliveryId: string): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status: 'failed' }).where('id', '=', deliveryId).execute();
}
