-- Published complaint and use-of-force datasets (Washington Post Fatal Force, Philadelphia, Chicago
-- CPDP, NYC CCRB, OpenOversight, generic CSV) become ordinary Custodiet records: agencies as forces,
-- officers, incidents, allegations, findings and sanctions, always as drafts. This migration adds
-- what they need: agencies outside the UK, dates a dataset does not publish, the map from each
-- dataset's own ids to our records (provenance and idempotent re-import), several agencies on one
-- incident, and cross-source match candidates with reversible merges.

-- Agencies outside the UK. `region` is the US state (two letters) and `agency_type` the dataset's
-- own classification (local_police, sheriff, …): force-agnostic, but kept apart from UK forces.
ALTER TABLE forces DROP CONSTRAINT forces_jurisdiction_check;
ALTER TABLE forces ADD CONSTRAINT forces_jurisdiction_check CHECK (jurisdiction IN (
  'england_wales', 'scotland', 'northern_ireland', 'great_britain', 'united_kingdom', 'united_states', 'other'
));
ALTER TABLE forces
  ADD COLUMN region text CHECK (region IS NULL OR region ~ '^[A-Z]{2}$'),
  ADD COLUMN agency_type text CHECK (agency_type IS NULL OR agency_type ~ '^[a-z_]{1,40}$');

-- Datasets often publish an outcome without the date it was decided or imposed (Philadelphia
-- publishes none; CCRB only some). The editor still requires the date; an imported finding or
-- sanction without one is shown as "date not published".
ALTER TABLE findings ALTER COLUMN decided_on DROP NOT NULL;
ALTER TABLE sanctions ALTER COLUMN imposed_on DROP NOT NULL;

-- More than one agency can be involved in one incident (612 Washington Post records). The
-- incident's own force_id stays the first; the others are listed here.
CREATE TABLE incident_forces (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  PRIMARY KEY (incident_id, force_id)
);
CREATE INDEX incident_forces_force_idx ON incident_forces (force_id);

-- Which record a dataset's own id became. The key is (dataset, kind, the dataset's id), so a
-- later file with the same ids updates the same records and never duplicates them. Record ids
-- are derived from this key (UUID v5), so every file of a dataset agrees on them whatever order
-- the files are imported in. `attributes` keeps source fields that have no column of their own
-- (never personal data: see docs/imports.md for what each format keeps).
CREATE TABLE dataset_records (
  source_id uuid NOT NULL REFERENCES sources (id) DEFERRABLE,
  record_kind text NOT NULL CHECK (record_kind IN (
    'force', 'unit', 'officer', 'incident', 'allegation', 'finding', 'sanction', 'person'
  )),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
  entity_id uuid NOT NULL,
  first_file_id uuid NOT NULL REFERENCES dataset_files (id) DEFERRABLE,
  last_file_id uuid NOT NULL REFERENCES dataset_files (id) DEFERRABLE,
  attributes jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (source_id, record_kind, external_id)
);
CREATE INDEX dataset_records_entity_idx ON dataset_records (entity_id);
CREATE INDEX dataset_records_last_file_idx ON dataset_records (last_file_id);

-- Merging two records that are the same officer or incident. The merged record stays (so an
-- unmerge can restore it) but points at the survivor and can no longer be published.
ALTER TABLE officers
  ADD COLUMN merged_into uuid REFERENCES officers (id) DEFERRABLE,
  ADD CONSTRAINT officers_not_merged_into_self CHECK (merged_into IS DISTINCT FROM id),
  ADD CONSTRAINT officers_merged_not_published CHECK (merged_into IS NULL OR publication_state <> 'published');
ALTER TABLE incidents
  ADD COLUMN merged_into uuid REFERENCES incidents (id) DEFERRABLE,
  ADD CONSTRAINT incidents_not_merged_into_self CHECK (merged_into IS DISTINCT FROM id),
  ADD CONSTRAINT incidents_merged_not_published CHECK (merged_into IS NULL OR publication_state <> 'published');
