-- Which PSA product / service / item each plan bills as, per connection.
CREATE TABLE plan_links (
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  product_id text NOT NULL,
  -- As the PSA named it when linked, so the list reads well without a PSA call.
  product_name text NOT NULL,
  product_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, connection_id)
);
CREATE INDEX plan_links_connection_idx ON plan_links (connection_id);
