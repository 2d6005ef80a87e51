// Error bodies as ConnectWise PSA sends them (reference §4.1, §1.4, §4.2).
// Shape `{code, message, errors}` is the spec's ErrorResponseMessage [S6, S10]. The 400 validation
// example with `InvalidObject` / `OutOfRange` is real [S13]; the `.NET` DataAnnotations wording of
// the other field messages ("The X field is required.") follows that example's style (inferred).
import type { SimResponse } from '../shared/types.ts';

export interface ValidationError {
  code: string;
  message: string;
  resource: string;
  field: string;
}

/** Thrown anywhere in request handling; turned into its response by the router. */
export class CwError extends Error {
  readonly response: SimResponse;
  constructor(response: SimResponse) {
    super(typeof response.body === 'object' ? JSON.stringify(response.body) : String(response.status));
    this.response = response;
  }
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  errors: ValidationError[] | null = null,
): SimResponse {
  return { status, body: { code, message, errors } };
}

export function fail(
  status: number,
  code: string,
  message: string,
  errors: ValidationError[] | null = null,
): never {
  throw new CwError(errorResponse(status, code, message, errors));
}

/** 400 "<resource> object is invalid" with the field errors [S13]. */
export function invalidObject(resource: string, errors: ValidationError[]): never {
  throw new CwError(errorResponse(400, 'InvalidObject', `${resource} object is invalid`, errors));
}

export function fieldError(code: string, resource: string, field: string, message: string): ValidationError {
  return { code, message, resource, field };
}

/** 404 for an id that does not exist (message wording inferred). */
export function notFound(label: string, id: number | string): never {
  fail(404, 'NotFound', `${label} Id ${id} not found`);
}

/** 400 for a malformed `conditions` string; the message text is the server's, quoted in [S8]. */
export const CONDITIONS_HELP =
  'String values should be enclosed with double or single quotes; DateTime values should be enclosed in ' +
  'square brackets; numbers should consist of only digits, and optionally a decimal point and a negation ' +
  'sign; boolean values should be indicated with the keywords true or false; null values should be ' +
  'indicated by the keyword null.';

export function badConditions(detail: string): never {
  fail(400, 'InvalidObject', `${detail} ${CONDITIONS_HELP}`.trim());
}

/** 401 for wrong, missing or expired keys [S1, S2, S9]. */
export function unauthorized(message = 'The supplied authentication is incorrect'): never {
  throw new CwError({ status: 401, body: { code: 'Unauthorized', message } });
}

/** 403 when the member's security role lacks the right [S1, S2]. */
export function forbidden(): never {
  fail(403, 'Forbidden', 'Improper security role settings for the supplied authentication');
}

/** 429 — note the body is NOT the standard shape [S1 "Rate Limiting"]. */
export function tooManyRequests(retryAfterSeconds: number): SimResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      error: 'ConnectWiseAPI',
      message: `Too many requests. Please try again in ${retryAfterSeconds} seconds.`,
    },
  };
}
