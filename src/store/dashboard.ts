// The dashboard's figures for one part of the partner tree (a path prefix, or null for everything),
// each counted in SQL in one round trip: alerts by state, tickets and deliveries per day, and the
// live connections with their health and API budget. Scoped like the alert list and the event log:
// alerts and deliveries of organizations owned within the part, connections of partners within it.
import type { Db } from './db.ts';

export interface AlertCounts {
  /** Failing, with nothing stuck: the hub has written (or is writing) the ticket. */
  open: number;
  /** Ticket writes wait for something (not linked, PSA unavailable…), not stopped. */
  waiting: number;
  /** Stopped after failing until someone retries. */
  dead: number;
}

export interface DayCounts {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  ticketsOpened: number;
  ticketsResolved: number;
  deliveriesOk: number;
  deliveriesFailed: number;
  deliveriesDead: number;
}

export interface ConnectionFigures {
  id: string;
  name: string;
  kind: 'connectwise' | 'autotask' | 'halopsa';
  partnerId: string;
  partnerName: string;
  status: 'connected' | 'failing';
  failingSince: Date | null;
  lastError: string | null;
  lastSuccessAt: Date | null;
  requestsThisHour: number;
}

// Mutually exclusive, so the three add up to the alerts that want attention: dead first, then
// waiting (even a resolved alert whose resolution cannot be written yet), then plainly open.
const WAITING = `(a.wants <> '[]'::jsonb AND a.waiting_reason IS NOT NULL)`;

export async function alertCounts(db: Db, withinPath: string | null): Promise<AlertCounts> {
  const [row] = await db.query<{ open: number; waiting: number; dead: number }>(
    `SELECT count(*) FILTER (WHERE a.dead_at IS NULL AND NOT ${WAITING} AND a.status = 'failing')::int AS open,
            count(*) FILTER (WHERE a.dead_at IS NULL AND ${WAITING})::int AS waiting,
            count(*) FILTER (WHERE a.dead_at IS NOT NULL)::int AS dead
       FROM alerts a
       JOIN organizations o ON o.id = a.organization_id
       JOIN partners p ON p.id = o.partner_id
      WHERE p.path LIKE coalesce($1, '/') || '%'
        AND (a.status = 'failing' OR a.dead_at IS NOT NULL OR a.wants <> '[]'::jsonb)`,
    [withinPath],
  );
  return row ?? { open: 0, waiting: 0, dead: 0 };
}

/**
 * Per UTC day of the last `days` (today included, every day present, zero when nothing happened):
 * tickets the hub opened (a create or reopen that succeeded) and resolved, and deliveries by outcome.
 */
export async function dailyCounts(db: Db, withinPath: string | null, days: number): Promise<DayCounts[]> {
  const rows = await db.query<{
    day: string;
    opened: number;
    resolved: number;
    ok: number;
    failed: number;
    dead: number;
  }>(
    `WITH span AS (
       SELECT (now() AT TIME ZONE 'UTC')::date - ($2::int - 1) AS first,
              (now() AT TIME ZONE 'UTC')::date AS last
     ), counted AS (
       SELECT (d.at AT TIME ZONE 'UTC')::date AS day,
              count(*) FILTER (WHERE d.outcome = 'ok' AND d.action IN ('create', 'reopen'))::int AS opened,
              count(*) FILTER (WHERE d.outcome = 'ok' AND d.action = 'resolve')::int AS resolved,
              count(*) FILTER (WHERE d.outcome = 'ok')::int AS ok,
              count(*) FILTER (WHERE d.outcome = 'failed')::int AS failed,
              count(*) FILTER (WHERE d.outcome = 'dead')::int AS dead
         FROM deliveries d
         JOIN organizations o ON o.id = d.organization_id
         JOIN partners p ON p.id = o.partner_id
        WHERE p.path LIKE coalesce($1, '/') || '%'
          AND d.at >= (SELECT first FROM span)::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1
     )
     SELECT to_char(s.day, 'YYYY-MM-DD') AS day, coalesce(c.opened, 0) AS opened,
            coalesce(c.resolved, 0) AS resolved, coalesce(c.ok, 0) AS ok,
            coalesce(c.failed, 0) AS failed, coalesce(c.dead, 0) AS dead
       FROM span, generate_series(span.first, span.last, interval '1 day') AS s(day)
       LEFT JOIN counted c ON c.day = s.day::date
      ORDER BY s.day`,
    [withinPath, days],
  );
  return rows.map((r) => ({
    day: r.day,
    ticketsOpened: r.opened,
    ticketsResolved: r.resolved,
    deliveriesOk: r.ok,
    deliveriesFailed: r.failed,
    deliveriesDead: r.dead,
  }));
}

/** The live (not revoked) connections, failing first, with the requests sent in their current hour. */
export async function connectionFigures(db: Db, withinPath: string | null): Promise<ConnectionFigures[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    kind: ConnectionFigures['kind'];
    partner_id: string;
    partner_name: string;
    status: ConnectionFigures['status'];
    failing_since: Date | null;
    last_error: string | null;
    last_success_at: Date | null;
    requests: number;
  }>(
    `SELECT c.id, c.name, c.kind, c.partner_id, p.name AS partner_name, c.status, c.failing_since,
            c.last_error, c.last_success_at,
            CASE WHEN b.hour_started_at > now() - interval '1 hour' THEN b.hour_requests ELSE 0 END AS requests
       FROM connections c
       JOIN partners p ON p.id = c.partner_id
       LEFT JOIN connection_budgets b ON b.connection_id = c.id
      WHERE p.path LIKE coalesce($1, '/') || '%' AND c.revoked_at IS NULL
      ORDER BY c.status = 'failing' DESC, c.failing_since, p.name, c.kind`,
    [withinPath],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    status: r.status,
    failingSince: r.failing_since,
    lastError: r.last_error,
    lastSuccessAt: r.last_success_at,
    requestsThisHour: r.requests ?? 0,
  }));
}
