import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { NAME, type OfficerEvidence } from './officer-score.ts';
import { scopeIds, type MatchScope } from './scope.ts';

/**
 * Numbers a dataset gave for an officer but the importer could not attach, because another
 * officer of the force already holds them over an overlapping period (the no-overlap constraint,
 * rule R11): the dataset record keeps them in `attributes`, under the identifier type's own name
 * or, for Chicago's star numbers, `star`. Attribute key → identifier type.
 */
export const UNATTACHED_IDENTIFIERS: Record<string, string> = {
  star: 'badge_number',
  badge_number: 'badge_number',
  shoulder_number: 'shoulder_number',
  warrant_number: 'warrant_number',
  payroll_number: 'payroll_number',
};

const IDENTIFIER_SHAPE = '^[A-Za-z0-9][A-Za-z0-9 /.-]{0,39}$';

interface Row {
  a: string;
  b: string;
  name_a: string | null;
  name_b: string | null;
  name_similarity: number | null;
  shared: { type: string; value: string }[];
  conflicts: { type: string; a: string; b: string }[];
  shared_ranks: string[];
  shared_units: string[];
  same_dataset: string | null;
  state_a: string;
  state_b: string;
}

/**
 * The evidence about every pair of unmerged officers of one force where at least one is in
 * scope and they share an identifier (attached or unattached), or a similar name (trigram `%`
 * on the GIN index `officers_name_trgm_idx`, threshold NAME.similar) and a unit. Set-based: one
 * statement.
 * Must run inside a transaction (the trigram threshold is set for it alone).
 */
