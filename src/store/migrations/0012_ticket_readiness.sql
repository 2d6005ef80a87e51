-- What keeps a connection from opening tickets, shown with its health: the permissions its last check
-- found missing, and the ticket settings a ticket needs that no level gives (worked out whenever those
-- settings are saved). And the connection an alert waits on for its ticket settings, so that saving
-- them sends the alert on by itself.
ALTER TABLE connections ADD COLUMN missing_permissions jsonb NOT NULL DEFAULT '[]';
ALTER TABLE connections ADD COLUMN ticket_blockers jsonb NOT NULL DEFAULT '[]';
ALTER TABLE alerts ADD COLUMN waiting_on_settings uuid REFERENCES connections (id) ON DELETE SET NULL;
CREATE INDEX alerts_waiting_on_settings_idx ON alerts (waiting_on_settings) WHERE waiting_on_settings IS NOT NULL;
