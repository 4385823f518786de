-- Patterns, the promise tracker, and follow/alerts.
--
-- Imported reference data: unit headcounts (for allegations per 100 officers) and population
-- baselines by census ethnic group (for stop-and-search rates). Each row points at the imported
-- file it came from (provenance, R24); a newer file's row for the same key replaces the older one.
CREATE TABLE unit_headcounts (
  unit_id uuid NOT NULL REFERENCES units (id) ON DELETE CASCADE DEFERRABLE,
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  headcount integer NOT NULL CHECK (headcount >= 0),
  -- Where the figure was published (an FOI answer, a force report): shown beside the rate.
  source nonblank_text NOT NULL,
  dataset_file_id uuid NOT NULL REFERENCES dataset_files (id) ON DELETE CASCADE DEFERRABLE,
  PRIMARY KEY (unit_id, year)
);

CREATE TABLE population_baselines (
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  -- An area of the force (a local authority such as a London borough), by its ONS code.
  area_code text NOT NULL CHECK (area_code ~ '^[A-Z][0-9]{8}$'),
  area_name nonblank_text NOT NULL,
  census text NOT NULL CHECK (census ~ '^[a-z0-9_]{1,40}$'),
  -- The census's five high-level ethnic groups.
  ethnic_group text NOT NULL CHECK (ethnic_group IN ('white', 'mixed', 'asian', 'black', 'other')),
  population integer NOT NULL CHECK (population >= 0),
  dataset_file_id uuid NOT NULL REFERENCES dataset_files (id) ON DELETE CASCADE DEFERRABLE,
  PRIMARY KEY (force_id, census, area_code, ethnic_group)
);

-- Materialised pattern tables, rebuilt by the refresh job (src/patterns/refresh.ts) from
-- published, render-guarded records only. Each is replaced whole in one transaction, and
-- pattern_refreshes says when, so every page can show "figures as of".
CREATE TABLE pattern_refreshes (
  name text PRIMARY KEY,
  refreshed_at timestamptz NOT NULL,
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  row_count integer NOT NULL CHECK (row_count >= 0)
);

-- Published pages the render guard refused at the last refresh: nothing they show is counted.
CREATE TABLE pattern_held (
  kind text NOT NULL CHECK (kind IN ('incidents', 'officers', 'statements')),
  id uuid NOT NULL,
  PRIMARY KEY (kind, id)
);

-- Allegations per officer and year (year 0 = every year), with the officer's force, current unit
-- and current rank, so a percentile among peers is two index range counts.
CREATE TABLE pattern_officer_counts (
  officer_id uuid NOT NULL,
  force_id uuid NOT NULL,
  unit_id uuid,
  rank_code text,
  year integer NOT NULL,
  allegations integer NOT NULL,
  PRIMARY KEY (officer_id, year)
);
CREATE INDEX pattern_officer_counts_force_idx ON pattern_officer_counts (force_id, year, allegations);
CREATE INDEX pattern_officer_counts_unit_idx ON pattern_officer_counts (unit_id, year, allegations);
CREATE INDEX pattern_officer_counts_rank_idx ON pattern_officer_counts (force_id, rank_code, year, allegations);

-- Officers named together in an incident (both directions, so either side is an index lookup).
CREATE TABLE pattern_coaccused (
  officer_id uuid NOT NULL,
  other_id uuid NOT NULL,
  incidents integer NOT NULL,
  PRIMARY KEY (officer_id, other_id)
);
CREATE INDEX pattern_coaccused_top_idx ON pattern_coaccused (officer_id, incidents DESC, other_id);

-- Incidents and allegations per unit (counting those of every unit under it) and year.
CREATE TABLE pattern_unit_year (
  unit_id uuid NOT NULL,
  year integer NOT NULL,
  incidents integer NOT NULL,
  allegations integer NOT NULL,
  PRIMARY KEY (unit_id, year)
);

-- Stop and search per force, month (London time) and ethnic group, by officer-defined or
-- self-defined ethnicity, with the outcomes whose rates the page shows.
CREATE TABLE pattern_stop_search (
  force_id uuid NOT NULL,
  month date NOT NULL,
  basis text NOT NULL CHECK (basis IN ('officer', 'self')),
  ethnic_group text NOT NULL,
  searches integer NOT NULL,
  arrests integer NOT NULL,
  no_further_action integer NOT NULL,
  PRIMARY KEY (force_id, month, basis, ethnic_group)
);

-- Durations (days) between the stages of a case, per force.
CREATE TABLE pattern_lifecycle (
  force_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('incident_to_complaint', 'complaint_to_outcome', 'incident_to_outcome')),
  n integer NOT NULL,
  p25 numeric NOT NULL,
  median numeric NOT NULL,
  p75 numeric NOT NULL,
  PRIMARY KEY (force_id, stage)
);

-- Per force and day: incidents that happened, allegations about them, outcomes decided and
-- dismissals imposed; the promise tracker sums windows of it.
CREATE TABLE pattern_force_day (
  force_id uuid NOT NULL,
  day date NOT NULL,
  incidents integer NOT NULL,
  allegations integer NOT NULL,
  outcomes integer NOT NULL,
  dismissals integer NOT NULL,
  PRIMARY KEY (force_id, day)
);

-- Follow: webhooks for newly published records, managed by admins. The secret signs each body
-- (HMAC-SHA256); it is needed in clear to sign, so it is never written to the audit log.
CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (url ~ '^https?://[^\s]+$' AND length(url) <= 2000),
  secret text NOT NULL CHECK (length(secret) >= 32),
  description text,
  -- Only records about this force; NULL for every force.
  force_id uuid REFERENCES forces (id) DEFERRABLE,
  active boolean NOT NULL DEFAULT true,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per record announced to a subscription: the unique key makes announcing idempotent.
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE DEFERRABLE,
  record_type text NOT NULL CHECK (record_type IN ('incident', 'allegation', 'statement')),
  record_id uuid NOT NULL,
  -- The exact bytes signed and sent.
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, record_type, record_id)
);
CREATE INDEX webhook_deliveries_recent_idx ON webhook_deliveries (subscription_id, created_at DESC);

-- E-mail digests of a feed, confirmed by the reader (double opt-in). Only a hash of the token
-- that confirms and unsubscribes is kept.
CREATE TABLE digest_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
  feed_path text NOT NULL CHECK (feed_path ~ '^/[A-Za-z0-9/_.?=&%+-]*feed\.atom' AND length(feed_path) <= 500),
  frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  confirmed_at timestamptz,
  last_sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT digest_subscriptions_once UNIQUE (email, feed_path)
);

-- Newly published records, newest first (feeds, webhooks).
CREATE INDEX allegations_published_at_idx ON allegations (published_at DESC) WHERE visible;
CREATE INDEX statements_published_at_idx ON statements (published_at DESC) WHERE publication_state = 'published';
-- Incidents of a force by date (the promise timeline lists those after a promise).
CREATE INDEX incidents_force_date_idx ON incidents (force_id, (coalesce(occurred_until, occurred_on)))
  WHERE publication_state = 'published' AND NOT proceedings_active;
