// Long-lived bearer credentials: personal access tokens (a user's, for scripts) and source keys
// (the vendor platform's). Only a SHA-256 of each is stored: they are random and long, so a slow
// hash would add nothing, and lookups stay one indexed equality.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.ts';

export const tokenPrefixes = { pat: 'psah_pat_', source: 'psah_src_' } as const;
export type BearerKind = keyof typeof tokenPrefixes;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(kind: BearerKind): { token: string; hash: string; prefix: string } {
  const token = tokenPrefixes[kind] + randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, tokenPrefixes[kind].length + 4) };
}

export function bearerKindOf(token: string): BearerKind | undefined {
  if (token.startsWith(tokenPrefixes.pat)) return 'pat';
  if (token.startsWith(tokenPrefixes.source)) return 'source';
  return undefined;
}

export interface TokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at?: Date | null;
  user_id?: string;
}

const toInfo = (r: TokenRow): TokenInfo => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at ?? null,
});

export async function createAccessToken(
  db: Db,
  userId: string,
  name: string,
  expiresAt: Date | null,
): Promise<{ token: string; info: TokenInfo }> {
  const t = newToken('pat');
  const [row] = await db.query<TokenRow>(
    `INSERT INTO access_tokens (user_id, name, token_hash, prefix, expires_at) VALUES ($1, $2, $3, $4, $5)
     RETURNING *`,
    [userId, name, t.hash, t.prefix, expiresAt],
  );
  return { token: t.token, info: toInfo(row!) };
}

/** The user id behind a valid, unrevoked, unexpired token; marks it used. */
export async function useAccessToken(db: Db, token: string): Promise<string | undefined> {
  const [row] = await db.query<{ user_id: string }>(
    `UPDATE access_tokens SET last_used_at = now()
      WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
      RETURNING user_id`,
    [hashToken(token)],
  );
  return row?.user_id;
}

export async function listAccessTokens(db: Db, userId: string): Promise<TokenInfo[]> {
  const rows = await db.query<TokenRow>(
    'SELECT * FROM access_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at',
    [userId],
  );
  return rows.map(toInfo);
}

export async function revokeAccessToken(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE access_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id',
    [id, userId],
  );
  return rows.length > 0;
}

export async function createSourceKey(
  db: Db,
  name: string,
  createdBy: string | null,
): Promise<{ token: string; info: TokenInfo }> {
  const t = newToken('source');
  const [row] = await db.query<TokenRow>(
    'INSERT INTO source_keys (name, token_hash, prefix, created_by) VALUES ($1, $2, $3, $4) RETURNING *',
    [name, t.hash, t.prefix, createdBy],
  );
  return { token: t.token, info: toInfo(row!) };
}

export async function useSourceKey(db: Db, token: string): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `UPDATE source_keys SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id`,
    [hashToken(token)],
  );
  return row?.id;
}

export async function listSourceKeys(db: Db): Promise<TokenInfo[]> {
  return (
    await db.query<TokenRow>('SELECT * FROM source_keys WHERE revoked_at IS NULL ORDER BY created_at')
  ).map(toInfo);
}

export async function revokeSourceKey(db: Db, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE source_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}
