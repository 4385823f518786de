-- A claim either supports its fact or contradicts it: when sources disagree, both are kept and
-- shown, and the disagreement is flagged rather than silently resolved by picking one.
ALTER TABLE claims
  ADD COLUMN stance text NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'contradicts'));
