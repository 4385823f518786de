-- Full-text search over the public record, the public corrections log, and editor accounts.

-- Names use the 'simple' configuration (no stemming: "Borg" must not match "Borgs"); prose uses
-- English stemming. Both fold accents so "Szmydynski" matches however it was typed.
ALTER TABLE incidents ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, f_unaccent(title)), 'A') ||
  setweight(to_tsvector('english'::regconfig, f_unaccent(summary)), 'B') ||
  setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(place, ''))), 'C')
) STORED;
CREATE INDEX incidents_search_idx ON incidents USING gin (search);

ALTER TABLE allegations ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, f_unaccent(coalesce(unidentified_officer, ''))), 'B') ||
  setweight(to_tsvector('english'::regconfig, f_unaccent(summary)), 'B')
) STORED;
CREATE INDEX allegations_search_idx ON allegations USING gin (search);

ALTER TABLE officers ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, f_unaccent(coalesce(published_name, ''))), 'A')
) STORED;
CREATE INDEX officers_search_idx ON officers USING gin (search);

ALTER TABLE units ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, f_unaccent(name)), 'A') ||
  setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(description, ''))), 'C')
) STORED;
CREATE INDEX units_search_idx ON units USING gin (search);

ALTER TABLE statements ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, f_unaccent(speaker_name)), 'A') ||
  setweight(to_tsvector('english'::regconfig, f_unaccent(summary)), 'B') ||
  setweight(to_tsvector('english'::regconfig, f_unaccent(coalesce(quote, ''))), 'B')
) STORED;
CREATE INDEX statements_search_idx ON statements USING gin (search);

-- Shoulder numbers and ciphers are searched by fragment ("1234", "NX1").
CREATE INDEX officer_identifiers_trgm_idx ON officer_identifiers USING gin (upper(identifier) gin_trgm_ops);
CREATE INDEX allegations_unidentified_trgm_idx ON allegations USING gin (f_unaccent(lower(unidentified_officer)) gin_trgm_ops);

-- Rule R15: a public, append-only log of corrections, clarifications and takedowns. No silent edits.
CREATE TABLE corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type text NOT NULL CHECK (entity_type IN ('incidents', 'allegations', 'officers', 'statements', 'findings', 'sanctions')),
  entity_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('correction', 'clarification', 'update', 'takedown', 'withdrawal')),
  -- What changed and why, in words fit to publish.
  what nonblank_text NOT NULL,
  why nonblank_text NOT NULL,
  actor nonblank_text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX corrections_entity_idx ON corrections (entity_type, entity_id);
CREATE INDEX corrections_published_idx ON corrections (published_at DESC);
CREATE FUNCTION corrections_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'corrections are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER corrections_no_update BEFORE UPDATE OR DELETE ON corrections
  FOR EACH ROW EXECUTE FUNCTION corrections_refuse_change();

-- Editor accounts. Passwords are stored only as scrypt hashes; sessions only as SHA-256 of the
-- token, so a copy of the database yields neither passwords nor live sessions.
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND email = lower(email)),
  display_name nonblank_text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'moderator', 'editor', 'contributor')),
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
