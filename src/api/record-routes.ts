// Token endpoints over the editor's records: read them as the editor shows them (read:drafts),
// create and change them through the editor's own save path (write:<kind>), and send a draft for
// review (submit:review). Nothing here publishes: review, two-person approval and publishing
// stay in the editor, and every change is audited as `token:<id>`.
import { sql } from '../db/kysely.ts';
import { z } from 'zod';
import { appendAudit } from '../audit/chain.ts';
import { historyRow } from '../audit/history.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import type { EntityDef } from '../editor/entity.ts';
import { ENTITIES } from '../editor/registry.ts';
import { getRow } from '../editor/repository.ts';
import { saveRecordWrite } from '../editor/save.ts';
import { AppError } from '../errors/catalogue.ts';
import { strongEtag } from '../http/cache.ts';
import type { PublishableTable } from '../publication/service.ts';
import { changeState } from '../publication/workflow.ts';
import { publicationState } from '../schema/common.ts';
import { decodeCursor, encodeCursor, pageQuery } from './collections.ts';
import { plain } from './json.ts';
import { component, id, pageOf } from './registry.ts';
import { defineRoute, type ApiCall, type ApiRoute } from './route.ts';
import { WRITE_SCOPES } from './scopes.ts';
import type { TokenPrincipal } from './tokens.ts';

/** A record as stored (derived columns left out), as the editor shows it. */
export const StoredRecord = component(
  'StoredRecord',
  z.object({
    type: z.string(),
    id,
    data: z
      .record(z.string(), z.unknown())
      .describe(
        'The stored row, its columns in camelCase (the input of create and replace is the service’s own shape).',
      ),
  }),
  'A record as the editor shows it, whatever its publication state. Send its ETag as If-Match when replacing it.',
);

const StoredRecordPage = pageOf('StoredRecord', StoredRecord);

const Saved = component(
  'SavedRecord',
  z.object({ type: z.string(), id, changed: z.boolean() }),
  'The record written; changed is false when the new content equals the stored one.',
);

const CorrectionNoteInput = component(
  'CorrectionNoteInput',
  z.object({ kind: z.string(), what: z.string(), why: z.string() }).strict(),
  'Required when the record is already public (rule R15): what changed, and why, for the corrections log.',
);

const writeBody = (def: EntityDef) =>
  z.object({ data: def.schema, correction: CorrectionNoteInput.optional() }).strict();

const byId = z.object({ id });

function recordView(def: EntityDef, row: Record<string, unknown>) {
  return { type: def.type, id: String(row.id), data: historyRow(row) };
}

async function requireRow(db: Db, def: EntityDef, recordId: string) {
  const row = await getRow(db, def.type, recordId.toLowerCase());
  if (!row) throw new AppError('CUS_NOT_FOUND', `There is no ${def.singular} with this id.`);
  return row;
}

/** Draft reads are a use of the token's authority: each is written to the audit log. */
function auditRead(db: Db, principal: TokenPrincipal | null, entityType: string, entityId: string) {
  return db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: principal!.editor.actor!,
      action: 'api.read',
      entityType,
      entityId,
      diff: {},
    }),
  );
}

/** If-Match against the record's current representation (strong comparison). */
async function checkIfMatch(call: ApiCall<unknown, unknown, unknown>, def: EntityDef, recordId: string) {
  const ifMatch = call.c.req.header('if-match');
  if (ifMatch === undefined) return;
  const row = await requireRow(call.deps.db, def, recordId);
  const current = strongEtag(JSON.stringify(StoredRecord.parse(plain(recordView(def, row)))));
  if (!ifMatch.split(',').some((t) => t.trim() === '*' || t.trim() === current))
    throw new AppError('CUS_PRECONDITION_FAILED', 'Read the record again and reapply your change.');
}

