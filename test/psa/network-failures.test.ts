// The words for failures that no HTTP answer explains, read from real sockets: a host name DNS does
// not know, and a server that accepts the connection but never answers.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { PsaError } from '../../src/psa/errors.ts';
import { guardedFetch } from '../../src/psa/guarded-fetch.ts';
import { HttpClient } from '../../src/psa/http.ts';

const servers: net.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

const client = (timeoutMs = 30_000) =>
  new HttpClient({
    headers: () => ({}),
    secrets: () => [],
    toError: () => new PsaError('validation', 'unexpected answer'),
    timeoutMs,
    policy: { attempts: 1, baseMs: 1, capMs: 1 },
    fetch: guardedFetch({ allowPrivate: true }),
  });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err as PsaError,
  );

describe('network failures in words', () => {
  it('names a host name DNS does not know', async () => {
    // .invalid never resolves (RFC 6761).
    const err = await failure(client().request('GET', 'https://psa.no-such-name.invalid/api'));
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(
      /^Could not reach the PSA: the host name of psa\.no-such-name\.invalid is unknown|could not be looked up/,
    );
  });

  it('says how long it waited for a server that never answers', async () => {
    const silent = net.createServer(() => {});
    servers.push(silent);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as net.AddressInfo;
    const err = await failure(client(1_000).request('GET', `http://127.0.0.1:${port}/api`));
    expect(err.kind).toBe('transient');
    expect(err.message).toBe(
      `Could not reach the PSA: 127.0.0.1:${port} did not answer in time (waited 1000 ms)`,
    );
  });
});
