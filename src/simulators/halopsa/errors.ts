// Halo's error responses (reference §1.3, §5): plain text for business-rule 400s, ASP.NET
// model-state JSON keyed by field path for malformed input, empty 401/403/404 bodies (ASP.NET's
// defaults; the reference notes these bodies are undocumented), OAuth JSON at `/auth/token`.
import type { SimResponse } from '../shared/types.ts';
import { jsonResponse } from './wire.ts';

/** Thrown by validators; carries the response the server answers with. */
export class HaloError extends Error {
  readonly response: SimResponse;
  constructor(response: SimResponse, message = 'halo error') {
    super(message);
    this.response = response;
  }
}

/** A business-rule failure: 400 with a plain-text message (reference §5, N8N/RNODE). */
export function ruleError(message: string): HaloError {
  return new HaloError({ status: 400, body: message, raw: true }, message);
}

/** Malformed input: 400 with `{ "<path>": ["message"] }` (reference §5; N8N reads `[0].id`). */
export function modelStateError(errors: Record<string, string[]>): HaloError {
  return new HaloError(jsonResponse(400, errors), Object.values(errors).flat().join('; '));
}

export function notFound(): SimResponse {
  return { status: 404 };
}

/** A missing, invalid or expired bearer token: what ASP.NET's JwtBearer handler answers. */
export function unauthorized(description?: string): SimResponse {
  const challenge = description
    ? `Bearer error="invalid_token", error_description="${description}"`
    : 'Bearer';
  return { status: 401, headers: { 'www-authenticate': challenge } };
}

/** A scope or agent permission the call needs is missing (reference §1.3: 403, N8N). */
export function forbidden(): SimResponse {
  return { status: 403 };
}

/** An OAuth error at `/auth/token` (RFC 6749 §5.2; reference §1.3). */
export function oauthError(status: number, error: string, description?: string): SimResponse {
  return jsonResponse(status, description ? { error, error_description: description } : { error });
}

export function methodNotAllowed(): SimResponse {
  return { status: 405 };
}

/**
 * A POST body that is not JSON: ASP.NET Core's 415 ProblemDetails (SPEC-2024 lists only
 * `application/json`, `text/json`, `application/*+json` and `application/json-patch+json` bodies).
 */
export function unsupportedMediaType(): SimResponse {
  return jsonResponse(
    415,
    {
      type: 'https://tools.ietf.org/html/rfc7231#section-6.5.13',
      title: 'Unsupported Media Type',
      status: 415,
    },
    { 'content-type': 'application/problem+json; charset=utf-8' },
  );
}
