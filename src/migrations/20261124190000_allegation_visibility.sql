-- An allegation is public only when it and its incident are both published. Search and listings
-- asked that of every matching row by joining incidents, which meant reading the whole incidents
-- table per query. Keep the answer (and the incident's date, the usual sort key) on the
-- allegation itself, maintained by triggers, so matching rows can be filtered and ordered alone.

ALTER TABLE allegations
  ADD COLUMN visible boolean NOT NULL DEFAULT false,
  ADD COLUMN incident_date date;

CREATE FUNCTION allegations_sync_incident() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inc record;
BEGIN
  SELECT publication_state, coalesce(occurred_until, occurred_on) AS d INTO inc FROM incidents WHERE id = NEW.incident_id;
  -- During a restore the incident may arrive later; its own trigger fills these in then.
  NEW.visible := NEW.publication_state = 'published' AND coalesce(inc.publication_state = 'published', false);
  NEW.incident_date := inc.d;
  RETURN NEW;
END
$$;
CREATE TRIGGER allegations_sync_incident BEFORE INSERT OR UPDATE OF publication_state, incident_id, visible, incident_date
  ON allegations FOR EACH ROW EXECUTE FUNCTION allegations_sync_incident();

CREATE FUNCTION incidents_sync_allegations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Touching publication_state re-runs the allegation trigger, which reads this incident afresh.
  UPDATE allegations SET publication_state = publication_state WHERE incident_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER incidents_sync_allegations AFTER INSERT OR UPDATE OF publication_state, occurred_on, occurred_until
  ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_sync_allegations();

UPDATE allegations SET publication_state = publication_state;

CREATE INDEX allegations_visible_search_idx ON allegations USING gin (search) WITH (fastupdate = off) WHERE visible;
CREATE INDEX allegations_visible_officer_idx ON allegations (officer_id) WHERE visible;
CREATE INDEX allegations_visible_status_idx ON allegations (status_code, incident_date DESC NULLS LAST, id) WHERE visible;
CREATE INDEX allegations_visible_recent_idx ON allegations (incident_date DESC NULLS LAST, id) WHERE visible;
-- Officers listed by name (search without words, filtered): walk the names in order.
CREATE INDEX officers_name_order_idx ON officers (published_name, id) WHERE publication_state = 'published' AND published_name IS NOT NULL;
