// A connector's memory per connection (Autotask zone URL, Halo token, ConnectWise code base, pick
// lists), shared by every process and sealed at rest because some of it is secret (tokens).
import type { Db } from './db.ts';
import type { SecretBox } from './secret-box.ts';

export function connectionCache(db: Db, box: SecretBox, connectionId: string) {
  return {
    async get(key: string): Promise<string | undefined> {
      const [row] = await db.query<{ value_sealed: string }>(
        `SELECT value_sealed FROM connection_cache WHERE connection_id = $1 AND key = $2 AND expires_at > now()`,
        [connectionId, key],
      );
      return row && box.open(row.value_sealed);
    },
    async set(key: string, value: string, ttlMs: number): Promise<void> {
      await db.query(
        `INSERT INTO connection_cache (connection_id, key, value_sealed, expires_at)
         VALUES ($1, $2, $3, now() + ($4 || ' milliseconds')::interval)
         ON CONFLICT (connection_id, key) DO UPDATE SET value_sealed = $3, expires_at = EXCLUDED.expires_at`,
        [connectionId, key, box.seal(value), String(Math.round(ttlMs))],
      );
    },
    async clear(): Promise<void> {
      await db.query('DELETE FROM connection_cache WHERE connection_id = $1', [connectionId]);
    },
  };
}
