// Sign-in throttling kept in the database, so every API process counts the same failures.
import type { Db } from './db.ts';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Seconds until `key` may try again, or 0 when it may now. */
export async function lockedFor(db: Db, key: string): Promise<number> {
  const [row] = await db.query<{ seconds: number }>(
    `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
       FROM login_failures WHERE key = $1 AND locked_until > now()`,
    [key],
  );
  return row?.seconds ?? 0;
}

export async function recordFailure(db: Db, key: string, p: ThrottlePolicy): Promise<void> {
  await db.query(
    `INSERT INTO login_failures AS f (key, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN f.window_started_at < now() - ($2 || ' milliseconds')::interval
                       THEN 1 ELSE f.failures + 1 END,
       window_started_at = CASE WHEN f.window_started_at < now() - ($2 || ' milliseconds')::interval
                       THEN now() ELSE f.window_started_at END`,
    [key, String(p.windowMs)],
  );
  await db.query(
    `UPDATE login_failures SET locked_until = now() + ($3 || ' milliseconds')::interval, failures = 0,
            window_started_at = now()
      WHERE key = $1 AND failures >= $2`,
    [key, p.maxFailures, String(p.lockMs)],
  );
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}

export async function purgeStaleFailures(db: Db, olderThanMs: number): Promise<void> {
  await db.query(
    `DELETE FROM login_failures WHERE window_started_at < now() - ($1 || ' milliseconds')::interval
       AND (locked_until IS NULL OR locked_until < now())`,
    [String(olderThanMs)],
  );
}
