import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/psa/backoff.ts';
import { classifyNetworkError, classifyStatus, parseRetryAfter } from '../../src/psa/classify-failure.ts';
import { checkPsaUrl, isPrivateAddress } from '../../src/psa/outbound-url.ts';
import { redactHeaders, redactText } from '../../src/psa/redact.ts';
import { PsaError } from '../../src/psa/errors.ts';
import { writeOnce } from '../../src/psa/write-once.ts';

describe('classifyStatus', () => {
  it.each([
    [429, { 'retry-after': '30' }, 'rate_limited', 30_000],
    [401, {}, 'auth', undefined],
    [403, {}, 'permission', undefined],
    [404, {}, 'not_found', undefined],
    [409, {}, 'conflict', undefined],
    [400, {}, 'validation', undefined],
    [422, {}, 'validation', undefined],
    [500, {}, 'transient', undefined],
    [503, { 'retry-after': '2' }, 'transient', 2_000],
    [408, {}, 'transient', undefined],
  ] as const)('%i → %s', (status, headers, kind, wait) => {
    const c = classifyStatus(status, new Headers(headers));
    expect(c.kind).toBe(kind);
    expect(c.retryAfterMs).toBe(wait);
    expect(c.reason.length).toBeGreaterThan(10);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('1.5')).toBe(1500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('treats network failures as transient with a reason', () => {
    expect(classifyNetworkError({ name: 'TimeoutError' }).reason).toContain('in time');
    expect(classifyNetworkError({ cause: { code: 'ECONNREFUSED' } }).reason).toContain('refused');
    expect(classifyNetworkError({ cause: { code: 'ENOTFOUND' } }).kind).toBe('transient');
  });
});

describe('backoff', () => {
  it('grows exponentially to the cap, with full jitter', () => {
    const policy = { attempts: 5, baseMs: 100, capMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n, () => 0.999))).toEqual([100, 200, 400, 799, 999]);
    expect(backoffMs(policy, 3, () => 0)).toBe(0);
  });
});

describe('redaction', () => {
  it('hides secret headers, secret-named fields and the connection secrets wherever they appear', () => {
    expect(redactHeaders({ Authorization: 'Basic abc', Secret: 's', accept: 'json' })).toEqual({
      Authorization: '[redacted]',
      Secret: '[redacted]',
      accept: 'json',
    });
    const text = redactText('{"client_secret":"hunter22","note":"key is MYKEY123 ok","name":"x"}', [
      'MYKEY123',
    ]);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('MYKEY123');
    expect(text).toContain('"name":"x"');
  });
});

describe('outbound URL check', () => {
  const resolveTo =
    (...addresses: string[]) =>
    async () =>
      addresses;

  it.each([
    ['10.1.2.3', true],
    ['127.0.0.1', true],
    ['169.254.169.254', true],
    ['192.168.1.1', true],
    ['172.20.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('accepts a public https URL and keeps only its origin', async () => {
    const r = await checkPsaUrl('https://na.myconnectwise.net/some/path?x=1', {
      allowPrivate: false,
      resolve: resolveTo('52.1.2.3'),
    });
    expect(r).toEqual({ ok: true, url: 'https://na.myconnectwise.net' });
    const bare = await checkPsaUrl('acme.halopsa.com', {
      allowPrivate: false,
      resolve: resolveTo('52.1.2.3'),
    });
    expect(bare).toEqual({ ok: true, url: 'https://acme.halopsa.com' });
  });

  it.each([
    ['http://psa.example.com', '52.1.2.3', 'must use https'],
    ['https://internal.example.com', '10.0.0.5', 'private or loopback'],
    ['https://localhost:8443', '127.0.0.1', 'private or loopback'],
    ['https://169.254.169.254', '', 'private or loopback'],
    ['https://user:pw@psa.example.com', '52.1.2.3', 'user name or password'],
    ['https://', '', 'is not a URL'],
  ])('refuses %s', async (input, address, reason) => {
    const r = await checkPsaUrl(input, {
      allowPrivate: false,
      resolve: resolveTo(...(address ? [address] : [])),
    });
    expect(r.ok).toBe(false);
    expect((r as { reason: string }).reason).toContain(reason);
  });

  it('lets tests reach a loopback simulator over http when private hosts are allowed', async () => {
    const r = await checkPsaUrl('http://127.0.0.1:4000', { allowPrivate: true, resolve: resolveTo() });
    expect(r).toEqual({ ok: true, url: 'http://127.0.0.1:4000' });
    const publicHttp = await checkPsaUrl('http://psa.example.com', {
      allowPrivate: true,
      resolve: resolveTo('52.1.2.3'),
    });
    expect(publicHttp.ok).toBe(false);
  });
});

describe('writeOnce', () => {
  const lost = () => new PsaError('transient', 'no answer');
  const answered = () => new PsaError('transient', 'failed on its side (503)', { status: 503 });

  it('answers what a second look finds after a silent failure, without writing again', async () => {
    const sleeps: number[] = [];
    let writes = 0;
    let looks = 0;
    const got = await writeOnce(
      async () => {
        writes++;
        throw lost();
      },
      async () => (++looks === 2 ? 'found' : undefined),
      { settleMs: 50, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(got).toBe('found');
    expect([writes, looks, sleeps]).toEqual([1, 2, [50]]);
  });

  it('skips the second look when the failure is known to be over', async () => {
    const sleeps: number[] = [];
    let writes = 0;
    let looks = 0;
    const got = await writeOnce(
      async () => {
        if (++writes === 1) throw answered();
        return 'written';
      },
      async () => void looks++,
      {
        settleMs: 50,
        sleep: async (ms) => void sleeps.push(ms),
        mayStillLand: (err) => err.details.status === undefined,
      },
    );
    expect(got).toBe('written');
    expect([writes, looks, sleeps]).toEqual([2, 1, []]);
  });

  it('never retries a refusal, and gives up after the attempts', async () => {
    let writes = 0;
    const refused = writeOnce(
      async () => {
        writes++;
        throw new PsaError('validation', 'no');
      },
      async () => undefined,
      { settleMs: 0 },
    );
    await expect(refused).rejects.toMatchObject({ kind: 'validation' });
    expect(writes).toBe(1);
    writes = 0;
    const down = writeOnce(
      async () => {
        writes++;
        throw lost();
      },
      async () => undefined,
      { settleMs: 0, attempts: 2 },
    );
    await expect(down).rejects.toMatchObject({ kind: 'transient' });
    expect(writes).toBe(2);
  });
});
