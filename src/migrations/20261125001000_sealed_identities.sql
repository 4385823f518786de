-- Rule R9: real identities of complainants, victims and witnesses are kept only encrypted. From
-- now on a row holds a sealed envelope (libsodium secretbox under the operator's originals key)
-- and no plain name. NOT VALID: rows written before this migration are left readable until they
-- are next saved (which seals them); every new or changed row must be sealed.
ALTER TABLE person_identities
  ADD COLUMN sealed bytea,
  ADD COLUMN key_id text,
  ADD CONSTRAINT person_identities_sealed_only CHECK (
    real_name IS NULL AND contact_note IS NULL AND sealed IS NOT NULL AND key_id IS NOT NULL) NOT VALID;
