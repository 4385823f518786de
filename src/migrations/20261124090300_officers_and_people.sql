-- Officers: professional identity only (name as officially published, force, ranks, postings,
-- identifiers). Nothing personal is ever stored here (rule R10).

CREATE TABLE officers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug slug NOT NULL UNIQUE,
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  -- Exactly as an official source published it; NULL while the officer is known only by number/cipher.
  published_name nonblank_text,
  role_type text NOT NULL DEFAULT 'police_officer' CHECK (role_type IN (
    'police_officer', 'special_constable', 'pcso', 'designated_detention_officer', 'police_staff'
  )),
  service_status text NOT NULL DEFAULT 'unknown' CHECK (service_status IN (
    'serving', 'suspended', 'resigned', 'retired', 'dismissed', 'transferred', 'deceased', 'unknown'
  )),
  publication_state publication_state NOT NULL DEFAULT 'draft',
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT officers_published_at CHECK (publication_state <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX officers_force_idx ON officers (force_id);
CREATE INDEX officers_name_trgm_idx ON officers USING gin (f_unaccent(lower(published_name)) gin_trgm_ops);

CREATE TABLE officer_ranks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  officer_id uuid NOT NULL REFERENCES officers (id) ON DELETE CASCADE DEFERRABLE,
  rank_kind text GENERATED ALWAYS AS ('rank') STORED,
  rank_taxonomy text NOT NULL DEFAULT 'ew_ranks_2025',
  rank_code text NOT NULL,
  -- "Detective" is a prefix, not a rank.
  detective boolean NOT NULL DEFAULT false,
  valid_from date,
  valid_to date,
  CONSTRAINT officer_ranks_rank_fk FOREIGN KEY (rank_kind, rank_taxonomy, rank_code)
    REFERENCES taxonomy_terms (kind, taxonomy_id, code) DEFERRABLE,
  CONSTRAINT officer_ranks_valid_dates CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX officer_ranks_officer_idx ON officer_ranks (officer_id);

CREATE TABLE officer_postings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  officer_id uuid NOT NULL REFERENCES officers (id) ON DELETE CASCADE DEFERRABLE,
  unit_id uuid NOT NULL REFERENCES units (id) DEFERRABLE,
  valid_from date,
  valid_to date,
  CONSTRAINT officer_postings_valid_dates CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX officer_postings_officer_idx ON officer_postings (officer_id);
CREATE INDEX officer_postings_unit_idx ON officer_postings (unit_id);

-- Identity is (force, identifier type, identifier, validity) and never a number alone (rule R11):
-- shoulder numbers change on transfer and are reissued. Validity is inclusive at both ends and
-- NULL means open-ended, so an undated number blocks any other holder of it in that force.
CREATE TABLE officer_identifiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  officer_id uuid NOT NULL REFERENCES officers (id) ON DELETE CASCADE DEFERRABLE,
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  identifier_type text NOT NULL CHECK (identifier_type IN (
    'shoulder_number', 'warrant_number', 'cipher', 'badge_number', 'payroll_number', 'external_id'
  )),
  identifier text NOT NULL CHECK (identifier ~ '^[A-Za-z0-9][A-Za-z0-9 /.-]{0,39}$'),
  valid_from date,
  valid_to date,
  CONSTRAINT officer_identifiers_valid_dates CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  CONSTRAINT officer_identifiers_no_overlap EXCLUDE USING gist (
    force_id WITH =,
    identifier_type WITH =,
    upper(identifier) WITH =,
    daterange(valid_from, valid_to, '[]') WITH &&
  )
);
CREATE INDEX officer_identifiers_officer_idx ON officer_identifiers (officer_id);
CREATE INDEX officer_identifiers_lookup_idx ON officer_identifiers (upper(identifier), force_id);

-- People who are not officers: complainants, victims, witnesses. Pseudonymous by default (R9).
-- The database itself refuses a public name for a child (R8) or for a living sexual-offence
-- complainant who has not waived anonymity (R7).
CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pseudonym nonblank_text NOT NULL,
  -- An official pseudonym such as "Child Q" must be kept exactly as published.
  official_pseudonym boolean NOT NULL DEFAULT false,
  -- Age at the time of the events; 'unknown' is treated as a child by the publication rules.
  age_status text NOT NULL DEFAULT 'unknown' CHECK (age_status IN ('adult', 'minor', 'unknown')),
  vulnerable boolean NOT NULL DEFAULT false,
  protected_identity boolean NOT NULL DEFAULT true,
  sexual_offence_complainant boolean NOT NULL DEFAULT false,
  sexual_offence_waiver boolean NOT NULL DEFAULT false,
  deceased boolean NOT NULL DEFAULT false,
  -- A name the public already knows (e.g. used by the family and the courts), with the basis recorded.
  public_name nonblank_text,
  public_name_basis text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT people_public_name_basis CHECK (public_name IS NULL OR public_name_basis ~ '\S'),
  CONSTRAINT people_minor_never_named CHECK (age_status = 'adult' OR public_name IS NULL),
  CONSTRAINT people_protected_never_named CHECK (NOT protected_identity OR public_name IS NULL),
  CONSTRAINT people_sexual_offence_anonymity CHECK (
    NOT sexual_offence_complainant OR public_name IS NULL OR deceased OR sexual_offence_waiver
  )
);

-- Real identities live apart from everything public code reads. Only the restricted identity
-- repository touches this table; a test enforces that no other module names it.
CREATE TABLE person_identities (
  person_id uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE DEFERRABLE,
  real_name text,
  contact_note text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
