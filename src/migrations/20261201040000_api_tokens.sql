-- API tokens: scoped, revocable credentials for the /api/v1 write endpoints (and reading drafts).
-- The token itself (32 random bytes) is shown once; only its SHA-256 is stored, so a copy of the
-- database holds no usable token. A token acts for the account that owns it and can never do
-- more than that account's role allows; revoking keeps the row so old audit entries stay
-- attributable ("token:<id>" in audit_log.actor names this row).
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  name nonblank_text NOT NULL CHECK (length(name) <= 100),
  scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  -- The first characters of the token ("cus_AbCd1234"), so a person can tell their tokens apart.
  prefix text NOT NULL CHECK (prefix ~ '^cus_[A-Za-z0-9_-]{8}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by text,
  CONSTRAINT api_tokens_hash_key UNIQUE (token_hash),
  CONSTRAINT api_tokens_revoked_by CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at);

-- Several app instances keep short-lived caches (headline counts, render-guard verdicts). Every
-- write appends to the audit log, so one notification per writing statement tells the other
-- instances to drop theirs at once (delivered at commit; repeated notices in one transaction
-- are folded into one by PostgreSQL). PGlite is a single process and simply has no listener.
CREATE FUNCTION custodiet_notify_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('custodiet_writes', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION custodiet_notify_write();
