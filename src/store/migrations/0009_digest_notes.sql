-- Digest and incident tickets are written to at most once a minute: the alerts that joined since the
-- last note are listed together, with how many still fail. `listed` counts the alert_ids already on
-- the ticket (the first is in its description); `failing_noted` is the failing count last reported.
ALTER TABLE digests
  ADD COLUMN listed integer NOT NULL DEFAULT 1,
  ADD COLUMN failing_noted integer NOT NULL DEFAULT 1;
