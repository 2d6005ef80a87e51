// Halo's error answers to PsaErrors with messages a partner can act on (reference §1.3, §5, §6).
// Halo is inconsistent: plain text for business rules, ASP.NET model-state JSON for bad input,
// OAuth `{error, error_description}` at /auth/token, empty bodies on 401/403/404, and plain text
// on 429 ("Rate Limit Reached - 300 Requests per rolling 5 minute window").
import { classifyStatus } from '../classify-failure.ts';
import { PsaError } from '../errors.ts';
import type { HttpResponse } from '../http.ts';
import { redactText } from '../redact.ts';

export const apiAppFix =
  'check the API application in Halo → Configuration → Integrations → HaloPSA API (Client ID and Secret (Services), login type Agent)';

/** When Halo gives no Retry-After on a 429, wait this long: its window is a rolling 5 minutes. */
export const DEFAULT_RATE_WAIT_MS = 30_000;

/** The message in any of Halo's error shapes (PSMOD `New-HaloError.ps1`, ADAPTER, PDATA). */
export function haloMessage(body: unknown): string | null {
  if (typeof body === 'string') {
    const t = body.trim();
    if (t === '' || t.startsWith('<')) return null; // empty, or an HTML error page
    return t.length > 300 ? `${t.slice(0, 300)}…` : t;
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    for (const k of ['errorMessage', 'Message', 'message', 'error_description', 'error', 'title']) {
      if (typeof b[k] === 'string' && b[k] !== '') return b[k];
    }
    if (Array.isArray(b.errors) && typeof b.errors[0] === 'string') return b.errors.join('; ');
  }
  return null;
}

/** ASP.NET model state `{"[0].client_id": ["…"]}` (or ProblemDetails `errors`) as field → message. */
export function modelStateFields(body: unknown): Record<string, string> | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const source = b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors) ? b.errors : b;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
    if (Array.isArray(v) && v.every((m) => typeof m === 'string')) {
      fields[k.replace(/^\[\d+\]\.?/, '') || '(body)'] = v.join(' ');
    }
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** The error for an answer from `/api/...`. */
export function apiError(res: HttpResponse<unknown>, secrets: readonly string[]): PsaError {
  const c = classifyStatus(res.status, res.headers);
  const said = haloMessage(res.body);
  const raw = redactText(res.text, secrets);
  const base = { status: res.status, raw };
  switch (c.kind) {
    case 'auth':
      return new PsaError(
        'auth',
        `HaloPSA refused the access token (401)${said ? `: ${said}` : ''}. If this persists, ${apiAppFix}, and that the agent it logs in as is active`,
        base,
      );
    case 'permission':
      return new PsaError(
        'permission',
        `HaloPSA denied this call (403)${said ? `: ${said}` : ''}. Grant the API application the permission (scope) it needs in Halo → Configuration → Integrations → HaloPSA API → Permissions, and give the agent it logs in as the matching agent permissions`,
        base,
      );
    case 'rate_limited':
      return new PsaError('rate_limited', `HaloPSA's rate limit was reached${said ? `: ${said}` : ''}`, {
        ...base,
        retryAfterMs: c.retryAfterMs ?? DEFAULT_RATE_WAIT_MS,
      });
    case 'not_found':
      return new PsaError('not_found', `HaloPSA has no such record${said ? `: ${said}` : ''}`, base);
    case 'transient':
      return new PsaError(
        'transient',
        `HaloPSA failed on its side (${res.status})${said ? `: ${said}` : ''}; the call will be tried again`,
        { ...base, ...(c.retryAfterMs !== undefined ? { retryAfterMs: c.retryAfterMs } : {}) },
      );
    case 'conflict':
      return new PsaError('conflict', `HaloPSA reported a conflict${said ? `: ${said}` : ''}`, base);
    case 'validation': {
      const fields = modelStateFields(res.body);
      const text = fields
        ? Object.entries(fields)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')
        : said;
      return new PsaError(
        'validation',
        `HaloPSA refused the request${text ? `: ${text}` : ` (${res.status})`}`,
        {
          ...base,
          ...(fields ? { fields } : {}),
        },
      );
    }
  }
}

/** The error for an answer from `/auth/token` (OAuth errors, reference §1.3). */
export function tokenError(res: HttpResponse<unknown>, secrets: readonly string[]): PsaError {
  const raw = redactText(res.text, secrets);
  const base = { status: res.status, raw };
  const body = (res.body && typeof res.body === 'object' ? res.body : {}) as Record<string, unknown>;
  const code = typeof body.error === 'string' ? body.error : '';
  const said = typeof body.error_description === 'string' ? body.error_description : '';
  if (res.status === 429 || res.status >= 500 || res.status === 408) {
    const e = apiError(res, secrets);
    if (res.status >= 500 && e.kind === 'transient' && /^\s*</.test(res.text)) {
      // [obs] COV README: an application without an active "Agent to log in as" answers 500 HTML.
      return new PsaError(
        'transient',
        `HaloPSA failed to issue a token (${res.status}). If this persists, check the API application has an active "Agent to log in as" in Halo → Configuration → Integrations → HaloPSA API`,
        { ...base },
      );
    }
    return e;
  }
  if (code === 'invalid_client' || res.status === 401) {
    return new PsaError('auth', `HaloPSA rejected the client id or secret: ${apiAppFix}`, base);
  }
  if (code === 'invalid_scope') {
    return new PsaError(
      'permission',
      `HaloPSA refused the requested scope${said ? ` (${said})` : ''}: ${apiAppFix}`,
      {
        ...base,
        permission: 'scope',
      },
    );
  }
  if (/tenant/i.test(said) || code === 'invalid_request') {
    return new PsaError(
      'auth',
      `HaloPSA did not accept the tenant${said ? ` (${said})` : ''}: check the tenant name in Halo → Configuration → Integrations → HaloPSA API → API Details`,
      base,
    );
  }
  return new PsaError(
    'auth',
    `HaloPSA refused to issue a token${said || code ? ` (${said || code})` : ''}: ${apiAppFix}`,
    base,
  );
}

/**
 * The Halo permission (scope) a call needs [inferred, reference §1.5; the simulator uses the same
 * mapping]: clients, sites and users → customers; tickets and actions → tickets; …
 */
export function scopeFor(method: string, path: string): string | null {
  const p = path.replace(/^\/?(api\/)?/i, '').toLowerCase();
  const area = /^(client|site|users)\b/.test(p)
    ? 'customers'
    : /^(tickets|actions)\b/.test(p)
      ? 'tickets'
      : /^item\b/.test(p)
        ? 'items'
        : /^softwarelicence\b/.test(p)
          ? 'softwarelicensing'
          : /^(recurringinvoice|invoice)\b/.test(p)
            ? 'invoices'
            : null;
  if (area === null) return null;
  return `${method.toUpperCase() === 'GET' ? 'read' : 'edit'}:${area}`;
}

/** A 403 named after the permission the call needed. */
export function withPermission(err: PsaError, method: string, path: string): PsaError {
  const scope = scopeFor(method, path);
  if (err.kind !== 'permission' || scope === null) return err;
  return new PsaError(
    'permission',
    `HaloPSA denied ${method.toUpperCase()} ${path.split('?')[0]}: the API application needs the "${scope}" permission (Halo → Configuration → Integrations → HaloPSA API → your application → Permissions), and the agent it logs in as the matching agent permission`,
    { ...err.details, permission: scope },
  );
}
