// Gauges read from the database at scrape time: one bounded statement each (src/store/
// metrics-snapshot.ts), so every process reports the database-wide figures. A failing read leaves
// its family empty for that scrape rather than failing /metrics.
import { DEFAULT_BUDGET_SHARE } from '../psa/autotask/threshold.ts';
import type { Db } from '../store/db.ts';
import {
  alertCounts,
  connectionBacklog,
  connectionSnapshot,
  queueSnapshot,
  recentDeliveries,
} from '../store/metrics-snapshot.ts';
import { Gauge, type Registry } from 'prom-client';

/** Autotask's hourly request budget per tenant (reference §5.3), of which the hub takes a share. */
const AUTOTASK_HOURLY_LIMIT = 10_000;

export function registerDatabaseGauges(db: Db, registry: Registry): void {
  const registers = [registry];
  /** One query feeds several gauges: read at most once a second, shared by the gauges it feeds. */
  const perScrape = <T>(read: (db: Db) => Promise<T>) => {
    let readAt = 0;
    let value: Promise<T | undefined> = Promise.resolve(undefined);
    return () => {
      if (Date.now() - readAt > 1000) {
        readAt = Date.now();
        value = read(db).catch(() => undefined);
      }
      return value;
    };
  };
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (set: (labels: Record<L, string>, value: number) => void) => Promise<void>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        this.reset();
        await fill((labels, value) => this.set(labels as never, value));
      },
    });

  const queues = perScrape(queueSnapshot);
  gauge(
    'psahub_queue_jobs',
    'Jobs in each pg-boss queue by state (queued, active, deferred, failed)',
    ['queue', 'state'],
    async (set) => {
      for (const q of (await queues()) ?? []) {
        for (const state of ['queued', 'active', 'deferred', 'failed'] as const)
          set({ queue: q.name, state }, q[state]);
      }
    },
  );
  gauge(
    'psahub_queue_oldest_seconds',
    'Age of the oldest job not yet done in each pg-boss queue',
    ['queue'],
    async (set) => {
      for (const q of (await queues()) ?? []) set({ queue: q.name }, q.oldestSeconds);
    },
  );

  const backlog = perScrape(connectionBacklog);
  gauge(
    'psahub_connection_backlog',
    'Alerts waiting for a PSA write, per connection',
    ['connection', 'psa'],
    async (set) => {
      for (const b of (await backlog()) ?? []) set({ connection: b.connectionId, psa: b.psa }, b.waiting);
    },
  );
  gauge(
    'psahub_connection_backlog_oldest_seconds',
    'How long the oldest waiting alert of each connection has waited',
    ['connection', 'psa'],
    async (set) => {
      for (const b of (await backlog()) ?? [])
        set({ connection: b.connectionId, psa: b.psa }, b.oldestSeconds);
    },
  );

  const connections = perScrape(connectionSnapshot);
  gauge(
    'psahub_connection_failing',
    '1 when a connection is failing (its PSA refuses or is unreachable)',
    ['connection', 'psa'],
    async (set) => {
      for (const c of (await connections()) ?? [])
        set({ connection: c.connectionId, psa: c.psa }, c.status === 'failing' ? 1 : 0);
    },
  );
  gauge(
    'psahub_connection_failing_seconds',
    'Seconds since a failing connection started failing',
    ['connection', 'psa'],
    async (set) => {
      for (const c of (await connections()) ?? [])
        if (c.status === 'failing') set({ connection: c.connectionId, psa: c.psa }, c.failingSeconds);
    },
  );
  gauge(
    'psahub_connection_requests_hour',
    'Requests sent on each connection in its current hour, all processes',
    ['connection', 'psa'],
    async (set) => {
      for (const c of (await connections()) ?? [])
        set({ connection: c.connectionId, psa: c.psa }, c.requestsThisHour);
    },
  );
  gauge(
    'psahub_autotask_budget_used_ratio',
    "Share of the hub's Autotask hourly budget used, per connection (1 = all of it)",
    ['connection'],
    async (set) => {
      const budget = AUTOTASK_HOURLY_LIMIT * DEFAULT_BUDGET_SHARE;
      for (const c of (await connections()) ?? [])
        if (c.psa === 'autotask') set({ connection: c.connectionId }, c.requestsThisHour / budget);
    },
  );

  gauge(
    'psahub_alerts',
    'Alerts by state: open (failing), waiting (writes to make), dead (given up until retried)',
    ['state'],
    async (set) => {
      const counts = await alertCounts(db).catch(() => undefined);
      if (counts) for (const [state, n] of Object.entries(counts)) set({ state }, n);
    },
  );

  gauge(
    'psahub_deliveries_recent',
    'PSA write attempts (event log rows) of the last 5 minutes by PSA kind and outcome',
    ['psa', 'outcome'],
    async (set) => {
      for (const d of (await recentDeliveries(db).catch(() => undefined)) ?? [])
        set({ psa: d.psa, outcome: d.outcome }, d.n);
    },
  );
}
