-- The home page's allegation count now counts what the force and unit pages count: the published
-- allegations of published incidents (held ones included: these are counts, and named nowhere).
-- It counted every allegation whose own state was published, so a withdrawn incident's
-- allegations stayed in the headline figure, and the home total was not the forces' sum.
-- The count now moves with the per-incident recount (scope_tallies_refresh), which already sees
-- an incident published or withdrawn, instead of with each allegation row.
DROP TRIGGER allegations_public_counts_tally_insert ON allegations;
DROP TRIGGER allegations_public_counts_tally_update ON allegations;
DROP TRIGGER allegations_public_counts_tally_delete ON allegations;

CREATE OR REPLACE FUNCTION scope_tallies_refresh(incident_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(incident_ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM tallies_lock();
  WITH ids AS (SELECT DISTINCT id FROM unnest(incident_ids) AS id WHERE id IS NOT NULL),
  cur AS (
    SELECT i.id AS incident_id,
      ARRAY(
        WITH RECURSIVE up(id, depth) AS (
          SELECT iu.unit_id, 1 FROM incident_units iu WHERE iu.incident_id = i.id
          UNION
          -- As deep as a unit page looks down (src/forces/public.ts unitAndDescendants).
          SELECT u.parent_unit_id, up.depth + 1 FROM up JOIN units u ON u.id = up.id
          WHERE u.parent_unit_id IS NOT NULL AND up.depth < 50)
        SELECT i.force_id UNION SELECT id FROM up) AS scopes,
      extract(year FROM i.occurred_on)::int AS year,
      (SELECT count(*)::int FROM allegations a
        WHERE a.incident_id = i.id AND a.publication_state = 'published') AS allegations,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('taxonomy', s.taxonomy, 'code', s.code,
           'allegations', s.n, 'proven', s.proven) ORDER BY s.taxonomy, s.code), '[]')
         FROM (SELECT st.standard_taxonomy AS taxonomy, st.standard_code AS code, count(*)::int AS n,
             (count(*) FILTER (WHERE status_is_proven(a.status_code)))::int AS proven
           FROM allegations a JOIN allegation_standards st ON st.allegation_id = a.id
           WHERE a.incident_id = i.id AND a.publication_state = 'published' GROUP BY 1, 2) s) AS standards
    FROM incidents i
    WHERE i.id IN (SELECT id FROM ids) AND i.publication_state = 'published'),
  old AS (SELECT * FROM scope_incident_tallies WHERE incident_id IN (SELECT id FROM ids)),
  signed AS (
    SELECT -1 AS sign, * FROM old
    UNION ALL
    SELECT 1, * FROM cur),
  year_delta AS (
    SELECT scope_id, year, sum(sign)::int AS incidents, sum(sign * allegations)::int AS allegations
    FROM signed, unnest(scopes) AS scope_id
    GROUP BY 1, 2
    -- An incident moved between scopes changes both, even where a count comes out level.
    HAVING sum(sign) <> 0 OR sum(sign * allegations) <> 0),
  standard_delta AS (
    SELECT scope_id, x.taxonomy, x.code, sum(sign * x.allegations)::int AS allegations,
      sum(sign * x.proven)::int AS proven
    FROM signed, unnest(scopes) AS scope_id,
      jsonb_to_recordset(standards) AS x(taxonomy text, code text, allegations int, proven int)
    GROUP BY 1, 2, 3
    HAVING sum(sign * x.allegations) <> 0 OR sum(sign * x.proven) <> 0),
  -- Counter rows are taken in key order: concurrent writers queue rather than deadlock.
  apply_years AS (
    INSERT INTO scope_year_tallies AS t (scope_id, year, incidents, allegations, changed_at)
    SELECT scope_id, year, incidents, allegations, now() FROM year_delta ORDER BY scope_id, year
    ON CONFLICT (scope_id, year) DO UPDATE SET incidents = t.incidents + excluded.incidents,
      allegations = t.allegations + excluded.allegations, changed_at = excluded.changed_at),
  apply_standards AS (
    INSERT INTO scope_standard_tallies AS t (scope_id, standard_taxonomy, standard_code, allegations, proven, changed_at)
    SELECT scope_id, taxonomy, code, allegations, proven, now() FROM standard_delta ORDER BY 1, 2, 3
    ON CONFLICT (scope_id, standard_taxonomy, standard_code) DO UPDATE SET
      allegations = t.allegations + excluded.allegations, proven = t.proven + excluded.proven,
      changed_at = excluded.changed_at),
  -- The home page's allegation count moves by the same difference (under the lock taken above).
  apply_home AS (
    UPDATE public_counts SET n = n + d.delta
    FROM (SELECT coalesce(sum(sign * allegations), 0) AS delta FROM signed) d
    WHERE kind = 'allegations' AND d.delta <> 0),
  kept AS (
    INSERT INTO scope_incident_tallies AS t SELECT * FROM cur
    ON CONFLICT (incident_id) DO UPDATE SET scopes = excluded.scopes, year = excluded.year,
      allegations = excluded.allegations, standards = excluded.standards)
  DELETE FROM scope_incident_tallies
  WHERE incident_id IN (SELECT incident_id FROM old) AND incident_id NOT IN (SELECT incident_id FROM cur);
END
$$;

CREATE OR REPLACE FUNCTION scope_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tallies_lock();
  DELETE FROM scope_incident_tallies;
  DELETE FROM scope_year_tallies;
  DELETE FROM scope_standard_tallies;
  DELETE FROM public_counts;
  INSERT INTO public_counts (kind, n) VALUES
    ('incidents', (SELECT count(*) FROM incidents WHERE publication_state = 'published')),
    -- Counted by the recount below, incident by incident.
    ('allegations', 0),
    ('officers', (SELECT count(*) FROM officers WHERE publication_state = 'published' AND published_name IS NOT NULL)),
    ('statements', (SELECT count(*) FROM statements WHERE publication_state = 'published'));
  PERFORM scope_tallies_refresh(ARRAY(SELECT id FROM incidents WHERE publication_state = 'published'));
END
$$;

-- Each published incident's published allegations are already counted, one row per incident.
UPDATE public_counts SET n = (SELECT coalesce(sum(allegations), 0) FROM scope_incident_tallies)
WHERE kind = 'allegations';
