// Match proposals against what the database already holds: officers by the similarity of their
// published name (trigrams) and by shoulder number with force, units by the gazetteer link or
// name, incidents by date window, place and text (the duplicate finder the submission queue
// uses). Candidates come with their reasons and are never merged without an editor.
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { findOfficersByIdentifier } from '../officers/repository.ts';
import { suggestDuplicates } from '../submissions/duplicates.ts';
import type { ProposedBundle, ProposedItem } from './bundle.ts';
import type { GazetteerEntry } from './places.ts';

export interface Candidate {
  table: 'officers' | 'units' | 'incidents';
  id: string;
  label: string;
  reasons: string[];
}

/** Trigram similarity below this is chance resemblance between two names. */
const NAME_SIMILAR = 0.5;
const two = (x: number) => Number(x).toFixed(2);

async function forceId(db: Db, slug: unknown): Promise<string | undefined> {
  if (typeof slug !== 'string') return undefined;
  return (await db.selectFrom('forces').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

async function officerCandidates(db: Db, item: ProposedItem): Promise<Candidate[]> {
  const p = item.proposed;
  const force = await forceId(db, p.forceSlug);
  const out: Candidate[] = [];
  if (typeof p.name === 'string') {
    const { rows } = await sql<{
      id: string;
      published_name: string;
      force: string;
      sim: number;
      same_force: boolean;
    }>`
      SELECT o.id, o.published_name, f.name AS force, o.force_id = ${force ?? null}::uuid AS same_force,
        similarity(f_unaccent(lower(o.published_name)), f_unaccent(lower(${p.name}::text))) AS sim
      FROM officers o JOIN forces f ON f.id = o.force_id
      WHERE o.published_name IS NOT NULL
        AND similarity(f_unaccent(lower(o.published_name)), f_unaccent(lower(${p.name}::text))) >= ${NAME_SIMILAR}
      ORDER BY sim DESC, o.id LIMIT 5`.execute(db);
    for (const r of rows)
      out.push({
        table: 'officers',
        id: r.id,
        label: `${r.published_name} (${r.force})`,
        reasons: [
          `published name “${r.published_name}” is similar to “${p.name}” (${two(r.sim)})`,
          r.same_force ? 'same force' : 'a different force: check before linking',
        ],
      });
  }
  const ident = p.identifier as { type: string; value: string } | null;
  if (ident && force) {
    for (const r of await findOfficersByIdentifier(db, force, ident.value)) {
      const reason = `${ident.type.replace(/_/g, ' ')} ${r.identifier} in the same force (${r.valid_from ?? 'no start'} to ${r.valid_to ?? 'no end'}); a number alone identifies nobody (R11)`;
      const same = out.find((c) => c.id === r.officer_id);
      if (same) same.reasons.push(reason);
      else
        out.push({
          table: 'officers',
          id: r.officer_id,
          label: r.published_name ?? `Officer not named (${r.slug})`,
          reasons: [reason],
        });
    }
  }
  return out;
}

async function unitCandidates(db: Db, item: ProposedItem, gazetteer: GazetteerEntry[]): Promise<Candidate[]> {
  const entry = gazetteer.find((g) => g.id === item.proposed.gazetteerId);
  if (!entry || entry.kind === 'borough' || entry.kind === 'force') return [];
  const { rows } = await sql<{ id: string; name: string; linked: boolean; sim: number }>`
    SELECT u.id, u.name, u.id = ${entry.unitId ?? null}::uuid AS linked,
      similarity(f_unaccent(lower(u.name)), f_unaccent(lower(${entry.name}::text))) AS sim
    FROM units u
    WHERE u.force_id = ${entry.forceId}::uuid
      AND (u.id = ${entry.unitId ?? null}::uuid OR similarity(f_unaccent(lower(u.name)), f_unaccent(lower(${entry.name}::text))) >= ${NAME_SIMILAR})
    ORDER BY linked DESC, sim DESC LIMIT 3`.execute(db);
  return rows.map((r) => ({
    table: 'units' as const,
    id: r.id,
    label: r.name,
    reasons: [
      r.linked
        ? 'the unit this gazetteer entry stands for'
        : `unit name “${r.name}” is similar (${two(r.sim)}), same force`,
    ],
  }));
}

/** Existing records an item may be, with the reasons. */
export async function itemCandidates(
  db: Db,
  item: ProposedItem,
  gazetteer: GazetteerEntry[],
): Promise<Candidate[]> {
  if (item.kind === 'officer') return officerCandidates(db, item);
  if (item.kind === 'place') return unitCandidates(db, item, gazetteer);
  return [];
}

/** Existing incidents the article may describe (date window, place, text, shoulder numbers). */
export async function incidentCandidates(db: Db, bundle: ProposedBundle, text: string): Promise<Candidate[]> {
  const identifiers = bundle.items
    .filter((i) => i.kind === 'officer' && i.proposed.identifier)
    .map((i) => (i.proposed.identifier as { value: string }).value);
  const found = await suggestDuplicates(db, {
    ...(bundle.incident.occurredOn ? { occurredOn: bundle.incident.occurredOn } : {}),
    ...(bundle.incident.place ? { place: bundle.incident.place } : {}),
    ...((await forceId(db, bundle.incident.forceSlug))
      ? { forceId: await forceId(db, bundle.incident.forceSlug) }
      : {}),
    identifiers,
    text: `${bundle.title}\n${text.slice(0, 1500)}`,
  });
  return found.incidents.map((i) => ({
    table: 'incidents' as const,
    id: i.id,
    label: `${i.title} (${i.publicationState})`,
    reasons: i.reasons,
  }));
}
