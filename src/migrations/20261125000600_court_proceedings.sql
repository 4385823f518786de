-- Rule R5: the active-proceedings hold. Criminal proceedings are active (Contempt of Court Act
-- 1981 Sch. 1) from arrest, warrant, summons or charge until acquittal, sentence, discontinuance
-- or other disposal. While any proceedings on an incident are active, only a fair court report
-- (charge, court, dates, plea, outcome) is public: no summary, timeline or allegations.
CREATE TABLE court_proceedings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  -- The defendant when it is an officer in our records; others are never named here.
  officer_id uuid REFERENCES officers (id) DEFERRABLE,
  started_by text NOT NULL CHECK (started_by IN ('arrest', 'warrant', 'summons', 'charge', 'indictment')),
  started_on date NOT NULL,
  court text,
  charge text,
  next_hearing_on date,
  plea text CHECK (plea IN ('not_entered', 'guilty', 'not_guilty', 'mixed')),
  outcome text,
  ended_by text CHECK (ended_by IN (
    'acquitted', 'convicted_and_sentenced', 'discontinued', 'released_without_charge', 'other_disposal')),
  ended_on date,
  -- Lifting the hold needs a recorded end event and an editor's sign-off (R5).
  end_signed_off_by uuid REFERENCES users (id) DEFERRABLE,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT court_proceedings_end_complete CHECK ((ended_by IS NULL) = (ended_on IS NULL)),
  CONSTRAINT court_proceedings_end_signed_off CHECK (ended_by IS NULL OR end_signed_off_by IS NOT NULL),
  CONSTRAINT court_proceedings_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX court_proceedings_incident_idx ON court_proceedings (incident_id);
CREATE INDEX court_proceedings_officer_idx ON court_proceedings (officer_id);

-- Kept on the incident by trigger so every public query (search, officer pages, listings) can
-- hide held allegations through the existing `visible` flag without a join.
ALTER TABLE incidents ADD COLUMN proceedings_active boolean NOT NULL DEFAULT false;

CREATE FUNCTION court_proceedings_sync_incident() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  FOREACH target IN ARRAY ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD.incident_id END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW.incident_id END
  ] LOOP
    CONTINUE WHEN target IS NULL;
    UPDATE incidents SET proceedings_active = EXISTS (
      SELECT 1 FROM court_proceedings WHERE incident_id = target AND ended_by IS NULL)
    WHERE id = target;
  END LOOP;
  RETURN NULL;
END
$$;
CREATE TRIGGER court_proceedings_sync_incident AFTER INSERT OR UPDATE OR DELETE ON court_proceedings
  FOR EACH ROW EXECUTE FUNCTION court_proceedings_sync_incident();

-- An allegation is public only while it and its incident are published and no proceedings on
-- the incident are active.
CREATE OR REPLACE FUNCTION allegations_sync_incident() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inc record;
BEGIN
  SELECT publication_state, coalesce(occurred_until, occurred_on) AS d, proceedings_active INTO inc
    FROM incidents WHERE id = NEW.incident_id;
  NEW.visible := NEW.publication_state = 'published'
    AND coalesce(inc.publication_state = 'published' AND NOT inc.proceedings_active, false);
  NEW.incident_date := inc.d;
  RETURN NEW;
END
$$;

DROP TRIGGER incidents_sync_allegations ON incidents;
CREATE TRIGGER incidents_sync_allegations AFTER INSERT OR UPDATE OF publication_state, occurred_on, occurred_until, proceedings_active
  ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_sync_allegations();
