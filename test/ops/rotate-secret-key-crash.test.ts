// The rotation SIGKILLed while it runs (a real process, thousands of sealed values): whatever it had
// done stays done, nothing is unreadable with the old and new keys, and a rerun finishes. PostgreSQL
// only: the test watches the database while the rotation holds it, which the embedded one cannot share.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection } from '../../src/store/connections.ts';
import type { Database } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPartner } from '../../src/store/partners.ts';
import { createSecretBox, keyIdOf } from '../../src/store/secret-box.ts';
import { sealedByKey } from '../../src/store/secret-rotation.ts';
import { until } from '../support/alerts.ts';
import { runCli, stopWith } from '../support/cli-process.ts';
import { freshDb, onPostgres, type TestDb } from '../support/db.ts';

const VALUES = 3000;
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
let t: TestDb;
let db: Database;

describe.skipIf(!onPostgres)('psa-hub rotate-secret-key SIGKILLed midway', () => {
  beforeAll(async () => {
    t = await freshDb();
    db = t.db;
    await migrate(db);
    // One connection and many cached values, all sealed with the old key as the hub would seal them.
    const box = createSecretBox(oldKey);
    const partner = await createPartner(db, { name: 'P', kind: 'direct_reseller', parentId: null });
    const conn = await createConnection(db, box, {
      partnerId: partner.id,
      kind: 'connectwise',
      name: 'CW',
      siteUrl: 'https://cw.example.com',
      credentials: { privateKey: 'k' },
      credentialHints: {},
    });
    const values = Array.from({ length: VALUES }, (_, i) => box.seal(`token-${i}`));
    await db.query(
      `INSERT INTO connection_cache (connection_id, key, value_sealed, expires_at)
       SELECT $1, 'k' || i, v, now() + interval '1 hour' FROM unnest($2::text[]) WITH ORDINALITY AS u(v, i)`,
      [conn.id, values],
    );
  }, 60_000);
  afterAll(() => t?.drop());

  it('leaves every value readable, and a rerun finishes', async () => {
    const env = {
      DATABASE_URL: t.url!,
      PSAHUB_SECRET_KEY: newKey.toString('hex'),
      PSAHUB_SECRET_KEY_PREVIOUS: oldKey.toString('hex'),
    };
    const run = runCli(['rotate-secret-key'], env);
    await until(
      'the rotation to have re-sealed some values',
      async () => (await sealedByKey(db)).get(keyIdOf(newKey)) ?? 0,
      (n) => n >= 50,
    );
    await stopWith(run, 'SIGKILL');
    expect(run.child.signalCode).toBe('SIGKILL');

    const halfway = await sealedByKey(db);
    expect(halfway.get(keyIdOf(oldKey))).toBeGreaterThan(0);
    expect((halfway.get(keyIdOf(newKey)) ?? 0) + (halfway.get(keyIdOf(oldKey)) ?? 0)).toBe(VALUES + 1);
    const both = createSecretBox(newKey, [oldKey]);
    const rows = await db.query<{ key: string; value_sealed: string }>(
      'SELECT key, value_sealed FROM connection_cache',
    );
    for (const r of rows) expect(both.open(r.value_sealed)).toBe(`token-${Number(r.key.slice(1)) - 1}`);

    const rerun = runCli(['rotate-secret-key'], env);
    expect(await rerun.exited, rerun.output()).toBe(0);
    expect([...(await sealedByKey(db))]).toEqual([[keyIdOf(newKey), VALUES + 1]]);
    const newOnly = createSecretBox(newKey);
    for (const r of await db.query<{ v: string }>('SELECT value_sealed AS v FROM connection_cache LIMIT 100'))
      expect(() => newOnly.open(r.v)).not.toThrow();
  }, 180_000);
});
