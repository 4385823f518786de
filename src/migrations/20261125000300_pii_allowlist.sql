-- Rule R10's reviewed allowlist: exact texts an editor has checked are not personal details
-- (a press office's number, a court's address) and that the personal-detail scanner lets
-- through. Station front-counter addresses (station_addresses) are allowed without an entry.
CREATE TABLE pii_allowlist (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  text nonblank_text NOT NULL CHECK (length(text) <= 300),
  reason nonblank_text NOT NULL CHECK (length(reason) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pii_allowlist_text_key UNIQUE (text)
);
