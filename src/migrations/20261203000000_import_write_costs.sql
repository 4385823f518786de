-- What every imported row paid for and nothing used (measured on a 20,000-row CPDP accused import
-- on PostgreSQL: an allegation insert fell from 87 to 42 µs, an incident insert from 87 to 65 µs).
--
-- Full-text and name search read only public records: allegations through `a.visible`, incidents
-- through `publication_state = 'published'` (src/search/repository.ts). The indexes over every
-- row were kept up to date on each write (imports write drafts by the hundred thousand) but no
-- query could use them over the partial ones, so the indexes now hold the public rows only.
DROP INDEX allegations_search_idx;
DROP INDEX allegations_unidentified_trgm_idx;
CREATE INDEX allegations_visible_unidentified_trgm_idx ON allegations
  USING gin (f_unaccent(lower(unidentified_officer)) gin_trgm_ops) WITH (fastupdate = off) WHERE visible;
DROP INDEX incidents_search_idx;
CREATE INDEX incidents_search_idx ON incidents USING gin (search) WITH (fastupdate = off)
  WHERE publication_state = 'published';

-- The recount trigger read its key column through to_jsonb(row), which builds a JSON object of
-- every column of every row (3.7 ms per 1,000-row insert). Reading the column itself needs its
-- name in the statement, hence EXECUTE; the transition tables are visible to it.
CREATE OR REPLACE FUNCTION incident_rows_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text := TG_ARGV[0];
  watched text[] := TG_ARGV[1:];
  ids uuid[] := '{}';
  more uuid[];
BEGIN
  IF TG_OP = 'UPDATE' AND cardinality(watched) > 0 THEN
    ids := ARRAY(
      SELECT unnest(ARRAY[(to_jsonb(n) ->> key)::uuid, (to_jsonb(o) ->> key)::uuid])
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE EXISTS (SELECT 1 FROM unnest(watched) AS c WHERE to_jsonb(n) -> c IS DISTINCT FROM to_jsonb(o) -> c));
  ELSE
    IF TG_OP <> 'DELETE' THEN
      EXECUTE format('SELECT ARRAY(SELECT %I::uuid FROM new_rows)', key) INTO more;
      ids := ids || more;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      EXECUTE format('SELECT ARRAY(SELECT %I::uuid FROM old_rows)', key) INTO more;
      ids := ids || more;
    END IF;
  END IF;
  IF key = 'allegation_id' THEN
    ids := ARRAY(SELECT a.incident_id FROM allegations a WHERE a.id = ANY(ids));
  END IF;
  PERFORM scope_tallies_refresh(ids);
  RETURN NULL;
END
$$;
