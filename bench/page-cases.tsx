// The pages the page benchmark measures: for each, its URL (for the server timing) and the same
// page's loader and component (for the bare render from preloaded data).
import { sql } from 'kysely';
import type { Child } from 'hono/jsx';
import type { Db } from '../src/db/client.ts';
import { IncidentPage, loadIncidentPage } from '../src/incidents/page.tsx';
import { HomePage, loadHomePage } from '../src/incidents/routes.tsx';
import { loadOfficerPage, OfficerPage } from '../src/officers/page.tsx';

/** One measured page. */
export interface PageCase {
  name: string;
  url: string;
  load(): Promise<unknown>;
  render(data: unknown): Child & { toString(): string | Promise<string> };
}

function must<T>(x: T | null | undefined, what: string): T {
  if (x === null || x === undefined) throw new Error(`benchmark page data missing: ${what}`);
  return x;
}

async function busiest(db: Db, column: 'incident_id' | 'officer_id', join: 'incidents' | 'officers') {
  const { rows } = await sql<{ slug: string; id: string; n: number }>`
    SELECT t.slug, t.id, count(*)::int AS n FROM allegations a JOIN ${sql.ref(join)} t ON t.id = a.${sql.ref(column)}
    WHERE t.slug LIKE 'bench-%' GROUP BY t.slug, t.id ORDER BY n DESC, t.slug LIMIT 1`.execute(db);
  return must(rows[0], `busiest ${join}`);
}

/** The benchmark's page list, resolved against the generated data. */
export async function pageCases(db: Db): Promise<PageCase[]> {
  const incident = await busiest(db, 'incident_id', 'incidents');
  const officer = await busiest(db, 'officer_id', 'officers');
  return [
    {
      name: 'home',
      url: '/',
      load: () => loadHomePage(db),
      render: (d) => <HomePage {...(d as Awaited<ReturnType<typeof loadHomePage>>)} />,
    },
    {
      name: 'incident (demo, Panorama)',
      url: '/incidents/panorama-charing-cross-2025',
      load: async () =>
        must(
          await loadIncidentPage(db, { slug: 'panorama-charing-cross-2025' }, { preview: false }),
          'Panorama',
        ),
      render: (d) => <IncidentPage data={d as never} />,
    },
    {
      name: `incident (busiest, ${incident.n} alleg.)`,
      url: `/incidents/${incident.slug}`,
      load: async () =>
        must(await loadIncidentPage(db, { slug: incident.slug }, { preview: false }), incident.slug),
      render: (d) => <IncidentPage data={d as never} />,
    },
    {
      name: `officer (busiest, ${officer.n} alleg.)`,
      url: `/officers/${officer.slug}`,
      load: async () =>
        must(await loadOfficerPage(db, { slug: officer.slug }, { preview: false }), officer.slug),
      render: (d) => <OfficerPage data={d as never} />,
    },
  ];
}
