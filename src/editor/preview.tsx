// The editor's preview: the exact public page component with the record's drafts included.
import { Hono } from 'hono';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { sendPrivatePage } from '../http/cache.ts';
import { uuidParam } from '../http/query.ts';
import { IncidentPage, loadIncidentPage } from '../incidents/page.tsx';
import { loadOfficerPage, OfficerPage } from '../officers/page.tsx';
import { CLAIM_SUBJECTS } from '../publication/corrections.ts';
import { loadStatementPage, StatementPage } from '../statements/page.tsx';
import type { EditorEnv } from '../accounts/middleware.ts';
import { EditorLayout } from './layout.tsx';

type PageRef = { page: 'incidents' | 'officers' | 'statements'; id: string };

// Child records preview on the page of the record they belong to: table → column pointing up.
const UP: Record<string, { table: string; column: string }> = {
  allegations: { table: 'incidents', column: 'incident_id' },
  timeline_events: { table: 'incidents', column: 'incident_id' },
  findings: { table: 'allegations', column: 'allegation_id' },
  sanctions: { table: 'findings', column: 'finding_id' },
  officer_ranks: { table: 'officers', column: 'officer_id' },
  officer_postings: { table: 'officers', column: 'officer_id' },
  officer_identifiers: { table: 'officers', column: 'officer_id' },
};

async function columnOf(db: Db, table: string, id: string, column: string): Promise<string | null> {
  // Table and column names come from the fixed maps above, never from the request.
  const { rows } = await sql<{
    v: string | null;
  }>`SELECT ${sql.ref(column)}::text AS v FROM ${sql.ref(table)} WHERE id = ${id}`.execute(db);
  return rows[0]?.v ?? null;
}

/** The public page a record appears on, following parents up (allegation → incident…); null if none. */
export async function publicPageOf(db: Db, table: string, id: string, depth = 0): Promise<PageRef | null> {
  if (depth > 5) return null;
  if (table === 'incidents' || table === 'officers' || table === 'statements') return { page: table, id };
  const up = UP[table];
  if (up) {
    const parent = await columnOf(db, table, id, up.column);
    return parent ? publicPageOf(db, up.table, parent, depth + 1) : null;
  }
  if (table === 'claims') {
    for (const [column, subject] of Object.entries(CLAIM_SUBJECTS)) {
      const subjectId = await columnOf(db, 'claims', id, column);
      if (subjectId) return publicPageOf(db, subject, subjectId, depth + 1);
    }
  }
  return null;
}

async function renderPreview(db: Db, ref: PageRef) {
  if (ref.page === 'incidents') {
    const data = await loadIncidentPage(db, { id: ref.id }, { preview: true });
    return data && <IncidentPage data={data} />;
  }
  if (ref.page === 'officers') {
    const data = await loadOfficerPage(db, { id: ref.id }, { preview: true });
    return data && <OfficerPage data={data} />;
  }
  const data = await loadStatementPage(db, { id: ref.id }, { preview: true });
  return data && <StatementPage data={data} />;
}

/** GET /editor/preview/:type/:id — exactly what readers will see once the record is published. */
export function previewRoutes(db: Db): Hono<EditorEnv> {
  const app = new Hono<EditorEnv>();
  app.get('/preview/:type/:id', async (c) => {
    const type = c.req.param('type');
    const id = uuidParam(c, 'id');
    const ref = await publicPageOf(db, type, id);
    const page = ref && (await renderPreview(db, ref));
    if (page) return sendPrivatePage(c, page);
    const exists = /^[a-z_]+$/.test(type) && (await columnOf(db, type, id, 'id').catch(() => null));
    if (!exists) throw new AppError('CUS_NOT_FOUND', 'There is no such record.');
    // Withdrawn records, unnamed officers, people, sources and units have no public page of their own.
    return sendPrivatePage(
      c,
      <EditorLayout
        title="No public page"
        session={c.get('session')}
        crumbs={[{ href: `/editor/${type}/${id}`, label: 'Record' }]}
      >
        <h1>No public page to preview</h1>
        <p>
          This record has no public page of its own in its current state: people are never given pages,
          sources and units appear on the pages that cite them, an officer needs an officially published name,
          and a withdrawn record is no longer shown.
        </p>
      </EditorLayout>,
    );
  });
  return app;
}
