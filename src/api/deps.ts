// What the HTTP layer is built from; wired once in the composition root (src/server.ts).
import type { Config } from '../config.ts';
import type { HubMetrics } from '../jobs/metrics.ts';
import type { Queue } from '../jobs/queue.ts';
import type { Database } from '../store/db.ts';
import type { SecretBox } from '../store/secret-box.ts';
import type { Lifecycle } from './system-routes.ts';

export interface AppDeps {
  config: Readonly<Config>;
  db: Database;
  /** API processes enqueue through it too: jobs are sent in the transaction of their change. */
  queue: Queue;
  secrets: SecretBox;
  /** From the config: whether PSA hosts may be private or loopback addresses (tests, the demo). */
  allowPrivatePsaHosts: boolean;
  metrics: HubMetrics;
  /** Whether the process is draining (SIGTERM): /readyz answers 503 then. */
  lifecycle: Lifecycle;
}
