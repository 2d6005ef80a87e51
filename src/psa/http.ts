// The one way connectors talk HTTP: timeouts, a rate gate before every attempt, retries with jitter
// for transient failures only, Retry-After honoured, and every exchange recorded without secrets.
import { backoffMs, interactivePolicy, type BackoffPolicy } from './backoff.ts';
import { classifyNetworkError } from './classify-failure.ts';
import { PsaError } from './errors.ts';
import { openGate, type RateGate } from './rate-gate.ts';
import { redactHeaders, redactText } from './redact.ts';

/** One request and its answer (or failure), as kept for tests and the event log. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number | null;
  responseBody: string | null;
  durationMs: number;
  attempt: number;
  error: string | null;
}

/** A failed attempt at a PSA request, without secrets: the path only, and the reason in words. */
export interface FailedAttempt {
  method: string;
  path: string;
  attempt: number;
  kind: PsaError['kind'];
  status: number | null;
  reason: string;
  /** When it is tried again; null when this was the last attempt. */
  retryInMs: number | null;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface HttpOptions {
  /** Headers for every request (authentication); may be async (a token to fetch). */
  headers: () => Promise<Record<string, string>> | Record<string, string>;
  /** Secret values to scrub from anything recorded. */
  secrets: () => readonly string[];
  /** Turn a PSA error answer into a PsaError; the connector knows its error bodies. */
  toError(res: HttpResponse<unknown>): PsaError;
  timeoutMs?: number;
  policy?: BackoffPolicy;
  /** Longest Retry-After this call waits for itself; longer ones are thrown for the job to reschedule. */
  maxWaitMs?: number;
  gate?: RateGate;
  onExchange?: (exchange: Exchange) => void;
  /** Each failed attempt, with why and whether it is tried again (for the hub's log). */
  onFailedAttempt?: (failure: FailedAttempt) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** A form-encoded body instead of JSON. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /**
   * False for calls that must not be repeated blindly (creates): those are retried only when the
   * PSA surely did not act (429, connection refused). The caller repairs the rest (find by ref).
   */
  idempotent?: boolean;
}

const RECORD_LIMIT = 8_000;
const DEFAULT_TIMEOUT_MS = 30_000;
const clip = (s: string) => (s.length > RECORD_LIMIT ? `${s.slice(0, RECORD_LIMIT)}…[${s.length} chars]` : s);

export class HttpClient {
  readonly opts: HttpOptions;

  constructor(opts: HttpOptions) {
    this.opts = opts;
  }

  async request<T = unknown>(method: string, url: string, ro: RequestOptions = {}): Promise<HttpResponse<T>> {
    const policy = this.opts.policy ?? interactivePolicy;
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const target = withQuery(url, ro.query);
    for (let attempt = 1; ; attempt++) {
      let failure: PsaError;
      try {
        const res = await this.once<T>(method, target, ro, attempt);
        if (res.status >= 300 && res.status < 400) throw redirectError(res);
        if (res.status < 400) return res;
        failure = this.opts.toError(res as HttpResponse<unknown>);
      } catch (err) {
        if (err instanceof PsaError) throw err;
        const c = classifyNetworkError(err, {
          host: new URL(target).host,
          timeoutMs: this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        });
        failure = new PsaError(c.kind, `Could not reach the PSA: ${c.reason}`, {});
        const sentNothing = c.sentNothing === true;
        if (ro.idempotent === false && !sentNothing) throw this.failed(method, target, attempt, failure);
      }
      if (!failure.retryable || attempt >= policy.attempts)
        throw this.failed(method, target, attempt, failure);
      if (failure.kind === 'transient' && ro.idempotent === false)
        throw this.failed(method, target, attempt, failure);
      const hinted = failure.details.retryAfterMs;
      if (hinted !== undefined && hinted > (this.opts.maxWaitMs ?? 10_000))
        throw this.failed(method, target, attempt, failure);
      const waitMs = hinted ?? backoffMs(policy, attempt);
      this.failed(method, target, attempt, failure, waitMs);
      if (failure.kind === 'rate_limited' && hinted !== undefined)
        await (this.opts.gate ?? openGate).pause(hinted);
      await sleep(waitMs);
    }
  }

  /** Report a failed attempt (retried after `retryInMs`, or given up on); returns the failure. */
  private failed(method: string, url: string, attempt: number, failure: PsaError, retryInMs?: number) {
    const path = new URL(url).pathname; // no query: it may name a user
    this.opts.onFailedAttempt?.({
      method,
      path: redactText(path, this.opts.secrets()),
      attempt,
      kind: failure.kind,
      status: failure.details.status ?? null,
      reason: redactText(failure.message, this.opts.secrets()),
      retryInMs: retryInMs === undefined ? null : Math.round(retryInMs),
    });
    return failure;
  }

  private async once<T>(
    method: string,
    url: string,
    ro: RequestOptions,
    attempt: number,
  ): Promise<HttpResponse<T>> {
    await (this.opts.gate ?? openGate).acquire();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(await this.opts.headers()),
      ...ro.headers,
    };
    let body: string | undefined;
    if (ro.form) {
      body = new URLSearchParams(ro.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (ro.body !== undefined) {
      body = JSON.stringify(ro.body);
      headers['content-type'] ??= 'application/json';
    }
    const started = performance.now();
    const record = (status: number | null, text: string | null, error: string | null) => {
      const secrets = this.opts.secrets();
      this.opts.onExchange?.({
        method,
        url: redactText(url, secrets),
        requestHeaders: redactHeaders(headers),
        requestBody: body === undefined ? null : clip(redactText(body, secrets)),
        status,
        responseBody: text === null ? null : clip(redactText(text, secrets)),
        durationMs: Math.round(performance.now() - started),
        attempt,
        error,
      });
    };
    try {
      const res = await (this.opts.fetch ?? fetch)(url, {
        method,
        headers,
        body,
        // Never follow: the credentials in the headers would go wherever the redirect points.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      const text = await res.text();
      record(res.status, text, null);
      return { status: res.status, headers: res.headers, body: parseJson(text) as T, text };
    } catch (err) {
      record(null, null, String((err as Error).message ?? err));
      throw err;
    }
  }
}

/** A PSA answering with a redirect is refused, saying where it pointed (that is the URL to use). */
function redirectError(res: HttpResponse<unknown>): PsaError {
  const to = res.headers.get('location');
  return new PsaError(
    'validation',
    to
      ? `The PSA answered with a redirect to ${to}: the hub does not follow redirects; use that address as the site URL`
      : `The PSA answered with a redirect (${res.status}): the hub does not follow redirects; check the site URL`,
    { status: res.status },
  );
}

function withQuery(url: string, query: RequestOptions['query']): string {
  if (!query) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
