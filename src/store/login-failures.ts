// Sign-in throttling kept in the database, so every API process counts the same attempts. An attempt
// is counted before its password is checked, in one statement that also refuses it when the key is
// held back: parallel guesses cannot slip between a check and a count.
import type { Db } from './db.ts';

export interface ThrottlePolicy {
  /** Attempts in a window before the key is held back. */
  free: number;
  windowMs: number;
  /** The hold after the attempt that uses up the free ones; each further attempt multiplies it. */
  holdMs: number;
  growth: number;
  maxHoldMs: number;
}

export type Attempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Count an attempt for `key` unless it is held back. The attempt that uses up the free ones holds
 * the key for `holdMs`, the next (once the hold is over) for `holdMs × growth`, and so on up to
 * `maxHoldMs`, until the window ends. Count and hold are one statement, under the row's lock.
 */
export async function takeAttempt(db: Db, key: string, p: ThrottlePolicy): Promise<Attempt> {
  const [row] = await db.query<{ attempts: number }>(
    `INSERT INTO login_failures AS f (key, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN f.window_started_at < now() - ($2 || ' milliseconds')::interval
                       THEN 1 ELSE f.failures + 1 END,
       window_started_at = CASE WHEN f.window_started_at < now() - ($2 || ' milliseconds')::interval
                       THEN now() ELSE f.window_started_at END,
       locked_until = CASE
         WHEN f.window_started_at >= now() - ($2 || ' milliseconds')::interval AND f.failures + 1 >= $3
         THEN now() + least($4::float8 * power($5::float8, f.failures + 1 - $3), $6::float8)
                      * interval '1 millisecond'
         END
     WHERE f.locked_until IS NULL OR f.locked_until <= now()
     RETURNING failures AS attempts`,
    [key, String(p.windowMs), p.free, p.holdMs, p.growth, p.maxHoldMs],
  );
  return row ? { allowed: true } : { allowed: false, retryAfterSeconds: await heldFor(db, key) };
}

async function heldFor(db: Db, key: string): Promise<number> {
  const [row] = await db.query<{ seconds: number }>(
    `SELECT greatest(1, ceil(extract(epoch FROM locked_until - now())))::int AS seconds
       FROM login_failures WHERE key = $1`,
    [key],
  );
  return row?.seconds ?? 1;
}

/** A successful sign-in: the key starts afresh. */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}

/** A successful sign-in on a shared key (an address): its own attempt no longer counts against it. */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await db.query('UPDATE login_failures SET failures = greatest(failures - 1, 0) WHERE key = $1', [key]);
}

export async function purgeStaleFailures(db: Db, olderThanMs: number): Promise<void> {
  await db.query(
    `DELETE FROM login_failures WHERE window_started_at < now() - ($1 || ' milliseconds')::interval
       AND (locked_until IS NULL OR locked_until < now())`,
    [String(olderThanMs)],
  );
}
