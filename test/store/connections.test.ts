import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseBudget, takeToken } from '../../src/store/connection-budgets.ts';
import { connectionCache } from '../../src/store/connection-cache.ts';
import {
  createConnection,
  listConnections,
  openCredentials,
  recordHealth,
  revokeConnection,
  setDefaultConnection,
} from '../../src/store/connections.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPartner } from '../../src/store/partners.ts';
import { createSecretBox } from '../../src/store/secret-box.ts';
import { freshDb, type TestDb } from '../support/db.ts';

let t: TestDb;
const box = createSecretBox(randomBytes(32));
let partnerId: string;

beforeAll(async () => {
  t = await freshDb();
  await migrate(t.db);
  partnerId = (await createPartner(t.db, { name: 'P', kind: 'direct_reseller', parentId: null })).id;
});
afterAll(async () => t?.drop());

const newConnection = (kind: 'connectwise' | 'halopsa') =>
  createConnection(t.db, box, {
    partnerId,
    kind,
    name: kind,
    siteUrl: 'https://psa.example.com',
    credentials: { publicKey: 'pub', privateKey: 'PRIVATE-123' },
    credentialHints: { publicKey: 'pub' },
  });

describe('connections store', () => {
  it('seals credentials: the row never holds them in clear, and the public type has none', async () => {
    const c = await newConnection('connectwise');
    expect(JSON.stringify(c)).not.toContain('PRIVATE-123');
    const raw = await t.db.query<{ credentials_sealed: string }>(
      'SELECT credentials_sealed FROM connections WHERE id = $1',
      [c.id],
    );
    expect(raw[0]!.credentials_sealed).not.toContain('PRIVATE-123');
    expect(await openCredentials(t.db, box, c.id)).toEqual({ publicKey: 'pub', privateKey: 'PRIVATE-123' });
  });

  it('allows one live connection per kind and one default', async () => {
    await expect(newConnection('connectwise')).rejects.toThrow();
    const halo = await newConnection('halopsa');
    const [cw] = await listConnections(t.db, null, partnerId);
    await setDefaultConnection(t.db, cw!);
    await setDefaultConnection(t.db, halo);
    const defaults = (await listConnections(t.db, null, partnerId)).filter((c) => c.isDefault);
    expect(defaults.map((c) => c.id)).toEqual([halo.id]);
  });

  it('tracks health: failing since the first failure, cleared by a success', async () => {
    const [c] = await listConnections(t.db, null, partnerId);
    await recordHealth(t.db, c!.id, { ok: false, error: 'ConnectWise refused the keys' });
    await recordHealth(t.db, c!.id, { ok: false, error: 'again' });
    const failing = (await listConnections(t.db, null, partnerId)).find((x) => x.id === c!.id)!;
    expect(failing.status).toBe('failing');
    expect(failing.lastError).toBe('again');
    expect(failing.failingSince).not.toBeNull();
    await recordHealth(t.db, c!.id, { ok: true });
    const ok = (await listConnections(t.db, null, partnerId)).find((x) => x.id === c!.id)!;
    expect([ok.status, ok.failingSince]).toEqual(['connected', null]);
  });

  it('revokes: credentials destroyed, row kept, and the kind can be connected again', async () => {
    const halo = (await listConnections(t.db, null, partnerId)).find((c) => c.kind === 'halopsa')!;
    await revokeConnection(t.db, halo.id);
    const kept = (await listConnections(t.db, null, partnerId)).find((c) => c.id === halo.id)!;
    expect(kept.status).toBe('revoked');
    await expect(openCredentials(t.db, box, halo.id)).rejects.toThrow();
    expect((await newConnection('halopsa')).id).not.toBe(halo.id);
  });
});

describe('connection budget and cache', () => {
  it('hands out the burst, then asks to wait; a pause holds everyone back', async () => {
    const [c] = await listConnections(t.db, null, partnerId);
    const policy = { perSecond: 1, burst: 3 };
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await takeToken(t.db, c!.id, policy));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(500);
    await pauseBudget(t.db, c!.id, 60_000);
    expect(await takeToken(t.db, c!.id, { perSecond: 1000, burst: 1000 })).toBeGreaterThan(59_000);
  });

  it('remembers sealed values until they expire', async () => {
    const [c] = await listConnections(t.db, null, partnerId);
    const cache = connectionCache(t.db, box, c!.id);
    await cache.set('token', 'bearer-SECRET', 60_000);
    await cache.set('old', 'x', -1);
    expect(await cache.get('token')).toBe('bearer-SECRET');
    expect(await cache.get('old')).toBeUndefined();
    const raw = await t.db.query<{ value_sealed: string }>('SELECT value_sealed FROM connection_cache');
    expect(JSON.stringify(raw)).not.toContain('bearer-SECRET');
  });
});
