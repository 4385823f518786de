-- Sources, archived snapshots and claims: every published fact points at a source (rule R4),
-- ideally a hashed snapshot and the exact passage that supports it.

CREATE TABLE sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN (
    'news', 'official_report', 'court_judgment', 'hearing_notice', 'press_release', 'dataset', 'submission', 'video'
  )),
  url text CHECK (url IS NULL OR url ~ '^https?://[^\s]+$'),
  publisher nonblank_text NOT NULL,
  title nonblank_text NOT NULL,
  published_on date,
  licence text,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sources_url_or_kind CHECK (url IS NOT NULL OR kind IN ('submission', 'dataset', 'video'))
);
CREATE UNIQUE INDEX sources_url_key ON sources (url) WHERE url IS NOT NULL;

CREATE TABLE source_snapshots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id uuid NOT NULL REFERENCES sources (id) ON DELETE CASCADE DEFERRABLE,
  capture_status text NOT NULL CHECK (capture_status IN ('not_yet_captured', 'captured', 'failed', 'gone')),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text,
  byte_size bigint CHECK (byte_size >= 0),
  fetched_at timestamptz,
  final_url text,
  http_status integer CHECK (http_status BETWEEN 100 AND 599),
  -- Readable text extracted from the stored bytes; quoted passages are checked against it.
  extracted_text text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT source_snapshots_id_source_key UNIQUE (id, source_id),
  CONSTRAINT source_snapshots_captured_complete CHECK (
    capture_status <> 'captured' OR (sha256 IS NOT NULL AND media_type IS NOT NULL AND byte_size IS NOT NULL AND fetched_at IS NOT NULL)
  ),
  CONSTRAINT source_snapshots_uncaptured_empty CHECK (capture_status = 'captured' OR sha256 IS NULL)
);
CREATE INDEX source_snapshots_source_idx ON source_snapshots (source_id);
CREATE INDEX source_snapshots_sha_idx ON source_snapshots (sha256);

CREATE TABLE statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug slug NOT NULL UNIQUE,
  speaker_name nonblank_text NOT NULL,
  speaker_role nonblank_text NOT NULL,
  speaker_officer_id uuid REFERENCES officers (id) DEFERRABLE,
  force_id uuid REFERENCES forces (id) DEFERRABLE,
  incident_id uuid REFERENCES incidents (id) DEFERRABLE,
  said_on date NOT NULL,
  -- Our own words; always present. The quote is verbatim or absent, never reconstructed.
  summary nonblank_text NOT NULL,
  quote text CHECK (quote IS NULL OR quote ~ '\S'),
  source_id uuid NOT NULL REFERENCES sources (id) DEFERRABLE,
  is_promise boolean NOT NULL DEFAULT false,
  promise_type text CHECK (promise_type IN (
    'root_out', 'dismissals', 'culture_change', 'reform', 'vetting', 'transparency', 'other'
  )),
  publication_state publication_state NOT NULL DEFAULT 'draft',
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT statements_promise_type CHECK (is_promise = (promise_type IS NOT NULL)),
  CONSTRAINT statements_published_at CHECK (publication_state <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX statements_said_on_idx ON statements (said_on);
CREATE INDEX statements_force_idx ON statements (force_id);

-- A claim ties exactly one record (and optionally one of its fields) to a source.
CREATE TABLE claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid REFERENCES incidents (id) ON DELETE CASCADE DEFERRABLE,
  allegation_id uuid REFERENCES allegations (id) ON DELETE CASCADE DEFERRABLE,
  finding_id uuid REFERENCES findings (id) ON DELETE CASCADE DEFERRABLE,
  sanction_id uuid REFERENCES sanctions (id) ON DELETE CASCADE DEFERRABLE,
  officer_id uuid REFERENCES officers (id) ON DELETE CASCADE DEFERRABLE,
  statement_id uuid REFERENCES statements (id) ON DELETE CASCADE DEFERRABLE,
  timeline_event_id uuid REFERENCES timeline_events (id) ON DELETE CASCADE DEFERRABLE,
  field text CHECK (field IS NULL OR field ~ '^[a-z_]+$'),
  source_id uuid NOT NULL REFERENCES sources (id) DEFERRABLE,
  snapshot_id uuid,
  quoted_passage text CHECK (quoted_passage IS NULL OR quoted_passage ~ '\S'),
  -- Why there is no passage (e.g. no verbatim text retrieved yet), or context for the passage.
  passage_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT claims_one_subject CHECK (
    num_nonnulls(incident_id, allegation_id, finding_id, sanction_id, officer_id, statement_id, timeline_event_id) = 1
  ),
  CONSTRAINT claims_passage_or_note CHECK (quoted_passage IS NOT NULL OR passage_note ~ '\S'),
  CONSTRAINT claims_snapshot_of_source FOREIGN KEY (snapshot_id, source_id)
    REFERENCES source_snapshots (id, source_id) DEFERRABLE
);
CREATE INDEX claims_incident_idx ON claims (incident_id);
CREATE INDEX claims_allegation_idx ON claims (allegation_id);
CREATE INDEX claims_finding_idx ON claims (finding_id);
CREATE INDEX claims_sanction_idx ON claims (sanction_id);
CREATE INDEX claims_officer_idx ON claims (officer_id);
CREATE INDEX claims_statement_idx ON claims (statement_id);
CREATE INDEX claims_event_idx ON claims (timeline_event_id);
CREATE INDEX claims_source_idx ON claims (source_id);
