-- PSA connections of partners, with their shared request budget and their cache.

CREATE TABLE connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL REFERENCES partners (id),
  kind text NOT NULL CHECK (kind IN ('connectwise', 'autotask', 'halopsa')),
  name text NOT NULL,
  site_url text NOT NULL,
  -- Every credential field, as one JSON object sealed with AES-256-GCM (src/store/secret-box.ts).
  credentials_sealed text NOT NULL,
  -- The non-secret credential fields (company id, user name…), to show which account is connected.
  credential_hints jsonb NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}',
  is_default boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'failing', 'revoked')),
  last_success_at timestamptz,
  failing_since timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
-- One live connection per PSA kind per partner, and at most one default.
CREATE UNIQUE INDEX connections_partner_kind_idx ON connections (partner_id, kind) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX connections_default_idx ON connections (partner_id) WHERE is_default AND revoked_at IS NULL;

-- A token bucket per connection, so every process draws on one request budget.
CREATE TABLE connection_budgets (
  connection_id uuid PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
  tokens double precision NOT NULL,
  refilled_at timestamptz NOT NULL,
  paused_until timestamptz,
  -- Requests sent in the current hour, for the "API budget used" a partner sees.
  hour_started_at timestamptz,
  hour_requests integer NOT NULL DEFAULT 0
);

-- What connectors remember between calls (zone URLs, tokens, pick lists), sealed like credentials.
CREATE TABLE connection_cache (
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  key text NOT NULL,
  value_sealed text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (connection_id, key)
);