CREATE INDEX officers_merged_into_idx ON officers (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX incidents_merged_into_idx ON incidents (merged_into) WHERE merged_into IS NOT NULL;
-- Matching looks for incidents of one force near a date.
CREATE INDEX incidents_force_occurred_idx ON incidents (force_id, occurred_on);
CREATE INDEX incidents_place_trgm_idx ON incidents USING gin (f_unaccent(lower(place)) gin_trgm_ops);

-- A possible match between two records of the same kind, with the evidence for it. Pairs are
-- stored once (record_a < record_b). Nothing merges without a person, except a candidate above
-- the automatic threshold (two independent identifiers and the name agreeing), which is logged.
CREATE TABLE match_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('officer', 'incident')),
  record_a uuid NOT NULL,
  record_b uuid NOT NULL,
  score numeric(4, 3) NOT NULL CHECK (score BETWEEN 0 AND 1),
  reasons jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'merged', 'rejected', 'unmerged')),
  found_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_at timestamptz,
  CONSTRAINT match_candidates_ordered CHECK (record_a < record_b),
  CONSTRAINT match_candidates_pair_key UNIQUE (kind, record_a, record_b),
  CONSTRAINT match_candidates_decided CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX match_candidates_pending_idx ON match_candidates (kind, score DESC) WHERE status = 'pending';

-- One merge: which rows moved from the merged record to the survivor, so unmerging moves exactly
-- those back. Every merge and unmerge is also in the audit log.
CREATE TABLE record_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('officer', 'incident')),
  survivor_id uuid NOT NULL,
  merged_id uuid NOT NULL,
  candidate_id uuid REFERENCES match_candidates (id) DEFERRABLE,
  moved jsonb NOT NULL,
  automatic boolean NOT NULL DEFAULT false,
  merged_by text NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by text,
  undone_at timestamptz,
  CONSTRAINT record_merges_distinct CHECK (survivor_id <> merged_id),
  CONSTRAINT record_merges_undone CHECK ((undone_by IS NULL) = (undone_at IS NULL))
);
CREATE UNIQUE INDEX record_merges_active_key ON record_merges (kind, merged_id) WHERE undone_at IS NULL;

-- Vocabularies of the US datasets (rule R21: jurisdiction-scoped and versioned). Each dataset's
-- own wording is kept verbatim on the record (finding summary, sanction detail); these codes are
-- what it means, for filtering and counting.
INSERT INTO taxonomies (id, kind, jurisdiction, version, title, source_note) VALUES
  ('us_police_ranks_v1', 'rank', 'united_states', '1', 'Police ranks, United States (common titles)',
   'Rank titles used by the Chicago, Philadelphia and New York datasets, grouped'),
  ('us_conduct_findings_v1', 'finding_outcome', 'united_states', '1',
   'Findings of US police oversight bodies', 'COPA/IPRA/BIA (Chicago), PPD Internal Affairs, NYC CCRB'),
  ('us_conduct_sanctions_v1', 'sanction', 'united_states', '1', 'Police discipline, United States',
   'Penalties recorded by the Chicago, Philadelphia and New York datasets, grouped');

