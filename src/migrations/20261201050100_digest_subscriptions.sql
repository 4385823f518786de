-- E-mail digests (double opt-in). token_hash confirms the subscription; the unsubscribe token is
-- put into every mail (the confirmation request included), so it must be kept in clear: it can
-- only end a subscription. confirmation_sent_at limits confirmation requests to an address (one a
-- day), so the form cannot be used to flood someone's inbox.
ALTER TABLE digest_subscriptions
  ADD COLUMN unsubscribe_token text NOT NULL UNIQUE
    DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
    CHECK (unsubscribe_token ~ '^[0-9a-f]{64}$'),
  ADD COLUMN confirmation_sent_at timestamptz;

-- Digests due: confirmed subscriptions by when they were last sent.
CREATE INDEX digest_subscriptions_due_idx ON digest_subscriptions (frequency, last_sent_at) WHERE confirmed_at IS NOT NULL;
