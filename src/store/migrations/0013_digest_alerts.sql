-- Joining a digest or incident is a row, not a rewrite of a growing array: thousands of alerts join
-- one ticket within seconds without waiting on each other. `noted_at` is set once a note on the
-- ticket has named (or counted) the alert; the opening alert is in the ticket's description.
CREATE TABLE digest_alerts (
  digest_id uuid NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  -- The order joins are listed in.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  joined_at timestamptz NOT NULL DEFAULT now(),
  noted_at timestamptz,
  PRIMARY KEY (digest_id, alert_id)
);
CREATE INDEX digest_alerts_unnoted_idx ON digest_alerts (digest_id, seq) WHERE noted_at IS NULL;
CREATE INDEX digest_alerts_alert_idx ON digest_alerts (alert_id);

-- The alert that opened the digest makes its ticket; the notes are logged under it. `swept_at`: when
-- a join last took along the other alerts waiting for the digest (one sweep at a time, a few a second).
ALTER TABLE digests
  ADD COLUMN opened_by uuid REFERENCES alerts (id) ON DELETE SET NULL,
  ADD COLUMN swept_at timestamptz;
UPDATE digests d SET opened_by = d.alert_ids[1] WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.id = d.alert_ids[1]);

INSERT INTO digest_alerts (digest_id, alert_id, joined_at, noted_at)
SELECT d.id, u.alert_id, d.opened_at, CASE WHEN u.n <= d.listed THEN d.opened_at END
  FROM digests d
 CROSS JOIN LATERAL unnest(d.alert_ids) WITH ORDINALITY AS u (alert_id, n)
  JOIN alerts a ON a.id = u.alert_id
 ORDER BY d.opened_at, d.id, u.n
    ON CONFLICT DO NOTHING;

ALTER TABLE digests DROP COLUMN alert_ids, DROP COLUMN listed;
