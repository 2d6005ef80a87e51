// Operational endpoints: liveness, readiness (database and queue, and not draining), Prometheus
// metrics. Served by API processes and, on PSAHUB_METRICS_PORT, by worker processes.
import type { FastifyInstance } from 'fastify';
import type { HubMetrics } from '../jobs/metrics.ts';
import type { Queue } from '../jobs/queue.ts';
import type { Db } from '../store/db.ts';

/** Shared with the composition root: set when the process is asked to stop (SIGTERM). */
export interface Lifecycle {
  draining: boolean;
}

export interface SystemDeps {
  db: Db;
  queue: Queue;
  metrics: HubMetrics;
  lifecycle: Lifecycle;
}

export function systemRoutes(app: FastifyInstance, deps: SystemDeps): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    // Draining first: a load balancer takes the process out while it still answers everything else.
    if (deps.lifecycle.draining) return reply.status(503).send({ status: 'draining', checks: {} });
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

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const { registry } = deps.metrics;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
