// The pages the page benchmark measures: for each, its URL (for the server timing) and the same
// page's loader and component (for the bare render from preloaded data).
import { sql } from '../src/db/kysely.ts';
import type { Child } from 'hono/jsx';
import type { Db } from '../src/db/client.ts';
import { IncidentPage, loadIncidentPage } from '../src/incidents/page.tsx';
import { HomePage, loadHomePage } from '../src/incidents/routes.tsx';
import { loadOfficerPage, OfficerPage } from '../src/officers/page.tsx';
import { loadSearchPage, SearchPage, type SearchPageData } from '../src/search/routes.tsx';
import { searchQuery } from '../src/search/schema.ts';

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

/** The generated incident or officer with the most allegations. */
export async function busiest(db: Db, column: 'incident_id' | 'officer_id', join: 'incidents' | 'officers') {
  const { rows } = await sql<{ slug: string; id: string; n: number }>`
    SELECT t.slug, t.id, count(*)::int AS n FROM allegations a JOIN ${sql.ref(join)} t ON t.id = a.${sql.ref(column)}
    WHERE t.slug LIKE 'bench-%' GROUP BY t.slug, t.id ORDER BY n DESC, t.slug LIMIT 1`.execute(db);
  return must(rows[0], `busiest ${join}`);
}

/** The benchmark's page list, resolved against the generated data. */
function searchCase(db: Db, name: string, query: Record<string, string>): PageCase {
  return {
    name: `search: ${name}`,
    url: `/search?${new URLSearchParams(query)}`,
    load: () => loadSearchPage(db, searchQuery.parse(query)),
    render: (d) => <SearchPage data={d as SearchPageData} />,
  };
}

export async function pageCases(db: Db): Promise<PageCase[]> {
  const incident = await busiest(db, 'incident_id', 'incidents');
  const officer = await busiest(db, 'officer_id', 'officers');
  const { rows } = await sql<{ published_name: string }>`
    SELECT published_name FROM officers WHERE slug = ${officer.slug}`.execute(db);
  const surname = rows[0]!.published_name.split(' ').at(-1)!;
  return [
    searchCase(db, 'phrase "Charing Cross"', { q: 'Charing Cross' }),
    searchCase(db, `surname "${surname}"`, { q: surname }),
    searchCase(db, 'shoulder number "1234"', { q: '1234' }),
    searchCase(db, 'common words "excessive force"', { q: 'excessive force' }),
    searchCase(db, 'filter only (status)', { status: 'gross_misconduct_proven' }),
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
