// Duplicate suggestions for the anonymous-submission moderation queue: existing incidents the
// submission may repeat and officers it may concern. These are prompts for a human moderator,
// never matches: a shoulder number alone identifies nobody (rule R11), so every officer comes
// with the force and the period the number was held, and every suggestion says why it was made.
// Two queries whatever the input: the officers, then the incidents (which use the officers found).
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { uuid } from '../schema/common.ts';
import { PUBLIC_IDENTIFIER_TYPES } from '../search/match.ts';
import { identifierKey, submittedDate, submittedIdentifiers, submittedText, TEXT_PREFIX } from './facts.ts';
import { incidentEnd } from '../incidents/dates.ts';

/** What the moderator read in a decrypted submission (passed in; never stored in clear). */
export interface SubmissionFacts {
  /** 'YYYY-MM-DD' as the submitter gave it; an impossible date counts as absent. */
  occurredOn?: string;
  place?: string;
  forceId?: string;
  /** Shoulder or badge numbers as typed: case and spaces do not matter. */
  identifiers: string[];
  text: string;
}

export interface IncidentSuggestion {
  id: string;
  slug: string;
  title: string;
  occurredOn: string | null;
  place: string | null;
  publicationState: string;
  score: number;
  reasons: string[];
}

export interface OfficerSuggestion {
  id: string;
  displayName: string;
  forceName: string;
  identifier: string;
  identifierType: string;
  validFrom: string | null;
  validTo: string | null;
  reasons: string[];
}

export interface DuplicateSuggestions {
  incidents: IncidentSuggestion[];
  officers: OfficerSuggestion[];
}

const two = (x: number) => x.toFixed(2);

/** Half-width of the date window, in days. */
const DATE_WINDOW = 14;
/** Trigram similarity below this is what unrelated English shares ("police station", "the"). */
const SIMILAR = 0.3;
/**
 * Score weights. Each part is between 0 and 1 and counts only when it makes the incident a
 * candidate at all (date within the window, similarity at least SIMILAR, or a linked officer):
 * - officer 0.4: a number the submitter read off a uniform, held on that date, is the most specific fact;
 * - text 0.4: trigram similarity of whole accounts runs low (0.3–0.5 for the same event), so it weighs more than place;
 * - date 0.3: 1 on the day, falling to 1/15 at 14 days apart; an incident known only to the month
 *   or year is scaled by 15 / (days in its period), as "in 2024" says little about 3 May 2024;
 * - place 0.25: place names share words ("police station"), so a close place alone is weak.
 * MIN_SCORE lets one good reason through alone (a linked officer; a day-precise date up to 7 days
 * away; place above 0.6; text above 0.38) and drops a lone weak one (a date 10 days away, a date
 * merely inside an incident's month, a place sharing only "police station").
 */
const WEIGHT = { officer: 0.4, text: 0.4, date: 0.3, place: 0.25 } as const;
const MIN_SCORE = 0.15;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;
/** Enough for every holder of a few numbers across forces; a page of hundreds would help nobody. */
const MAX_OFFICERS = 100;

interface OfficerRow {
  id: string;
  display_name: string;
  force_name: string;
  identifier: string;
  identifier_type: string;
  valid_from: string | null;
  valid_to: string | null;
}

/**
 * Officers holding any typed identifier (case and spaces ignored), in the chosen force if any
 * and on the submitted date if any (NULL validity ends are open). Only numbers a member of the
 * public can read (shoulder numbers, ciphers, badges): warrant and payroll numbers are personal.
 */
async function matchOfficers(db: Db, variants: string[], forceId?: string, onDate?: string) {
  if (variants.length === 0) return [];
  const { rows } = await sql<OfficerRow>`
    SELECT o.id, coalesce(o.published_name, 'Officer not named (' || o.slug || ')') AS display_name,
      f.name AS force_name, oi.identifier, oi.identifier_type, oi.valid_from, oi.valid_to
    FROM officer_identifiers oi
    JOIN officers o ON o.id = oi.officer_id
    JOIN forces f ON f.id = oi.force_id
    WHERE upper(oi.identifier) = ANY(${variants}::text[])
      AND oi.identifier_type = ANY(${[...PUBLIC_IDENTIFIER_TYPES]}::text[])
      AND (${forceId ?? null}::uuid IS NULL OR oi.force_id = ${forceId ?? null}::uuid)
      AND (${onDate ?? null}::date IS NULL OR daterange(oi.valid_from, oi.valid_to, '[]') @> ${onDate ?? null}::date)
    ORDER BY upper(oi.identifier), f.name, oi.valid_from NULLS FIRST, o.id
    LIMIT ${MAX_OFFICERS}`.execute(db);
  return rows;
}

