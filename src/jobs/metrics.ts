// The hub's Prometheus metrics (prom-client), one registry per hub. What a process did (PSA calls,
// rate-limit waits, jobs) are counters of this process, labelled with its role; what the database
// holds (queues, backlogs, budgets, alerts, deliveries) are gauges read at scrape time by
// src/jobs/metrics-gauges.ts, the same from every process. docs/operations/ lists every family.
import { classifyStatus } from '../psa/classify-failure.ts';
import type { Exchange } from '../psa/http.ts';
import type { Db } from '../store/db.ts';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { registerDatabaseGauges } from './metrics-gauges.ts';

export interface HubMetrics {
  readonly registry: Registry;
  /** One HTTP exchange with a PSA: its latency and, when it failed, the kind of failure. */
  psaExchange(psa: string, exchange: Exchange): void;
  /** A call waited `ms` for its connection's shared request budget or a PSA's Retry-After. */
  rateLimitWait(psa: string, ms: number): void;
  /** A job ended: completed, or failed (pg-boss retries it or gives up). */
  jobDone(queue: string, outcome: 'completed' | 'failed', seconds: number): void;
}

export function createHubMetrics(db: Db, role: string): HubMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role });
  collectDefaultMetrics({ register: registry, prefix: 'psahub_' });
  const registers = [registry];
  const psaDuration = new Histogram({
    name: 'psahub_psa_request_duration_seconds',
    help: 'PSA HTTP requests by PSA kind and outcome (ok or the failure kind), each attempt',
    labelNames: ['psa', 'outcome'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const psaErrors = new Counter({
    name: 'psahub_psa_errors_total',
    help: 'Failed PSA HTTP requests by PSA kind and failure kind (rate_limited, transient, auth…)',
    labelNames: ['psa', 'kind'],
    registers,
  });
  const waits = new Counter({
    name: 'psahub_rate_limit_waits_total',
    help: "Requests held back by their connection's shared request budget or the PSA's Retry-After",
    labelNames: ['psa'],
    registers,
  });
  const waited = new Counter({
    name: 'psahub_rate_limit_wait_seconds_total',
    help: "Time requests were held back by their connection's request budget or the PSA's Retry-After",
    labelNames: ['psa'],
    registers,
  });
  const jobs = new Histogram({
    name: 'psahub_job_duration_seconds',
    help: 'Jobs run by this process, by queue and outcome (completed or failed)',
    labelNames: ['queue', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
    registers,
  });
  registerDatabaseGauges(db, registry);
  return {
    registry,
    psaExchange(psa, e) {
      const outcome =
        e.status === null ? 'network' : e.status < 400 ? 'ok' : classifyStatus(e.status, new Headers()).kind;
      psaDuration.observe({ psa, outcome }, e.durationMs / 1000);
      if (outcome !== 'ok') psaErrors.inc({ psa, kind: outcome });
    },
    rateLimitWait(psa, ms) {
      waits.inc({ psa });
      waited.inc({ psa }, ms / 1000);
    },
    jobDone(queue, outcome, seconds) {
      jobs.observe({ queue, outcome }, seconds);
    },
  };
}
