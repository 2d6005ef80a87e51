// Key rotation as an operator runs it: a real hub holding connections to the three PSA simulators
// (credentials and cached tokens sealed), `psa-hub rotate-secret-key` stopped halfway, every secret
// still readable with the old and new keys, a rerun finishing the job, then the new key alone
// enough. Embedded database: the hub is stopped while rotating; PostgreSQL: the hub keeps running.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Database } from '../../src/store/db.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';
import { createSecretBox, keyIdOf } from '../../src/store/secret-box.ts';
import { sealedByKey } from '../../src/store/secret-rotation.ts';
import { runCli, serve, stopWith } from '../support/cli-process.ts';
import { Client } from '../support/client.ts';
import { freshDb, onPostgres, type TestDb } from '../support/db.ts';
import { NEW_PASSWORD, seedTree } from '../support/hub.ts';

let dataDir: string;
let pgDb: TestDb | undefined;
let sims: RunningSimulator[] = [];
const newKey = randomBytes(32);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'psahub-rotate-'));
  if (onPostgres) {
    pgDb = await freshDb();
    await pgDb.db.close();
  }
  sims = await Promise.all(
    (['connectwise', 'autotask', 'halopsa'] as const).map((k) => startSimulator(k, { port: 0 })),
  );
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  await rm(dataDir, { recursive: true, force: true });
  if (pgDb) await pgDb.drop().catch(() => {});
});

/** Every sealed value in the database, as text. */
async function sealedValues(db: Database): Promise<string[]> {
  const rows = await db.query<{ v: string }>(
    `SELECT credentials_sealed AS v FROM connections UNION ALL SELECT value_sealed FROM connection_cache
      UNION ALL SELECT secret_sealed FROM webhook_subscriptions`,
  );
  return rows.map((r) => r.v);
}

describe(`psa-hub rotate-secret-key on ${onPostgres ? 'PostgreSQL, hub running' : 'PGlite, hub stopped'}`, () => {
  it('re-seals every secret, survives a stop halfway, and leaves only the new key needed', async () => {
    // The first key: generated into the data directory (embedded) or given (PostgreSQL).
    const base: Record<string, string> = {
      PSAHUB_DATA_DIR: dataDir,
      PSAHUB_ALLOW_PRIVATE_PSA_HOSTS: '1',
      ...(pgDb ? { DATABASE_URL: pgDb.url!, PSAHUB_SECRET_KEY: randomBytes(32).toString('hex') } : {}),
    };
    let hub = await serve(base);
    const operator = hub.operator!;
    const key = await operator.post<{ token: string }>('/api/v1/source-keys', { name: 'rotate' });
    const source = new Client(hub.url, { bearer: key.body.token });
    const tree = await seedTree(source);
    // A vendor webhook's signing secret is sealed too.
    const hook = await source.post('/api/v1/source/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['billing.applied'],
    });
    expect(hook.status, hook.text).toBe(201);
    const connectionIds: string[] = [];
    for (const sim of sims) {
      const res = await operator.post('/api/v1/connections', {
        partnerId: tree.partners.resA,
        kind: sim.kind,
        name: sim.kind,
        siteUrl: sim.url,
        credentials: sim.credentials,
      });
      expect(res.status, res.text).toBe(201);
      connectionIds.push(res.body.connection.id);
    }
    const pickLists = async (c: Client) => {
      for (const id of connectionIds) {
        const res = await c.get(`/api/v1/connections/${id}/pick-lists`);
        expect(res.status, res.text).toBe(200);
      }
    };
    await pickLists(operator);
    await stopWith(hub.run);

    const oldKey = pgDb
      ? Buffer.from(base.PSAHUB_SECRET_KEY!, 'hex')
      : Buffer.from((await readFile(path.join(dataDir, 'secret.key'), 'utf8')).trim(), 'hex');
    const rotating = {
      ...base,
      PSAHUB_SECRET_KEY: newKey.toString('hex'),
      PSAHUB_SECRET_KEY_PREVIOUS: oldKey.toString('hex'),
    };
    const openDb = () => (pgDb ? openPostgres(pgDb.url!, 2) : openPglite(path.join(dataDir, 'pgdata')));
    // On PostgreSQL the hub runs on with both keys while the rotation goes on beside it.
    const signedIn = async (url: string) => {
      const c = new Client(url);
      expect((await c.login('operator@localhost', NEW_PASSWORD)).status).toBe(200);
      return c;
    };
    let running: Client | undefined;
    if (pgDb) {
      hub = await serve(rotating);
      running = await signedIn(hub.url);
    }

    const first = runCli(['rotate-secret-key', '--limit', '2'], rotating);
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toMatch(/re-sealed 2 secrets; \d+ are still sealed with an older key/);

    let db = await openDb();
    const both = createSecretBox(newKey, [oldKey]);
    const byKey = await sealedByKey(db);
    expect(byKey.get(keyIdOf(newKey))).toBe(2);
    expect(byKey.get(keyIdOf(oldKey))).toBeGreaterThanOrEqual(3);
    // Halfway: nothing unreadable with old + new, and the old key is still needed.
    for (const v of await sealedValues(db)) expect(() => both.open(v)).not.toThrow();
    const newOnly = createSecretBox(newKey);
    expect(
      (await sealedValues(db)).filter((v) => !v.includes(`:${keyIdOf(newKey)}:`)).length,
    ).toBeGreaterThan(0);
    if (running) await pickLists(running);
    else await db.close();

    // The old key missing: refused, naming the key, nothing touched.
    const withoutOld = runCli(['rotate-secret-key'], { ...base, PSAHUB_SECRET_KEY: newKey.toString('hex') });
    expect(await withoutOld.exited).toBe(2);
    expect(withoutOld.output()).toContain(`sealed with key ${keyIdOf(oldKey)}, which is not configured`);

    const rerun = runCli(['rotate-secret-key'], rotating);
    expect(await rerun.exited, rerun.output()).toBe(0);
    expect(rerun.output()).toContain(`every secret is sealed with key ${keyIdOf(newKey)}`);

    if (!pgDb) db = await openDb();
    const values = await sealedValues(db);
    expect(values.length).toBeGreaterThanOrEqual(5);
    for (const v of values) expect(() => newOnly.open(v)).not.toThrow();
    expect([...(await sealedByKey(db)).keys()]).toEqual([keyIdOf(newKey)]);
    await db.close();

    // Then the new key alone runs the hub: every connection's credentials and cache still open.
    await stopWith(hub.run);
    hub = await serve({ ...base, PSAHUB_SECRET_KEY: newKey.toString('hex') });
    await pickLists(await signedIn(hub.url));
    expect(await stopWith(hub.run)).toBe(0);
  }, 240_000);
});
