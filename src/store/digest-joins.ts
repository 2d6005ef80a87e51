// Joining many alerts to a digest ticket at once (storm control, set-based): a storm of thousands
// is a few statements per batch, not a reconcile round of ~25 statements per alert. An alert is
// taken only while nothing else is working on it: its first want is the create of its current
// episode, no attempt has started (attempts = 0: the reconciler claims that before a create), and
// it is not locked. Its own job then finds nothing left to do.
import type { Digest } from './digests.ts';
import type { Db } from './db.ts';

/** An alert waiting for its first ticket, untouched by any attempt (SQL over `a`, alerts). */
const AWAITS_FIRST_TICKET = `a.wants <> '[]'::jsonb AND a.status = 'failing' AND a.dead_at IS NULL AND a.attempts = 0
  AND a.wants->0->'want'->>'type' = 'create_ticket' AND a.wants->0->>'episode' = a.state->>'episode'
  AND NOT a.tickets ? (a.wants->0->>'episode')`;

/**
 * Whether this join should take along the others now: true at most once per `everyMs` per digest,
 * so that concurrent joins do not all sweep the same rows.
 */
export async function sweepDue(db: Db, digestId: string, everyMs: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE digests SET swept_at = clock_timestamp()
      WHERE id = $1 AND (swept_at IS NULL OR swept_at < clock_timestamp() - make_interval(secs => $2::double precision / 1000))
      RETURNING id`,
    [digestId, everyMs],
  );
  return rows.length > 0;
}

/**
 * Alerts whose new ticket would go to this connection's company `companyId` (any company when
 * null) through a healthy link, unsnoozed, waiting for their first ticket; only the digest's own
 * members when `members` is set. With the error code, for the caller to decide the digest.
 */
export async function alertsAwaitingTicket(
  db: Db,
  q: { connectionId: string; companyId: string | null; members?: string; limit: number },
): Promise<{ id: string; error_code: string | null }[]> {
  return db.query(
    `SELECT a.id, a.state->>'errorCode' AS error_code
       FROM alerts a
       JOIN organizations o ON o.id = a.organization_id AND o.skipped_at IS NULL
       JOIN org_links l ON l.organization_id = a.organization_id AND l.unlinked_at IS NULL
      WHERE l.connection_id = $1 AND l.health <> 'missing' AND ($2::text IS NULL OR l.company_id = $2)
        AND ($3::uuid IS NULL OR a.id IN (SELECT alert_id FROM digest_alerts WHERE digest_id = $3))
        AND ${AWAITS_FIRST_TICKET}
        AND NOT EXISTS (SELECT 1 FROM snoozes s
                         WHERE (s.organization_id = a.organization_id OR s.connection_id = $1)
                           AND s.starts_at <= now() AND s.ends_at > now())
      ORDER BY a.updated_at LIMIT $4`,
    [q.connectionId, q.companyId, q.members ?? null, q.limit],
  );
}

/**
 * In one statement: these alerts join the digest and its ticket becomes theirs — the want done, a
 * delivery each in the event log. Alerts taken meanwhile by anyone else are left out. Returns the
 * alerts that joined and, of them, those with nothing left to do (their rows stay locked until `db`'s
 * transaction ends).
 */
export async function settleOnDigest(
  db: Db,
  d: Pick<Digest, 'id' | 'kind' | 'connectionId' | 'companyId'> & {
    ticketId: string;
    ticketNumber: string | null;
  },
  partnerId: string,
  alertIds: string[],
): Promise<{ joined: number; idle: string[] }> {
  if (alertIds.length === 0) return { joined: 0, idle: [] };
  const ref = {
    id: d.ticketId,
    number: d.ticketNumber,
    connectionId: d.connectionId,
    companyId: d.companyId,
    digestId: d.id,
  };
  const request = {
    companyId: d.companyId,
    digest: d.id,
    kind: d.kind,
    externalRef: `psahub:digest:${d.id}`,
  };
  const answer = `Listed on ${d.kind} digest ticket ${d.ticketNumber ?? d.ticketId} (its next note, within a minute, names this alert)`;
  const [row] = await db.query<{ n: number; idle: string[] }>(
    `WITH picked AS (
       SELECT a.id, a.organization_id, a.wants->0->>'episode' AS episode FROM alerts a
        WHERE a.id = ANY($1::uuid[]) AND ${AWAITS_FIRST_TICKET}
        FOR NO KEY UPDATE SKIP LOCKED
     ), joined AS (
       INSERT INTO digest_alerts (digest_id, alert_id) SELECT $2, id FROM picked ON CONFLICT DO NOTHING
     ), done AS (
       UPDATE alerts a SET tickets = a.tickets || jsonb_build_object(p.episode, $3::jsonb),
              wants = a.wants - 0,
              state = a.state || jsonb_build_object('ticket', coalesce(a.state->'ticket', '{}') || jsonb_build_object('id', $4::text)),
              waiting_reason = NULL, updated_at = now()
         FROM picked p WHERE a.id = p.id
       RETURNING a.id, a.organization_id, p.episode, a.wants = '[]'::jsonb AS idle
     ), logged AS (
       INSERT INTO deliveries (partner_id, connection_id, organization_id, alert_id, action, request, outcome,
                               answer, duration_ms, attempt, ticket_id)
       SELECT $5, $6, organization_id, id, 'create', $7::jsonb || jsonb_build_object('episode', episode::int),
              'ok', $8, 0, 1, $4
         FROM done
     )
     SELECT count(*)::int AS n, coalesce(array_agg(id) FILTER (WHERE idle), '{}') AS idle FROM done`,
    [
      alertIds,
      d.id,
      JSON.stringify(ref),
      d.ticketId,
      partnerId,
      d.connectionId,
      JSON.stringify(request),
      answer,
    ],
  );
  return { joined: row!.n, idle: row!.idle };
}

/**
 * The reconciler's claim before it creates the first ticket of the alert's episode (its intent,
 * attempts = 1), which keeps a join from taking the alert meanwhile; false when a join took it first.
 */
export async function claimFirstTicket(db: Db, alertId: string, episode: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE alerts SET attempts = 1, waiting_reason = NULL, updated_at = now()
      WHERE id = $1 AND attempts = 0 AND NOT tickets ? $2 RETURNING id`,
    [alertId, String(episode)],
  );
  return rows.length > 0;
}

/** Give the claim back: the alert waits (with the reason) for a join to bring it its ticket. */
export async function releaseToWait(db: Db, alertId: string, reason: string): Promise<void> {
  await db.query('UPDATE alerts SET attempts = 0, waiting_reason = $2, updated_at = now() WHERE id = $1', [
    alertId,
    reason,
  ]);
}

/** Members still waiting for the ticket of an open digest that has none `olderThanMs` after opening. */
export async function waitingOnUnmadeTickets(db: Db, olderThanMs: number, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT a.id FROM digests d JOIN digest_alerts j ON j.digest_id = d.id JOIN alerts a ON a.id = j.alert_id
      WHERE d.resolved_at IS NULL AND d.ticket_id IS NULL
        AND d.opened_at < now() - make_interval(secs => $1::double precision / 1000)
        AND a.waiting_reason IS NOT NULL AND ${AWAITS_FIRST_TICKET}
      LIMIT $2`,
    [olderThanMs, limit],
  );
  return rows.map((r) => r.id);
}
