-- Officers are listed by surname, as a reader looks a person up: the published name's last word,
-- then the whole name for ties, both lower-cased so the order is the same under any collation.
-- The key is stored (a name has no separate surname field: one published name is what sources
-- print) and indexed in place of the order by whole name, so a listing still walks an index.
ALTER TABLE officers ADD COLUMN sort_name text GENERATED ALWAYS AS (
  lower(regexp_replace(btrim(published_name), '^.*[[:space:]]', '')) || ' ' || lower(published_name)
) STORED;
DROP INDEX officers_name_order_idx;
CREATE INDEX officers_sort_name_idx ON officers (sort_name, id)
  WHERE publication_state = 'published' AND published_name IS NOT NULL;
