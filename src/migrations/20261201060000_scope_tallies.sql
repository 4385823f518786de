-- The figures of the force and unit pages, and the home page's headline counts, kept up to date
-- as records are written instead of counted on every read: at a million allegations a busy
-- station's figures took seconds on PostgreSQL and minutes on PGlite, and the home counts read
-- every published row.
--
-- A scope is a force (the incidents whose force_id it is) or a unit (the incidents linked to it
-- or to any unit under it, as its page shows them). What each published incident adds to its
-- scopes is stored in scope_incident_tallies. Whenever anything that contribution depends on
-- changes (the incident, its allegations, their Standards, its units, the unit tree), a trigger
-- recounts that incident from the records, adds the difference to the per-scope counters and
-- stores the new contribution. Recounting the whole incident, rather than adjusting by each kind
-- of change, keeps every path right by construction: publish, withdraw, edit, delete, moving
-- allegations between incidents (a merge), relinking units, moving a unit under another.
--
-- The figures are those the pages counted on read: published incidents, and their allegations
-- whose own state is published (held ones included: these are counts, and named nowhere).
--
-- These tables are derived: backups leave them out and a restore rebuilds them through the same
-- triggers (src/backup/tables.ts); scope_tallies_rebuild() recounts everything from scratch.

-- Statuses counted as proven on the force and unit pages.
CREATE FUNCTION status_is_proven(code text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
  $$ SELECT code IN ('misconduct_proven', 'gross_misconduct_proven') $$;

-- What one published incident counts for, as last counted.
CREATE TABLE scope_incident_tallies (
  incident_id uuid PRIMARY KEY,
  -- Its force and every unit whose page lists it.
  scopes uuid[] NOT NULL,
  -- The year the incident began (NULL: date unknown).
  year int,
  -- Its published allegations.
  allegations int NOT NULL,
  -- [{"taxonomy", "code", "allegations", "proven"}] per Standard of its published allegations.
  standards jsonb NOT NULL
);

-- Per scope and year: published incidents and their published allegations. A row whose counts
-- fall to zero is kept: its changed_at still dates the page.
CREATE TABLE scope_year_tallies (
  scope_id uuid NOT NULL,
  year int,
  incidents int NOT NULL,
  allegations int NOT NULL,
  -- When these figures last changed (a withdrawal changes them too): the page's Last-Modified.
  changed_at timestamptz NOT NULL,
  CONSTRAINT scope_year_tallies_key UNIQUE NULLS NOT DISTINCT (scope_id, year)
);

-- Per scope and Standard of Professional Behaviour: published allegations, and how many proven.
CREATE TABLE scope_standard_tallies (
  scope_id uuid NOT NULL,
  standard_taxonomy text NOT NULL,
  standard_code text NOT NULL,
  allegations int NOT NULL,
  proven int NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (scope_id, standard_taxonomy, standard_code)
);

-- The home page's headline counts, as src/incidents/repository.ts counted them: published
-- incidents, published allegations, named published officers, published statements.
CREATE TABLE public_counts (
  kind text PRIMARY KEY CHECK (kind IN ('incidents', 'allegations', 'officers', 'statements')),
  n bigint NOT NULL
);

-- The audit log's lock (src/audit/chain.ts). Every audited write takes it anyway; taking it before
-- any counter is touched means two writers never recount one incident from copies that miss each
-- other's change, and never lock counter rows in opposite orders.
CREATE FUNCTION tallies_lock() RETURNS void LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(7311020262) $$;

CREATE FUNCTION public_counts_add(counted text, delta bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta <> 0 THEN
    PERFORM tallies_lock();
    UPDATE public_counts SET n = n + delta WHERE kind = counted;
  END IF;
END
$$;

-- Recounts these incidents and moves the difference into the per-scope counters.
CREATE FUNCTION scope_tallies_refresh(incident_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
  kept AS (
    INSERT INTO scope_incident_tallies AS t SELECT * FROM cur
    ON CONFLICT (incident_id) DO UPDATE SET scopes = excluded.scopes, year = excluded.year,
      allegations = excluded.allegations, standards = excluded.standards)
  DELETE FROM scope_incident_tallies
  WHERE incident_id IN (SELECT incident_id FROM old) AND incident_id NOT IN (SELECT incident_id FROM cur);
END
$$;

-- Statement-level triggers see every changed row at once (a bulk import recounts each incident
-- once per statement, not once per row). A trigger with transition tables has one event, so each
-- table gets three, made here alike (and the maker dropped at the end).
CREATE FUNCTION tally_triggers(tbl text, fn text, VARIADIC args text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ev text;
BEGIN
  FOREACH ev IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
      format('%s_%s_%s', tbl, fn, ev), upper(ev), tbl,
      CASE ev WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'update' THEN 'OLD TABLE AS old_rows NEW TABLE AS new_rows'
        ELSE 'OLD TABLE AS old_rows' END,
      fn, (SELECT string_agg(quote_literal(a), ', ') FROM unnest(args) AS a));
  END LOOP;
END
$$;

-- The home page's counts: rows of this kind published (officers: and named) before and after.
-- A trigger's transition tables exist only for its events, so each is read in its own branch.
CREATE FUNCTION public_counts_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added bigint := 0;
  removed bigint := 0;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT count(*) INTO added FROM new_rows r WHERE r.publication_state = 'published'
      AND (TG_ARGV[0] <> 'officers' OR to_jsonb(r) ->> 'published_name' IS NOT NULL);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT count(*) INTO removed FROM old_rows r WHERE r.publication_state = 'published'
      AND (TG_ARGV[0] <> 'officers' OR to_jsonb(r) ->> 'published_name' IS NOT NULL);
  END IF;
  PERFORM public_counts_add(TG_ARGV[0], added - removed);
  RETURN NULL;
END
$$;
SELECT tally_triggers(t, 'public_counts_tally', t) FROM unnest(ARRAY['incidents', 'allegations', 'officers', 'statements']) AS t;

-- Any change to an input recounts its incident, whatever its state looks like to this writer: a
-- concurrent writer may be publishing that incident, and the lock orders the two.

-- Recounts the incidents that a statement's rows belong to. TG_ARGV[0] names the column that
-- holds the incident ('id' on incidents, 'incident_id') or an allegation of it ('allegation_id').
-- On an update, the rows before and after both count; with further arguments, only rows where
-- one of those columns changed (touching publication_state to re-derive an allegation's `visible`
-- changes none of them, so re-deriving costs no recount). A link row has no other columns. When
-- an allegation is deleted its Standards go with it and are found on no allegation: the
-- allegation's own trigger recounts.
CREATE FUNCTION incident_rows_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text := TG_ARGV[0];
  watched text[] := TG_ARGV[1:];
  ids uuid[] := '{}';
BEGIN
  IF TG_OP = 'UPDATE' AND cardinality(watched) > 0 THEN
    ids := ARRAY(
      SELECT unnest(ARRAY[(to_jsonb(n) ->> key)::uuid, (to_jsonb(o) ->> key)::uuid])
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE EXISTS (SELECT 1 FROM unnest(watched) AS c WHERE to_jsonb(n) -> c IS DISTINCT FROM to_jsonb(o) -> c));
  ELSE
    IF TG_OP <> 'DELETE' THEN
      ids := ids || ARRAY(SELECT (to_jsonb(r) ->> key)::uuid FROM new_rows r);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      ids := ids || ARRAY(SELECT (to_jsonb(r) ->> key)::uuid FROM old_rows r);
    END IF;
  END IF;
  IF key = 'allegation_id' THEN
    ids := ARRAY(SELECT a.incident_id FROM allegations a WHERE a.id = ANY(ids));
  END IF;
  PERFORM scope_tallies_refresh(ids);
  RETURN NULL;
END
$$;
SELECT tally_triggers('incidents', 'incident_rows_tally', 'id', 'publication_state', 'occurred_on', 'force_id');
SELECT tally_triggers('allegations', 'incident_rows_tally', 'incident_id', 'publication_state', 'incident_id', 'status_code');
SELECT tally_triggers('allegation_standards', 'incident_rows_tally', 'allegation_id');
SELECT tally_triggers('incident_units', 'incident_rows_tally', 'incident_id');

-- Every incident linked to these units or to any unit below them.
CREATE FUNCTION incidents_under_units(unit_ids uuid[]) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY(
    WITH RECURSIVE down(id, depth) AS (
      SELECT id, 1 FROM unnest(unit_ids) AS id
      UNION
      SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_unit_id = down.id WHERE down.depth < 50)
    SELECT DISTINCT iu.incident_id FROM incident_units iu WHERE iu.unit_id IN (SELECT id FROM down))
$$;

-- A unit moved under another, or added (a restore may load links before their units): every
-- incident linked to it or below it changes scopes. A deleted unit has no links left.
CREATE FUNCTION units_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM scope_tallies_refresh(incidents_under_units(ARRAY(SELECT id FROM new_rows)));
  ELSE
    PERFORM scope_tallies_refresh(incidents_under_units(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.parent_unit_id IS DISTINCT FROM o.parent_unit_id)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER units_tally_insert AFTER INSERT ON units
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION units_tally();
CREATE TRIGGER units_tally_update AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION units_tally();

-- Everything recounted from the records: the backfill below, and after a load that bypassed the
-- triggers (the benchmarks' bulk loader).
CREATE FUNCTION scope_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tallies_lock();
  DELETE FROM scope_incident_tallies;
  DELETE FROM scope_year_tallies;
  DELETE FROM scope_standard_tallies;
  DELETE FROM public_counts;
  INSERT INTO public_counts (kind, n) VALUES
    ('incidents', (SELECT count(*) FROM incidents WHERE publication_state = 'published')),
    ('allegations', (SELECT count(*) FROM allegations WHERE publication_state = 'published')),
    ('officers', (SELECT count(*) FROM officers WHERE publication_state = 'published' AND published_name IS NOT NULL)),
    ('statements', (SELECT count(*) FROM statements WHERE publication_state = 'published'));
  PERFORM scope_tallies_refresh(ARRAY(SELECT id FROM incidents WHERE publication_state = 'published'));
END
$$;

SELECT scope_tallies_rebuild();
DROP FUNCTION tally_triggers(text, text, text[]);
