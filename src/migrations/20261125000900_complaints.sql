-- Notices of complaint (Defamation Act 2013 s.5; Defamation (Operators of Websites) Regulations
-- 2013, rule R16). Anyone named can complain through a public form; a clock of 48 hours,
-- weekends and bank holidays excluded, starts at receipt; the decision (hidden, amended, reply
-- attached, kept) is recorded with who made it and when. The complainant's details are personal
-- data: only editors and above read them, and they never appear on a public page.
CREATE TABLE complaints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Given to the complainant as their receipt.
  reference text NOT NULL UNIQUE CHECK (reference ~ '^NC-[A-Z0-9]{8}$'),
  received_at timestamptz NOT NULL DEFAULT now(),
  respond_by timestamptz NOT NULL,
  page_path text NOT NULL CHECK (page_path ~ '^/\S*$' AND length(page_path) <= 500),
  complainant_name nonblank_text NOT NULL,
  complainant_email text NOT NULL CHECK (complainant_email ~ '^[^@\s]+@[^@\s]+$'),
  acting_for text,
  words_complained_of nonblank_text NOT NULL,
  meaning_and_why_wrong nonblank_text NOT NULL,
  outcome text CHECK (outcome IN ('hidden', 'amended', 'reply_attached', 'kept')),
  outcome_note text,
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT complaints_decision_complete CHECK (
    (outcome IS NULL AND decided_at IS NULL AND decided_by IS NULL)
    OR (outcome IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL AND outcome_note ~ '\S')),
  CONSTRAINT complaints_clock CHECK (respond_by > received_at)
);
CREATE INDEX complaints_open_idx ON complaints (respond_by) WHERE outcome IS NULL;
