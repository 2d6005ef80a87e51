-- Alerts from the vendor's events, the events themselves, and every PSA write made for them.

-- One alert per organization × condition × resource. `state` is the lifecycle's state
-- (src/core/alert-lifecycle.ts); `wants` the ticket writes it still wants, in order, each tagged with
-- the episode (ticket) it concerns; `tickets` the PSA ticket of each episode.
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  key text NOT NULL UNIQUE,
  condition text NOT NULL,
  resource text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('failing', 'resolved', 'cancelled')),
  state jsonb NOT NULL,
  wants jsonb NOT NULL DEFAULT '[]',
  tickets jsonb NOT NULL DEFAULT '{}',
  -- Why the wants wait (not linked, skipped, PSA unavailable…); null when nothing waits.
  waiting_reason text,
  -- Consecutive failed attempts at the first want; past the limit the alert is dead until retried.
  attempts integer NOT NULL DEFAULT 0,
  dead_at timestamptz,
  event_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_org_idx ON alerts (organization_id, updated_at DESC);
CREATE INDEX alerts_waiting_idx ON alerts (updated_at) WHERE wants <> '[]'::jsonb;

-- Every accepted event; the vendor's id is unique, so a repeat is recognised and ignored.
CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('failing', 'resolved')),
  severity text,
  error_code text,
  message text,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  details jsonb,
  -- What the event did to its alert (opened, counted, resolved, late_ignored…).
  move text NOT NULL
);
CREATE INDEX events_alert_idx ON events (alert_id, occurred_at);

-- The event log: every PSA write attempt made for an alert.
CREATE TABLE deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at timestamptz NOT NULL DEFAULT now(),
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  connection_id uuid REFERENCES connections (id) ON DELETE CASCADE,
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  alert_id uuid REFERENCES alerts (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('create', 'note', 'resolve', 'reopen', 'cancel')),
  -- What was sent, without secrets: company, title, status, note length…
  request jsonb NOT NULL DEFAULT '{}',
  outcome text NOT NULL CHECK (outcome IN ('ok', 'failed', 'dead')),
  -- The PSA's answer in plain words.
  answer text,
  duration_ms integer NOT NULL,
  attempt integer NOT NULL,
  ticket_id text
);
CREATE INDEX deliveries_partner_idx ON deliveries (partner_id, at DESC);
CREATE INDEX deliveries_alert_idx ON deliveries (alert_id, at);
