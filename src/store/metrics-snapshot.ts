// The database-wide figures /metrics reports, read at scrape time. Each is one statement, bounded by
// an index or a LIMIT, so a scrape stays cheap however many alerts, jobs and deliveries there are;
// every process reads the same rows, so any process's /metrics tells the whole hub's truth.
import type { Db } from './db.ts';

/** Most connections reported per family: the busiest first, so a scrape stays bounded. */
export const CONNECTION_LABEL_LIMIT = 200;

export interface QueueRow {
  name: string;
  queued: number;
  active: number;
  deferred: number;
  failed: number;
  /** Seconds since the oldest job not yet done was created (0 when none waits). */
  oldestSeconds: number;
}

/** pg-boss's cached counts per queue (refreshed by its monitor) and the age of each queue's head. */
export async function queueSnapshot(db: Db): Promise<QueueRow[]> {
  const rows = await db.query<{
    name: string;
    queued: number;
    active: number;
    deferred: number;
    failed: number;
    oldest: number | null;
  }>(
    `SELECT q.name, q.queued_count AS queued, q.active_count AS active, q.deferred_count AS deferred,
            q.failed_count AS failed,
            (SELECT extract(epoch FROM now() - j.created_on)::float8 FROM pgboss.job j
              WHERE j.name = q.name AND j.state < 'active' AND NOT j.blocked
              ORDER BY j.priority DESC, j.created_on LIMIT 1) AS oldest
       FROM pgboss.queue q ORDER BY q.name LIMIT 100`,
  );
  return rows.map((r) => ({ ...r, oldestSeconds: Math.max(0, r.oldest ?? 0) }));
}

export interface ConnectionBacklogRow {
  connectionId: string;
  psa: string;
  /** Alerts with ticket writes still to make (not dead). */
  waiting: number;
  oldestSeconds: number;
}

/** Per connection: alerts still waiting for a PSA write, and how long the oldest has waited. */
export async function connectionBacklog(db: Db): Promise<ConnectionBacklogRow[]> {
  return db.query<ConnectionBacklogRow>(
    `SELECT l.connection_id AS "connectionId", c.kind AS psa, count(*)::int AS waiting,
            greatest(0, extract(epoch FROM now() - min(a.updated_at)))::float8 AS "oldestSeconds"
       FROM alerts a
       JOIN org_links l ON l.organization_id = a.organization_id AND l.unlinked_at IS NULL
       JOIN connections c ON c.id = l.connection_id
      WHERE a.wants <> '[]'::jsonb AND a.dead_at IS NULL
      GROUP BY 1, 2 ORDER BY waiting DESC LIMIT ${CONNECTION_LABEL_LIMIT}`,
  );
}

export interface ConnectionRow {
  connectionId: string;
  psa: string;
  status: string;
  /** Requests the hub sent on this connection in its current hour (every process together). */
  requestsThisHour: number;
  failingSeconds: number;
}

export async function connectionSnapshot(db: Db): Promise<ConnectionRow[]> {
  return db.query<ConnectionRow>(
    `SELECT c.id AS "connectionId", c.kind AS psa, c.status,
            CASE WHEN b.hour_started_at > now() - interval '1 hour' THEN b.hour_requests ELSE 0 END
              AS "requestsThisHour",
            coalesce(extract(epoch FROM now() - c.failing_since), 0)::float8 AS "failingSeconds"
       FROM connections c LEFT JOIN connection_budgets b ON b.connection_id = c.id
      WHERE c.revoked_at IS NULL
      ORDER BY (c.status = 'failing') DESC, coalesce(b.hour_requests, 0) DESC
      LIMIT ${CONNECTION_LABEL_LIMIT}`,
  );
}

/** Alerts failing now, alerts with writes waiting, and dead ones (given up until retried). */
export async function alertCounts(db: Db): Promise<{ open: number; waiting: number; dead: number }> {
  const [row] = await db.query<{ open: number; waiting: number; dead: number }>(
    `SELECT (SELECT count(*) FROM alerts WHERE status = 'failing')::int AS open,
            (SELECT count(*) FROM alerts WHERE wants <> '[]'::jsonb AND dead_at IS NULL)::int AS waiting,
            (SELECT count(*) FROM alerts WHERE dead_at IS NOT NULL)::int AS dead`,
  );
  return row ?? { open: 0, waiting: 0, dead: 0 };
}

/** Window of the delivery figures: recent enough to stay cheap, long enough for a 5-minute rate. */
export const DELIVERY_WINDOW_MINUTES = 5;

/** Deliveries (PSA write attempts) of the last few minutes by PSA kind and outcome. */
export async function recentDeliveries(db: Db): Promise<{ psa: string; outcome: string; n: number }[]> {
  return db.query(
    `SELECT coalesce(c.kind, 'none') AS psa, d.outcome, count(*)::int AS n
       FROM deliveries d LEFT JOIN connections c ON c.id = d.connection_id
      WHERE d.at > now() - interval '${DELIVERY_WINDOW_MINUTES} minutes'
      GROUP BY 1, 2`,
  );
}