function parentOf(def: EntityDef, data: Record<string, unknown>) {
  const values = Object.fromEntries(
    Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return def.parentOf?.(values) ?? null;
}

async function save(
  call: ApiCall<unknown, unknown, { data: unknown; correction?: z.output<typeof CorrectionNoteInput> }>,
  def: EntityDef,
  recordId?: string,
) {
  const data = (call.body.data ?? {}) as Record<string, unknown>;
  const saved = await saveRecordWrite(
    call.deps.db,
    call.principal!.editor,
    def,
    {
      input: data,
      note: call.body.correction ?? { kind: '', what: '', why: '' },
      parent: parentOf(def, data),
    },
    recordId,
  );
  // A new source's first snapshot waits for capture: queue it once the save has committed.
  if (def.type === 'sources' && !recordId) await call.deps.capture?.sweep();
  return { type: def.type, ...saved };
}

function routesFor(def: EntityDef): ApiRoute[] {
  const scope = WRITE_SCOPES[def.type]!;
  const tag = 'Records (token)';
  const listQuery = def.publishable ? pageQuery.extend({ state: publicationState.optional() }) : pageQuery;
  const routes: ApiRoute[] = [
    defineRoute({
      method: 'get',
      path: `/records/${def.type}`,
      operationId: `list-records-${def.type}`,
      tag,
      summary: `List ${def.plural.toLowerCase()} in any state`,
      scope: 'read:drafts',
      query: listQuery,
      response: StoredRecordPage,
      async handler({ deps, query, principal }) {
        const q = query as z.output<typeof pageQuery> & { state?: string };
        const after = q.cursor ? decodeCursor(q.cursor) : null;
        const { rows } = await sql<Record<string, unknown>>`
          SELECT * FROM ${sql.table(def.type)}
          WHERE ${after === null ? sql`true` : sql`id > ${after}::uuid`}
            ${q.state ? sql`AND publication_state = ${q.state}` : sql``}
          ORDER BY id LIMIT ${q.limit}`.execute(deps.db);
        await auditRead(deps.db, principal, def.type, '*');
        const next = rows.length === q.limit ? encodeCursor(String(rows[rows.length - 1]!.id)) : null;
        return { items: rows.map((r) => recordView(def, r)), next };
      },
    }),
    defineRoute({
      method: 'get',
      path: `/records/${def.type}/{id}`,
      operationId: `get-record-${def.type}`,
      tag,
      summary: `Read one ${def.singular}, in any state`,
      scope: 'read:drafts',
      params: byId,
      response: StoredRecord,
      errors: [404],
      async handler({ deps, params, principal }) {
        const row = await requireRow(deps.db, def, params.id);
        await auditRead(deps.db, principal, def.type, String(row.id));
        return recordView(def, row);
      },
    }),
    defineRoute({
      method: 'post',
      path: `/records/${def.type}`,
      operationId: `create-record-${def.type}`,
      tag,
      summary: `Create ${def.publishable ? `a draft ${def.singular}` : `a ${def.singular}`}`,
      description:
        'Through the editor’s own service: validated, audited, and a draft until people review and publish it.',
      scope,
      body: writeBody(def),
      response: Saved,
      status: 201,
      errors: [409, 422],
      handler: (call) => save(call, def),
    }),
    defineRoute({
      method: 'put',
      path: `/records/${def.type}/{id}`,
      operationId: `replace-record-${def.type}`,
      tag,
      summary: `Replace the content of a ${def.singular}`,
      description:
        'The whole input, as for create. Send If-Match with the ETag you read to avoid overwriting someone else’s change (412).',
      scope,
      params: byId,
      body: writeBody(def),
      response: Saved,
      errors: [404, 409, 412, 422],
      async handler(call) {
        await checkIfMatch(call, def, call.params.id);
        return save(call, def, call.params.id.toLowerCase());
      },
    }),
  ];
  if (def.publishable)
    routes.push(
      defineRoute({
        method: 'post',
        path: `/records/${def.type}/{id}/submit`,
        operationId: `submit-record-${def.type}`,
        tag,
        summary: `Send a draft ${def.singular} for review`,
        scope: 'submit:review',
        params: byId,
        response: Saved,
        errors: [404, 409],
        async handler({ deps, params, principal }) {
          const recordId = params.id.toLowerCase();
          await inTransaction(deps.db, (trx) =>
            changeState(trx, principal!.editor, def.type as PublishableTable, recordId, 'in_review', null),
          );
          return { type: def.type, id: recordId, changed: true };
        },
      }),
    );
  return routes;
}

/** The token endpoints of every record kind an API token may write. */
export const RECORD_ROUTES: readonly ApiRoute[] = ENTITIES.filter((d) => d.type in WRITE_SCOPES).flatMap(
  routesFor,
);
