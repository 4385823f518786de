-- The home page lists the most recent published incidents by when they happened (a range by its
-- end). Without this index that is a sort of every incident on each request.
CREATE INDEX incidents_recent_idx ON incidents (publication_state, (coalesce(occurred_until, occurred_on)) DESC NULLS LAST, slug);
