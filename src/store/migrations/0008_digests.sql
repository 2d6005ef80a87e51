-- Storm control: tickets that stand for many alerts. A company digest takes the new alerts of one
-- PSA company past its hourly ticket cap; an incident takes the alerts of many organizations of
-- one partner failing with the same error class within a few minutes.
CREATE TABLE digests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('company', 'incident')),
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  company_id text NOT NULL,
  -- company: the company id; incident: the error class.
  key text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  ticket_id text,
  ticket_number text,
  alert_ids uuid[] NOT NULL DEFAULT '{}',
  resolved_at timestamptz
);
CREATE INDEX digests_open_idx ON digests (connection_id, kind, key, opened_at DESC) WHERE resolved_at IS NULL;
