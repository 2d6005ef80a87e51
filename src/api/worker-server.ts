// A worker process serves no API, but a supervisor still needs its health, readiness and metrics:
// with PSAHUB_METRICS_PORT it serves only those, on that port.
import Fastify from 'fastify';
import type { Config } from '../config.ts';
import { systemRoutes, type SystemDeps } from './system-routes.ts';

export async function serveWorkerSystemRoutes(
  deps: SystemDeps,
  config: Pick<Config, 'host' | 'metricsPort'>,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false, return503OnClosing: true });
  systemRoutes(app, deps);
  const url = await app.listen({ port: config.metricsPort ?? 0, host: config.host });
  return { url, close: () => app.close() };
}
