-- /metrics counts open and dead alerts at every scrape: partial indexes keep each count to the
-- alerts it counts instead of a scan of every alert ever raised.
CREATE INDEX alerts_failing_idx ON alerts (id) WHERE status = 'failing';
CREATE INDEX alerts_dead_idx ON alerts (dead_at) WHERE dead_at IS NOT NULL;
