-- Article ingestion: a news report (pasted, uploaded or captured by URL) becomes a proposed
-- bundle of draft records, each item with the passage it came from, for an editor to accept,
-- edit or reject. Nothing here is public, and nothing is published by ingestion.

-- Pasted text is stored as a snapshot like a capture or an upload: the bytes go to the blob store
-- by hash, the text is what claims are checked against.
ALTER TABLE source_snapshots DROP CONSTRAINT source_snapshots_origin_check;
ALTER TABLE source_snapshots
  ADD CONSTRAINT source_snapshots_origin_check CHECK (origin IN ('capture', 'upload', 'paste'));

-- The gazetteer: names under which forces, command units, boroughs, stations and specialist units
-- appear in text, with their aliases. Editors keep it (every change audited). `unit_id` is the
-- unit record an entry stands for, once one exists (made on first use by an accepted proposal).
CREATE TABLE gazetteer_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('force', 'bcu', 'borough', 'station', 'unit')),
  name nonblank_text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}' CHECK (array_position(aliases, NULL) IS NULL),
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  parent_id uuid REFERENCES gazetteer_entries (id) DEFERRABLE,
  unit_id uuid REFERENCES units (id) ON DELETE SET NULL DEFERRABLE,
  source_note nonblank_text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT gazetteer_entries_name_key UNIQUE (force_id, kind, name),
  CONSTRAINT gazetteer_entries_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX gazetteer_entries_parent_idx ON gazetteer_entries (parent_id);

-- Every territorial force of the UK and the special forces, from the forces table (police.uk ids,
-- Open Government Licence v3.0), with the names the press uses for them.
INSERT INTO gazetteer_entries (kind, name, aliases, force_id, source_note)
SELECT 'force', f.name, a.aliases, f.id,
  'Forces table (data.police.uk ids, Open Government Licence v3.0); aliases as used in UK reporting'
FROM forces f JOIN (VALUES
  ('avon-and-somerset', ARRAY['Avon and Somerset Police', 'Avon and Somerset Constabulary']),
  ('bedfordshire', ARRAY['Bedfordshire Police']),
  ('cambridgeshire', ARRAY['Cambridgeshire Police', 'Cambridgeshire Constabulary']),
  ('cheshire', ARRAY['Cheshire Police', 'Cheshire Constabulary']),
  ('city-of-london', ARRAY['City of London Police']),
  ('cleveland', ARRAY['Cleveland Police']),
  ('cumbria', ARRAY['Cumbria Police', 'Cumbria Constabulary']),
  ('derbyshire', ARRAY['Derbyshire Police', 'Derbyshire Constabulary']),
  ('devon-and-cornwall', ARRAY['Devon and Cornwall Police']),
  ('dorset', ARRAY['Dorset Police']),
  ('durham', ARRAY['Durham Police', 'Durham Constabulary']),
  ('dyfed-powys', ARRAY['Dyfed-Powys Police', 'Dyfed Powys Police']),
  ('essex', ARRAY['Essex Police']),
  ('gloucestershire', ARRAY['Gloucestershire Police', 'Gloucestershire Constabulary']),
  ('greater-manchester', ARRAY['Greater Manchester Police', 'GMP']),
  ('gwent', ARRAY['Gwent Police']),
  ('hampshire', ARRAY['Hampshire Constabulary', 'Hampshire Police', 'Hampshire and Isle of Wight Constabulary']),
  ('hertfordshire', ARRAY['Hertfordshire Police', 'Hertfordshire Constabulary', 'Herts Police']),
  ('humberside', ARRAY['Humberside Police']),
  ('kent', ARRAY['Kent Police']),
  ('lancashire', ARRAY['Lancashire Police', 'Lancashire Constabulary']),
  ('leicestershire', ARRAY['Leicestershire Police']),
  ('lincolnshire', ARRAY['Lincolnshire Police']),
  ('merseyside', ARRAY['Merseyside Police']),
  ('metropolitan', ARRAY['Metropolitan Police', 'Metropolitan Police Service', 'Met Police', 'the Met', 'Met', 'MPS', 'Scotland Yard', 'New Scotland Yard']),
  ('norfolk', ARRAY['Norfolk Police', 'Norfolk Constabulary']),
  ('north-yorkshire', ARRAY['North Yorkshire Police']),
  ('northamptonshire', ARRAY['Northamptonshire Police']),
  ('northumbria', ARRAY['Northumbria Police']),
  ('nottinghamshire', ARRAY['Nottinghamshire Police']),
  ('south-yorkshire', ARRAY['South Yorkshire Police']),
  ('staffordshire', ARRAY['Staffordshire Police']),
  ('suffolk', ARRAY['Suffolk Police', 'Suffolk Constabulary']),
  ('surrey', ARRAY['Surrey Police']),
  ('sussex', ARRAY['Sussex Police']),
  ('thames-valley', ARRAY['Thames Valley Police']),
  ('warwickshire', ARRAY['Warwickshire Police']),
  ('west-mercia', ARRAY['West Mercia Police']),
  ('west-midlands', ARRAY['West Midlands Police']),
  ('west-yorkshire', ARRAY['West Yorkshire Police']),
  ('wiltshire', ARRAY['Wiltshire Police']),
  ('north-wales', ARRAY['North Wales Police']),
  ('south-wales', ARRAY['South Wales Police']),
  ('police-scotland', ARRAY['Police Scotland']),
  ('psni', ARRAY['Police Service of Northern Ireland', 'PSNI']),
  ('british-transport-police', ARRAY['British Transport Police', 'BTP']),
  ('ministry-of-defence-police', ARRAY['Ministry of Defence Police', 'MoD Police', 'MDP']),
  ('civil-nuclear-constabulary', ARRAY['Civil Nuclear Constabulary', 'CNC'])
) AS a(slug, aliases) ON a.slug = f.slug;

