import { Hono } from 'hono';
import { appendAudit } from '../audit/chain.ts';
import type { JsonValue } from '../db/schema.generated.ts';
import type { EditorEnv } from '../accounts/middleware.ts';
import { requirePermission } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { csvFilename, csvResponse, csvRow } from '../http/csv.ts';
import { parseQuery } from '../http/query.ts';
import { AuditLogPage } from './page.tsx';
import { accountChoices, auditExport, auditPage, entityTypes, type AuditEntryView } from './repository.ts';
import { auditExportQuery, auditQuery, type AuditFilters } from './schema.ts';

/** The export's columns, in order. */
export const CSV_COLUMNS = [
  'seq',
  'occurred_at',
  'actor',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'diff',
  'hash',
  'prev_hash',
] as const;

function csvLine(r: AuditEntryView): string {
  return csvRow([
    r.seq,
    r.occurredAt.toISOString(),
    r.actor,
    r.actorName,
    r.action,
    r.entityType,
    r.entityId,
    JSON.stringify(r.diff),
    r.hash,
    r.prevHash,
  ]);
}

async function* csvChunks(db: Db, f: AuditFilters): AsyncGenerator<string> {
  yield csvRow(CSV_COLUMNS);
  for await (const batch of auditExport(db, f)) yield batch.map(csvLine).join('');
}

/**
 * GET /editor/audit and /editor/audit.csv: the audit log for admins (permission audit.read).
 * Mounted inside the editor router, so sign-in and CSRF are already enforced, and before the
 * generic /:type routes, which would otherwise take "audit" for a kind of record.
 */
export function auditViewerRoutes(db: Db): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/audit', async (c) => {
    const session = c.get('session');
    requirePermission(session.user, 'audit.read', 'read the audit log');
    const query = parseQuery(c, auditQuery);
    const [page, accounts, types] = await Promise.all([
      auditPage(db, query),
      accountChoices(db),
      entityTypes(db),
    ]);
    return sendPrivatePage(
      c,
      <AuditLogPage session={session} query={query} options={{ accounts, entityTypes: types }} page={page} />,
    );
  });
  app.get('/audit.csv', async (c) => {
    const user = c.get('session').user;
    requirePermission(user, 'audit.read', 'export the audit log');
    const filters = parseQuery(c, auditExportQuery);
    // Who took a copy of the log, with which filters, is itself in the log.
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: `user:${user.id}`,
        action: 'audit.export',
        entityType: 'audit_log',
        entityId: 'export',
        diff: JSON.parse(JSON.stringify(filters)) as JsonValue,
      }),
    );
    return csvResponse(c, csvFilename('custodiet-audit'), csvChunks(db, filters));
  });
  return app;
}
