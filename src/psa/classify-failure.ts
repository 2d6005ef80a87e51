// The first, PSA-independent reading of a failed exchange: status and headers to a kind and a wait.
// Each connector refines it with what its error bodies say (src/psa/<kind>/errors.ts).
import type { PsaErrorKind } from './errors.ts';

export interface Classified {
  kind: PsaErrorKind;
  retryAfterMs: number | undefined;
  reason: string;
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function classifyStatus(status: number, headers: Headers): Classified {
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  if (status === 429)
    return { kind: 'rate_limited', retryAfterMs, reason: 'the PSA asked us to slow down (429)' };
  if (status === 401)
    return { kind: 'auth', retryAfterMs: undefined, reason: 'the PSA refused the credentials (401)' };
  if (status === 403)
    return { kind: 'permission', retryAfterMs: undefined, reason: 'the API user lacks a permission (403)' };
  if (status === 404)
    return { kind: 'not_found', retryAfterMs: undefined, reason: 'the record does not exist (404)' };
  if (status === 409)
    return { kind: 'conflict', retryAfterMs: undefined, reason: 'the PSA reports a conflict (409)' };
  if (status === 408 || status >= 500) {
    return { kind: 'transient', retryAfterMs, reason: `the PSA failed on its side (${status})` };
  }
  return { kind: 'validation', retryAfterMs: undefined, reason: `the PSA refused the request (${status})` };
}

/** Network-level failures (no HTTP answer at all) are always worth another try. */
export function classifyNetworkError(err: unknown): Classified {
  const e = err as { name?: string; cause?: { code?: string }; code?: string };
  const code = e.cause?.code ?? e.code;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return { kind: 'transient', retryAfterMs: undefined, reason: 'the PSA did not answer in time' };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'transient', retryAfterMs: undefined, reason: 'the PSA host name does not resolve' };
  }
  if (code === 'ECONNREFUSED')
    return { kind: 'transient', retryAfterMs: undefined, reason: 'the PSA refused the connection' };
  if (
    code?.startsWith('ERR_TLS') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN'
  ) {
    return { kind: 'transient', retryAfterMs: undefined, reason: 'the PSA certificate is not trusted' };
  }
  return {
    kind: 'transient',
    retryAfterMs: undefined,
    reason: `the connection to the PSA failed (${code ?? e.name ?? 'network'})`,
  };
}
