-- Forces, units and stations. Forces are reference data: the 43 territorial forces of England
-- and Wales, Police Scotland, PSNI and the three special national forces, keyed by police.uk id.

CREATE TABLE forces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug slug NOT NULL UNIQUE,
  name nonblank_text NOT NULL,
  short_name text,
  jurisdiction text NOT NULL CHECK (jurisdiction IN ('england_wales', 'scotland', 'northern_ireland', 'great_britain', 'united_kingdom', 'other')),
  kind text NOT NULL CHECK (kind IN ('territorial', 'special', 'other')),
  -- External key used by data.police.uk (e.g. 'metropolitan'); NULL for forces it does not cover.
  police_uk_id text UNIQUE,
  website text CHECK (website IS NULL OR website ~ '^https?://'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  force_id uuid NOT NULL REFERENCES forces (id) DEFERRABLE,
  parent_unit_id uuid REFERENCES units (id) DEFERRABLE,
  slug slug NOT NULL,
  name nonblank_text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('bcu', 'station', 'team', 'specialist')),
  code text CHECK (code IS NULL OR code ~ '^[A-Za-z0-9]{1,12}$'),
  description text,
  valid_from date,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT units_force_slug_key UNIQUE (force_id, slug),
  CONSTRAINT units_id_kind_key UNIQUE (id, kind),
  CONSTRAINT units_not_own_parent CHECK (parent_unit_id IS DISTINCT FROM id),
  CONSTRAINT units_valid_dates CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX units_parent_idx ON units (parent_unit_id);
CREATE INDEX units_name_trgm_idx ON units USING gin (f_unaccent(lower(name)) gin_trgm_ops);

