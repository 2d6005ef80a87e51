// Digest and incident tickets (storm control): one PSA ticket standing for many alerts.
import type { Db } from './db.ts';

export interface Digest {
  id: string;
  kind: 'company' | 'incident';
  connectionId: string;
  companyId: string;
  key: string;
  openedAt: Date;
  ticketId: string | null;
  ticketNumber: string | null;
  alertIds: string[];
  resolvedAt: Date | null;
  /** How many of alertIds the ticket names already. */
  listed: number;
  /** The failing count the ticket last reported. */
  failingNoted: number;
}

interface Row {
  id: string;
  kind: 'company' | 'incident';
  connection_id: string;
  company_id: string;
  key: string;
  opened_at: Date;
  ticket_id: string | null;
  ticket_number: string | null;
  alert_ids: string[];
  resolved_at: Date | null;
  listed: number;
  failing_noted: number;
}

const toDigest = (r: Row): Digest => ({
  id: r.id,
  kind: r.kind,
  connectionId: r.connection_id,
  companyId: r.company_id,
  key: r.key,
  openedAt: r.opened_at,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  alertIds: r.alert_ids,
  resolvedAt: r.resolved_at,
  listed: r.listed,
  failingNoted: r.failing_noted,
});

/** The open digest of this kind and key on the connection opened within `withinMs`, locked. */
export async function openDigest(
  db: Db,
  d: { kind: Digest['kind']; connectionId: string; key: string; withinMs: number },
): Promise<Digest | undefined> {
  const [row] = await db.query<Row>(
    `SELECT * FROM digests WHERE connection_id = $1 AND kind = $2 AND key = $3 AND resolved_at IS NULL
        AND opened_at > now() - make_interval(secs => $4::double precision / 1000)
      ORDER BY opened_at DESC LIMIT 1 FOR UPDATE`,
    [d.connectionId, d.kind, d.key, d.withinMs],
  );
  return row && toDigest(row);
}

export async function createDigest(
  db: Db,
  d: { kind: Digest['kind']; connectionId: string; companyId: string; key: string; alertId: string },
): Promise<Digest> {
  const [row] = await db.query<Row>(
    `INSERT INTO digests (kind, connection_id, company_id, key, alert_ids) VALUES ($1, $2, $3, $4, ARRAY[$5::uuid])
     RETURNING *`,
    [d.kind, d.connectionId, d.companyId, d.key, d.alertId],
  );
  return toDigest(row!);
}

export async function getDigest(db: Db, id: string): Promise<Digest | undefined> {
  const [row] = await db.query<Row>('SELECT * FROM digests WHERE id = $1', [id]);
  return row && toDigest(row);
}

export async function addDigestAlert(db: Db, id: string, alertId: string): Promise<void> {
  await db.query(
    `UPDATE digests SET alert_ids = array_append(alert_ids, $2::uuid) WHERE id = $1 AND NOT ($2::uuid = ANY(alert_ids))`,
    [id, alertId],
  );
}

export async function setDigestTicket(db: Db, id: string, ticket: { id: string; number: string | null }) {
  await db.query('UPDATE digests SET ticket_id = $2, ticket_number = $3 WHERE id = $1', [
    id,
    ticket.id,
    ticket.number,
  ]);
}

export async function markDigestResolved(db: Db, id: string): Promise<void> {
  await db.query('UPDATE digests SET resolved_at = now() WHERE id = $1 AND resolved_at IS NULL', [id]);
}

/** Tickets the hub made (not digests) for this company on the connection in the last hour. */
export async function ticketsMadeLastHour(db: Db, connectionId: string, companyId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries
      WHERE connection_id = $1 AND action = 'create' AND outcome = 'ok' AND at > now() - interval '1 hour'
        AND request->>'companyId' = $2 AND request->>'digest' IS NULL`,
    [connectionId, companyId],
  );
  return row!.n;
}

/** Failing alerts of the partner's organizations opened since `since`, with their error codes. */
export async function recentFailingAlerts(db: Db, partnerId: string, since: Date) {
  return db.query<{ organization_id: string; error_code: string | null; condition: string }>(
    `SELECT a.organization_id, a.state->>'errorCode' AS error_code, a.condition
       FROM alerts a JOIN organizations o ON o.id = a.organization_id
      WHERE o.partner_id = $1 AND a.status = 'failing' AND (a.state->>'openedAt')::timestamptz >= $2`,
    [partnerId, since],
  );
}

/** Alerts of the digest still failing. */
export async function failingDigestAlerts(db: Db, alertIds: string[]): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alerts WHERE id = ANY($1::uuid[]) AND status = 'failing'`,
    [alertIds],
  );
  return row!.n;
}

/**
 * Open digests with a ticket whose news is not on it yet: alerts joined since the last note, or a
 * failing count that changed; with their failing count now.
 */
export async function digestsWithNews(db: Db, limit: number): Promise<(Digest & { failing: number })[]> {
  const rows = await db.query<Row & { failing: number }>(
    `SELECT * FROM (
       SELECT d.*, (SELECT count(*) FROM alerts a WHERE a.id = ANY(d.alert_ids) AND a.status = 'failing')::int
                AS failing
         FROM digests d WHERE d.resolved_at IS NULL AND d.ticket_id IS NOT NULL) x
      WHERE x.listed < cardinality(x.alert_ids) OR x.failing <> x.failing_noted
      ORDER BY x.opened_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...toDigest(r), failing: r.failing }));
}

/** One line's worth of each alert, in the order given: organization, condition, resource, error. */
export async function digestAlertLines(db: Db, alertIds: string[]) {
  return db.query<{
    id: string;
    organization: string;
    condition: string;
    resource: string;
    error: string | null;
  }>(
    `SELECT a.id, o.name AS organization, a.condition, a.resource, a.state->>'errorCode' AS error
       FROM unnest($1::uuid[]) WITH ORDINALITY AS i(id, n)
       JOIN alerts a ON a.id = i.id JOIN organizations o ON o.id = a.organization_id
      ORDER BY i.n`,
    [alertIds],
  );
}

export async function markDigestNoted(db: Db, id: string, listed: number, failing: number): Promise<void> {
  await db.query('UPDATE digests SET listed = GREATEST(listed, $2), failing_noted = $3 WHERE id = $1', [
    id,
    listed,
    failing,
  ]);
}
