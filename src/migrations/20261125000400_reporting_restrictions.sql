-- Rule R6: the reporting-restriction register. Court orders, statutory anonymity, panel
-- directions and injunctions, each scoped to an incident, a person and/or exact terms (names,
-- phrases) that must not be published while the order is in force. A match blocks publication.
CREATE TABLE reporting_restrictions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_type text NOT NULL CHECK (order_type IN (
    'soaa_1992', 'cypa_1933_s49', 'yjcea_1999_s45', 'yjcea_1999_s45a', 'cca_1981_s4_2',
    'cca_1981_s11', 'panel_direction', 'injunction', 'other')),
  case_reference nonblank_text NOT NULL,
  court text,
  scope_incident_id uuid REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  scope_person_id uuid REFERENCES people (id) ON DELETE CASCADE DEFERRABLE,
  -- One term per line; matched case-insensitively in every public text of a record.
  scope_terms text,
  starts_on date NOT NULL,
  -- NULL: until lifted (lifelong anonymity has no end date).
  expires_on date,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reporting_restrictions_has_scope CHECK (
    scope_incident_id IS NOT NULL OR scope_person_id IS NOT NULL OR scope_terms ~ '\S'),
  CONSTRAINT reporting_restrictions_dates CHECK (expires_on IS NULL OR expires_on >= starts_on)
);
CREATE INDEX reporting_restrictions_incident_idx ON reporting_restrictions (scope_incident_id);
CREATE INDEX reporting_restrictions_person_idx ON reporting_restrictions (scope_person_id);
