import type { PGlite } from '@electric-sql/pglite';

// One small interface over both databases: the embedded PGlite and a PostgreSQL server. Every store
// function takes a `Db` first, so the same function runs on the pool or inside a transaction.

export interface Db {
  /** One parameterised statement; the rows it returns. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Run `fn` in a transaction: committed when it resolves, rolled back when it throws. Inside a
   * transaction this opens a savepoint, so a failed step can be undone without losing the rest.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Whether this handle is inside a transaction (used to refuse work that must run outside one). */
  readonly inTransaction: boolean;
}

interface DatabaseBase extends Db {
  close(): Promise<void>;
}

/** The embedded database; `pglite` is the instance, for the job queue's adapter. */
export interface PgliteDatabase extends DatabaseBase {
  readonly kind: 'pglite';
  readonly pglite: PGlite;
  /** Record where this process listens in the data directory's lock (when it holds one). */
  noteUrl?(url: string): Promise<void>;
}

/** A PostgreSQL server; the queue opens its own small pool to the same URL. */
export interface PostgresDatabase extends DatabaseBase {
  readonly kind: 'postgres';
  readonly connectionString: string;
}

export type Database = PgliteDatabase | PostgresDatabase;

let savepointCounter = 0;

/** Savepoint-based nesting shared by both drivers: `tx` is the outer transaction's handle. */
export async function withSavepoint<T>(tx: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const name = `sp_${++savepointCounter}`;
  await tx.exec(`SAVEPOINT ${name}`);
  try {
    const result = await fn(tx);
    await tx.exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}