/**
 * A published name counts as mentioned when this share of its trigrams appears together in the
 * text: the full name almost always passes, a surname alone rarely does, and "Test Officer" does
 * not match a text that merely says "officer" (0.54).
 */
const NAME_SIMILAR = 0.6;

/** Officers whose published name the submitter wrote (trigram word similarity), in the force if chosen. */
async function officersNamed(
  db: Db,
  text: string | undefined,
  forceId?: string,
): Promise<OfficerSuggestion[]> {
  if (!text) return [];
  const { rows } = await sql<{ id: string; display_name: string; force_name: string; sim: number }>`
    SELECT * FROM (
      SELECT o.id, o.published_name AS display_name, f.name AS force_name,
        word_similarity(f_unaccent(lower(o.published_name)), f_unaccent(lower(${text}::text))) AS sim
      FROM officers o JOIN forces f ON f.id = o.force_id
      -- A merged officer is its survivor now (matching across sources).
      WHERE o.published_name IS NOT NULL AND length(o.published_name) >= 5 AND o.merged_into IS NULL
        AND (${forceId ?? null}::uuid IS NULL OR o.force_id = ${forceId ?? null}::uuid)
    ) n
    WHERE n.sim >= ${NAME_SIMILAR}
    ORDER BY n.sim DESC, n.id
    LIMIT 10`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    forceName: r.force_name,
    identifier: 'named in the text',
    identifierType: 'name',
    validFrom: null,
    validTo: null,
    reasons: [`the name “${r.display_name}” appears in what was sent (${two(r.sim)})`],
  }));
}

const kind = (identifierType: string) => identifierType.replace(/_/g, ' ');

function validity(r: OfficerRow): string {
  if (r.valid_from && r.valid_to) return `valid ${r.valid_from} to ${r.valid_to}`;
  if (r.valid_from) return `valid from ${r.valid_from}, no end recorded`;
  if (r.valid_to) return `valid until ${r.valid_to}, no start recorded`;
  return 'no validity dates recorded';
}

/** Why each officer is listed; without a date, how many held the same number in that force. */
function officerSuggestions(rows: OfficerRow[], onDate?: string): OfficerSuggestion[] {
  const holders = new Map<string, number>();
  const holderKey = (r: OfficerRow) =>
    `${r.force_name}\u0000${r.identifier_type}\u0000${identifierKey(r.identifier)}`;
  for (const r of rows) holders.set(holderKey(r), (holders.get(holderKey(r)) ?? 0) + 1);
  return rows.map((r) => {
    const what = `${kind(r.identifier_type)} ${r.identifier} (${r.force_name})`;
    const reasons = [onDate ? `${what} valid on that date` : `${what} ${validity(r)}`];
    const n = holders.get(holderKey(r)) ?? 1;
    if (!onDate && n > 1) reasons.push(`${n} officers held this number; no date given to tell them apart`);
    return {
      id: r.id,
      displayName: r.display_name,
      forceName: r.force_name,
      identifier: r.identifier,
      identifierType: r.identifier_type,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      reasons,
    };
  });
}

interface IncidentRow {
  id: string;
  slug: string;
  title: string;
  occurred_on: string | null;
  place: string | null;
  publication_state: string;
  gap: number | null;
  span: number | null;
  occurred_end: string | null;
  place_sim: number;
  text_sim: number;
  officers: string[] | null;
  score: number;
}

interface IncidentQuery {
  onDate?: string;
  place?: string;
  text?: string;
  forceId?: string;
  officers: OfficerRow[];
  limit: number;
}

// The last day an incident may have happened on (a date filter keeps an overlapping period).
const INCIDENT_END = incidentEnd('i');

/**
 * Incidents in any publication state, scored as WEIGHT describes. An absent fact is a NULL
 * parameter and its part is 0. There is no trigram index on incident places or titles, so this
 * reads every incident (of the force, when given): fine for a moderation queue, one query.
 */
