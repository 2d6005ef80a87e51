// Digest and incident tickets (storm control): one PSA ticket standing for many alerts. An alert
// joins one by a row in digest_alerts, so joins never wait on each other.
import type { Db } from './db.ts';

export interface Digest {
  id: string;
  kind: 'company' | 'incident';
  connectionId: string;
  companyId: string;
  key: string;
  openedAt: Date;
  /** The alert that opened it and makes its ticket (null once that alert is gone). */
  openedBy: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  resolvedAt: Date | null;
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
  opened_by: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  resolved_at: Date | null;
  failing_noted: number;
}

const toDigest = (r: Row): Digest => ({
  id: r.id,
  kind: r.kind,
  connectionId: r.connection_id,
  companyId: r.company_id,
  key: r.key,
  openedAt: r.opened_at,
  openedBy: r.opened_by,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  resolvedAt: r.resolved_at,
  failingNoted: r.failing_noted,
});

/** The open digest of this kind and key on the connection opened within `withinMs`. */
export async function openDigest(
  db: Db,
  d: { kind: Digest['kind']; connectionId: string; key: string; withinMs: number },
): Promise<Digest | undefined> {
  const [row] = await db.query<Row>(
    `SELECT * FROM digests WHERE connection_id = $1 AND kind = $2 AND key = $3 AND resolved_at IS NULL
        AND opened_at > now() - make_interval(secs => $4::double precision / 1000)
      ORDER BY opened_at DESC LIMIT 1`,
    [d.connectionId, d.kind, d.key, d.withinMs],
  );
  return row && toDigest(row);
}

/** A new digest, opened by `alertId`, which joins it as already named (its ticket's description). */
export async function createDigest(
  db: Db,
  d: { kind: Digest['kind']; connectionId: string; companyId: string; key: string; alertId: string },
): Promise<Digest> {
  const [row] = await db.query<Row>(
    `INSERT INTO digests (kind, connection_id, company_id, key, opened_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING *`,
    [d.kind, d.connectionId, d.companyId, d.key, d.alertId],
  );
  await db.query('INSERT INTO digest_alerts (digest_id, alert_id, noted_at) VALUES ($1, $2, now())', [
    row!.id,
    d.alertId,
  ]);
  return toDigest(row!);
}

export async function getDigest(db: Db, id: string): Promise<Digest | undefined> {
  const [row] = await db.query<Row>('SELECT * FROM digests WHERE id = $1', [id]);
  return row && toDigest(row);
}

/** The alert joins the digest (one insert); false when it had joined already. */
export async function joinDigest(db: Db, id: string, alertId: string): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO digest_alerts (digest_id, alert_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING alert_id`,
    [id, alertId],
  );
  return rows.length > 0;
}

/** `alertId` takes over making the digest's ticket from `from`; false when another did first. */
export async function adoptDigest(
  db: Db,
  id: string,
  from: string | null,
  alertId: string,
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE digests SET opened_by = $3 WHERE id = $1 AND opened_by IS NOT DISTINCT FROM $2 AND ticket_id IS NULL RETURNING id',
    [id, from, alertId],
  );
  return rows.length > 0;
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

/**
 * Organizations of the partner with a failing alert opened since `since`, per error code: counts,
 * not rows, so deciding an incident costs one small answer however many alerts fail.
 */
export async function failingOrganizationsByCode(db: Db, partnerId: string, since: Date) {
  return db.query<{ error_code: string | null; organizations: number }>(
    `SELECT a.state->>'errorCode' AS error_code, count(DISTINCT a.organization_id)::int AS organizations
       FROM alerts a JOIN organizations o ON o.id = a.organization_id
      WHERE o.partner_id = $1 AND a.status = 'failing' AND (a.state->>'openedAt')::timestamptz >= $2
      GROUP BY 1`,
    [partnerId, since],
  );
}

/**
 * Organizations of the partner failing since `since` with one of these error codes, the one given
 * counted in any case (its alert fails now).
 */
export async function failingOrganizationsWith(
  db: Db,
  q: { partnerId: string; since: Date; codes: string[]; organizationId: string },
): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT a.organization_id FROM alerts a JOIN organizations o ON o.id = a.organization_id
        WHERE o.partner_id = $1 AND a.status = 'failing' AND (a.state->>'openedAt')::timestamptz >= $2
          AND a.state->>'errorCode' = ANY($3::text[])
       UNION SELECT $4::uuid) x`,
    [q.partnerId, q.since, q.codes, q.organizationId],
  );
  return row!.n;
}

/** The digest's alerts, and how many of them still fail. */
export async function digestCounts(db: Db, id: string): Promise<{ alerts: number; failing: number }> {
  const [row] = await db.query<{ alerts: number; failing: number }>(
    `SELECT count(*)::int AS alerts, count(*) FILTER (WHERE a.status = 'failing')::int AS failing
       FROM digest_alerts j JOIN alerts a ON a.id = j.alert_id WHERE j.digest_id = $1`,
    [id],
  );
  return row!;
}

export type DigestNews = Digest & { alerts: number; failing: number; unnoted: number };

/**
 * Open digests with a ticket whose news is not on it yet: alerts joined since the last note, or a
 * failing count that changed; with their counts now.
 */
export async function digestsWithNews(db: Db, limit: number): Promise<DigestNews[]> {
  const rows = await db.query<Row & { alerts: number; failing: number; unnoted: number }>(
    `SELECT d.*, c.alerts, c.failing, c.unnoted
       FROM digests d
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS alerts, count(*) FILTER (WHERE a.status = 'failing')::int AS failing,
               count(*) FILTER (WHERE j.noted_at IS NULL)::int AS unnoted
          FROM digest_alerts j JOIN alerts a ON a.id = j.alert_id WHERE j.digest_id = d.id) c
      WHERE d.resolved_at IS NULL AND d.ticket_id IS NOT NULL AND (c.unnoted > 0 OR c.failing <> d.failing_noted)
      ORDER BY d.opened_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...toDigest(r), alerts: r.alerts, failing: r.failing, unnoted: r.unnoted }));
}

/** The alerts that joined since the last note, in the order they joined. */
export async function unnotedJoins(db: Db, id: string): Promise<string[]> {
  const rows = await db.query<{ alert_id: string }>(
    'SELECT alert_id FROM digest_alerts WHERE digest_id = $1 AND noted_at IS NULL ORDER BY seq',
    [id],
  );
  return rows.map((r) => r.alert_id);
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

/** After a note: these joins are on the ticket, and it reported `failing`. */
export async function markDigestNoted(
  db: Db,
  id: string,
  alertIds: string[],
  failing: number,
): Promise<void> {
  await db.query(
    'UPDATE digest_alerts SET noted_at = now() WHERE digest_id = $1 AND alert_id = ANY($2::uuid[]) AND noted_at IS NULL',
    [id, alertIds],
  );
  await db.query('UPDATE digests SET failing_noted = $2 WHERE id = $1', [id, failing]);
}