-- The public front-counter address of a police station: the only address Custodiet ever publishes.
-- The composite key makes it impossible to attach an address to anything but a station.
CREATE TABLE station_addresses (
  unit_id uuid PRIMARY KEY,
  unit_kind text GENERATED ALWAYS AS ('station') STORED,
  address_line nonblank_text NOT NULL,
  locality text,
  postcode text CHECK (postcode IS NULL OR postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$'),
  source_note text,
  CONSTRAINT station_addresses_station_fk FOREIGN KEY (unit_id, unit_kind)
    REFERENCES units (id, kind) ON DELETE CASCADE DEFERRABLE
);

INSERT INTO forces (slug, name, short_name, jurisdiction, kind, police_uk_id) VALUES
  ('avon-and-somerset', 'Avon and Somerset Constabulary', 'Avon and Somerset', 'england_wales', 'territorial', 'avon-and-somerset'),
  ('bedfordshire', 'Bedfordshire Police', 'Bedfordshire', 'england_wales', 'territorial', 'bedfordshire'),
  ('cambridgeshire', 'Cambridgeshire Constabulary', 'Cambridgeshire', 'england_wales', 'territorial', 'cambridgeshire'),
  ('cheshire', 'Cheshire Constabulary', 'Cheshire', 'england_wales', 'territorial', 'cheshire'),
  ('city-of-london', 'City of London Police', 'City of London', 'england_wales', 'territorial', 'city-of-london'),
  ('cleveland', 'Cleveland Police', 'Cleveland', 'england_wales', 'territorial', 'cleveland'),
  ('cumbria', 'Cumbria Constabulary', 'Cumbria', 'england_wales', 'territorial', 'cumbria'),
  ('derbyshire', 'Derbyshire Constabulary', 'Derbyshire', 'england_wales', 'territorial', 'derbyshire'),
  ('devon-and-cornwall', 'Devon and Cornwall Police', 'Devon and Cornwall', 'england_wales', 'territorial', 'devon-and-cornwall'),
  ('dorset', 'Dorset Police', 'Dorset', 'england_wales', 'territorial', 'dorset'),
  ('durham', 'Durham Constabulary', 'Durham', 'england_wales', 'territorial', 'durham'),
  ('dyfed-powys', 'Dyfed-Powys Police', 'Dyfed-Powys', 'england_wales', 'territorial', 'dyfed-powys'),
  ('essex', 'Essex Police', 'Essex', 'england_wales', 'territorial', 'essex'),
  ('gloucestershire', 'Gloucestershire Constabulary', 'Gloucestershire', 'england_wales', 'territorial', 'gloucestershire'),
  ('greater-manchester', 'Greater Manchester Police', 'Greater Manchester', 'england_wales', 'territorial', 'greater-manchester'),
  ('gwent', 'Gwent Police', 'Gwent', 'england_wales', 'territorial', 'gwent'),
  ('hampshire', 'Hampshire and Isle of Wight Constabulary', 'Hampshire and Isle of Wight', 'england_wales', 'territorial', 'hampshire'),
  ('hertfordshire', 'Hertfordshire Constabulary', 'Hertfordshire', 'england_wales', 'territorial', 'hertfordshire'),
  ('humberside', 'Humberside Police', 'Humberside', 'england_wales', 'territorial', 'humberside'),
  ('kent', 'Kent Police', 'Kent', 'england_wales', 'territorial', 'kent'),
  ('lancashire', 'Lancashire Constabulary', 'Lancashire', 'england_wales', 'territorial', 'lancashire'),
  ('leicestershire', 'Leicestershire Police', 'Leicestershire', 'england_wales', 'territorial', 'leicestershire'),
  ('lincolnshire', 'Lincolnshire Police', 'Lincolnshire', 'england_wales', 'territorial', 'lincolnshire'),
  ('merseyside', 'Merseyside Police', 'Merseyside', 'england_wales', 'territorial', 'merseyside'),
  ('metropolitan', 'Metropolitan Police Service', 'Met', 'england_wales', 'territorial', 'metropolitan'),
  ('norfolk', 'Norfolk Constabulary', 'Norfolk', 'england_wales', 'territorial', 'norfolk'),
  ('north-yorkshire', 'North Yorkshire Police', 'North Yorkshire', 'england_wales', 'territorial', 'north-yorkshire'),
  ('northamptonshire', 'Northamptonshire Police', 'Northamptonshire', 'england_wales', 'territorial', 'northamptonshire'),
  ('northumbria', 'Northumbria Police', 'Northumbria', 'england_wales', 'territorial', 'northumbria'),
  ('nottinghamshire', 'Nottinghamshire Police', 'Nottinghamshire', 'england_wales', 'territorial', 'nottinghamshire'),
  ('south-yorkshire', 'South Yorkshire Police', 'South Yorkshire', 'england_wales', 'territorial', 'south-yorkshire'),
  ('staffordshire', 'Staffordshire Police', 'Staffordshire', 'england_wales', 'territorial', 'staffordshire'),
  ('suffolk', 'Suffolk Constabulary', 'Suffolk', 'england_wales', 'territorial', 'suffolk'),
  ('surrey', 'Surrey Police', 'Surrey', 'england_wales', 'territorial', 'surrey'),
  ('sussex', 'Sussex Police', 'Sussex', 'england_wales', 'territorial', 'sussex'),
  ('thames-valley', 'Thames Valley Police', 'Thames Valley', 'england_wales', 'territorial', 'thames-valley'),
  ('warwickshire', 'Warwickshire Police', 'Warwickshire', 'england_wales', 'territorial', 'warwickshire'),
  ('west-mercia', 'West Mercia Police', 'West Mercia', 'england_wales', 'territorial', 'west-mercia'),
  ('west-midlands', 'West Midlands Police', 'West Midlands', 'england_wales', 'territorial', 'west-midlands'),
  ('west-yorkshire', 'West Yorkshire Police', 'West Yorkshire', 'england_wales', 'territorial', 'west-yorkshire'),
  ('wiltshire', 'Wiltshire Police', 'Wiltshire', 'england_wales', 'territorial', 'wiltshire'),
  ('north-wales', 'North Wales Police', 'North Wales', 'england_wales', 'territorial', 'north-wales'),
  ('south-wales', 'South Wales Police', 'South Wales', 'england_wales', 'territorial', 'south-wales'),
  ('police-scotland', 'Police Scotland', 'Police Scotland', 'scotland', 'territorial', NULL),
  ('psni', 'Police Service of Northern Ireland', 'PSNI', 'northern_ireland', 'territorial', 'northern-ireland'),
  ('british-transport-police', 'British Transport Police', 'BTP', 'great_britain', 'special', 'btp'),
  ('ministry-of-defence-police', 'Ministry of Defence Police', 'MDP', 'united_kingdom', 'special', NULL),
  ('civil-nuclear-constabulary', 'Civil Nuclear Constabulary', 'CNC', 'united_kingdom', 'special', NULL);
