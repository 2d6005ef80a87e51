-- Partners, people, credentials, and the vendor's organizations and plans.

CREATE TABLE partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('distributor', 'master_reseller', 'direct_reseller', 'sub_reseller')),
  parent_id uuid REFERENCES partners (id),
  -- Materialised path of ids, '/root/…/self/': a subtree is one prefix match.
  path text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partners_path_idx ON partners (path text_pattern_ops);
CREATE INDEX partners_parent_idx ON partners (parent_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  partner_id uuid REFERENCES partners (id),
  role text NOT NULL CHECK (role IN ('operator', 'owner', 'super_admin', 'admin', 'viewer')),
  must_change_password boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Operators are vendor staff and belong to no partner; everyone else belongs to exactly one.
  CHECK ((role = 'operator') = (partner_id IS NULL))
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
CREATE INDEX users_partner_idx ON users (partner_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE access_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX access_tokens_user_idx ON access_tokens (user_id);

CREATE TABLE source_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Failed sign-ins per key (an e-mail, or an address), shared by every API process.
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  name text NOT NULL,
  unit text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_name_idx ON plans (name, id);

CREATE TABLE partner_plans (
  partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  PRIMARY KEY (partner_id, plan_id)
);
CREATE INDEX partner_plans_plan_idx ON partner_plans (plan_id);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  partner_id uuid NOT NULL REFERENCES partners (id),
  name text NOT NULL,
  domains text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organizations_partner_idx ON organizations (partner_id, name, id);

CREATE TABLE audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'operator', 'source', 'system')),
  actor_id uuid,
  partner_id uuid,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_partner_idx ON audit_log (partner_id, at);
