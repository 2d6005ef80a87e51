// The first, PSA-independent reading of a failed exchange: status and headers to a kind and a wait.
// Each connector refines it with what its error bodies say (src/psa/<kind>/errors.ts).
import type { PsaErrorKind } from './errors.ts';

export interface Classified {
  kind: PsaErrorKind;
  retryAfterMs: number | undefined;
  reason: string;
  /** A network failure before any byte of the request left (no connection, no TLS): safe to repeat. */
  sentNothing?: boolean;
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

/** The codes of a failed fetch: undici's TypeError carries the socket's error as `cause`, which may
 * itself be an AggregateError of one error per address tried. */
function codesOf(err: unknown): { codes: string[]; detail: string | undefined } {
  const codes: string[] = [];
  let detail: string | undefined;
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 4) return;
    const x = e as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof x.code === 'string') codes.push(x.code);
    if (typeof x.name === 'string' && /Timeout/.test(x.name)) codes.push(x.name);
    if (depth > 0 && typeof x.message === 'string' && x.message && !detail) detail = x.message;
    visit(x.cause, depth + 1);
    if (Array.isArray(x.errors)) for (const inner of x.errors) visit(inner, depth + 1);
  };
  visit(err, 0);
  return { codes, detail };
}

const certWords: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed, not issued by a trusted authority',
  SELF_SIGNED_CERT_IN_CHAIN:
    'its certificate chain ends in a self-signed certificate no authority vouches for',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its certificate cannot be verified (an incomplete chain or an unknown authority)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is issued by an authority the hub does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate is issued by an authority the hub does not trust',
  CERT_REVOKED: 'its certificate has been revoked',
};

const waitedWords = (ms: number) => (ms < 1_500 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`);

export interface NetworkContext {
  /** host[:port] the request went to, for the words. */
  host?: string;
  /** The timeout that ran out, for the words. */
  timeoutMs?: number;
}

/**
 * Network-level failures (no HTTP answer at all), in words a partner can act on: which of refused,
 * unknown name, TLS spoken to a plain-HTTP server, an untrusted certificate or a timeout it was.
 * All are worth another try later (a PSA comes back, a certificate gets renewed).
 */
export function classifyNetworkError(err: unknown, ctx: NetworkContext = {}): Classified {
  const { codes, detail } = codesOf(err);
  const has = (...wanted: string[]) => codes.some((c) => wanted.includes(c));
  const at = ctx.host ?? 'the PSA';
  const transient = (reason: string, sentNothing = false): Classified => ({
    kind: 'transient',
    retryAfterMs: undefined,
    reason,
    sentNothing,
  });
  if (
    has(
      'TimeoutError',
      'AbortError',
      'ETIMEDOUT',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
    )
  )
    return transient(
      `${at} did not answer in time${ctx.timeoutMs ? ` (waited ${waitedWords(ctx.timeoutMs)})` : ''}`,
    );
  if (has('ENOTFOUND'))
    return transient(`the host name of ${at} is unknown (DNS has no such name): check the site URL`, true);
  if (has('EAI_AGAIN'))
    return transient(`the host name of ${at} could not be looked up (DNS did not answer)`, true);
  if (has('ECONNREFUSED'))
    return transient(`${at} refused the connection: nothing listens on that address and port`, true);
  if (
    has('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST') ||
    (has('EPROTO') && /wrong version number|packet length too long|http request/i.test(detail ?? ''))
  )
    return transient(
      `${at} does not speak TLS (https) on that port: it looks like a plain-HTTP server; check the URL's scheme and port`,
      true,
    );
  const cert = codes.find((c) => certWords[c]);
  if (cert) return transient(`the certificate of ${at} is not trusted: ${certWords[cert]}`, true);
  if (codes.some((c) => c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL')))
    return transient(`the secure (TLS) connection to ${at} failed${detail ? `: ${detail}` : ''}`);
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'))
    return transient(`${at} closed the connection without answering`);
  if (has('EHOSTUNREACH', 'ENETUNREACH')) return transient(`there is no network route to ${at}`, true);
  return transient(`the connection to ${at} failed${detail ? `: ${detail}` : ''}`);
}
