// Every error the API can answer with: one code, one HTTP status, one default message. The API's
// error handler turns an AppError into `{ error: { code, message, details } }`; docs/errors.md lists
// the same codes and a test keeps the two in step.

export interface ErrorSpec {
  status: number;
  message: string;
}

export const errorCatalog = {
  invalid_request: { status: 400, message: 'The request is not valid' },
  invalid_json: { status: 400, message: 'The body is not valid JSON' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json' },
  body_too_large: { status: 413, message: 'The body is larger than this route accepts' },
  headers_too_large: { status: 431, message: 'The URL and headers are larger than 16 KB' },
  method_not_allowed: { status: 405, message: 'This path does not take that method' },
  request_timeout: { status: 408, message: 'The request took too long to arrive' },
  unauthenticated: { status: 401, message: 'Sign in or send a valid bearer token' },
  wrong_credential_kind: { status: 401, message: 'This kind of credential is not accepted on this API' },
  invalid_login: { status: 401, message: 'The e-mail or password is wrong' },
  password_change_required: { status: 403, message: 'Change the one-time password before anything else' },
  csrf_failed: { status: 403, message: 'Missing or wrong x-csrf-token header' },
  forbidden: { status: 403, message: 'Your role does not allow this' },
  not_found: { status: 404, message: 'No such record, or it is not yours to see' },
  conflict: { status: 409, message: 'The change conflicts with existing data' },
  invalid_reference: { status: 422, message: 'The request refers to a record that does not exist' },
  invalid_hierarchy: { status: 422, message: 'The partner tree does not allow this' },
  psa_rejected: { status: 422, message: 'The PSA refused the request' },
  psa_unavailable: { status: 502, message: 'The PSA could not be reached or is busy; try again shortly' },
  too_many_attempts: { status: 429, message: 'Too many failed sign-ins; wait before trying again' },
  not_ready: { status: 503, message: 'The service is not ready' },
  internal: { status: 500, message: 'Something went wrong on our side' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;

export interface ErrorDetail {
  /** Where the problem is, e.g. `body/items/3/name`. */
  path?: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  /** Seconds the client should wait, sent as Retry-After. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { details?: ErrorDetail[]; retryAfter?: number } = {},
  ) {
    super(message ?? errorCatalog[code].message);
    this.code = code;
    this.details = opts.details ?? [];
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
