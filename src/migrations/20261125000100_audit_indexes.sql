-- Audit-log lookups that grow with the log: the admin viewer's filter by actor (newest first),
-- and the two-person rule's question "who ever changed this record or its links", which asks
-- for one entity id or the link ids that start with it (a prefix match needs pattern ops).
CREATE INDEX audit_log_actor_seq_idx ON audit_log (actor, seq);
CREATE INDEX audit_log_entity_id_prefix_idx ON audit_log (entity_id text_pattern_ops);
