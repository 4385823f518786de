// Small helpers for public-page tests: publishing, corrections, fetching a page.
import type { Hono } from 'hono';
import { insertRecord } from '../../src/audit/records.ts';
import type { Db } from '../../src/db/client.ts';
import { setPublicationState, type PublishableTable } from '../../src/publication/service.ts';
import type { IncidentInput } from '../../src/incidents/schema.ts';
import { ACTOR, makeSourcedIncident } from './factories.ts';

/** Publishes a record through the publication service. */
export function publish(trx: Db, table: PublishableTable, id: string) {
  return setPublicationState(trx, ACTOR, table, id, 'published');
}

/** A published incident: made with the claim on a source that the sourcing rule (R4) needs, then published. */
export async function makePublishedIncident(
  db: Db,
  summary?: string,
  overrides: Partial<IncidentInput> = {},
) {
  const inc = await makeSourcedIncident(db, summary, overrides);
  await publish(db, 'incidents', inc.id);
  return inc;
}

/** Appends an entry to the corrections log through the audited write path. */
export function makeCorrection(
  trx: Db,
  values: {
    entityType: string;
    entityId: string;
    kind?: string;
    what: string;
    why: string;
    publishedAt: Date;
  },
) {
  return insertRecord(trx, ACTOR, 'corrections', {
    entity_type: values.entityType,
    entity_id: values.entityId,
    kind: values.kind ?? 'correction',
    what: values.what,
    why: values.why,
    actor: ACTOR,
    published_at: values.publishedAt,
  });
}

/** Fetches a page and returns its status, headers and body. */
export async function fetchPage(app: Hono, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { status: res.status, headers: res.headers, html: await res.text() };
}
