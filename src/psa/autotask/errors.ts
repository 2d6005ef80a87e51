// Autotask's error answers as PsaErrors with messages a partner can act on (reference §1.4, §5).
// Business and validation failures come as HTTP 500 `{"errors":["…"]}` (strings); framework errors
// (404, 405) as `{"Message":"…"}`; some answers are not JSON at all.
import { classifyStatus, parseRetryAfter } from '../classify-failure.ts';
import { PsaError } from '../errors.ts';
import type { HttpResponse } from '../http.ts';
import { redactText } from '../redact.ts';

/** Autotask's messages from any of its error bodies. */
export function messagesOf(body: unknown): string[] {
  if (typeof body === 'string') return body.trim() ? [body.trim().slice(0, 500)] : [];
  if (!body || typeof body !== 'object') return [];
  const b = body as { errors?: unknown; Message?: unknown; message?: unknown };
  if (Array.isArray(b.errors))
    return b.errors.map((e) =>
      typeof e === 'string' ? e : str((e as { message?: unknown } | null)?.message ?? JSON.stringify(e)),
    );
  const m = b.Message ?? b.message;
  return typeof m === 'string' ? [m] : [];
}

const str = (v: unknown) => (typeof v === 'string' ? v : String(v));

/** How long to wait after a thread-limit refusal (the limit frees as soon as a call ends). */
export const THREAD_LIMIT_WAIT_MS = 1_000;
/** How long to wait after the tenant's hourly threshold refused a call, when Autotask gives no hint. */
export const THRESHOLD_WAIT_MS = 5 * 60_000;

export function apiError(res: HttpResponse<unknown>, secrets: readonly string[], username: string): PsaError {
  const messages = messagesOf(res.body);
  const text = messages.join(' ');
  const details = { status: res.status, raw: redactText(res.text.slice(0, 4_000), secrets) };
  const hinted = parseRetryAfter(res.headers.get('retry-after'));

  if (/Zone information could not be determined/i.test(text))
    return new PsaError(
      'auth',
      `Autotask does not know the API user "${username}": check the username (the API user's e-mail style login)`,
      details,
    );
  if (/IntegrationCode is invalid/i.test(text))
    return new PsaError(
      'auth',
      'Autotask rejected the integration code: check it was generated for this API user',
      details,
    );
  if (res.status === 401)
    return new PsaError(
      'auth',
      "Autotask refused the API user's secret: check the username and secret, and that the API user is active",
      details,
    );
  // Thread limit (reference §5.3, N8N: may come without 429).
  if (/Itgenatr005|thread threshold/i.test(text))
    return new PsaError(
      'rate_limited',
      'Autotask allows 3 simultaneous requests per endpoint and integration; the hub will try again in a moment',
      { ...details, retryAfterMs: hinted ?? THREAD_LIMIT_WAIT_MS },
    );
  if (/request threshold|threshold of \d+ requests/i.test(text) || res.status === 429)
    return new PsaError(
      'rate_limited',
      "Autotask's hourly request limit for this tenant is used up (all integrations share it); the hub will try again later",
      { ...details, retryAfterMs: hinted ?? THRESHOLD_WAIT_MS },
    );
  const perm = /does not have the adequate permissions to (\w+) this entity type/i.exec(text);
  if (perm || res.status === 403)
    return new PsaError(
      'permission',
      `The Autotask API user's security level does not allow it to ${perm?.[1] ?? 'do'} this: grant it in Admin → Security Levels`,
      { ...details, permission: perm?.[1]?.toLowerCase() },
    );
  if (res.status === 404 || /No matching records found/i.test(text))
    return new PsaError('not_found', 'Autotask has no such record', details);
  if (res.status === 409) return new PsaError('conflict', `Autotask reports a conflict: ${text}`, details);
  if (res.status >= 500 && res.status !== 500)
    return new PsaError('transient', `Autotask failed on its side (${res.status}); the hub will retry`, {
      ...details,
      retryAfterMs: hinted,
    });
  if (res.status === 500 && !isErrorsBody(res.body))
    // A 500 without Autotask's `errors` list is a server failure, not a refusal of our data.
    return new PsaError('transient', 'Autotask failed on its side (500); the hub will retry', {
      ...details,
      retryAfterMs: hinted,
    });
  if (res.status === 405 || res.status === 400 || res.status === 500) {
    return new PsaError(
      'validation',
      `Autotask refused the request: ${text || classifyStatus(res.status, res.headers).reason}`,
      {
        ...details,
        fields: fieldsOf(messages),
      },
    );
  }
  const c = classifyStatus(res.status, res.headers);
  return new PsaError(c.kind, `Autotask: ${text || c.reason}`, { ...details, retryAfterMs: c.retryAfterMs });
}

function isErrorsBody(body: unknown): boolean {
  return !!body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors);
}

/** Field → message where a message names its field ("… for picklist field status.", "Path 'x'"). */
export function fieldsOf(messages: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of messages) {
    const f =
      /field '?(\w+)'?/i.exec(m)?.[1] ??
      /Path '([\w.[\]]+)'/i.exec(m)?.[1] ??
      /Unable to find (\w+) in/i.exec(m)?.[1] ??
      /^(\w+)(?: is required| must| cannot| exceeds)/i.exec(m)?.[1];
    out[f ?? `error${Object.keys(out).length + 1}`] = m;
  }
  return out;
}

/** The same error with the Autotask entity and verb it concerns (permission errors). */
export function withPermission(err: PsaError, entity: string, verb: string): PsaError {
  if (err.kind !== 'permission') return err;
  const v = err.details.permission ?? verb;
  return new PsaError(
    'permission',
    `The Autotask API user's security level does not allow it to ${v} ${entity}: grant it in Admin → Account Settings & Users → Security Levels`,
    { ...err.details, permission: `${entity}.${v}` },
  );
}
