// A fresh, empty database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by DATABASE_URL (dropped afterwards), so the suite runs on both.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/db.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';

export const onPostgres = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';

export interface TestDb {
  db: Database;
  /** The connection string of the fresh database (PostgreSQL only). */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function freshDb(): Promise<TestDb> {
  if (!process.env.DATABASE_URL) {
    const db = await openPglite(undefined);
    return { db, url: undefined, drop: () => db.close() };
  }
  const admin = new URL(process.env.DATABASE_URL!);
  const name = `psahub_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 5);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(url: URL, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