INSERT INTO taxonomy_terms (taxonomy_id, kind, code, label, description, sort_order) VALUES
  ('us_police_ranks_v1', 'rank', 'police_officer', 'Police officer', NULL, 1),
  ('us_police_ranks_v1', 'rank', 'detective', 'Detective', 'Including officers assigned as detective', 2),
  ('us_police_ranks_v1', 'rank', 'sergeant', 'Sergeant', NULL, 3),
  ('us_police_ranks_v1', 'rank', 'lieutenant', 'Lieutenant', NULL, 4),
  ('us_police_ranks_v1', 'rank', 'captain', 'Captain', NULL, 5),
  ('us_police_ranks_v1', 'rank', 'commander', 'Commander', NULL, 6),
  ('us_police_ranks_v1', 'rank', 'deputy_chief', 'Deputy chief', NULL, 7),
  ('us_police_ranks_v1', 'rank', 'chief', 'Chief or superintendent', 'The head of the department and deputies', 8),
  ('us_police_ranks_v1', 'rank', 'civilian_staff', 'Civilian staff', 'Detention aides, technicians and other staff', 9),
  ('us_police_ranks_v1', 'rank', 'other', 'Other rank', 'A title the importer does not group; kept verbatim', 10),

  ('us_conduct_findings_v1', 'finding_outcome', 'sustained', 'Sustained',
   'The investigating body found that the misconduct occurred (CCRB: substantiated).', 1),
  ('us_conduct_findings_v1', 'finding_outcome', 'not_sustained', 'Not sustained',
   'Not enough evidence either way.', 2),
  ('us_conduct_findings_v1', 'finding_outcome', 'unfounded', 'Unfounded',
   'The investigating body found the allegation false or not factual.', 3),
  ('us_conduct_findings_v1', 'finding_outcome', 'exonerated', 'Exonerated',
   'The conduct occurred but was found lawful and proper.', 4),
  ('us_conduct_findings_v1', 'finding_outcome', 'pending', 'Pending', 'Investigation or decision not finished.', 5),
  ('us_conduct_findings_v1', 'finding_outcome', 'closed_no_finding', 'Closed without a finding', NULL, 6),

  ('us_conduct_sanctions_v1', 'sanction', 'no_penalty', 'No penalty', NULL, 1),
  ('us_conduct_sanctions_v1', 'sanction', 'violation_noted', 'Violation noted', NULL, 2),
  ('us_conduct_sanctions_v1', 'sanction', 'instructions', 'Instructions', NULL, 3),
  ('us_conduct_sanctions_v1', 'sanction', 'training', 'Training or counselling', NULL, 4),
  ('us_conduct_sanctions_v1', 'sanction', 'reprimand', 'Reprimand', NULL, 5),
  ('us_conduct_sanctions_v1', 'sanction', 'command_discipline', 'Command discipline', 'NYPD command discipline (A or B)', 6),
  ('us_conduct_sanctions_v1', 'sanction', 'forfeit_vacation', 'Forfeiture of vacation days', NULL, 7),
  ('us_conduct_sanctions_v1', 'sanction', 'suspension', 'Suspension', 'Length in the detail', 8),
  ('us_conduct_sanctions_v1', 'sanction', 'dismissal_probation', 'Dismissal probation', NULL, 9),
  ('us_conduct_sanctions_v1', 'sanction', 'demotion', 'Demotion', NULL, 10),
  ('us_conduct_sanctions_v1', 'sanction', 'separation', 'Separation or termination', NULL, 11),
  ('us_conduct_sanctions_v1', 'sanction', 'resigned', 'Resigned before a penalty', NULL, 12),
  ('us_conduct_sanctions_v1', 'sanction', 'pending', 'Penalty pending', NULL, 13),
  ('us_conduct_sanctions_v1', 'sanction', 'other', 'Other penalty', 'Kept verbatim in the detail', 14);

-- The status label an imported allegation carries follows its finding (rule R1), by this map.
INSERT INTO taxonomy_mappings (from_taxonomy, from_code, to_taxonomy, to_code, note) VALUES
  ('us_conduct_findings_v1', 'sustained', 'publication_status_v1', 'misconduct_proven', NULL),
  ('us_conduct_findings_v1', 'not_sustained', 'publication_status_v1', 'not_proven', NULL),
  ('us_conduct_findings_v1', 'unfounded', 'publication_status_v1', 'no_case_to_answer',
   'Favourable outcome: de-named by default like a UK no case to answer'),
  ('us_conduct_findings_v1', 'exonerated', 'publication_status_v1', 'no_case_to_answer',
   'Favourable outcome: de-named by default like a UK no case to answer'),
  ('us_conduct_findings_v1', 'pending', 'publication_status_v1', 'under_investigation', NULL),
  ('us_conduct_findings_v1', 'closed_no_finding', 'publication_status_v1', 'reported',
   'An allegation only: no finding was made');
