// A PSA the hub cannot reach is named by its cause, in words a partner can act on — refused, TLS
// spoken to a plain-HTTP server, a self-signed or expired certificate — when connecting and in the
// event log's failed deliveries; a PSA that asks to wait says how long; a site URL with a scheme
// other than https is refused before anything is looked up or sent.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
const servers: net.Server[] = [];

const listening = async <S extends net.Server>(server: S): Promise<number> => {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
};

async function tlsServer(opts: { notBeforeDate?: Date; notAfterDate?: Date } = {}) {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], opts);
  return listening(https.createServer({ key: pems.private, cert: pems.cert }, (_q, r) => r.end('{}')));
}

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
});
afterAll(async () => {
  for (const s of servers) s.close();
  await t?.stop();
});

const connect = (siteUrl: string) =>
  admin.post('/api/v1/connections', {
    partnerId: tree.partners.resA,
    kind: 'halopsa',
    name: 'Halo',
    siteUrl,
    credentials: { clientId: 'id', clientSecret: 'secret', tenant: 'acme' },
  });

describe('connecting to a PSA that cannot be reached', () => {
  it('says the connection was refused', async () => {
    const closed = net.createServer();
    const port = await listening(closed);
    await new Promise((r) => closed.close(r));
    const res = await connect(`http://127.0.0.1:${port}`);
    expect(res.status, res.text).toBe(502);
    expect(res.body.error.message).toBe(
      `Could not reach the PSA: 127.0.0.1:${port} refused the connection: nothing listens on that address and port`,
    );
  });

  it('says the server speaks plain HTTP where https was asked for', async () => {
    const port = await listening(http.createServer((_q, r) => r.end('{}')));
    const res = await connect(`https://127.0.0.1:${port}`);
    expect(res.status, res.text).toBe(502);
    expect(res.body.error.message).toContain(`127.0.0.1:${port} does not speak TLS (https) on that port`);
    expect(res.body.error.message).toContain('plain-HTTP server');
  });

  it('says the certificate is self-signed', async () => {
    const port = await tlsServer();
    const res = await connect(`https://127.0.0.1:${port}`);
    expect(res.status, res.text).toBe(502);
    expect(res.body.error.message).toBe(
      `Could not reach the PSA: the certificate of 127.0.0.1:${port} is not trusted: its certificate is self-signed, not issued by a trusted authority`,
    );
  });

  it('says the certificate has expired', async () => {
    const day = 86_400_000;
    const port = await tlsServer({
      notBeforeDate: new Date(Date.now() - 400 * day),
      notAfterDate: new Date(Date.now() - 30 * day),
    });
    const res = await connect(`https://127.0.0.1:${port}`);
    expect(res.status, res.text).toBe(502);
    // Self-signed and expired: OpenSSL names the first problem it meets; either way it is the certificate.
    expect(res.body.error.message).toMatch(
      new RegExp(
        `the certificate of 127\\.0\\.0\\.1:${port} is not trusted: its certificate (has expired|is self-signed)`,
      ),
    );
  });

  it('says the host name is unknown', async () => {
    // .invalid never resolves (RFC 6761).
    const res = await connect('https://psa.no-such-name.invalid');
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toMatch(
      /^body\/siteUrl: the host name psa\.no-such-name\.invalid is unknown/,
    );
  });

  it('refuses a scheme other than https (or http to a simulator) before trying anything', async () => {
    const res = await connect('ftp://127.0.0.1:21');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('body/siteUrl: the URL must use https, not ftp');
  });

  it('says how long to wait when the PSA asks to slow down', async () => {
    const sim = await startSimulator('halopsa', { port: 0 });
    try {
      await fetch(`${sim.url}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: 'auth/token', status: 429, headers: { 'retry-after': '120' } }),
      });
      const res = await connect(sim.url);
      expect(res.status, res.text).toBe(502);
      expect(res.headers.get('retry-after')).toBe('120');
      expect(res.body.error.message).toMatch(/rate limit was reached; try again in 2 minutes$/);
    } finally {
      await sim.stop();
    }
  });
});

describe('without private hosts allowed', () => {
  let strict: TestHub;
  beforeAll(async () => {
    strict = await startTestHub({ allowPrivatePsaHosts: false });
  });
  afterAll(async () => strict?.stop());

  it('refuses plain http at the edge, whatever the name resolves to', async () => {
    const partner = await strict.source.put('/api/v1/source/partners/edge-p', {
      name: 'Edge partner',
      kind: 'direct_reseller',
    });
    const res = await strict.operator.post('/api/v1/connections', {
      partnerId: partner.body.id,
      kind: 'halopsa',
      name: 'Halo',
      siteUrl: 'http://psa.example.com',
      credentials: { clientId: 'id', clientSecret: 'secret', tenant: 'acme' },
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toBe('body/siteUrl: the URL must use https, not http');
  });
});

describe('a delivery to a PSA that went away', () => {
  let sim: RunningSimulator;
  afterAll(async () => sim?.stop().catch(() => {}));

  it('records the cause in the event log and the connection check', async () => {
    sim = await startSimulator('halopsa', { port: 0 });
    const conn = await admin.post('/api/v1/connections', {
      partnerId: tree.partners.resA,
      kind: 'halopsa',
      name: 'Halo (goes away)',
      siteUrl: sim.url,
      credentials: sim.credentials,
    });
    expect(conn.status, conn.text).toBe(201);
    const connectionId = conn.body.connection.id as string;
    await ticketSettingsFromPickLists(admin, 'halopsa', connectionId);
    const org = await t.source.put(`/api/v1/source/organizations/${tree.ext('gone')}`, {
      name: `Gone ${tree.tag}`,
      partnerExternalId: tree.ext('resA'),
    });
    const linked = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
      connectionId,
      companyId: '174',
    });
    expect(linked.status, linked.text).toBe(200);
    const host = new URL(sim.url).host;
    await sim.stop();
    const sent = await t.source.post('/api/v1/source/events', {
      events: [
        {
          id: `gone-${tree.tag}`,
          organizationId: tree.ext('gone'),
          condition: 'backup.email',
          status: 'failing',
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    expect(sent.status, sent.text).toBe(202);
    const failed = await until(
      'a failed delivery',
      async () =>
        (await admin.get(`/api/v1/deliveries?organizationId=${org.body.id}&outcome=failed`)).body.items as {
          answer: string | null;
        }[],
      (items) => items.length > 0,
    );
    expect(failed[0]!.answer).toContain(
      `${host} refused the connection: nothing listens on that address and port`,
    );
    // Checking the connection now says the same, and so does its health.
    const check = await admin.post(`/api/v1/connections/${connectionId}/check`);
    expect(check.status, check.text).toBe(502);
    expect(check.body.error.message).toContain(`${host} refused the connection`);
  });
});
