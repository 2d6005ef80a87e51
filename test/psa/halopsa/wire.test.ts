// Halo's wire quirks and error bodies, converted at the connector's edge (no server needed).
import { describe, expect, it } from 'vitest';
import { apiError, haloMessage, modelStateFields, tokenError } from '../../../src/psa/halopsa/errors.ts';
import { domainOf, haloDate, haloId, haloOwnId } from '../../../src/psa/halopsa/wire.ts';
import type { HttpResponse } from '../../../src/psa/http.ts';

function res(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse<unknown> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(headers), body, text };
}

describe('wire', () => {
  it('turns ids into strings and the unset sentinels into null', () => {
    expect(haloId(21.0)).toBe('21');
    expect(haloId('35')).toBe('35');
    expect(haloId(-1)).toBeNull();
    expect(haloId(0)).toBeNull();
    expect(haloId(null)).toBeNull();
    expect(haloOwnId(-94)).toBe('-94');
  });

  it('reads zone-less datetimes as UTC and the null date as null', () => {
    expect(haloDate('2026-05-13T18:01:50.347')).toBe('2026-05-13T18:01:50.347Z');
    expect(haloDate('2026-05-13T18:01:50+02:00')).toBe('2026-05-13T16:01:50.000Z');
    expect(haloDate('1899-12-30T00:00:00')).toBeNull();
    expect(haloDate('0001-01-01T00:00:00')).toBeNull();
  });

  it('reduces websites to domains', () => {
    expect(domainOf('https://www.Acme.example/contact')).toBe('acme.example');
    expect(domainOf('info@acme.example')).toBe('acme.example');
    expect(domainOf('')).toBeNull();
  });
});

describe('errors', () => {
  it('reads every error shape Halo uses', () => {
    expect(haloMessage('CODE:APP03/2 Please select the CAB members to approve')).toMatch(/CAB/);
    expect(haloMessage({ resultCode: 1, errorMessage: 'bad' })).toBe('bad');
    expect(haloMessage({ ClassName: 'X', Message: 'boom' })).toBe('boom');
    expect(haloMessage({ error: 'invalid_client' })).toBe('invalid_client');
    expect(haloMessage('<html>oops</html>')).toBeNull();
    expect(modelStateFields({ '[0].summary': ['Required.'], id: ['Bad id'] })).toEqual({
      summary: 'Required.',
      id: 'Bad id',
    });
  });

  it('maps statuses to kinds with partner-friendly messages', () => {
    expect(apiError(res(401, ''), []).kind).toBe('auth');
    expect(apiError(res(403, ''), []).message).toMatch(
      /Configuration → Integrations → HaloPSA API → Permissions/,
    );
    const limited = apiError(res(429, 'Rate Limit Reached - 300 Requests per rolling 5 minute window'), []);
    expect(limited.kind).toBe('rate_limited');
    expect(limited.message).toMatch(/300 Requests per rolling 5 minute window/);
    expect(limited.details.retryAfterMs).toBe(30_000);
    expect(apiError(res(429, 'x', { 'retry-after': '7' }), []).details.retryAfterMs).toBe(7_000);
    expect(apiError(res(502, ''), []).kind).toBe('transient');
    expect(apiError(res(400, 'Client 99999 does not exist.'), []).message).toMatch(/Client 99999/);
  });

  it('maps token errors and removes secrets from what it keeps', () => {
    const e = tokenError(res(401, { error: 'invalid_client', echo: 'S3CRET-VALUE' }), ['S3CRET-VALUE']);
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/rejected the client id or secret/);
    expect(e.details.raw).not.toContain('S3CRET-VALUE');
    expect(tokenError(res(500, '<html>Server Error</html>'), []).message).toMatch(/Agent to log in as/);
    expect(tokenError(res(400, { error: 'invalid_scope' }), []).kind).toBe('permission');
  });
});
