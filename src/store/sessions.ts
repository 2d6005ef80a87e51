// Browser sessions: the cookie carries a random token, the database keeps its hash, the user, the
// CSRF token that cookie-authenticated writes must echo, and when it expires.
import { randomBytes } from 'node:crypto';
import { hashToken } from './bearer-tokens.ts';
import type { Db } from './db.ts';

export interface Session {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  userId: string,
  ttlMs: number,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)',
    [hashToken(token), userId, csrfToken, expiresAt],
  );
  return { token, session: { userId, csrfToken, expiresAt } };
}

/** The live session behind a cookie token, its expiry slid forward by `ttlMs`. */
export async function useSession(db: Db, token: string, ttlMs: number): Promise<Session | undefined> {
  const [row] = await db.query<{ user_id: string; csrf_token: string; expires_at: Date }>(
    `UPDATE sessions SET last_seen_at = now(), expires_at = now() + ($2 || ' milliseconds')::interval
      WHERE token_hash = $1 AND expires_at > now()
      RETURNING user_id, csrf_token, expires_at`,
    [hashToken(token), String(ttlMs)],
  );
  return row && { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function purgeExpiredSessions(db: Db): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE expires_at <= now() RETURNING 1')).length;
}
