import { cached } from '../db/cache.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { allowedTexts, publicTextsById } from '../legal/pii-repository.ts';
import { describeFinding, scanPii } from '../legal/pii.ts';
import { ORDER_TYPES, restrictionsAmong } from '../legal/restrictions.ts';
import { minorProblemsAmong } from '../legal/minors.ts';
import type { CheckProblem } from './checks.ts';
import { incidentsOfMany } from './involvement.ts';
import type { PublishableTable } from './service.ts';

/** How long a render verdict is reused; writes made through this process invalidate it at once. */
const TTL_MS = 60_000;
const CHUNK = 500;

// The allegations each page shows besides its own text: an incident's, or an officer's, visible ones.
async function shownAllegations(
  db: Db,
  table: PublishableTable,
  ids: string[],
): Promise<Map<string, string[]>> {
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  if ((table !== 'incidents' && table !== 'officers') || ids.length === 0) return out;
  const column = table === 'incidents' ? 'incident_id' : 'officer_id';
  const rows = await db
    .selectFrom('allegations')
    .select(['id', `${column} as page`])
    .where(column, 'in', ids)
    .where('visible', '=', true)
    .execute();
  for (const r of rows) if (r.page) out.get(r.page)?.push(r.id);
  return out;
}

/**
 * The day (UTC, ISO) the guard's verdicts are for: orders start and expire and reply deadlines pass
 * by it. Anything that keeps a verdict (the public download) keeps it for this day only.
 */
export const guardDay = (now = new Date()): string => now.toISOString().slice(0, 10);

// The checks for several pages of one table, with every query asked once for all of them.
async function problemsAmong(db: Db, table: PublishableTable, ids: string[]) {
  const today = guardDay();
  const texts = await publicTextsById(db, table, ids);
  const shown = await shownAllegations(db, table, ids);
  const allegationTexts = await publicTextsById(db, 'allegations', [...new Set([...shown.values()].flat())]);
  for (const [id, xs] of texts)
    xs.push(...(shown.get(id) ?? []).flatMap((a) => allegationTexts.get(a) ?? []));
  // Both checks ask what the pages are about: read once for them.
  const incidents = await incidentsOfMany(db, table, ids);
  const restrictions = await restrictionsAmong(db, incidents, texts, today);
  const minors = await minorProblemsAmong(db, table, incidents, texts);
  const allowed = await allowedTexts(db);
  const out = new Map<string, CheckProblem[]>();
  for (const [id, xs] of texts) {
    const problems: CheckProblem[] = [];
    for (const r of restrictions.get(id) ?? [])
      problems.push({
        rule: 'R6',
        message: `${ORDER_TYPES[r.orderType]} (${r.caseReference}): ${r.because}`,
      });
    for (const message of minors.get(id) ?? []) problems.push({ rule: 'R8', message });
    for (const f of scanPii(xs.join('\n'), allowed))
      problems.push({ rule: 'R10', message: `contains ${describeFinding(f)}` });
    out.set(id, problems);
  }
  return out;
}

/**
 * The legal checks that can turn against a page after it was published, run again when it is
 * rendered: a reporting restriction made since (R6), a school or photo in a record about a child
 * (R8), and personal details that are no longer allowed (R10: an allowlist entry withdrawn). Publication-time rules about process (sources,
 * approvals) are not re-run: they describe how the record got here, not what reading it risks.
 */
export async function renderProblems(db: Db, table: PublishableTable, id: string): Promise<CheckProblem[]> {
  return (await renderProblemsAmong(db, table, [id])).get(id) ?? [];
}

// A few hundred pages at a time keeps each query's arrays and texts a bounded size.
async function inChunks(db: Db, table: PublishableTable, ids: string[]) {
  const out = new Map<string, CheckProblem[]>();
  for (let i = 0; i < ids.length; i += CHUNK)
    for (const [id, problems] of await problemsAmong(db, table, ids.slice(i, i + CHUNK)))
      out.set(id, problems);
  return out;
}

/**
 * renderProblems for many pages of one table (a list of 200 allegations links some 400): each
 * page's verdict is cached as before, and those not cached are worked out together in a few
 * queries, not a dozen per page, so verdicts that expire together cost one short pause.
 */
export async function renderProblemsAmong(
  db: Db,
  table: PublishableTable,
  ids: string[],
): Promise<Map<string, CheckProblem[]>> {
  const unique = [...new Set(ids)];
  const missing: string[] = [];
  let batch: Promise<Map<string, CheckProblem[]>> | undefined;
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  // cached() calls its compute function at once on a miss: each miss enrols its id, then waits
  // for the one batch that the loop below starts once every id has been looked up.
  // One entry per record (not per day): the 60-second life also carries orders across midnight.
  const verdicts = unique.map((id) =>
    cached(db, `render-guard:${table}:${id}`, TTL_MS, async () => {
      missing.push(id);
      await started;
      return (await batch!).get(id) ?? [];
    }),
  );
  if (missing.length > 0) batch = inChunks(db, table, missing);
  start();
  const values = await Promise.all(verdicts);
  return new Map(unique.map((id, i) => [id, values[i]!]));
}

/**
 * Refuses to render a public page the legal checks now block (451). The notice says nothing of
 * why: naming the order or the detail would itself publish what is withheld.
 */
export async function guardRender(db: Db, table: PublishableTable, id: string): Promise<void> {
  const problems = await renderProblems(db, table, id);
  if (problems.length > 0)
    throw new AppError('CUS_LEGAL_HOLD', 'This page is unavailable while we review it for legal reasons.');
}
