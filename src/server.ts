// The composition root: configuration → database → queue → HTTP app, in that order, and the
// reverse on shutdown. The CLI and the tests start the hub through here.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './api/app.ts';
import { hashPassword, oneTimePassword } from './api/auth/passwords.ts';
import type { Config } from './config.ts';

import { startMaintenance } from './jobs/maintenance.ts';
import { createHubMetrics, type HubMetrics } from './jobs/metrics.ts';
import { defineAlertQueues, startAlertWorkers } from './jobs/alert-jobs.ts';
import { defineBillingQueues, startBillingWorkers } from './jobs/billing-jobs.ts';
import { defineLinkQueues, startLinkWorkers } from './jobs/link-jobs.ts';
import { serveWorkerSystemRoutes } from './api/worker-server.ts';
import type { Lifecycle } from './api/system-routes.ts';
import { hubLogger, type HubLog, type HubLogOption } from './jobs/hub-log.ts';
import type { SessionDeps } from './jobs/psa-session.ts';
import { startQueue, type Queue } from './jobs/queue.ts';
import { startWebhookSender } from './jobs/webhook-sender.ts';
import type { Database } from './store/db.ts';
import { migrate } from './store/migrate.ts';
import { openDatabase, openSecretBox } from './store/open-database.ts';
import { countOperators, createUser } from './store/users.ts';

export type Role = 'all' | 'api' | 'worker';
export const roles: readonly Role[] = ['all', 'api', 'worker'];

export interface Hub {
  db: Database;
  queue: Queue;
  /** What jobs need to reach a PSA: the database and the key that opens stored credentials. */
  deps: SessionDeps;
  /** Absent for the worker role, which serves no HTTP. */
  app: FastifyInstance | undefined;
  /** Where the HTTP server listens, once it does (a worker's: only with PSAHUB_METRICS_PORT). */
  url: string | undefined;
  /** The hub's JSON log, shared with the HTTP server's. */
  log: HubLog;
  /** Set when this start created the first operator: its e-mail and one-time password. */
  bootstrap: { email: string; password: string } | undefined;
  metrics: HubMetrics;
  /** Stop at once: HTTP, then the queue (running jobs finish), then the database. */
  close(): Promise<void>;
  /**
   * Stop as a load balancer needs (SIGTERM): /readyz answers 503 for `config.drainSeconds` while
   * everything still works, then close(). Accepted events are committed before their answer, so
   * none is lost; running jobs finish; waiting ones stay queued for the next process.
   */
  drain(): Promise<void>;
}

export interface StartOptions {
  role: Role;
  /** Listen on config.host:config.port; tests may build the app without a socket. */
  listen: boolean;
  /** Open this database instead of the configured one (tests). */
  db?: Database;
  /** Where the log goes (default: stdout at config.logLevel; false: nowhere). */
  logger?: HubLogOption;
}

export const BOOTSTRAP_OPERATOR_EMAIL = 'operator@localhost';

export async function startHub(config: Readonly<Config>, opts: StartOptions): Promise<Hub> {
  const log = hubLogger(config, opts.logger);
  const db = opts.db ?? (await openDatabase(config, `psa-hub serve --role ${opts.role}`));
  const closers: (() => Promise<unknown>)[] = [() => db.close()];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      log.info({ event: 'hub_stopping', role: opts.role }, 'psa-hub stopping');
      for (const fn of closers.reverse()) await fn().catch(() => {});
      log.info({ event: 'hub_stopped', role: opts.role }, 'psa-hub stopped');
    })());
  try {
    await migrate(db);
    const secrets = await openSecretBox(config);
    const worker = opts.role !== 'api';
    const metrics = createHubMetrics(db, opts.role);
    const queue = await startQueue(db, { supervise: worker, metrics });
    const deps = { db, secrets, allowPrivatePsaHosts: config.allowPrivatePsaHosts, metrics, log };
    const lifecycle: Lifecycle = { draining: false };
    closers.push(() => queue.boss.stop({ graceful: true, timeout: 10_000 }));
    await defineLinkQueues(queue);
    await defineAlertQueues(queue);
    await defineBillingQueues(queue);
    if (worker) {
      await startMaintenance(db, queue);
      await startLinkWorkers(deps, queue);
      await startAlertWorkers(deps, queue);
      await startBillingWorkers(deps, queue);
      closers.push(startWebhookSender(deps));
    }
    const bootstrap = await bootstrapOperator(db);
    let app: FastifyInstance | undefined;
    let url: string | undefined;
    if (opts.role !== 'worker') {
      const built = await buildApp({ ...deps, config, db, queue, lifecycle }, { loggerInstance: log });
      app = built;
      closers.push(() => built.close());
      if (opts.listen) url = await built.listen({ port: config.port, host: config.host });
      if (url && db.kind === 'pglite') await db.noteUrl?.(url);
    } else if (opts.listen && config.metricsPort !== undefined) {
      const system = await serveWorkerSystemRoutes({ db, queue, metrics, lifecycle }, config);
      closers.push(() => system.close());
      url = system.url;
    }
    const drain = async () => {
      lifecycle.draining = true;
      // Only a process that answers /readyz has a load balancer to wait for.
      if (url) await new Promise((r) => setTimeout(r, config.drainSeconds * 1000));
      await close();
    };
    log.info(
      { event: 'hub_started', role: opts.role, url: url ?? null, database: describeDatabase(db, config) },
      `psa-hub ${opts.role} role started${url ? ` on ${url}` : ''}`,
    );
    return { db, queue, deps, app, url, log, bootstrap, metrics, close, drain };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Which database, for the start-up line: never the password a DATABASE_URL may carry. */
function describeDatabase(db: Database, config: Readonly<Config>): Record<string, string> {
  if (db.kind === 'pglite') return { kind: 'pglite', dataDir: config.dataDir };
  if (!config.databaseUrl) return { kind: 'postgres' };
  const url = new URL(config.databaseUrl);
  return { kind: 'postgres', server: `${url.hostname}:${url.port || '5432'}${url.pathname}` };
}

/**
 * On an empty database, create the first operator with a random one-time password, so there is no
 * default password anywhere. The password is returned once and must be changed at first sign-in.
 */
async function bootstrapOperator(db: Database): Promise<Hub['bootstrap']> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(74117002)');
    if ((await countOperators(tx)) > 0) return undefined;
    await createUser(tx, {
      email: BOOTSTRAP_OPERATOR_EMAIL,
      name: 'Operator',
      partnerId: null,
      role: 'operator',
      passwordHash,
      mustChangePassword: true,
    });
    return { email: BOOTSTRAP_OPERATOR_EMAIL, password };
  });
}
