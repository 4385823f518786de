-- Anonymous submissions and insider reports (rule R18). The database holds only ciphertext of
-- what people send: contents, conversation and attachments are sealed (libsodium sealed boxes)
-- to the organisation's moderation public key, whose private key is itself encrypted under a
-- passphrase moderators type to unlock it for their session. No column holds an IP address, a
-- user agent or a precise time of a submitter's action: days only, ordered by sequence.

-- The moderation key pair. One key is active; retired keys stay so older submissions stay readable.
CREATE TABLE moderation_keys (
  -- First 16 hex digits of SHA-256 of the public key.
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
  public_key bytea NOT NULL CHECK (length(public_key) = 32),
  -- secretbox(private key) under scrypt(passphrase, kdf_salt, kdf_params).
  wrapped_secret_key bytea NOT NULL,
  kdf_salt bytea NOT NULL CHECK (length(kdf_salt) = 16),
  kdf_params jsonb NOT NULL,
  created_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
CREATE UNIQUE INDEX moderation_keys_one_active ON moderation_keys ((true)) WHERE retired_at IS NULL;

-- The salt of the codename hash, one per installation (so a table of hashes made for one site
-- is useless on another).
CREATE TABLE submission_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  codename_salt bytea NOT NULL CHECK (length(codename_salt) = 16)
);

CREATE TABLE submissions (
  -- "Submission N" for moderators; never shown to the submitter, who has a codename instead.
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('public', 'insider')),
  -- scrypt of the normalised codename (hex): the codename itself is never stored.
  codename_hash text NOT NULL UNIQUE CHECK (codename_hash ~ '^[0-9a-f]{64}$'),
  -- The submitter's own X25519 public key (derived from the codename): moderators' messages are
  -- sealed to it as well, so only the codename holder and the moderators can read them.
  submitter_public_key bytea NOT NULL CHECK (length(submitter_public_key) = 32),
  key_id text NOT NULL REFERENCES moderation_keys (id) DEFERRABLE,
  sealed_content bytea NOT NULL,
  -- The same content sealed to the submitter's key, so they can re-read what they sent.
  sealed_content_for_submitter bytea NOT NULL,
  state text NOT NULL DEFAULT 'new'
    CHECK (state IN ('new', 'needs_information', 'duplicate', 'converted', 'rejected')),
  assigned_to uuid REFERENCES users (id) ON DELETE SET NULL DEFERRABLE,
  duplicate_of uuid REFERENCES incidents (id) ON DELETE SET NULL DEFERRABLE,
  -- True when the submitter wrote last (a moderator should look).
  awaiting_moderator boolean NOT NULL DEFAULT true,
  received_on date NOT NULL DEFAULT current_date,
  last_activity_on date NOT NULL DEFAULT current_date,
  CONSTRAINT submissions_duplicate_state CHECK ((state = 'duplicate') = (duplicate_of IS NOT NULL))
);
CREATE INDEX submissions_queue_idx ON submissions (state, id);

-- The conversation through the codename inbox. Every message is sealed twice: once to the
-- moderation key, once to the submitter's key.
CREATE TABLE submission_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id bigint NOT NULL REFERENCES submissions (id) ON DELETE CASCADE DEFERRABLE,
  author text NOT NULL CHECK (author IN ('submitter', 'moderator')),
  moderator_id uuid REFERENCES users (id) ON DELETE SET NULL DEFERRABLE,
  key_id text NOT NULL REFERENCES moderation_keys (id) DEFERRABLE,
  sealed_for_moderators bytea NOT NULL,
  sealed_for_submitter bytea NOT NULL,
  sent_on date NOT NULL DEFAULT current_date
);
CREATE INDEX submission_messages_submission_idx ON submission_messages (submission_id, id);

-- Attachments: the blob store holds the sealed, metadata-stripped copy; its name, type and the
-- hash of what was sent are inside the sealed content or message, not here.
CREATE TABLE submission_attachments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id bigint NOT NULL REFERENCES submissions (id) ON DELETE CASCADE DEFERRABLE,
  message_id bigint REFERENCES submission_messages (id) ON DELETE CASCADE DEFERRABLE,
  -- SHA-256 of the ciphertext (the blob store's key).
  blob_sha256 text NOT NULL CHECK (blob_sha256 ~ '^[0-9a-f]{64}$'),
  key_id text NOT NULL REFERENCES moderation_keys (id) DEFERRABLE
);
CREATE INDEX submission_attachments_submission_idx ON submission_attachments (submission_id);

-- A moderator's unlocked key for one editor session: the private key wrapped under a key that
-- lives only in the moderator's browser cookie, so neither the database nor the cookie alone
-- opens it, and it dies with the session.
CREATE TABLE moderation_unlocks (
  session_token_hash text PRIMARY KEY REFERENCES sessions (token_hash) ON DELETE CASCADE DEFERRABLE,
  key_id text NOT NULL REFERENCES moderation_keys (id) ON DELETE CASCADE DEFERRABLE,
  wrapped_secret_key bytea NOT NULL,
  expires_at timestamptz NOT NULL
);

-- A submitter's inbox session: the same split (their private key wrapped under a key in their
-- cookie). Expires after an hour.
CREATE TABLE submitter_sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  submission_id bigint NOT NULL REFERENCES submissions (id) ON DELETE CASCADE DEFERRABLE,
  wrapped_secret_key bytea NOT NULL,
  csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
  expires_at timestamptz NOT NULL
);
CREATE INDEX submitter_sessions_expires_idx ON submitter_sessions (expires_at);

-- Draft records made from a submission ("from submission N"), for provenance on the editor side.
CREATE TABLE submission_conversions (
  submission_id bigint NOT NULL REFERENCES submissions (id) DEFERRABLE,
  record_table text NOT NULL CHECK (record_table IN ('incidents', 'allegations')),
  record_id uuid NOT NULL,
  converted_by uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  converted_on date NOT NULL DEFAULT current_date,
  PRIMARY KEY (submission_id, record_table, record_id)
);
CREATE INDEX submission_conversions_record_idx ON submission_conversions (record_id);
