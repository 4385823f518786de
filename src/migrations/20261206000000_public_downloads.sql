-- The public download: the latest signed export of the public data (src/downloads/), kept in the
-- database so every app instance serves the same files and a new export replaces the old in one
-- transaction. Only one export is ever kept: a superseded one may hold a record that has since been
-- withdrawn or held, so it must not stay downloadable.
CREATE TABLE public_exports (
  id uuid PRIMARY KEY,
  generated_at timestamptz NOT NULL,
  -- The last audit-log entry the export's snapshot saw: a later change to the records makes the
  -- files out of date, and they are not served until a new export replaces them.
  audit_seq bigint NOT NULL CHECK (audit_seq >= 0),
  -- The render guard's verdicts depend on the day (orders start and expire, reply deadlines pass),
  -- so an export is served only on the UTC day its snapshot was taken.
  valid_on date NOT NULL,
  manifest text NOT NULL,
  signature text NOT NULL,
  key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
  public_key text NOT NULL,
  files jsonb NOT NULL CHECK (jsonb_typeof(files) = 'array')
);

-- Each file gzip-compressed, in pieces of at most 1 MiB, so a download streams from the database
-- without holding a whole file in memory on either backend.
CREATE TABLE public_export_chunks (
  export_id uuid NOT NULL REFERENCES public_exports (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  n integer NOT NULL CHECK (n >= 0),
  bytes bytea NOT NULL,
  PRIMARY KEY (export_id, name, n)
);
