-- Snoozes (maintenance windows) and the vendor's own error catalog.

-- While a snooze is on, alerts of the organization (or of every organization on the connection)
-- are kept and their ticket writes wait until it ends.
CREATE TABLE snoozes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  connection_id uuid REFERENCES connections (id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL DEFAULT now(),
  ends_at timestamptz NOT NULL,
  reason text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((organization_id IS NULL) <> (connection_id IS NULL)),
  CHECK (ends_at > starts_at)
);
CREATE INDEX snoozes_org_idx ON snoozes (organization_id, ends_at);
CREATE INDEX snoozes_connection_idx ON snoozes (connection_id, ends_at);

-- The vendor's additions to (or replacement of) the built-in error catalog: one row.
CREATE TABLE error_catalog (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  input jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
