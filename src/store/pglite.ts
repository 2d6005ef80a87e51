// The embedded database: PostgreSQL compiled to WebAssembly, in this process, persisted in a folder.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { withSavepoint, type Db, type PgliteDatabase } from './db.ts';

type Runner = Pick<PGlite, 'query' | 'exec'> | Transaction;

function handle(runner: Runner, inTransaction: boolean): Db {
  const db: Db = {
    inTransaction,
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await runner.query<R>(text, params as unknown[])).rows;
    },
    async exec(text: string) {
      await runner.exec(text);
    },
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTransaction) return withSavepoint(db, fn);
      return (runner as PGlite).transaction((tx) => fn(handle(tx, true)));
    },
  };
  return db;
}

/** Open (creating when needed) the database in `dataDir`; in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<PgliteDatabase> {
  const pglite = await PGlite.create(dataDir === undefined ? undefined : { dataDir });
  let closing: Promise<void> | undefined;
  // Idempotent: the hub and its owner may both close it.
  return { ...handle(pglite, false), kind: 'pglite', pglite, close: () => (closing ??= pglite.close()) };
}
