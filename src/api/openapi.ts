// The OpenAPI document is generated from the routes' own schemas, so it cannot drift from what the
// server accepts. Served as JSON at /api/openapi.json and browsable at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { descriptionOf, responsesOf, securityOf, securitySchemes } from './openapi-operations.ts';
import type { RouteDef } from './route.ts';
import { DOCS_CSP } from './security-headers.ts';

export async function installOpenApi(app: FastifyInstance, routes: readonly RouteDef[]): Promise<void> {
  const byKey = new Map(routes.map((r) => [`${r.method} ${r.url}`, r]));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'psa-hub',
        version: '1',
        description:
          'Partner API (sessions or personal access tokens) and Source API (source keys) of the PSA integration hub.',
      },
      components: { securitySchemes },
    },
    // Each operation's security, description and error answers, from its route definition.
    transform: ({ schema, url, route }) => {
      const def = byKey.get(`${[route.method].flat()[0]} ${route.url}`);
      if (!def) return { schema, url };
      return {
        url,
        schema: {
          ...schema,
          description: descriptionOf(def),
          security: securityOf(def),
          response: responsesOf(def),
        } as typeof schema,
      };
    },
  });
  // Its pages get the CSP that lets Swagger UI run, in place of the data one (security-headers.ts).
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
