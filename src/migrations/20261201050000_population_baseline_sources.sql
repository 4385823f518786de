-- Where each population figure was published (a census table, a cited page) and what a reader must
-- know about it (an area that includes residents another force polices): the stop-and-search page
-- shows both beside the rates that divide by it.
ALTER TABLE population_baselines
  ADD COLUMN source text CHECK (source IS NULL OR length(source) BETWEEN 1 AND 1000),
  ADD COLUMN note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 1000);
