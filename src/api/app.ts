// Builds the HTTP application from its dependencies; only the CLI makes it listen. Tests build it
// the same way and talk to it over a real socket.
import cookie from '@fastify/cookie';
import { registerAjvFormats } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.ts';
import { writeAudit } from '../store/audit.ts';
import type { Actor } from './actor.ts';
import { authenticate } from './auth/authenticate.ts';
import { authorize } from './authorization.ts';
import type { AppDeps } from './deps.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './error-handler.ts';
import { installJsonBody } from './json-body.ts';
import { installMetrics } from './metrics.ts';
import { refuseOddStrings } from './odd-strings.ts';
import { installOpenApi } from './openapi.ts';
import { installPortal } from './portal.ts';
import type { RouteContext, RouteDef } from './route.ts';
import { allRoutes } from './routes.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { systemRoutes } from './system-routes.ts';
import { validatorCompiler } from './validator.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

registerAjvFormats();

// Partner API bodies are forms and id lists (1,000 ids are 40 KB); routes that take batches say more.
export const DEFAULT_BODY_LIMIT = 128 * 1024;

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** A logger shared with the rest of the hub (src/server.ts); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
  /** Where the built portal is (default dist/portal). */
  portalDir?: string;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ?? { level: deps.config.logLevel } }),
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    bodyLimit: DEFAULT_BODY_LIMIT,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // Refusals before any route runs, answered in the one error shape too.
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  // JSON only: anything else is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  installJsonBody(app);
  app.decorateRequest('actor', undefined);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await installSecurityHeaders(app, deps.config.publicUrl);
  await app.register(cookie);
  const portal = await installPortal(app, opts.portalDir);
  installErrorHandlers(app, { notFoundFallback: portal.fallback });
  installMetrics(app, deps.metrics.registry);
  await installOpenApi(app, allRoutes);
  for (const route of allRoutes) registerRoute(app, deps, route);
  systemRoutes(app, deps);
  return app;
}

function registerRoute(app: FastifyInstance, deps: AppDeps, route: RouteDef): void {
  app.route({
    method: route.method,
    url: route.url,
    schema: route.schema,
    ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
    // Before the body is even parsed: an anonymous caller learns nothing from validation errors.
    onRequest: async (request) => {
      const { actor, mustChangePassword } = await authenticate(deps.db, request);
      request.actor = actor;
      authorize(actor, route.permission);
      if (mustChangePassword && !route.allowBeforePasswordChange) {
        throw new AppError(
          'password_change_required',
          'Change the one-time password first: POST /api/v1/me/password',
        );
      }
    },
    preValidation: async (request) => {
      refuseOddStrings(
        { body: request.body, querystring: request.query, params: request.params },
        route.perItem,
      );
    },
    handler: async (request, reply) => {
      const ctx: RouteContext = {
        deps,
        actor: request.actor,
        audit: (tx, entry) =>
          writeAudit(tx, {
            ...actorFields(request.actor),
            ...entry,
            action: entry.action ?? auditAction(route),
          }),
      };
      return route.handler(request as never, reply, ctx);
    },
  });
}

function auditAction(route: RouteDef): string {
  if (typeof route.audit !== 'string')
    throw new Error(`${route.method} ${route.url} declares no audit action`);
  return route.audit;
}

function actorFields(actor: Actor | undefined) {
  if (!actor) return { actorKind: 'system' as const, actorId: null };
  if (actor.kind === 'source') return { actorKind: 'source' as const, actorId: actor.keyId };
  return { actorKind: actor.kind, actorId: actor.userId };
}
