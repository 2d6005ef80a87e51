// Event → ticket with the work spread over worker processes on one PostgreSQL: an API-only hub takes
// the events; 1, then 2, then 4 `psa-hub serve --role worker` processes write the tickets to a
// ConnectWise simulator that adds 100 ms to every call, over 100 connections (each its own partner and
// request budget; 1,000 organizations). Per step: p50 and p99 from each event's POST to its ticket, and tickets/s — with
// the PSA's latency the bottleneck, the throughput a worker process carries. Events go in batches
// every 100 ms, as a vendor platform sends them. The one-worker figures
// are the same run's baseline for the others.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { runCli, stopWith, type CliRun } from '../test/support/cli-process.ts';
import {
  addFault,
  measured,
  percentile,
  startAlertHub,
  timedPhase,
  until,
  warmTicket,
  type BenchResult,
} from './fixture.ts';

const RATE = Number(process.env.BENCH_WORKERS_RATE ?? 500);
const SECONDS = 10;
const CONNECTIONS = 100;
/**
 * Ten organizations per connection, each its own company: 5,000 alerts are 5 per company, below
 * storm control's 20 new tickets per company and hour — every alert gets a ticket of its own.
 */
const ORGS = 1000;
const PSA_LATENCY_MS = 100;
const DRAIN_MS = 60_000;
/** The worker counts measured, each on a fresh hub (BENCH_WORKERS_STEPS=1,2 for fewer). */
const STEPS = (process.env.BENCH_WORKERS_STEPS ?? '1,2,4').split(',').map(Number);
const P99_TARGET_MS = 500;
/** Sent as a vendor platform sends them: a batch every 100 ms. */
const PER_POST = Math.max(1, Math.round(RATE / 10));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A worker process on the hub's database; resolved once its /readyz answers 200. */
async function startWorker(databaseUrl: string, secretKey: string): Promise<CliRun> {
  const port = await freePort();
  const run = runCli(['serve', '--role', 'worker'], {
    DATABASE_URL: databaseUrl,
    PSAHUB_SECRET_KEY: secretKey,
    PSAHUB_ALLOW_PRIVATE_PSA_HOSTS: '1',
    PSAHUB_METRICS_PORT: String(port),
  });
  const ready = async () => {
    if (run.child.exitCode !== null) throw new Error(`worker exited: ${run.output()}`);
    return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200;
  };
  if (!(await until(ready, 90_000))) throw new Error(`worker never ready: ${run.output()}`);
  return run;
}

/** One step on a fresh hub and database, so no step inherits the open alerts of another. */
async function step(postgresUrl: string, n: number) {
  const secretKey = randomBytes(32).toString('hex');
  const h = await startAlertHub({
    backend: 'postgres',
    postgresUrl,
    role: 'api',
    linked: { connectwise: ORGS },
    connections: CONNECTIONS,
    secretKey,
  });
  const workers: CliRun[] = [];
  try {
    const orgs = h.orgs.connectwise!;
    while (workers.length < n) workers.push(await startWorker(h.t.testDb.url!, secretKey));
    await warmTicket(h, orgs[0]!, `workers-${h.tree.tag}`);
    await addFault(h.sims.connectwise!, { path: '.', latencyMs: PSA_LATENCY_MS });
    return await timedPhase(h, orgs, {
      rate: RATE,
      seconds: SECONDS,
      drainMs: DRAIN_MS,
      tag: `workers-${h.tree.tag}`,
      perPost: PER_POST,
    });
  } finally {
    await Promise.all(workers.map((w) => stopWith(w)));
    await h.stop();
  }
}

export async function alertWorkers(postgresUrl: string): Promise<BenchResult> {
  const rows = [];
  for (const n of STEPS) {
    const p = await step(postgresUrl, n);
    const bound = p.missing > 0 ? ' (lower bound)' : '';
    const at = `${n} worker${n > 1 ? 's' : ''}, ${RATE}/s in batches of ${PER_POST}, ${CONNECTIONS} connections, PSA +${PSA_LATENCY_MS} ms`;
    rows.push(
      measured('postgres', `${at}: events sent/s`, +p.achieved.toFixed(1)),
      measured('postgres', `${at}: p50 (ms)${bound}`, Math.round(percentile(p.times, 0.5))),
      measured(
        'postgres',
        `${at}: p99 (ms)${bound}`,
        Math.round(percentile(p.times, 0.99)),
        n === 2 ? { text: `<= ${P99_TARGET_MS}`, ok: (v) => v <= P99_TARGET_MS } : undefined,
      ),
      measured('postgres', `${at}: tickets/s`, +p.ticketsPerSecond.toFixed(1)),
      measured('postgres', `${at}: no ticket ${DRAIN_MS / 1000} s after the last`, p.missing),
    );
  }
  return { backend: 'postgres', rows };
}
