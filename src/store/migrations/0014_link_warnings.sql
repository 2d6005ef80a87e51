-- A plan mapped to a product the PSA marks inactive, on purpose (allowInactive): the mapping shows it.
ALTER TABLE plan_links ADD COLUMN product_inactive boolean NOT NULL DEFAULT false;
