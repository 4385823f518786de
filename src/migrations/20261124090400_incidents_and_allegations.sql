-- Incidents, who was involved, and the allegation → finding → sanction chain, each its own row
-- with its own date and decision-maker (rule R2): never merged into a single "verdict".

CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug slug NOT NULL UNIQUE,
  title nonblank_text NOT NULL,
  summary nonblank_text NOT NULL,
  occurred_on date,
  occurred_precision date_precision NOT NULL DEFAULT 'unknown',
  occurred_until date,
  place text,
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  tags text[] NOT NULL DEFAULT '{}' CHECK (array_position(tags, NULL) IS NULL),
  publication_state publication_state NOT NULL DEFAULT 'draft',
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT incidents_occurred_date CHECK (partial_date_ok(occurred_on, occurred_precision, occurred_until)),
  CONSTRAINT incidents_published_at CHECK (publication_state <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX incidents_force_idx ON incidents (force_id);
CREATE INDEX incidents_published_idx ON incidents (published_at DESC) WHERE publication_state = 'published';
CREATE INDEX incidents_tags_idx ON incidents USING gin (tags);

CREATE TABLE incident_units (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  unit_id uuid NOT NULL REFERENCES units (id) DEFERRABLE,
  PRIMARY KEY (incident_id, unit_id)
);
CREATE INDEX incident_units_unit_idx ON incident_units (unit_id);

CREATE TABLE incident_officers (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  officer_id uuid NOT NULL REFERENCES officers (id) DEFERRABLE,
  role text NOT NULL CHECK (role IN ('subject', 'witness', 'supervisor')),
  PRIMARY KEY (incident_id, officer_id, role)
);
CREATE INDEX incident_officers_officer_idx ON incident_officers (officer_id);

CREATE TABLE incident_people (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  person_id uuid NOT NULL REFERENCES people (id) DEFERRABLE,
  role text NOT NULL CHECK (role IN ('complainant', 'victim', 'witness', 'bystander', 'relative')),
  PRIMARY KEY (incident_id, person_id, role)
);
CREATE INDEX incident_people_person_idx ON incident_people (person_id);

-- Dated steps of a case: the timeline shown on an incident page.
CREATE TABLE timeline_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  occurred_on date NOT NULL,
  occurred_precision date_precision NOT NULL DEFAULT 'day',
  occurred_until date,
  title nonblank_text NOT NULL,
  description text,
  process_kind text GENERATED ALWAYS AS ('process_state') STORED,
  process_taxonomy text,
  process_state text,
  CONSTRAINT timeline_events_date CHECK (
    occurred_precision <> 'unknown' AND partial_date_ok(occurred_on, occurred_precision, occurred_until)
  ),
  CONSTRAINT timeline_events_process_fk FOREIGN KEY (process_kind, process_taxonomy, process_state)
    REFERENCES taxonomy_terms (kind, taxonomy_id, code) DEFERRABLE
);
CREATE INDEX timeline_events_incident_idx ON timeline_events (incident_id, occurred_on);

