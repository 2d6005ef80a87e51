// Re-seals every stored secret under the current key (`psa-hub rotate-secret-key`). Each value is
// re-sealed in its own transaction and names the key that sealed it, so a rotation stopped at any
// point leaves every value readable with the old and new keys, and running it again finishes the job.
import type { Db } from './db.ts';
import type { SecretBox } from './secret-box.ts';

/** Every column that holds a value sealed by the secret box, with the key of its row. */
const sealedColumns = [
  { table: 'connections', column: 'credentials_sealed', key: ['id'] },
  { table: 'connection_cache', column: 'value_sealed', key: ['connection_id', 'key'] },
  { table: 'webhook_subscriptions', column: 'secret_sealed', key: ['id'] },
] as const;

export interface RotationProgress {
  /** Values re-sealed by this run. */
  resealed: number;
  /** Values still sealed with another key (0 once the rotation is done). */
  remaining: number;
}

export interface RotationOptions {
  /** Stop after this many values (rotate in slices; tests stop a rotation halfway with it). */
  limit?: number;
  /** Called after each value is re-sealed and committed, with the count so far. */
  onResealed?: (resealed: number) => void;
}

const BATCH = 100;

export async function resealSecrets(
  db: Db,
  box: SecretBox,
  opts: RotationOptions = {},
): Promise<RotationProgress> {
  const current = `v1:${box.keyId}:%`;
  const limit = opts.limit ?? Infinity;
  let resealed = 0;
  for (const c of sealedColumns) {
    const keys = c.key.join(', ');
    const match = c.key.map((k, i) => `${k} = $${i + 1}`).join(' AND ');
    // Keyset pages in key order: each page starts after the last, so no row is read twice.
    let after: string[] = [];
    for (;;) {
      if (resealed >= limit) return { resealed, remaining: await countRemaining(db, box) };
      const past = after.length ? `AND (${keys}) > (${after.map((_, i) => `$${i + 2}`).join(', ')})` : '';
      const rows = await db.query<Record<string, string>>(
        `SELECT ${keys} FROM ${c.table} WHERE ${c.column} NOT LIKE $1 ${past} ORDER BY ${keys} LIMIT ${BATCH}`,
        [current, ...after],
      );
      if (rows.length === 0) break;
      after = c.key.map((k) => rows.at(-1)![k]!);
      for (const row of rows) {
        if (resealed >= limit) break;
        const ids = c.key.map((k) => row[k]);
        // Locked while re-sealed, so a value the hub writes meanwhile (a refreshed token) is not lost.
        const done = await db.transaction(async (tx) => {
          const [locked] = await tx.query<{ v: string }>(
            `SELECT ${c.column} AS v FROM ${c.table} WHERE ${match} FOR UPDATE`,
            ids,
          );
          if (!locked || locked.v.startsWith(`v1:${box.keyId}:`)) return false;
          await tx.query(`UPDATE ${c.table} SET ${c.column} = $${ids.length + 1} WHERE ${match}`, [
            ...ids,
            box.seal(box.open(locked.v)),
          ]);
          return true;
        });
        if (done) {
          resealed++;
          opts.onResealed?.(resealed);
        }
      }
    }
  }
  return { resealed, remaining: await countRemaining(db, box) };
}

/** How many stored values are sealed with a key other than the current one. */
export async function countRemaining(db: Db, box: SecretBox): Promise<number> {
  let n = 0;
  for (const c of sealedColumns) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${c.table} WHERE ${c.column} NOT LIKE $1`,
      [`v1:${box.keyId}:%`],
    );
    n += row?.n ?? 0;
  }
  return n;
}

/** Key id → number of values it sealed, over every sealed column (what an operator checks). */
export async function sealedByKey(db: Db): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const c of sealedColumns) {
    const rows = await db.query<{ id: string; n: number }>(
      `SELECT split_part(${c.column}, ':', 2) AS id, count(*)::int AS n FROM ${c.table} GROUP BY 1`,
    );
    for (const r of rows) counts.set(r.id, (counts.get(r.id) ?? 0) + r.n);
  }
  return counts;
}
