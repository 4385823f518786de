-- Uploaded evidence. The snapshot row holds the public copy (identifying metadata stripped:
-- EXIF/GPS/XMP from images, document properties from PDFs); the original, metadata and file
-- name intact, is kept only encrypted, in a blob readable with the operator's key, and opening
-- it is restricted (moderators, admins) and written to the audit log.
ALTER TABLE source_snapshots
  ADD COLUMN origin text NOT NULL DEFAULT 'capture' CHECK (origin IN ('capture', 'upload'));

CREATE TABLE upload_originals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  snapshot_id uuid NOT NULL UNIQUE REFERENCES source_snapshots (id) ON DELETE CASCADE DEFERRABLE,
  -- The encrypted envelope in the blob store, and the hash of the plaintext inside it, so
  -- `custodiet verify` can prove the envelope intact without decrypting it.
  envelope_sha256 text NOT NULL CHECK (envelope_sha256 ~ '^[0-9a-f]{64}$'),
  original_sha256 text NOT NULL CHECK (original_sha256 ~ '^[0-9a-f]{64}$'),
  original_size bigint NOT NULL CHECK (original_size >= 0),
  -- Fingerprint of the key that sealed it (never the key).
  key_id text NOT NULL,
  -- What the public copy lost, in words ("EXIF (GPS)", "XMP", "document properties").
  removed text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