-- The Met's 12 command units (formerly Basic Command Units) and the boroughs each covers, from the
-- Custodiet domain reference, section 5 (the Met's published BCU structure, 2017–2019).
INSERT INTO gazetteer_entries (kind, name, aliases, force_id, source_note)
SELECT 'bcu', b.area || ' Command Unit',
  ARRAY[b.area || ' BCU', b.area || ' Basic Command Unit', b.area || ' Command Unit'], f.id,
  'Metropolitan Police command units and their boroughs (Custodiet domain reference, section 5)'
FROM forces f CROSS JOIN (VALUES
  ('Central West'), ('Central East'), ('Central North'), ('Central South'), ('North Area'), ('North East'),
  ('North West'), ('East Area'), ('South Area'), ('South East'), ('South West'), ('West Area')
) AS b(area)
WHERE f.slug = 'metropolitan';

INSERT INTO gazetteer_entries (kind, name, aliases, force_id, parent_id, source_note)
SELECT 'borough', b.borough, b.aliases, f.id, p.id,
  'London boroughs in each Metropolitan Police command unit (Custodiet domain reference, section 5)'
FROM forces f
JOIN (VALUES
  ('Westminster', 'Central West', ARRAY[]::text[]),
  ('Kensington and Chelsea', 'Central West', ARRAY['Kensington & Chelsea']),
  ('Hammersmith and Fulham', 'Central West', ARRAY['Hammersmith & Fulham']),
  ('Hackney', 'Central East', ARRAY[]::text[]), ('Tower Hamlets', 'Central East', ARRAY[]::text[]),
  ('Camden', 'Central North', ARRAY[]::text[]), ('Islington', 'Central North', ARRAY[]::text[]),
  ('Lambeth', 'Central South', ARRAY[]::text[]), ('Southwark', 'Central South', ARRAY[]::text[]),
  ('Enfield', 'North Area', ARRAY[]::text[]), ('Haringey', 'North Area', ARRAY[]::text[]),
  ('Newham', 'North East', ARRAY[]::text[]), ('Waltham Forest', 'North East', ARRAY[]::text[]),
  ('Barnet', 'North West', ARRAY[]::text[]), ('Brent', 'North West', ARRAY[]::text[]),
  ('Harrow', 'North West', ARRAY[]::text[]),
  ('Barking and Dagenham', 'East Area', ARRAY['Barking & Dagenham']),
  ('Havering', 'East Area', ARRAY[]::text[]), ('Redbridge', 'East Area', ARRAY[]::text[]),
  ('Bromley', 'South Area', ARRAY[]::text[]), ('Croydon', 'South Area', ARRAY[]::text[]),
  ('Sutton', 'South Area', ARRAY[]::text[]),
  ('Bexley', 'South East', ARRAY[]::text[]), ('Greenwich', 'South East', ARRAY[]::text[]),
  ('Lewisham', 'South East', ARRAY[]::text[]),
  ('Kingston upon Thames', 'South West', ARRAY['Kingston']), ('Merton', 'South West', ARRAY[]::text[]),
  ('Richmond upon Thames', 'South West', ARRAY['Richmond']), ('Wandsworth', 'South West', ARRAY[]::text[]),
  ('Ealing', 'West Area', ARRAY[]::text[]), ('Hillingdon', 'West Area', ARRAY[]::text[]),
  ('Hounslow', 'West Area', ARRAY[]::text[])
) AS b(borough, area, aliases) ON true
JOIN gazetteer_entries p ON p.kind = 'bcu' AND p.name = b.area || ' Command Unit' AND p.force_id = f.id
WHERE f.slug = 'metropolitan';

-- Metropolitan Police stations: the police stations with a public front counter in the Met's list
-- of front counters (37 counters, 2024–25; published by the Metropolitan Police, public sector
-- information re-used under the Open Government Licence v3.0), read from a public reproduction of
-- that list and from local reporting of the 2025 front-counter review (Pinner, Wood Green), and the
-- Met stations on the Home Office's 2025 list of designated police stations (Stratford). Names
-- only: no addresses are stored. Counters that are not police stations (libraries, council
-- offices) are left out. Each station hangs under the command unit of its borough.
INSERT INTO gazetteer_entries (kind, name, aliases, force_id, parent_id, source_note)
SELECT 'station', s.station || ' police station', ARRAY[s.station || ' police station', s.station || ' Police Station'], f.id, p.id,
  'Metropolitan Police list of police station front counters (2024–25), Open Government Licence v3.0; see docs/ingestion.md'
FROM forces f
JOIN (VALUES
  ('Acton', 'West Area'), ('Bethnal Green', 'Central East'), ('Bexleyheath', 'South East'),
  ('Brixton', 'Central South'), ('Bromley', 'South Area'), ('Charing Cross', 'Central West'),
  ('Chingford', 'North East'), ('Colindale', 'North West'), ('Croydon', 'South Area'),
  ('Dagenham', 'East Area'), ('Edmonton', 'North Area'), ('Forest Gate', 'North East'),
  ('Hammersmith', 'Central West'), ('Harrow', 'North West'), ('Hayes', 'West Area'),
  ('Hounslow', 'West Area'), ('Ilford', 'East Area'), ('Islington', 'Central North'),
  ('Kensington', 'Central West'), ('Kentish Town', 'Central North'), ('Kingston', 'South West'),
  ('Lavender Hill', 'South West'), ('Lewisham', 'South East'), ('Mitcham', 'South West'),
  ('Pinner', 'North West'), ('Plumstead', 'South East'), ('Romford', 'East Area'),
  ('Stoke Newington', 'Central East'), ('Stratford', 'North East'), ('Sutton', 'South Area'),
  ('Tottenham', 'North Area'), ('Twickenham', 'South West'), ('Walworth', 'Central South'),
  ('Wembley', 'North West'), ('Wimbledon', 'South West'), ('Wood Green', 'North Area')
) AS s(station, area) ON true
JOIN gazetteer_entries p ON p.kind = 'bcu' AND p.name = s.area || ' Command Unit' AND p.force_id = f.id
WHERE f.slug = 'metropolitan';

-- Met specialist commands named in public reporting and in the domain reference (section 5).
INSERT INTO gazetteer_entries (kind, name, aliases, force_id, source_note)
SELECT 'unit', u.name, u.aliases, f.id,
  'Metropolitan Police specialist commands as named in public reporting (Custodiet domain reference, section 5)'
FROM forces f CROSS JOIN (VALUES
  ('Territorial Support Group', ARRAY['TSG', 'territorial support group']),
  ('Directorate of Professional Standards', ARRAY['DPS', 'Professional Standards Directorate']),
  ('Parliamentary and Diplomatic Protection Command', ARRAY['Parliamentary and Diplomatic Protection', 'PaDP', 'Parliamentary and Diplomatic Protection command']),
  ('Anti-Corruption and Abuse Command', ARRAY['Anti-Corruption and Abuse Command']),
  ('Royalty and Specialist Protection', ARRAY['Royalty and Specialist Protection Command', 'RaSP']),
  ('Specialist Firearms Command', ARRAY['MO19', 'SCO19']),
  ('Counter Terrorism Command', ARRAY['SO15', 'Counter Terrorism Policing'])
) AS u(name, aliases)
WHERE f.slug = 'metropolitan';

-- A proposed bundle: one article, captured as a source snapshot, and what was read from it.
CREATE TABLE ingest_bundles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id uuid NOT NULL REFERENCES sources (id) DEFERRABLE,
  snapshot_id uuid NOT NULL,
  title nonblank_text NOT NULL,
  -- The article's own date: relative dates ("on Thursday", "last month") are read against it.
  article_date date NOT NULL,
  state text NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'applied', 'discarded')),
  -- An arrest or charge was mentioned and no end of the proceedings: the R5 hold may apply.
  active_proceedings boolean NOT NULL DEFAULT false,
  proposed_status text,
  -- The incident the accepted drafts hang under (created from the proposal, or an existing one).
  incident_id uuid REFERENCES incidents (id) ON DELETE SET NULL DEFERRABLE,
  -- Counts, warnings and incident match candidates, as shown on the review page.
  summary jsonb NOT NULL DEFAULT '{}',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ingest_bundles_snapshot_fk FOREIGN KEY (snapshot_id, source_id)
    REFERENCES source_snapshots (id, source_id) DEFERRABLE
);
CREATE INDEX ingest_bundles_created_idx ON ingest_bundles (created_at DESC);

-- One proposed item with the passage it came from (offsets into the snapshot's text). A passage
-- that named a protected person is stored redacted (`passage_redacted`), never as written.
CREATE TABLE ingest_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bundle_id uuid NOT NULL REFERENCES ingest_bundles (id) ON DELETE CASCADE DEFERRABLE,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN (
    'date', 'officer', 'official', 'person', 'place', 'force', 'allegation', 'statement', 'status'
  )),
  passage_start integer NOT NULL CHECK (passage_start >= 0),
  passage_end integer NOT NULL,
  passage nonblank_text NOT NULL,
  passage_redacted boolean NOT NULL DEFAULT false,
  proposed jsonb NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  candidates jsonb NOT NULL DEFAULT '[]',
  decision text NOT NULL DEFAULT 'undecided' CHECK (decision IN ('undecided', 'accepted', 'rejected')),
  -- The editor's values where they changed the proposal.
  edited jsonb,
  -- The draft record made from this item once applied: {"table": …, "id": …}.
  created_record jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ingest_items_position_key UNIQUE (bundle_id, position),
  CONSTRAINT ingest_items_passage_span CHECK (passage_end >= passage_start)
);
