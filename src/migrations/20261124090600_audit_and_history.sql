-- The audit log is append-only and hash-chained: each row's hash covers the previous row's hash
-- and a canonical serialisation of its own fields, so any edit by SQL breaks the chain and
-- `custodiet verify` names the first broken row.

CREATE TABLE audit_log (
  -- Assigned by the writer as previous + 1 under a lock, so the sequence is gapless and a deleted
  -- row shows as a gap as well as a broken link.
  seq bigint PRIMARY KEY CHECK (seq > 0),
  occurred_at timestamptz NOT NULL,
  actor nonblank_text NOT NULL,
  action text NOT NULL CHECK (action ~ '^[a-z][a-z_.]*$'),
  entity_type text NOT NULL CHECK (entity_type ~ '^[a-z_]+$'),
  entity_id text NOT NULL,
  diff jsonb NOT NULL,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Every version of every record, for history, diffs and revert.
CREATE TABLE record_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type text NOT NULL CHECK (entity_type ~ '^[a-z_]+$'),
  entity_id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  data jsonb,
  audit_seq bigint NOT NULL REFERENCES audit_log (seq) DEFERRABLE,
  created_at timestamptz NOT NULL,
  CONSTRAINT record_versions_entity_version_key UNIQUE (entity_type, entity_id, version)
);
