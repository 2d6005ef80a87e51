// One error body everywhere: `{ error: { code, message, details } }`. Known failures keep their
// status; anything unexpected is logged and answered as a 500 without internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalog, type ErrorCode, type ErrorDetail } from '../core/errors.ts';
import { describeValidation, summarize } from './validation-errors.ts';

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

const fastifyCodes: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

export function toAppError(err: FastifyError): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err.validation) {
    const details = describeValidation(err.validationContext ?? 'request', err.validation as never);
    return new AppError('invalid_request', summarize(details), { details });
  }
  const code = fastifyCodes[err.code];
  if (code)
    return new AppError(
      code,
      code === 'invalid_json' ? `The body is not valid JSON: ${err.message}` : undefined,
    );
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return new AppError('invalid_json', `The body is not valid JSON: ${err.message}`);
  }
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError('invalid_request', err.message);
  }
  return undefined;
}

export interface ErrorHandlerOptions {
  /** Answers an unmatched request itself (the portal's index.html) and says so. */
  notFoundFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean;
}

export function installErrorHandlers(app: FastifyInstance, opts: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (!appError) {
      request.log.error({ err }, 'unhandled error');
      return reply.status(500).send(errorBody('internal', errorCatalog.internal.message));
    }
    if (appError.retryAfter !== undefined) reply.header('retry-after', String(appError.retryAfter));
    return reply.status(appError.status).send(errorBody(appError.code, appError.message, appError.details));
  });
  app.setNotFoundHandler((request, reply) => {
    if (opts.notFoundFallback?.(request, reply)) return reply;
    return reply
      .status(404)
      .send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}
