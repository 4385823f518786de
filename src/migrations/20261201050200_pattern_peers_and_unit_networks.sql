-- Pattern pages at a million allegations read one row or one index range each (docs/performance.md).
--
-- Percentile ranks are computed once per rebuild (window functions over every officer) instead of
-- counted per page view: for each officer and year, how many peers have fewer allegations, how many
-- the same number, and how many peers there are, in the force, the current unit and the current rank.
ALTER TABLE pattern_officer_counts
  ADD COLUMN force_below integer, ADD COLUMN force_equal integer, ADD COLUMN force_peers integer,
  ADD COLUMN unit_below integer, ADD COLUMN unit_equal integer, ADD COLUMN unit_peers integer,
  ADD COLUMN rank_below integer, ADD COLUMN rank_equal integer, ADD COLUMN rank_peers integer;
-- The range counts they replace.
DROP INDEX pattern_officer_counts_force_idx;
DROP INDEX pattern_officer_counts_unit_idx;
DROP INDEX pattern_officer_counts_rank_idx;

-- Co-accusal networks per unit: members are officers with a posting to the unit or a unit under
-- it; links join two members named in the same incidents (one row per pair, officer_id < other_id).
CREATE TABLE pattern_unit_links (
  unit_id uuid NOT NULL,
  officer_id uuid NOT NULL,
  other_id uuid NOT NULL,
  incidents integer NOT NULL,
  PRIMARY KEY (unit_id, officer_id, other_id)
);
-- Each member with links and the incidents of all their links (the weight the drawing sorts by).
CREATE TABLE pattern_unit_members (
  unit_id uuid NOT NULL,
  officer_id uuid NOT NULL,
  weight integer NOT NULL,
  PRIMARY KEY (unit_id, officer_id)
);
CREATE INDEX pattern_unit_members_top_idx ON pattern_unit_members (unit_id, weight DESC, officer_id);

-- The finding in force is one no appeal finding supersedes: asked of every finding an officer
-- pattern counts.
CREATE INDEX findings_supersedes_idx ON findings (supersedes_finding_id) WHERE supersedes_finding_id IS NOT NULL;
