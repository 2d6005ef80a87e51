// Operational endpoints: liveness, readiness (database and queue), Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { AppDeps } from './deps.ts';

export function systemRoutes(app: FastifyInstance, deps: AppDeps, registry: Registry): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const [database, queue] = await Promise.all([
      deps.db.query('SELECT 1').then(
        () => 'ok',
        (err: unknown) => `failing: ${String(err)}`,
      ),
      deps.queue.isReady().then(
        (ready) => (ready ? 'ok' : 'not installed'),
        (err: unknown) => `failing: ${String(err)}`,
      ),
    ]);
    const ready = database === 'ok' && queue === 'ok';
    return reply
      .status(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', checks: { database, queue } });
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
