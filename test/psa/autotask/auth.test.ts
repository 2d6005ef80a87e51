// Credentials, zone discovery and permissions over real HTTP against the Autotask simulator, and a
// sweep of everything recorded for the secret and the integration code.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PsaError } from '../../../src/psa/errors.ts';
import { placement, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => rig.reset());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PsaError,
  );

describe('Autotask credentials', () => {
  it('names an unknown username', async () => {
    const err = await failure(
      rig.client({ credentials: { ...rig.sim.credentials, username: 'nobody@example.com' } }).identify(),
    );
    expect(err).toBeInstanceOf(PsaError);
    expect(err?.kind).toBe('auth');
    expect(err?.message).toMatch(/does not know the API user "nobody@example.com".*username/);
  });

  it('names a wrong secret', async () => {
    const err = await failure(
      rig.client({ credentials: { ...rig.sim.credentials, secret: 'wrong-secret-123' } }).identify(),
    );
    expect(err?.kind).toBe('auth');
    expect(err?.message).toMatch(/secret/);
    expect(err?.details.status).toBe(401);
  });

  it('names a wrong integration code', async () => {
    const err = await failure(
      rig.client({ credentials: { ...rig.sim.credentials, integrationCode: 'NOTTHECODE0000' } }).identify(),
    );
    expect(err?.kind).toBe('auth');
    expect(err?.message).toBe(
      'Autotask rejected the integration code: check it was generated for this API user',
    );
  });

  it('asks for missing credentials without calling Autotask', async () => {
    const err = await failure(rig.client({ credentials: { username: 'a@b.c', secret: '' } }).identify());
    expect(err?.kind).toBe('auth');
    expect(err?.details.fields).toEqual({ secret: 'required', integrationCode: 'required' });
    expect(rig.exchanges).toHaveLength(0);
  });

  it('reports a secret that stopped working (expired) as auth', async () => {
    const c = rig.client();
    await c.identify();
    await rig.control('expire-credentials', {});
    const err = await failure(c.getCompany('174'));
    expect(err?.kind).toBe('auth');
    await rig.control('expire-credentials', { restore: true });
    expect(await c.getCompany('174')).toMatchObject({ id: '174' });
  });
});

describe('Autotask zone discovery', () => {
  it('looks the zone up once for many requests and clients, without credentials', async () => {
    const a = rig.client();
    await a.identify();
    await Promise.all([a.getCompany('174'), a.searchCompanies({ name: 'smith' }), a.pickLists()]);
    await rig.client().getCompany('174'); // a second client of the same connection (shared cache)
    expect(rig.count(/zoneInformation/i)).toBe(1);
    const zone = rig.exchanges.find((e) => /zoneInformation/i.test(e.url));
    expect(Object.keys(zone?.requestHeaders ?? {}).map((k) => k.toLowerCase())).not.toContain('secret');
    expect(zone?.url).toContain('user=psahub.api%40simulated-msp.example');
  });

  it('looks the zone up again when the cached zone refuses the credentials (tenant moved)', async () => {
    // An old zone that no longer knows the user: it answers 401 to everything.
    const old = http.createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"Message":"Authorization has been denied for this request."}');
    });
    await new Promise<void>((r) => old.listen(0, '127.0.0.1', r));
    const { port } = old.address() as AddressInfo;
    const username = (rig.sim.credentials as Record<string, string>).username!;
    await rig.cache.set(
      `autotask:zone:${username.toLowerCase()}`,
      JSON.stringify({
        zoneName: 'Old',
        url: `http://127.0.0.1:${port}/atservicesrest/`,
        webUrl: null,
        ci: 1,
      }),
      60_000,
    );
    try {
      const c = rig.client();
      expect(await c.getCompany('174')).toMatchObject({ id: '174' });
      expect(rig.count(/zoneInformation/i)).toBe(1);
      expect(rig.exchanges.filter((e) => e.url.includes(`:${port}/`)).length).toBeGreaterThan(0);
      expect(JSON.parse((await rig.cache.get(`autotask:zone:${username.toLowerCase()}`))!).url).toContain(
        rig.sim.url,
      );
    } finally {
      await new Promise<void>((r) => old.close(() => r()));
    }
  });
});

describe('Autotask permissions', () => {
  it('reports every permission ok for the full API user', async () => {
    const checks = await rig.client().checkPermissions();
    expect(checks.length).toBeGreaterThanOrEqual(10);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('reports removed ones as missing with how to fix them', async () => {
    await rig.control('permissions', {
      remove: ['TicketNotes:create', 'ContractServiceUnits', 'Companies:query'],
    });
    const checks = await rig.client().checkPermissions();
    const missing = checks.filter((c) => !c.ok).map((c) => c.permission);
    expect(missing.sort()).toEqual(['companies.read', 'contract_service_units.read', 'ticket_notes.create']);
    const fix = checks.find((c) => c.permission === 'ticket_notes.create')?.fix;
    expect(fix).toMatch(/Security Levels/);
    expect(fix).toMatch(/TicketNotes/);
  });

  it('fails a call without the permission as permission, naming it', async () => {
    await rig.control('permissions', { remove: ['Tickets:create'] });
    const err = await failure(
      rig.client().createTicket({
        companyId: '174',
        title: 't',
        description: 'd',
        externalRef: 'hub-perm-1',
        placement,
      }),
    );
    expect(err?.kind).toBe('permission');
    expect(err?.details.permission).toBe('Tickets.create');
    expect(err?.message).toMatch(/security level/);
  });
});

describe('Autotask secrets', () => {
  it('never records the secret or the integration code', async () => {
    const { secret, integrationCode } = rig.sim.credentials as Record<string, string>;
    const errors: unknown[] = [];
    const c = rig.client();
    await c.identify();
    await c.searchCompanies({ name: 'smith' });
    const t = await c.createTicket({
      companyId: '174',
      title: 't',
      description: `d ${secret}`,
      externalRef: 'hub-secret-1',
      placement,
    });
    await c.addNote(t.id, { text: `note ${integrationCode}`, internal: true });
    await rig.control('permissions', { remove: ['Contracts'] });
    errors.push(await failure(c.billingTargets('174')));
    errors.push(
      await failure(
        rig
          .client({ credentials: { ...rig.sim.credentials, integrationCode: `${integrationCode}X` } })
          .identify(),
      ),
    );
    errors.push(
      await failure(rig.client({ credentials: { ...rig.sim.credentials, secret: `${secret}X` } }).identify()),
    );
    errors.push(
      await failure(
        c.createTicket({
          companyId: '174',
          title: secret!,
          description: 'd',
          externalRef: 'hub-secret-2',
          placement: { ...placement, statusId: '99' },
        }),
      ),
    );
    const dump =
      JSON.stringify(rig.exchanges) + JSON.stringify(errors.map((e) => ({ e, m: (e as Error)?.message })));
    expect(errors.every((e) => e instanceof PsaError)).toBe(true);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(integrationCode);
    expect(dump).toContain('[redacted]');
  });
});
