// Every PSA failure becomes one of a few kinds, with a message a partner can act on and the PSA's
// own answer kept (without secrets) for the event log.

export const psaErrorKinds = [
  'auth',
  'permission',
  'not_found',
  'rate_limited',
  'transient',
  'validation',
  'conflict',
] as const;
export type PsaErrorKind = (typeof psaErrorKinds)[number];

export interface PsaErrorDetails {
  /** For `permission`: which permission is missing. */
  permission?: string;
  /** For `validation`: field → message, as the PSA said it. */
  fields?: Record<string, string>;
  /** For `rate_limited` (and transient with a hint): how long to wait. */
  retryAfterMs?: number;
  /** HTTP status of the PSA's answer, when there was one. */
  status?: number;
  /** The PSA's answer body, secrets removed, for the log. */
  raw?: string;
}

export class PsaError extends Error {
  override name = 'PsaError';
  readonly kind: PsaErrorKind;
  readonly details: PsaErrorDetails;

  constructor(kind: PsaErrorKind, message: string, details: PsaErrorDetails = {}) {
    super(message);
    this.kind = kind;
    this.details = details;
  }

  /** Whether trying the same call again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'transient';
  }
}

export function isPsaError(err: unknown): err is PsaError {
  return err instanceof PsaError;
}
