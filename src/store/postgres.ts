// A PostgreSQL server through a node-postgres pool.
import pg from 'pg';
import { withSavepoint, type Db, type PostgresDatabase } from './db.ts';

// Keep timestamps as Date and counts as numbers, as PGlite returns them: int8 (count(*)) fits a
// JS number for every count this service makes.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * A transaction's connection. One connection runs one statement at a time; statements started
 * together (Promise.all inside a transaction) are chained here rather than left to node-postgres,
 * which deprecates queueing them.
 */
function clientHandle(client: pg.PoolClient): Db {
  let last: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = last.then(run, run);
    last = next.catch(() => {});
    return next;
  };
  const db: Db = {
    inTransaction: true,
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await serial(() => client.query(text, params as unknown[]))).rows as R[];
    },
    async exec(text: string) {
      await serial(() => client.query(text));
    },
    transaction: (fn) => withSavepoint(db, fn),
  };
  return db;
}

export function openPostgres(connectionString: string, max = 10): PostgresDatabase {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', () => {});
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    connectionString,
    inTransaction: false,
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await pool.query(text, params as unknown[])).rows as R[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientHandle(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    // Idempotent: the hub and its owner may both close it.
    close: () => (closing ??= pool.end()),
  };
}
