-- Billing: the vendor's usage, the rules that turn it into PSA quantities, change sets with their
-- lines (preview and approval), runs (sync now, schedules) and what the hub last wrote per line.

-- The latest usage snapshot per organization × plan. `as_of` is the newest the vendor sent;
-- `changed_as_of` the as-of of the last change of quantity (descriptions say "as of" that day).
CREATE TABLE usage (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  quantity numeric(15, 3) NOT NULL CHECK (quantity >= 0),
  as_of timestamptz NOT NULL,
  changed_as_of timestamptz NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, plan_id)
);
CREATE INDEX usage_plan_idx ON usage (plan_id);

-- Rules of a plan link (included quantity, rounding, step, minimum, multiplier, price, cost,
-- description template) and an organization link's overrides per plan: only the fields set there.
ALTER TABLE plan_links ADD COLUMN billing_rules jsonb NOT NULL DEFAULT '{}';
ALTER TABLE org_link_billing ADD COLUMN rules jsonb NOT NULL DEFAULT '{}';
-- What the hub last wrote on the target and when (a PSA value that differs is a hand edit), and a
-- write it started and has not recorded finishing (after a crash, that value is not a hand edit).
ALTER TABLE org_link_billing ADD COLUMN written_quantity numeric(15, 3);
ALTER TABLE org_link_billing ADD COLUMN written_at timestamptz;
ALTER TABLE org_link_billing ADD COLUMN intent_quantity numeric(15, 3);

-- Per open link: when its billing is next due on the on-change schedule (debounced usage changes,
-- lines kept back by the minimum interval), and when it was last reconciled.
CREATE TABLE billing_due (
  link_id uuid PRIMARY KEY REFERENCES org_links (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  due_at timestamptz
);
CREATE INDEX billing_due_at_idx ON billing_due (due_at) WHERE due_at IS NOT NULL;

-- One reconcile of many links: sync now, a schedule, an approval. Progress is lines done / total.
CREATE TABLE billing_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  cause text NOT NULL CHECK (cause IN ('sync_now', 'on_change', 'daily', 'monthly', 'approval', 'stats')),
  -- The links it reconciles, fixed when it is made (due or approved ones); null = every billed link
  -- of the connection (or of the organization).
  link_ids uuid[],
  -- The time it reconciles as of (the tick's clock): schedules and the minimum interval use it.
  as_of timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  links_total integer NOT NULL DEFAULT 0,
  links_done integer NOT NULL DEFAULT 0,
  change_sets integer NOT NULL DEFAULT 0,
  writes integer NOT NULL DEFAULT 0,
  error text,
  requested_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX billing_runs_connection_idx ON billing_runs (connection_id, created_at DESC);

-- A change set: what one reconcile of an organization link would write. Pending ones wait for a
-- person (held reasons say why); a newer one for the same link supersedes a pending one.
CREATE TABLE billing_change_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  link_id uuid NOT NULL REFERENCES org_links (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  run_id uuid REFERENCES billing_runs (id) ON DELETE SET NULL,
  state text NOT NULL CHECK (state IN ('pending', 'approved', 'applied', 'rejected', 'superseded', 'failed')),
  held text[] NOT NULL DEFAULT '{}',
  cause text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Refreshed when a run finds the same changes still wanted.
  checked_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by uuid,
  -- 'auto' (no rule held it), 'user', or 'schedule' (superseded).
  decided_how text,
  applied_at timestamptz,
  error text
);
CREATE UNIQUE INDEX billing_change_sets_pending_idx ON billing_change_sets (link_id)
  WHERE state IN ('pending', 'approved');
CREATE INDEX billing_change_sets_partner_idx ON billing_change_sets (partner_id, created_at DESC, id);
CREATE INDEX billing_change_sets_org_idx ON billing_change_sets (organization_id, created_at DESC);

CREATE TABLE billing_change_lines (
  change_set_id uuid NOT NULL REFERENCES billing_change_sets (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  target_id text NOT NULL,
  target_label text NOT NULL,
  usage_quantity numeric(15, 3),
  current_quantity numeric(15, 3),
  desired_quantity numeric(15, 3) NOT NULL,
  difference numeric(15, 3),
  -- The fields to write (quantity, unitPrice, unitCost, description); null when nothing can be.
  write jsonb,
  reason text NOT NULL,
  held text[] NOT NULL DEFAULT '{}',
  drift jsonb,
  outcome text CHECK (outcome IN ('ok', 'failed')),
  answer text,
  after_quantity numeric(15, 3),
  written_at timestamptz,
  PRIMARY KEY (change_set_id, target_id)
);

-- Billing writes are deliveries too (the event log), tied to their change set.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_action_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_action_check
  CHECK (action IN ('create', 'note', 'resolve', 'reopen', 'cancel', 'billing', 'stats'));
ALTER TABLE deliveries ADD COLUMN change_set_id uuid REFERENCES billing_change_sets (id) ON DELETE SET NULL;
CREATE INDEX deliveries_change_set_idx ON deliveries (change_set_id) WHERE change_set_id IS NOT NULL;

-- The vendor's latest backup statistics per organization (sent with usage), and what the hub last
-- wrote of them on the organization's PSA company (custom fields), so it writes only changes.
CREATE TABLE organization_stats (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  protected_items integer,
  storage_gb numeric(15, 3),
  last_success_at timestamptz,
  as_of timestamptz NOT NULL,
  written jsonb,
  written_at timestamptz
);
