-- The event log and the alert list read newest first across a partner's organizations, or within
-- one organization, and page by (time, id): indexes in that order, so a page is an index range scan.
CREATE INDEX deliveries_at_idx ON deliveries (at DESC, id DESC);
CREATE INDEX deliveries_org_at_idx ON deliveries (organization_id, at DESC, id DESC);
CREATE INDEX alerts_updated_idx ON alerts (updated_at DESC, id DESC);
