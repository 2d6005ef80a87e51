// Requests at the edges of HTTP rather than of a route's schema — a path parameter longer than the
// router takes, a method the path does not have, numbers JSON can write but JavaScript cannot hold,
// a charset the hub does not read, an empty JSON body, a body on a GET, headers over Node's limit.
// Each answers a 4xx in the hub's one error shape, never Fastify's or Node's own.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let partnerId: string;
let connectionId: string;
beforeAll(async () => {
  t = await startTestHub();
  const tree = await seedTree(t.source);
  partnerId = tree.partners.resA;
  // Validation comes before the handler looks the connection up: any id will do.
  connectionId = randomUUID();
});
afterAll(async () => t?.stop());

function expectErrorShape(res: Answer, status: number, code?: string) {
  expect(res.status, res.text).toBe(status);
  const error = (res.body as { error: { code: string; message: string; details: unknown[] } }).error;
  expect(error, res.text).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  expect(Array.isArray(error.details), res.text).toBe(true);
  if (code) expect(error.code).toBe(code);
}

/** A request fetch would not send (a body on a GET, any header): straight over node:http. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${t.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode!, headers: h, body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const operatorHeaders = () => ({ cookie: t.operator.cookie!, 'x-csrf-token': t.operator.csrf! });

describe('the URL', () => {
  it('a 300-character path parameter is refused in the error shape', async () => {
    expectErrorShape(await t.operator.get(`/api/v1/partners/${'a'.repeat(300)}`), 400, 'invalid_request');
    const put = await t.source.put(`/api/v1/source/plans/${'p'.repeat(300)}`, { name: 'P', unit: 'seat' });
    expectErrorShape(put, 400, 'invalid_request');
  });

  it('a broken %-escape in the path is refused in the error shape', async () => {
    expectErrorShape(await t.operator.get('/api/v1/partners/%E0%A4%A'), 400, 'invalid_request');
  });

  it('a method the path does not have is a 405 naming the allowed ones', async () => {
    const res = await t.operator.request('PATCH', '/api/v1/me', {});
    expectErrorShape(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const withId = await t.operator.request('POST', `/api/v1/partners/${partnerId}`, {});
    expectErrorShape(withId, 405, 'method_not_allowed');
    expect(withId.headers.get('allow')).toBe('GET, HEAD, PUT');
    // A path no route has is still a 404.
    expectErrorShape(await t.operator.request('PATCH', '/api/v1/nothing-here', {}), 404, 'not_found');
  });

  it('headers (or a query string) past Node’s limit get the error shape, not Node’s own', async () => {
    const res = await raw('GET', `/api/v1/partners?q=${'a'.repeat(20_000)}`, {});
    expectErrorShape(res, 431, 'headers_too_large');
  });
});

describe('numbers JavaScript cannot hold', () => {
  const url = () => `/api/v1/connections/${connectionId}/mapping-settings`;
  const body = (n: string) =>
    `{"catchAllCompanyId":null,"autoLinkExact":false,"createMissingBillingTargets":false,"maxTicketsPerCompanyHour":${n}}`;

  it.each(['1e400', '-1e400', '9007199254740993', '-0', '1.5', '1e3000'])(
    '%s in an integer field is refused, or within range',
    async (n) => {
      const res = await t.operator.request('PUT', url(), body(n), { 'content-type': 'application/json' });
      expectErrorShape(res, 400, 'invalid_request');
    },
  );

  it.each(['1e400', '9007199254740993', '-0'])('%s as an integer query parameter', async (n) => {
    expectErrorShape(await t.operator.get(`/api/v1/partners?limit=${n}`), 400, 'invalid_request');
  });
});

describe('the body', () => {
  it('a charset other than UTF-8 is refused', async () => {
    const res = await t.operator.request('POST', '/api/v1/me/tokens', '{"name":"x"}', {
      'content-type': 'application/json; charset=utf-16',
    });
    expectErrorShape(res, 415, 'unsupported_media_type');
    const utf8 = await t.operator.request('POST', '/api/v1/me/tokens', '{"name":"x"}', {
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(utf8.status, utf8.text).toBe(201);
  });

  it('an empty body with a JSON content type is refused', async () => {
    for (const method of ['POST', 'PUT']) {
      const url = method === 'POST' ? '/api/v1/me/tokens' : `/api/v1/partners/${partnerId}`;
      const res = await raw(method, url, { ...operatorHeaders(), 'content-type': 'application/json' }, '');
      expectErrorShape(res, 400, 'invalid_json');
    }
  });

  it('a body on a GET is refused', async () => {
    const res = await raw(
      'GET',
      '/api/v1/me',
      { ...operatorHeaders(), 'content-type': 'application/json' },
      '{"x":1}',
    );
    expectErrorShape(res, 400, 'invalid_request');
    // With a length, and chunked (which Node used to refuse in its own shape).
    const framings: Record<string, string>[] = [
      { 'content-length': '5' },
      { 'transfer-encoding': 'chunked' },
    ];
    for (const framing of framings) {
      const plain = await raw('GET', '/api/v1/me', { cookie: t.operator.cookie!, ...framing }, 'hello');
      expectErrorShape(plain, 400, 'invalid_request');
    }
    // Without one it answers as always.
    expect((await t.operator.get('/api/v1/me')).status).toBe(200);
  });
});