CREATE TABLE allegations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL,
  -- Either a known officer or a description of an officer who is not (or may not be) named.
  officer_id uuid REFERENCES officers (id) DEFERRABLE,
  unidentified_officer nonblank_text,
  summary nonblank_text NOT NULL,
  iopc_kind text GENERATED ALWAYS AS ('iopc_category') STORED,
  iopc_taxonomy text,
  iopc_code text,
  status_kind text GENERATED ALWAYS AS ('status_label') STORED,
  status_taxonomy text NOT NULL DEFAULT 'publication_status_v1',
  status_code text NOT NULL,
  conduct_from date,
  conduct_to date,
  reported_on date,
  publication_state publication_state NOT NULL DEFAULT 'draft',
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT allegations_incident_fk FOREIGN KEY (incident_id) REFERENCES incidents (id) DEFERRABLE,
  CONSTRAINT allegations_one_officer CHECK (num_nonnulls(officer_id, unidentified_officer) = 1),
  CONSTRAINT allegations_iopc_pair CHECK ((iopc_taxonomy IS NULL) = (iopc_code IS NULL)),
  CONSTRAINT allegations_iopc_fk FOREIGN KEY (iopc_kind, iopc_taxonomy, iopc_code)
    REFERENCES taxonomy_terms (kind, taxonomy_id, code) DEFERRABLE,
  CONSTRAINT allegations_status_fk FOREIGN KEY (status_kind, status_taxonomy, status_code)
    REFERENCES taxonomy_terms (kind, taxonomy_id, code) DEFERRABLE,
  CONSTRAINT allegations_conduct_dates CHECK (conduct_to IS NULL OR conduct_from IS NULL OR conduct_to >= conduct_from),
  CONSTRAINT allegations_published_at CHECK (publication_state <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX allegations_incident_idx ON allegations (incident_id);
CREATE INDEX allegations_officer_idx ON allegations (officer_id);
CREATE INDEX allegations_status_idx ON allegations (status_code);

CREATE TABLE allegation_standards (
  allegation_id uuid NOT NULL REFERENCES allegations (id) ON DELETE CASCADE DEFERRABLE,
  standard_kind text GENERATED ALWAYS AS ('standard') STORED,
  standard_taxonomy text NOT NULL DEFAULT 'ew_standards_2020',
  standard_code text NOT NULL,
  PRIMARY KEY (allegation_id, standard_taxonomy, standard_code),
  CONSTRAINT allegation_standards_fk FOREIGN KEY (standard_kind, standard_taxonomy, standard_code)
    REFERENCES taxonomy_terms (kind, taxonomy_id, code) DEFERRABLE
);
CREATE INDEX allegation_standards_code_idx ON allegation_standards (standard_code);

CREATE TABLE findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  allegation_id uuid NOT NULL,
  track text NOT NULL CHECK (track IN ('conduct', 'criminal')),
  forum text NOT NULL CHECK (forum IN (
    'misconduct_meeting', 'misconduct_hearing', 'accelerated_hearing', 'police_appeals_tribunal',
    'magistrates_court', 'crown_court', 'court_of_appeal', 'other'
  )),
  deciding_body nonblank_text NOT NULL,
  outcome_kind text GENERATED ALWAYS AS ('finding_outcome') STORED,
  outcome_taxonomy text NOT NULL,
  outcome_code text NOT NULL,
  decided_on date NOT NULL,
  chair_type text CHECK (chair_type IN ('legally_qualified_chair', 'senior_officer', 'judge', 'magistrates', 'other')),
  legal_test_version text,
  -- An appeal outcome is a new finding that supersedes the old one, which is kept.
  supersedes_finding_id uuid REFERENCES findings (id) DEFERRABLE,
  summary text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT findings_allegation_fk FOREIGN KEY (allegation_id) REFERENCES allegations (id) DEFERRABLE,
  CONSTRAINT findings_outcome_fk FOREIGN KEY (outcome_kind, outcome_taxonomy, outcome_code)
    REFERENCES taxonomy_terms (kind, taxonomy_id, code) DEFERRABLE,
  CONSTRAINT findings_track_taxonomy CHECK (
    (track = 'conduct' AND outcome_taxonomy LIKE '%conduct%') OR (track = 'criminal' AND outcome_taxonomy LIKE '%criminal%')
  ),
  CONSTRAINT findings_not_self_superseding CHECK (supersedes_finding_id IS DISTINCT FROM id)
);
CREATE INDEX findings_allegation_idx ON findings (allegation_id);

CREATE TABLE sanctions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  finding_id uuid NOT NULL,
  sanction_kind text GENERATED ALWAYS AS ('sanction') STORED,
  sanction_taxonomy text NOT NULL,
  sanction_code text NOT NULL,
  imposed_on date NOT NULL,
  detail text,
  -- Sentence lengths let spent dates be computed (rule R20).
  custodial_term_days integer CHECK (custodial_term_days >= 0),
  minimum_term_days integer CHECK (minimum_term_days >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sanctions_finding_fk FOREIGN KEY (finding_id) REFERENCES findings (id) DEFERRABLE,
  CONSTRAINT sanctions_code_fk FOREIGN KEY (sanction_kind, sanction_taxonomy, sanction_code)
    REFERENCES taxonomy_terms (kind, taxonomy_id, code) DEFERRABLE
);
CREATE INDEX sanctions_finding_idx ON sanctions (finding_id);
