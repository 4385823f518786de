-- Search indexes without a GIN pending list.
--
-- With fastupdate on (the default), new entries go to an unsorted pending list that every search
-- scans until VACUUM merges it. PGlite runs no autovacuum, so the list grows to
-- gin_pending_list_limit (4 MB) per index and searches slow down several-fold (measured: a name
-- search at 100k allegations went from ~50 ms to ~11 ms once the lists were merged). Records are
-- written rarely and read often, so each insert now updates the index directly.
ALTER INDEX incidents_search_idx SET (fastupdate = off);
ALTER INDEX allegations_search_idx SET (fastupdate = off);
ALTER INDEX officers_search_idx SET (fastupdate = off);
ALTER INDEX units_search_idx SET (fastupdate = off);
ALTER INDEX statements_search_idx SET (fastupdate = off);
ALTER INDEX officers_name_trgm_idx SET (fastupdate = off);
ALTER INDEX units_name_trgm_idx SET (fastupdate = off);
ALTER INDEX officer_identifiers_trgm_idx SET (fastupdate = off);
ALTER INDEX allegations_unidentified_trgm_idx SET (fastupdate = off);

-- Merge whatever is already pending, so existing databases benefit at once.
SELECT gin_clean_pending_list(i::regclass) FROM unnest(ARRAY[
  'incidents_search_idx', 'allegations_search_idx', 'officers_search_idx', 'units_search_idx',
  'statements_search_idx', 'officers_name_trgm_idx', 'units_name_trgm_idx',
  'officer_identifiers_trgm_idx', 'allegations_unidentified_trgm_idx'
]) AS i;
