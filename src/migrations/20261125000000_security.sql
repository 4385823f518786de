-- Accounts hardening: login throttling, two-factor authentication with recovery codes,
-- invitations, and two-person approval before publication.

-- Failed sign-ins are counted per email address (as a hash, and whether or not an account exists,
-- so the answer never reveals which addresses have accounts).
CREATE TABLE login_throttle (
  email_hash text PRIMARY KEY CHECK (email_hash ~ '^[0-9a-f]{64}$'),
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_failure_at timestamptz,
  locked_until timestamptz
);

ALTER TABLE users
  ADD COLUMN totp_secret text CHECK (totp_secret IS NULL OR totp_secret ~ '^[A-Z2-7]{16,64}$'),
  ADD COLUMN totp_enabled_at timestamptz,
  -- The last time step a code was accepted for: a code is never accepted twice.
  ADD COLUMN totp_last_step bigint,
  ADD CONSTRAINT users_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL);

CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- A session is 'password' until the second factor is given (when the account has or needs one).
ALTER TABLE sessions
  ADD COLUMN stage text NOT NULL DEFAULT 'full' CHECK (stage IN ('password', 'full')),
  ADD COLUMN second_factor_failures integer NOT NULL DEFAULT 0;

CREATE TABLE invitations (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  email text CHECK (email IS NULL OR (email ~ '^[^@\s]+@[^@\s]+$' AND email = lower(email))),
  role text NOT NULL CHECK (role IN ('admin', 'moderator', 'editor', 'contributor')),
  created_by uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_user_id uuid REFERENCES users (id) DEFERRABLE,
  revoked_at timestamptz,
  CONSTRAINT invitations_expiry CHECK (expires_at > created_at)
);

-- Two-person rule: an approval is of one revision of one record (the audit sequence number of
-- the latest change to the record or its links: any later change needs a new approval), by
-- someone who did not write it.
CREATE TABLE publication_approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type text NOT NULL CHECK (entity_type IN ('incidents', 'allegations', 'officers', 'statements')),
  entity_id uuid NOT NULL,
  revision bigint NOT NULL CHECK (revision > 0),
  approver_id uuid NOT NULL REFERENCES users (id) DEFERRABLE,
  approved_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT publication_approvals_once UNIQUE (entity_type, entity_id, revision, approver_id)
);
CREATE INDEX publication_approvals_entity_idx ON publication_approvals (entity_type, entity_id);