export async function officerEvidence(trx: Db, scope: MatchScope): Promise<OfficerEvidence[]> {
  // Without a shared number a pair reaches the review threshold only with a name at least
  // similar (0.25) plus a unit (0.15) and a rank (0.05): no lower threshold could ever count.
  await sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(NAME.similar)}, true)`.execute(trx);
  const { rows } = await officerEvidenceQuery(scope).execute(trx);
  return rows.map(toEvidence);
}

/** The evidence statement itself (exported for EXPLAIN in benchmarks). */
export function officerEvidenceQuery(scope: MatchScope) {
  const keys = Object.entries(UNATTACHED_IDENTIFIERS);
  const norm = (alias: string) => sql`f_unaccent(lower(${sql.ref(`${alias}.published_name`)}))`;
  return sql<Row>`
    WITH RECURSIVE chain(id, survivor, depth) AS (
      SELECT id, merged_into, 1 FROM officers WHERE merged_into IS NOT NULL
      UNION ALL
      SELECT c.id, o.merged_into, c.depth + 1 FROM chain c JOIN officers o ON o.id = c.survivor
      WHERE o.merged_into IS NOT NULL AND c.depth < 20
    ),
    survivor AS (SELECT DISTINCT ON (id) id, survivor FROM chain ORDER BY id, depth DESC),
    scope AS MATERIALIZED (${scopeIds('officer', scope)}),
    -- Every number an officer holds: attached, or given by a dataset and kept aside (open-ended,
    -- as the dataset gives no dates). A merged officer's dataset numbers belong to its survivor.
    held AS MATERIALIZED (
      SELECT oi.officer_id, oi.force_id, oi.identifier_type AS type, upper(oi.identifier) AS value,
        daterange(oi.valid_from, oi.valid_to, '[]') AS span
      FROM officer_identifiers oi JOIN officers o ON o.id = oi.officer_id WHERE o.merged_into IS NULL
      UNION
      SELECT o.id, o.force_id, m.type, upper(d.attributes->>m.key), daterange(NULL, NULL, '[]')
      FROM dataset_records d
      CROSS JOIN (SELECT * FROM unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::text[])
        AS u(key, type)) m
      LEFT JOIN survivor s ON s.id = d.entity_id
      JOIN officers o ON o.id = coalesce(s.survivor, d.entity_id) AND o.merged_into IS NULL
      WHERE d.record_kind = 'officer' AND d.attributes->>m.key ~ ${IDENTIFIER_SHAPE}
    ),
    id_pairs AS (
      SELECT least(x.officer_id, y.officer_id) AS a, greatest(x.officer_id, y.officer_id) AS b,
        jsonb_agg(DISTINCT jsonb_build_object('type', x.type, 'value', x.value)) AS shared
      FROM held x JOIN held y ON y.force_id = x.force_id AND y.type = x.type AND y.value = x.value
        AND y.officer_id <> x.officer_id AND x.span && y.span
      WHERE x.officer_id IN (SELECT id FROM scope)
      GROUP BY 1, 2
    ),
    name_pairs AS (
      SELECT least(x.id, y.id) AS a, greatest(x.id, y.id) AS b
      FROM officers x
      -- One trigram index probe per officer in scope. OFFSET 0 keeps the probe a subquery: joined
      -- flat, the planner may hash the officers by force and test every pair of a force instead
      -- (it did, at 2,000 officers: 800,000 similarity tests). The force is compared as text so
      -- the probe keeps to the trigram index: ANDed with the force index, it builds a bitmap of
      -- the whole force for every probe.
      CROSS JOIN LATERAL (
        SELECT y.id FROM officers y
        WHERE ${norm('y')} % ${norm('x')} AND y.force_id::text = x.force_id::text AND y.id <> x.id
          AND y.merged_into IS NULL
        OFFSET 0
      ) y
      WHERE x.id IN (SELECT id FROM scope) AND x.published_name IS NOT NULL
    ),
    -- A name pair needs a unit in common to count (see above); checked before the costlier evidence.
    pairs AS (
      SELECT a, b FROM id_pairs
      UNION
      SELECT np.a, np.b FROM name_pairs np WHERE EXISTS (
        SELECT 1 FROM officer_postings pa JOIN officer_postings pb ON pb.officer_id = np.b AND pb.unit_id = pa.unit_id
        WHERE pa.officer_id = np.a)
    ),
    evidence AS (
      SELECT p.a, p.b, oa.published_name::text AS name_a, ob.published_name::text AS name_b,
        similarity(${norm('oa')}, ${norm('ob')}) AS name_similarity,
        coalesce(ip.shared, '[]'::jsonb) AS shared,
        coalesce((
          SELECT jsonb_agg(DISTINCT jsonb_build_object('type', ia.identifier_type, 'a', ia.identifier, 'b', ib.identifier))
          FROM officer_identifiers ia JOIN officer_identifiers ib ON ib.officer_id = p.b
            AND ib.identifier_type = ia.identifier_type AND upper(ib.identifier) <> upper(ia.identifier)
            AND daterange(ia.valid_from, ia.valid_to, '[]') && daterange(ib.valid_from, ib.valid_to, '[]')
          WHERE ia.officer_id = p.a
            -- Personal numbers differ whenever both are known; duty numbers only over the same dated period.
            AND (ia.identifier_type IN ('warrant_number', 'payroll_number') OR num_nonnulls(
              ia.valid_from, ia.valid_to, ib.valid_from, ib.valid_to) = 4)
            AND NOT EXISTS (SELECT 1 FROM officer_identifiers sa JOIN officer_identifiers sb ON sb.officer_id = p.b
              AND sb.identifier_type = sa.identifier_type AND upper(sb.identifier) = upper(sa.identifier)
              WHERE sa.officer_id = p.a AND sa.identifier_type = ia.identifier_type)
        ), '[]'::jsonb) AS conflicts,
        coalesce((
          SELECT array_agg(DISTINCT t.label::text) FROM officer_ranks ra
          JOIN officer_ranks rb ON rb.officer_id = p.b AND rb.rank_taxonomy = ra.rank_taxonomy AND rb.rank_code = ra.rank_code
          JOIN taxonomy_terms t ON t.kind = 'rank' AND t.taxonomy_id = ra.rank_taxonomy AND t.code = ra.rank_code
          WHERE ra.officer_id = p.a), '{}') AS shared_ranks,
        coalesce((
          SELECT array_agg(DISTINCT u.name::text) FROM officer_postings pa
          JOIN officer_postings pb ON pb.officer_id = p.b AND pb.unit_id = pa.unit_id
          JOIN units u ON u.id = pa.unit_id WHERE pa.officer_id = p.a), '{}') AS shared_units,
        (SELECT s.title::text FROM dataset_records da
          JOIN dataset_records db ON db.source_id = da.source_id AND db.record_kind = 'officer' AND db.entity_id = p.b
          JOIN sources s ON s.id = da.source_id
          WHERE da.record_kind = 'officer' AND da.entity_id = p.a LIMIT 1) AS same_dataset,
        oa.publication_state AS state_a, ob.publication_state AS state_b
      FROM pairs p
      JOIN officers oa ON oa.id = p.a AND oa.merged_into IS NULL
      JOIN officers ob ON ob.id = p.b AND ob.merged_into IS NULL AND ob.force_id = oa.force_id
      LEFT JOIN id_pairs ip ON ip.a = p.a AND ip.b = p.b
    )
    SELECT * FROM evidence ORDER BY a, b`;
}

function toEvidence(r: Row): OfficerEvidence {
  return {
    a: r.a,
    b: r.b,
    nameA: r.name_a,
    nameB: r.name_b,
    nameSimilarity: r.name_similarity === null ? null : Number(r.name_similarity),
    shared: r.shared,
    conflicts: r.conflicts,
    sharedRanks: [...r.shared_ranks].sort(),
    sharedUnits: [...r.shared_units].sort(),
    sameDataset: r.same_dataset,
    stateA: r.state_a,
    stateB: r.state_b,
  };
}
