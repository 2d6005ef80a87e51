-- Organizations to PSA companies, the plans each organization uses, and ticket settings.

-- The plans an organization uses (sent by the vendor with the organization): an organization links
-- on a connection only when each of these maps to a product there.
CREATE TABLE organization_plans (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  PRIMARY KEY (organization_id, plan_id)
);
CREATE INDEX organization_plans_plan_idx ON organization_plans (plan_id);

-- The partner turned the integration off for this organization (no tickets, no billing).
ALTER TABLE organizations ADD COLUMN skipped_at timestamptz;
ALTER TABLE organizations ADD COLUMN skipped_by uuid;

-- An organization's PSA company on one connection. Unlinking closes the row, so history stays;
-- at most one open row per organization (one PSA at a time).
CREATE TABLE org_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  company_id text NOT NULL,
  -- As the PSA named it when linked or last checked: a rename shows as health 'renamed'.
  company_name text NOT NULL,
  method text NOT NULL CHECK (method IN ('manual', 'suggestion', 'auto_exact')),
  health text NOT NULL DEFAULT 'ok' CHECK (health IN ('ok', 'renamed', 'missing', 'invalid')),
  health_detail text,
  health_checked_at timestamptz,
  linked_at timestamptz NOT NULL DEFAULT now(),
  linked_by uuid,
  unlinked_at timestamptz,
  unlinked_by uuid,
  unlink_reason text
);
CREATE UNIQUE INDEX org_links_open_idx ON org_links (organization_id) WHERE unlinked_at IS NULL;
CREATE INDEX org_links_connection_idx ON org_links (connection_id) WHERE unlinked_at IS NULL;
CREATE INDEX org_links_history_idx ON org_links (organization_id, linked_at);

-- Where each plan of a linked organization bills: one record of the company (a ConnectWise
-- addition, an Autotask contract service, a Halo invoice line or licence).
CREATE TABLE org_link_billing (
  link_id uuid NOT NULL REFERENCES org_links (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  target_id text NOT NULL,
  target_kind text NOT NULL,
  target_label text NOT NULL,
  -- Created by the hub (the partner allowed it) rather than chosen from existing records.
  created_by_hub boolean NOT NULL DEFAULT false,
  PRIMARY KEY (link_id, plan_id)
);

-- Ticket settings at three levels, each holding only the fields set there (a JSON object of field
-- name to value): a partner's defaults for one PSA kind (inherited by the connections of its
-- subtree), a connection's own values, and an organization's overrides on its connection.
CREATE TABLE ticket_settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope text NOT NULL CHECK (scope IN ('partner', 'connection', 'organization')),
  partner_id uuid REFERENCES partners (id) ON DELETE CASCADE,
  kind text CHECK (kind IN ('connectwise', 'autotask', 'halopsa')),
  connection_id uuid REFERENCES connections (id) ON DELETE CASCADE,
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  fields jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  CHECK (
    (scope = 'partner' AND partner_id IS NOT NULL AND kind IS NOT NULL AND connection_id IS NULL AND organization_id IS NULL)
    OR (scope = 'connection' AND connection_id IS NOT NULL AND partner_id IS NULL AND organization_id IS NULL)
    OR (scope = 'organization' AND organization_id IS NOT NULL AND connection_id IS NOT NULL AND partner_id IS NULL)
  )
);
CREATE UNIQUE INDEX ticket_settings_partner_idx ON ticket_settings (partner_id, kind) WHERE scope = 'partner';
CREATE UNIQUE INDEX ticket_settings_connection_idx ON ticket_settings (connection_id) WHERE scope = 'connection';
CREATE UNIQUE INDEX ticket_settings_org_idx ON ticket_settings (organization_id, connection_id) WHERE scope = 'organization';
