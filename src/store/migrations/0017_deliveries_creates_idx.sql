-- Storm control's cap reads the tickets a connection made in the last hour once per new ticket
-- (src/store/digests.ts ticketsMadeLastHour). Without this it read every delivery of the hour on
-- every connection, so ticket creation slowed as deliveries grew (29–77 tickets/s after 10,000).
CREATE INDEX deliveries_creates_idx ON deliveries (connection_id, at) WHERE action = 'create' AND outcome = 'ok';
