-- Capturing sources: what was asked for, what came back, and how this copy compares with the
-- previous one. Hearing notices are taken down after weeks, so "the original is gone but we hold
-- an archived copy" must be answerable from these rows alone.
ALTER TABLE source_snapshots
  ADD COLUMN requested_url text CHECK (requested_url IS NULL OR requested_url ~ '^https?://[^\s]+$'),
  -- Response headers worth keeping (content type, dates, caching, server), never cookies.
  ADD COLUMN response_headers jsonb,
  -- SHA-256 of the whitespace-normalised extracted text: pages whose markup churns (ads, tokens)
  -- but whose words did not change are "unchanged".
  ADD COLUMN text_sha256 text CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
  -- Compared with the source's previous captured copy.
  ADD COLUMN change text CHECK (change IN ('first', 'unchanged', 'changed')),
  -- Why the last attempt failed (for 'failed'), in words an editor can act on.
  ADD COLUMN error text,
  ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  ADD CONSTRAINT source_snapshots_change_only_captured CHECK (change IS NULL OR capture_status = 'captured');

CREATE INDEX source_snapshots_pending_idx ON source_snapshots (created_at) WHERE capture_status = 'not_yet_captured';
