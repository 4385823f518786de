-- `incidents_force_idx (force_id)` is the leading column of `incidents_force_occurred_idx
-- (force_id, occurred_on)`, which serves every lookup by force the single-column index served
-- (a force's feed, its counts, the foreign key from forces). Every incident written, by an import
-- above all, paid for both.
DROP INDEX incidents_force_idx;
