// One error body everywhere: `{ error: { code, message, details } }`. Known failures keep their
// status; anything unexpected is logged and answered as a 500 without internals. That includes what
// Fastify and Node answer by themselves before any route runs: a broken URL, a path parameter over
// the router's limit, headers over Node's, a malformed request, and a method the path does not have.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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

/** A wait in the words a person reads: seconds up to a minute and a half, then minutes. */
export function waitWords(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Fastify's router refusals (`frameworkErrors`), which would otherwise answer in Fastify's shape. */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const message =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path parameter is longer than 100 characters'
      : 'The URL is not valid (a broken %-escape?)';
  return reply.status(400).send(errorBody('invalid_request', message, [{ path: 'params', message }]));
}

const clientErrorCodes: Partial<Record<string, ErrorCode>> = {
  HPE_HEADER_OVERFLOW: 'headers_too_large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout',
};

/**
 * Node's refusals of a request it could not even parse (`clientErrorHandler`): the same answer as
 * Fastify's own, in the hub's shape, and the connection closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = clientErrorCodes[err.code ?? ''] ?? 'invalid_request';
  const message = code === 'invalid_request' ? 'The request is not valid HTTP' : errorCatalog[code].message;
  const body = JSON.stringify(errorBody(code, message));
  const status = errorCatalog[code].status;
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

/** Each registered route as a pattern, to tell a wrong method (405) from an unknown path (404). */
function routeMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const source = route.url
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    const methods = [route.method].flat();
    routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
  });
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  return (path) => {
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods));
    return order.filter((m) => methods.has(m));
  };
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
    let message = appError.message;
    if (appError.retryAfter !== undefined) {
      reply.header('retry-after', String(appError.retryAfter));
      // A person reads the message, not the header: every answer that asks to wait says how long.
      message = `${message}; try again in ${waitWords(appError.retryAfter)}`;
    }
    return reply.status(appError.status).send(errorBody(appError.code, message, appError.details));
  });
  const methodsOf = routeMethods(app);
  app.setNotFoundHandler((request, reply) => {
    if (opts.notFoundFallback?.(request, reply)) return reply;
    const path = request.url.split('?')[0] ?? '';
    const allowed = methodsOf(path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '));
      return reply
        .status(405)
        .send(errorBody('method_not_allowed', `${path} takes ${allowed.join(', ')}, not ${request.method}`));
    }
    return reply.status(404).send(errorBody('not_found', `No route ${request.method} ${path}`));
  });
}
