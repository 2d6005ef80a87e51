// The one error type of the portal: every failed call becomes an ApiError carrying the hub's own
// code and message (which say what to fix), or a plain-words message when the hub did not answer.
export interface ErrorDetail {
  path?: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  static from(status: number, body: unknown): ApiError {
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
      ?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      return new ApiError(
        status,
        error.code,
        error.message,
        Array.isArray(error.details) ? error.details : [],
      );
    }
    return new ApiError(
      status,
      'unexpected',
      `The hub answered ${status} without an explanation; try again.`,
    );
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError(
      0,
      'network',
      'The hub did not answer. Check your connection, or that the hub is running, and try again.',
    );
    err.cause = cause;
    return err;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
