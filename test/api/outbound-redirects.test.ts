// Outbound requests to PSAs: a site URL that redirects elsewhere is refused at connect time, and
// the other origin never receives a request (let alone the credentials); requests are refused on
// private and loopback addresses at the connection's own lookup, unless the operator allows them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PsaError } from '../../src/psa/errors.ts';
import { guardedFetch } from '../../src/psa/guarded-fetch.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let trap: Server;
let redirector: Server;
const caught: { url: string; headers: Record<string, unknown> }[] = [];
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
const listen = (s: Server) => new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  trap = createServer((req, res) => {
    caught.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await listen(trap);
  // Answers every request with a redirect to the same path on the trap.
  redirector = createServer((req, res) => res.writeHead(307, { location: `${urlOf(trap)}${req.url}` }).end());
  await listen(redirector);
});
afterAll(async () => {
  await new Promise((r) => trap?.close(r));
  await new Promise((r) => redirector?.close(r));
  await t?.stop();
});

describe('redirects', () => {
  it.each([
    [
      'autotask',
      { username: 'api@example.com', secret: 'S3cr3t-value', integrationCode: 'INTEGRATION-CODE-1' },
    ],
    [
      'connectwise',
      { companyId: 'acme', publicKey: 'pubkey123', privateKey: 'privkey-secret-1', clientId: 'client-id-1' },
    ],
  ])(
    'a %s site URL that redirects is refused, and the redirect target sees nothing',
    async (kind, credentials) => {
      const owner = await t.userClient(tree.partners.resA, 'owner');
      const res = await owner.post('/api/v1/connections', {
        partnerId: tree.partners.resA,
        kind,
        name: 'Redirected',
        siteUrl: urlOf(redirector),
        credentials,
      });
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toMatch(
        /redirect to http:\/\/127\.0\.0\.1:\d+.*use that address as the site URL/,
      );
      expect(caught).toEqual([]);
      expect(await t.hub.db.query("SELECT 1 FROM connections WHERE name = 'Redirected'")).toEqual([]);
    },
  );
});

describe('private addresses', () => {
  it('are refused on the connected address unless allowed', async () => {
    const strict = guardedFetch({ allowPrivate: false });
    for (const url of [`${urlOf(trap)}/x`, `http://localhost:${(trap.address() as AddressInfo).port}/x`]) {
      const err = await strict(url).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, url).toBeInstanceOf(PsaError);
      expect((err as PsaError).kind).toBe('validation');
      expect((err as PsaError).message).toMatch(
        /private or loopback address.*PSAHUB_ALLOW_PRIVATE_PSA_HOSTS=1/,
      );
    }
    expect(caught).toEqual([]);
    const open = await guardedFetch({ allowPrivate: true })(`${urlOf(trap)}/allowed`);
    expect(open.status).toBe(200);
    expect(caught.map((c) => c.url)).toEqual(['/allowed']);
  });
});
