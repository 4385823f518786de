-- The home page's allegation count now counts what the force and unit pages count: the published
-- allegations of published incidents (held ones included: these are counts, and named nowhere).
-- It counted every allegation whose own state was published, so a withdrawn incident's
-- allegations stayed in the headline figure, and the home total was not the forces' sum.
-- Rather than a second counter kept beside the per-scope ones, the home page now sums the forces'
-- rows of scope_year_tallies (a few rows per force), which the per-incident recount already keeps.
DROP TRIGGER allegations_public_counts_tally_insert ON allegations;
DROP TRIGGER allegations_public_counts_tally_update ON allegations;
DROP TRIGGER allegations_public_counts_tally_delete ON allegations;
DELETE FROM public_counts WHERE kind = 'allegations';
ALTER TABLE public_counts DROP CONSTRAINT public_counts_kind_check;
ALTER TABLE public_counts ADD CONSTRAINT public_counts_kind_check CHECK (kind IN ('incidents', 'officers', 'statements'));

CREATE OR REPLACE FUNCTION scope_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tallies_lock();
  DELETE FROM scope_incident_tallies;
  DELETE FROM scope_year_tallies;
  DELETE FROM scope_standard_tallies;
  DELETE FROM public_counts;
  INSERT INTO public_counts (kind, n) VALUES
    ('incidents', (SELECT count(*) FROM incidents WHERE publication_state = 'published')),
    ('officers', (SELECT count(*) FROM officers WHERE publication_state = 'published' AND published_name IS NOT NULL)),
    ('statements', (SELECT count(*) FROM statements WHERE publication_state = 'published'));
  PERFORM scope_tallies_refresh(ARRAY(SELECT id FROM incidents WHERE publication_state = 'published'));
END
$$;
