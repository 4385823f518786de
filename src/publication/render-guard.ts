import { cached } from '../db/cache.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { allowedTexts, publicTexts, publicTextsOf } from '../legal/pii-repository.ts';
import { describeFinding, scanPii } from '../legal/pii.ts';
import { ORDER_TYPES, restrictionsOn } from '../legal/restrictions.ts';
import { minorProblems } from '../legal/minors.ts';
import type { CheckProblem } from './checks.ts';
import type { PublishableTable } from './service.ts';

/** How long a render verdict is reused; writes made through this process invalidate it at once. */
const TTL_MS = 60_000;

// The allegations a page shows besides its own text: an incident's, or an officer's, visible ones.
async function shownAllegations(db: Db, table: PublishableTable, id: string): Promise<string[]> {
  if (table !== 'incidents' && table !== 'officers') return [];
  const column = table === 'incidents' ? 'incident_id' : 'officer_id';
  const rows = await db
    .selectFrom('allegations')
    .select('id')
    .where(column, '=', id)
    .where('visible', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The legal checks that can turn against a page after it was published, run again when it is
 * rendered: a reporting restriction made since (R6), a school or photo in a record about a child
 * (R8), and personal details that are no longer allowed (R10: an allowlist entry withdrawn). Publication-time rules about process (sources,
 * approvals) are not re-run: they describe how the record got here, not what reading it risks.
 */
export function renderProblems(db: Db, table: PublishableTable, id: string): Promise<CheckProblem[]> {
  // One entry per record (not per day): the 60-second life also carries orders across midnight.
  return cached(db, `render-guard:${table}:${id}`, TTL_MS, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const texts = await publicTexts(db, table, id);
    texts.push(...(await publicTextsOf(db, 'allegations', await shownAllegations(db, table, id))));
    const problems: CheckProblem[] = [];
    for (const r of await restrictionsOn(db, table, id, texts, today))
      problems.push({
        rule: 'R6',
        message: `${ORDER_TYPES[r.orderType]} (${r.caseReference}): ${r.because}`,
      });
    for (const message of await minorProblems(db, table, id, texts)) problems.push({ rule: 'R8', message });
    for (const f of scanPii(texts.join('\n'), await allowedTexts(db)))
      problems.push({ rule: 'R10', message: `contains ${describeFinding(f)}` });
    return problems;
  });
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
