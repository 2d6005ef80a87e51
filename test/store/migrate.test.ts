import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/store/migrate.ts';
import { freshDb, onPostgres, type TestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => t?.drop());

describe(`migrations on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('apply from empty, then again as a no-op', async () => {
    const files = await listMigrations();
    const first = await migrate(t.db);
    expect(first.applied).toEqual(files.map((f) => f.replace(/\.sql$/, '')));
    const second = await migrate(t.db);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
    const tables = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'partners',
        'users',
        'sessions',
        'organizations',
        'plans',
        'partner_plans',
        'audit_log',
      ]),
    );
  });

  it('run concurrently without applying anything twice', async () => {
    const results = await Promise.all([migrate(t.db), migrate(t.db)]);
    expect(results.flatMap((r) => r.applied)).toEqual([]);
  });

  it('roll back a failed transaction completely', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO plans (external_id, name) VALUES ('rolled-back', 'x')`);
        await tx.query('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow();
    expect(await t.db.query(`SELECT 1 FROM plans WHERE external_id = 'rolled-back'`)).toHaveLength(0);
    // The connection is usable afterwards (PGlite has only one).
    expect(await t.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('undo only the failed step inside a nested transaction (savepoint)', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO plans (external_id, name) VALUES ('outer', 'x')`);
      await expect(
        tx.transaction(async (sp) => {
          await sp.query(`INSERT INTO plans (external_id, name) VALUES ('inner', 'x')`);
          throw new Error('step fails');
        }),
      ).rejects.toThrow('step fails');
    });
    const rows = await t.db.query<{ external_id: string }>(
      `SELECT external_id FROM plans WHERE external_id IN ('outer', 'inner')`,
    );
    expect(rows.map((r) => r.external_id)).toEqual(['outer']);
  });
});