async function matchIncidents(db: Db, q: IncidentQuery): Promise<IncidentRow[]> {
  const d = sql`${q.onDate ?? null}::date`;
  const place = sql`f_unaccent(lower(${q.place ?? null}::text))`;
  const text = sql`f_unaccent(lower(${q.text ?? null}::text))`;
  const part = (x: unknown) => sql`CASE WHEN ${x} >= ${SIMILAR} THEN ${x} ELSE 0 END`;
  const { rows } = await sql<IncidentRow>`
    WITH matched AS (
      SELECT * FROM unnest(${q.officers.map((o) => o.id)}::uuid[], ${q.officers.map((o) => o.identifier)}::text[])
        AS m(officer_id, identifier)
    ), scored AS (
      SELECT i.id, i.slug, i.title, i.occurred_on, i.place, i.publication_state, w.gap, w.span, w.occurred_end,
        coalesce(similarity(f_unaccent(lower(i.place)), ${place}), 0) AS place_sim,
        coalesce(greatest(
          similarity(${text}, f_unaccent(lower(i.title || ' ' || left(i.summary, ${TEXT_PREFIX})))),
          word_similarity(f_unaccent(lower(i.title)), ${text})
        ), 0) AS text_sim,
        (SELECT array_agg(DISTINCT m.identifier ORDER BY m.identifier) FROM incident_officers io
          JOIN matched m ON m.officer_id = io.officer_id WHERE io.incident_id = i.id) AS officers
      FROM incidents i
      -- greatest() skips NULLs, so an undated incident or submission is guarded explicitly.
      CROSS JOIN LATERAL (SELECT CASE WHEN i.occurred_on IS NOT NULL AND ${d} IS NOT NULL
          THEN greatest(i.occurred_on - ${d}, ${d} - ${INCIDENT_END}, 0) END AS gap,
        ${INCIDENT_END} - i.occurred_on + 1 AS span, ${INCIDENT_END} AS occurred_end) w
      WHERE i.merged_into IS NULL AND (${q.forceId ?? null}::uuid IS NULL OR i.force_id = ${q.forceId ?? null}::uuid)
    )
    SELECT * FROM (
      SELECT s.*, ${WEIGHT.officer}::float8 * (CASE WHEN s.officers IS NULL THEN 0 ELSE 1 END)
        + ${WEIGHT.text}::float8 * ${part(sql`s.text_sim`)}
        + ${WEIGHT.place}::float8 * ${part(sql`s.place_sim`)}
        + ${WEIGHT.date}::float8 * CASE WHEN s.gap <= ${DATE_WINDOW}
            THEN (1 - s.gap / ${DATE_WINDOW + 1}::float8) * least(1, ${DATE_WINDOW + 1}::float8 / s.span) ELSE 0 END
        AS score
      FROM scored s
    ) c
    WHERE c.score > ${MIN_SCORE}
    ORDER BY c.score DESC, c.occurred_on DESC NULLS LAST, c.id
    LIMIT ${q.limit}`.execute(db);
  return rows;
}

function dateReason(r: IncidentRow): string | undefined {
  if (r.gap === null || r.gap > DATE_WINDOW) return undefined;
  if (r.gap > 0) return `${r.gap} day${r.gap === 1 ? '' : 's'} apart`;
  return r.span === 1
    ? 'same date'
    : `date within the incident's period (${r.occurred_on} to ${r.occurred_end})`;
}

/** The plain-words reasons behind an incident's score, strongest evidence first. */
function incidentReasons(r: IncidentRow): string[] {
  return [
    ...(r.officers ?? []).map((id) => `officer ${id} named in this incident`),
    dateReason(r),
    r.place_sim >= SIMILAR ? `place similar (${two(r.place_sim)})` : undefined,
    r.text_sim >= SIMILAR ? `text similar (${two(r.text_sim)})` : undefined,
  ].filter((x): x is string => x !== undefined);
}

/**
 * Existing incidents and officers a submission may duplicate or concern, each with its reasons.
 * Incidents: at most `limit` (default 5), best first, only those with a real reason to show.
 * Officers: every holder of a typed number (valid on the date when one is given).
 */
export async function suggestDuplicates(
  db: Db,
  facts: SubmissionFacts,
  opts: { limit?: number } = {},
): Promise<DuplicateSuggestions> {
  const onDate = submittedDate(facts.occurredOn);
  // The force comes from a picker; anything not shaped like an id is treated as not chosen.
  const forceId = uuid.safeParse(facts.forceId?.trim()).data;
  const typed = submittedIdentifiers(facts.identifiers ?? []);
  const officerRows = await matchOfficers(
    db,
    typed.flatMap((t) => t.variants),
    forceId,
    onDate,
  );
  const place = submittedText(facts.place, 300);
  const text = submittedText(facts.text);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const anything = onDate || place || text || officerRows.length > 0;
  const incidentRows = anything
    ? await matchIncidents(db, { onDate, place, text, forceId, officers: officerRows, limit })
    : [];
  const byNumber = officerSuggestions(officerRows, onDate);
  const byName = (await officersNamed(db, text, forceId)).filter((o) => !byNumber.some((b) => b.id === o.id));
  return {
    incidents: incidentRows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      occurredOn: r.occurred_on,
      place: r.place,
      publicationState: r.publication_state,
      score: Number(r.score.toFixed(3)),
      reasons: incidentReasons(r),
    })),
    officers: [...byNumber, ...byName],
  };
}
