-- Imported public datasets. Every imported file is recorded with its provenance (the dataset's
-- source row: publisher, licence; plus the file's name, SHA-256, size and retrieval date), and
-- every imported record points at the file it came from.
CREATE TABLE dataset_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id uuid NOT NULL REFERENCES sources (id) DEFERRABLE,
  format text NOT NULL CHECK (format ~ '^[a-z0-9-]{1,60}$'),
  -- What the file covers, when a newer file of the same scope replaces it (police.uk publishes
  -- one file per force and month and sometimes republishes it): e.g. 'metropolitan/2016-06'.
  scope text CHECK (scope IS NULL OR length(scope) <= 200),
  file_name nonblank_text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  byte_size bigint NOT NULL CHECK (byte_size >= 0),
  retrieved_on date NOT NULL,
  rows_imported integer NOT NULL CHECK (rows_imported >= 0),
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text NOT NULL,
  CONSTRAINT dataset_files_once UNIQUE (format, sha256)
);
CREATE UNIQUE INDEX dataset_files_scope_key ON dataset_files (format, scope) WHERE scope IS NOT NULL;

-- Uses of police powers published as open data (stop and search today). These rows name nobody:
-- police.uk gives no officer, station or person identifier, only an anonymised map point.
CREATE TABLE police_powers_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dataset_file_id uuid NOT NULL REFERENCES dataset_files (id) ON DELETE CASCADE DEFERRABLE,
  -- The data row's number in its file (1 = first row after the header): rows have no other id.
  row_number integer NOT NULL CHECK (row_number >= 1),
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  power text NOT NULL CHECK (power IN ('stop_and_search')),
  search_type text,
  occurred_at timestamptz NOT NULL,
  part_of_operation boolean,
  operation_name text,
  latitude numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  longitude numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  gender text,
  age_range text,
  self_defined_ethnicity text,
  officer_defined_ethnicity text,
  legislation text,
  object_of_search text,
  outcome text,
  outcome_linked_to_object boolean,
  removal_of_more_than_outer_clothing boolean,
  CONSTRAINT police_powers_events_row UNIQUE (dataset_file_id, row_number)
);
CREATE INDEX police_powers_events_force_time_idx ON police_powers_events (force_id, occurred_at);
