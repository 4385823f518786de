-- Extensions and small helpers every later migration relies on.
-- Runs on PostgreSQL 15+ and on PGlite (which must be given the same contrib extensions).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- unaccent() is only STABLE, so it cannot back an index; this wrapper pins the dictionary,
-- which makes it safe to declare IMMUTABLE for trigram and full-text indexes on names.
CREATE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Dates are often known only to the month or year ("in March 2021", "between 2016 and 2018").
-- A date is stored as its first possible day plus a precision, and ranges keep their end.
CREATE FUNCTION partial_date_ok(d date, date_precision text, until date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE date_precision
      WHEN 'unknown' THEN d IS NULL AND until IS NULL
      WHEN 'day' THEN d IS NOT NULL AND until IS NULL
      WHEN 'month' THEN d IS NOT NULL AND until IS NULL AND extract(day FROM d) = 1
      WHEN 'year' THEN d IS NOT NULL AND until IS NULL AND extract(day FROM d) = 1 AND extract(month FROM d) = 1
      WHEN 'range' THEN d IS NOT NULL AND until IS NOT NULL AND until >= d
      WHEN 'month_range' THEN d IS NOT NULL AND until IS NOT NULL AND until >= d AND extract(day FROM d) = 1
      WHEN 'year_range' THEN d IS NOT NULL AND until IS NOT NULL AND until >= d
        AND extract(day FROM d) = 1 AND extract(month FROM d) = 1
      ELSE false
    END
  $$;

CREATE DOMAIN date_precision AS text
  CHECK (VALUE IN ('day', 'month', 'year', 'range', 'month_range', 'year_range', 'unknown'));

-- Editorial workflow state of a publishable record. Independent of the legal status label.
CREATE DOMAIN publication_state AS text
  CHECK (VALUE IN ('draft', 'in_review', 'published', 'withdrawn'));

CREATE DOMAIN slug AS text
  CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(VALUE) <= 120);

CREATE DOMAIN nonblank_text AS text
  CHECK (VALUE ~ '\S');

CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
