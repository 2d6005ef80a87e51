// Event-to-ticket latency: a hub with its workers and a ConnectWise simulator that adds 100 ms to
// every PSA call; 4 events/s for 10 s (no backlog), then 50 events/s for 20 s, each the first failure of a different alert on a linked
// organization (of 10 partners, each with its own connection); per event, the time from its POST to
// the ticket recorded on the alert (polled every 20 ms).
import {
  addFault,
  measured,
  percentile,
  startAlertHub,
  timedPhase,
  warmTicket,
  type Backend,
  type BenchResult,
} from './fixture.ts';

const RATE = 50;
const SECONDS = 20;
/** First a gentle phase, below what the workers can do, to see the latency without a backlog. */
const LOW_RATE = 4;
const LOW_SECONDS = 10;
const ORGS = 200;
/**
 * The organizations belong to this many partners, each with its own connection to the simulator:
 * one ConnectWise connection may send 8 requests/s (src/jobs/psa-session.ts), below 50 tickets/s.
 */
const CONNECTIONS = 10;
const PSA_LATENCY_MS = 100;
/** How long to wait for the last tickets after the sending stopped. */
const DRAIN_MS = 30_000;

export async function alertLatency(backend: Backend, postgresUrl?: string): Promise<BenchResult> {
  const h = await startAlertHub({
    backend,
    postgresUrl,
    role: 'all',
    linked: { connectwise: ORGS },
    connections: CONNECTIONS,
  });
  try {
    const orgs = h.orgs.connectwise!;
    await warmTicket(h, orgs[0]!, `lat-${h.tree.tag}`);
    await addFault(h.sims.connectwise!, { path: '.', latencyMs: PSA_LATENCY_MS });

    const rows = [];
    for (const [rate, seconds, drainMs] of [
      [LOW_RATE, LOW_SECONDS, 10_000],
      [RATE, SECONDS, DRAIN_MS],
    ] as const) {
      const { achieved, times, missing } = await timedPhase(h, orgs, {
        rate,
        seconds,
        drainMs,
        tag: `lat-${h.tree.tag}-${rate}`,
      });
      const bound = missing > 0 ? ' (lower bound)' : '';
      const at = `${rate}/s, PSA +${PSA_LATENCY_MS} ms`;
      rows.push(
        measured(backend, `event→ticket at ${at}: events sent/s`, +achieved.toFixed(1)),
        measured(backend, `event→ticket at ${at}: p50 (ms)${bound}`, Math.round(percentile(times, 0.5))),
        measured(
          backend,
          `event→ticket at ${at}: p99 (ms)${bound}`,
          Math.round(percentile(times, 0.99)),
          rate === RATE ? { text: '<= 1,000', ok: (v) => v <= 1000 } : undefined,
        ),
        measured(backend, `event→ticket at ${at}: no ticket ${drainMs / 1000} s after the last`, missing),
      );
    }
    return { backend, rows };
  } finally {
    await h.stop();
  }
}
