// The job queue: pg-boss in the same database as everything else, so a job can be enqueued in the
// transaction of the change that needs it and is never sent for a change that rolled back.
import { fromPglite, PgBoss, type Job, type JobInsert, type SendOptions, type WorkOptions } from 'pg-boss';
import type { Database, Db } from '../store/db.ts';
import type { HubMetrics } from './metrics.ts';

export interface Queue {
  readonly boss: PgBoss;
  /** Enqueue inside `tx`: the job exists only if `tx` commits. */
  enqueue(tx: Db, name: string, data: object, options?: Omit<SendOptions, 'db'>): Promise<string | null>;
  /** Enqueue many jobs of one queue inside `tx`, in one statement. */
  enqueueMany(tx: Db, name: string, jobs: JobInsert[]): Promise<void>;
  /** Run `handler` for the jobs of queue `name`, each outcome counted in the hub's metrics. */
  work<T extends object>(
    name: string,
    options: WorkOptions,
    handler: (jobs: Job<T>[]) => Promise<void>,
  ): Promise<string>;
  /** Whether the queue's schema is installed and answering. */
  isReady(): Promise<boolean>;
}

export interface QueueOptions {
  /** Run maintenance and scheduling in this process (worker roles); API-only processes do not. */
  supervise: boolean;
  metrics?: HubMetrics;
}

export async function startQueue(db: Database, opts: QueueOptions): Promise<Queue> {
  const common = {
    supervise: opts.supervise,
    schedule: opts.supervise,
    migrate: true,
    // Notice jobs whose worker died (no heartbeat) within seconds.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    // The backlog count that lets busy workers fetch without pausing is read from this cache.
    queueCacheIntervalSeconds: 5,
    // Queues created with `notify` wake their workers the moment a job commits (LISTEN/NOTIFY on
    // PostgreSQL, in-process on PGlite) instead of at the next poll.
    useListenNotify: true,
  } as const;
  const boss =
    db.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(db.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: db.connectionString, max: 4 });
  boss.on('error', (err) => process.emitWarning(`job queue: ${String(err)}`));
  await boss.start();
  return {
    boss,
    enqueue: (tx, name, data, options = {}) =>
      boss.send(name, data, {
        ...options,
        db: txExecutor(tx),
      }),
    enqueueMany: async (tx, name, jobs) => {
      if (jobs.length === 0) return;
      await boss.insert(name, jobs, { db: txExecutor(tx) });
    },
    work: (name, options, handler) =>
      boss.work(name, options, async (jobs: Job<object>[]) => {
        const started = performance.now();
        const done = (outcome: 'completed' | 'failed') =>
          opts.metrics?.jobDone(name, outcome, (performance.now() - started) / 1000);
        try {
          await handler(jobs as never);
          done('completed');
        } catch (err) {
          done('failed');
          throw err;
        }
      }),
    isReady: () => boss.isInstalled(),
  };
}

/** pg-boss's way into the caller's transaction. */
const txExecutor = (tx: Db) => ({
  executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values ?? []) }),
});
