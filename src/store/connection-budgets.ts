// The request budget of a PSA connection as a token bucket in the database: every API and worker
// process takes from the same bucket, so together they never exceed the rate the PSA allows.
import type { Db } from './db.ts';

export interface BucketPolicy {
  perSecond: number;
  burst: number;
}

/** Take one token; 0 when taken, else the milliseconds to wait before asking again. */
export async function takeToken(db: Db, connectionId: string, p: BucketPolicy): Promise<number> {
  await db.query(
    `INSERT INTO connection_budgets (connection_id, tokens, refilled_at) VALUES ($1, $2, clock_timestamp())
     ON CONFLICT (connection_id) DO NOTHING`,
    [connectionId, p.burst],
  );
  const [row] = await db.query<{ wait_ms: number }>(
    `WITH cur AS (
       SELECT connection_id, paused_until,
              least($3::float8, tokens + extract(epoch FROM clock_timestamp() - refilled_at) * $2::float8) AS avail
         FROM connection_budgets WHERE connection_id = $1 FOR UPDATE
     ), decided AS (
       SELECT connection_id, avail,
              (paused_until IS NOT NULL AND paused_until > clock_timestamp()) AS paused,
              paused_until FROM cur
     )
     UPDATE connection_budgets b
        SET tokens = CASE WHEN NOT d.paused AND d.avail >= 1 THEN d.avail - 1 ELSE d.avail END,
            refilled_at = clock_timestamp(),
            hour_requests = CASE WHEN d.paused OR d.avail < 1 THEN b.hour_requests
                                 WHEN b.hour_started_at IS NULL OR b.hour_started_at < clock_timestamp() - interval '1 hour'
                                 THEN 1 ELSE b.hour_requests + 1 END,
            hour_started_at = CASE WHEN b.hour_started_at IS NULL OR b.hour_started_at < clock_timestamp() - interval '1 hour'
                                   THEN clock_timestamp() ELSE b.hour_started_at END
       FROM decided d
      WHERE b.connection_id = d.connection_id
     RETURNING CASE
       WHEN d.paused THEN ceil(extract(epoch FROM d.paused_until - clock_timestamp()) * 1000)
       WHEN d.avail >= 1 THEN 0
       ELSE ceil((1 - d.avail) / $2::float8 * 1000)
     END::int AS wait_ms`,
    [connectionId, p.perSecond, p.burst],
  );
  return row?.wait_ms ?? 0;
}

/** Hold every caller of the connection back until `ms` from now (a PSA's Retry-After). */
export async function pauseBudget(db: Db, connectionId: string, ms: number): Promise<void> {
  await db.query(
    `UPDATE connection_budgets
        SET paused_until = greatest(coalesce(paused_until, clock_timestamp()), clock_timestamp() + ($2 || ' milliseconds')::interval)
      WHERE connection_id = $1`,
    [connectionId, String(Math.max(0, Math.round(ms)))],
  );
}

/** Requests each connection sent in its current hour (0 when none or the hour has passed). */
export async function requestsThisHour(
  db: Db,
  connectionIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ connection_id: string; n: number }>(
    `SELECT connection_id, CASE WHEN hour_started_at > now() - interval '1 hour' THEN hour_requests ELSE 0 END AS n
       FROM connection_budgets WHERE connection_id = ANY($1::uuid[])`,
    [connectionIds],
  );
  return new Map(rows.map((r) => [r.connection_id, r.n]));
}
