// ConnectWise error answers to PsaErrors a partner can act on (reference §1.4, §4.1, §4.2).
// The standard body is `{code, message, errors: [{code, message, resource, field}]}`; the 429 body
// is `{error: "ConnectWiseAPI", message: "Too many requests. Please try again in 30 seconds."}`.
import { classifyStatus } from '../classify-failure.ts';
import { PsaError } from '../errors.ts';
import type { HttpResponse } from '../http.ts';
import { redactText } from '../redact.ts';
import { grantFix, rightFor } from './rights.ts';
import type { Row } from './wire.ts';

export const keysFix =
  'ConnectWise refused the API keys: check the public/private key pair and the company id (System → Members → API Members → API Keys)';

/** When a 429 says nothing about waiting: the vendor's own handler starts at 30 s (§4.3). */
export const DEFAULT_RATE_WAIT_MS = 30_000;

interface CwBody {
  code: string;
  message: string;
  errors: { code: string; message: string; field: string }[];
}

export function readBody(body: unknown): CwBody {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Row;
  const errors = Array.isArray(b.errors)
    ? (b.errors as Row[]).map((e) => ({
        code: typeof e?.code === 'string' ? e.code : '',
        message: typeof e?.message === 'string' ? e.message : '',
        field: typeof e?.field === 'string' ? e.field : '',
      }))
    : [];
  const code = typeof b.code === 'string' ? b.code : typeof b.error === 'string' ? b.error : '';
  let message = typeof b.message === 'string' ? b.message : '';
  if (!message && typeof body === 'string' && !body.trim().startsWith('<'))
    message = body.trim().slice(0, 300);
  return { code, message, errors };
}

const said = (m: string) => (m ? `: ${m}` : '');

/** The error for an answer from `…/apis/3.0/…` or `/login/companyinfo`. */
export function apiError(
  res: HttpResponse<unknown>,
  secrets: readonly string[],
  request?: { method: string; path: string },
): PsaError {
  const c = classifyStatus(res.status, res.headers);
  const b = readBody(res.body);
  const base = { status: res.status, raw: redactText(res.text, secrets) };
  if (res.status === 400 && /clientid/i.test(`${b.code} ${b.message}`)) {
    return new PsaError(
      'auth',
      'ConnectWise refused the client id: enter the clientId registered for this integration at developer.connectwise.com',
      base,
    );
  }
  if (/UserNotAuthenticated/i.test(b.message)) return new PsaError('auth', keysFix, base);
  switch (c.kind) {
    case 'auth':
      return new PsaError('auth', keysFix, base);
    case 'permission':
      return permissionError(base, b.message, request);
    case 'rate_limited': {
      const hinted = /try again in (\d+) second/i.exec(b.message);
      const wait = c.retryAfterMs ?? (hinted ? Number(hinted[1]) * 1000 : DEFAULT_RATE_WAIT_MS);
      return new PsaError('rate_limited', `ConnectWise asked the hub to slow down${said(b.message)}`, {
        ...base,
        retryAfterMs: wait,
      });
    }
    case 'not_found':
      return new PsaError(
        'not_found',
        `ConnectWise has no such record${said(b.message)} (a cloud server may also answer 404 when the API keys are wrong)`,
        base,
      );
    case 'transient':
      return new PsaError('transient', `ConnectWise failed on its side (${res.status})${said(b.message)}`, {
        ...base,
        ...(c.retryAfterMs !== undefined ? { retryAfterMs: c.retryAfterMs } : {}),
      });
    case 'conflict':
      return new PsaError('conflict', `ConnectWise reported a conflict${said(b.message)}`, base);
    case 'validation': {
      const fields: Record<string, string> = {};
      for (const e of b.errors) fields[e.field || e.code || '(body)'] = e.message || e.code;
      const detail = b.errors.map((e) => e.message || e.code).join('; ') || b.message;
      if (b.errors.some((e) => e.code === 'ObjectExists')) {
        return new PsaError('conflict', `ConnectWise already has this record${said(detail)}`, {
          ...base,
          fields,
        });
      }
      return new PsaError(
        'validation',
        `ConnectWise refused the request${detail ? `: ${detail}` : ` (${res.status})`}`,
        {
          ...base,
          ...(Object.keys(fields).length > 0 ? { fields } : {}),
        },
      );
    }
  }
}

/** A 403, naming the function and level the call needed when the call is known. */
export function permissionError(
  details: { status?: number; raw?: string },
  message: string,
  request?: { method: string; path: string },
): PsaError {
  const right = request ? rightFor(request.method, request.path) : null;
  if (!right) {
    return new PsaError(
      'permission',
      `The ConnectWise API member's security role does not allow this call${said(message)}. Check its role in System → Security Roles`,
      details,
    );
  }
  return new PsaError(
    'permission',
    `The ConnectWise API member may not do this (${right.f.moduleName} → ${right.f.fnName}, ${right.level}). ${grantFix(right.f, [right.level])}`,
    { ...details, permission: right.permission },
  );
}
