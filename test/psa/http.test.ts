// The transport against a real local HTTP server written here (not a simulator): what is retried,
// what is not, Retry-After, timeouts, and what is recorded.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyStatus } from '../../src/psa/classify-failure.ts';
import { PsaError } from '../../src/psa/errors.ts';
import { HttpClient, type Exchange, type FailedAttempt, type HttpResponse } from '../../src/psa/http.ts';
import { memoryTokenBucket } from '../../src/psa/rate-gate.ts';

type Script = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }[];
let script: Script = [];
let hits = 0;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits += 1;
    req.resume();
    const step = script.shift() ?? { status: 200, body: { ok: true } };
    setTimeout(() => {
      res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
      res.end(JSON.stringify(step.body ?? {}));
    }, step.delayMs ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function client(extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  const exchanges: Exchange[] = [];
  const waits: number[] = [];
  const c = new HttpClient({
    headers: () => ({ authorization: 'Basic c2VjcmV0', clientid: 'abc' }),
    secrets: () => ['TOPSECRET'],
    toError: (res: HttpResponse<unknown>) => {
      const k = classifyStatus(res.status, res.headers);
      return new PsaError(k.kind, k.reason, {
        status: res.status,
        ...(k.retryAfterMs !== undefined ? { retryAfterMs: k.retryAfterMs } : {}),
      });
    },
    policy: { attempts: 4, baseMs: 1, capMs: 5 },
    onExchange: (e) => exchanges.push(e),
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
  return { c, exchanges, waits };
}

describe('HttpClient', () => {
  it('retries 5xx and succeeds', async () => {
    script = [{ status: 503 }, { status: 502 }, { status: 200, body: { id: 7 } }];
    hits = 0;
    const { c } = client();
    const res = await c.request<{ id: number }>('GET', `${base}/x`);
    expect(res.body.id).toBe(7);
    expect(hits).toBe(3);
  });

  it('reports each failed attempt with its reason and the wait, without the query or a secret', async () => {
    script = [{ status: 503 }, { status: 429, headers: { 'retry-after': '2' } }, { status: 400 }];
    const failures: FailedAttempt[] = [];
    const { c } = client({ onFailedAttempt: (f) => failures.push(f) });
    await expect(c.request('POST', `${base}/tickets/TOPSECRET?user=someone`)).rejects.toThrow(PsaError);
    expect(
      failures.map(({ attempt, kind, status, retryInMs }) => ({ attempt, kind, status, retryInMs })),
    ).toEqual([
      { attempt: 1, kind: 'transient', status: 503, retryInMs: expect.any(Number) },
      { attempt: 2, kind: 'rate_limited', status: 429, retryInMs: 2000 },
      { attempt: 3, kind: 'validation', status: 400, retryInMs: null },
    ]);
    for (const f of failures) {
      expect(f).toMatchObject({ method: 'POST', reason: expect.stringMatching(/\w/) });
      expect(JSON.stringify(f)).not.toMatch(/TOPSECRET|someone/);
    }
  });

  it('waits what Retry-After says on 429', async () => {
    script = [{ status: 429, headers: { 'retry-after': '2' } }, { status: 200 }];
    const { c, waits } = client();
    await c.request('GET', `${base}/x`);
    expect(waits).toEqual([2000]);
  });

  it('gives a long Retry-After back to the caller instead of sleeping', async () => {
    script = [{ status: 429, headers: { 'retry-after': '600' } }];
    const { c } = client();
    const err = await c.request('GET', `${base}/x`).catch((e: PsaError) => e);
    expect(err).toBeInstanceOf(PsaError);
    expect((err as PsaError).kind).toBe('rate_limited');
    expect((err as PsaError).details.retryAfterMs).toBe(600_000);
  });

  it('never retries other 4xx', async () => {
    script = [{ status: 400 }, { status: 200 }];
    hits = 0;
    const err = await client()
      .c.request('POST', `${base}/x`, { body: {} })
      .catch((e: PsaError) => e);
    expect((err as PsaError).kind).toBe('validation');
    expect(hits).toBe(1);
    script = [];
  });

  it('does not repeat a create after a 5xx (the caller looks it up), but does after a 429', async () => {
    script = [{ status: 500 }, { status: 200 }];
    hits = 0;
    const err = await client()
      .c.request('POST', `${base}/x`, { body: {}, idempotent: false })
      .catch((e: PsaError) => e);
    expect((err as PsaError).kind).toBe('transient');
    expect(hits).toBe(1);
    script = [
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 201, body: { id: 1 } },
    ];
    hits = 0;
    expect((await client().c.request('POST', `${base}/x`, { body: {}, idempotent: false })).status).toBe(201);
    expect(hits).toBe(2);
  });

  it('times out and retries', async () => {
    script = [
      { status: 200, delayMs: 300 },
      { status: 200, body: { fast: true } },
    ];
    const { c, exchanges } = client({ timeoutMs: 100 });
    const res = await c.request<{ fast: boolean }>('GET', `${base}/slow`);
    expect(res.body.fast).toBe(true);
    expect(exchanges[0]!.status).toBeNull();
    expect(exchanges[0]!.error).toMatch(/abort|timeout/i);
  });

  it('records exchanges without secrets', async () => {
    script = [{ status: 200, body: { echo: 'TOPSECRET' } }];
    const { c, exchanges } = client();
    await c.request('POST', `${base}/x`, {
      body: { privateKey: 'pk-1', note: 'TOPSECRET' },
      query: { a: 1 },
    });
    const e = exchanges[0]!;
    expect(e.url).toBe(`${base}/x?a=1`);
    expect(JSON.stringify(e)).not.toContain('TOPSECRET');
    expect(JSON.stringify(e)).not.toContain('pk-1');
    expect(JSON.stringify(e)).not.toContain('c2VjcmV0');
    expect(e.requestHeaders.clientid).toBe('abc');
  });

  it('passes every attempt through the rate gate', async () => {
    script = [];
    const gate = memoryTokenBucket(20, 2);
    const { c } = client({ gate });
    const started = Date.now();
    for (let i = 0; i < 5; i++) await c.request('GET', `${base}/x`);
    // 2 from the burst, then 3 more at 20/s: at least ~150 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
  });
});
