// Event-to-ticket latency: a hub with its workers and a ConnectWise simulator that adds 100 ms to
// every PSA call; 4 events/s for 10 s (no backlog), then 50 events/s for 20 s, each the first failure of a different alert on a linked
// organization (of 10 partners, each with its own connection); per event, the time from its POST to
// the ticket recorded on the alert (polled every 20 ms).
import { alertKey } from '../src/core/alert-lifecycle.ts';
import {
  addFault,
  alertEvent,
  measured,
  percentile,
  sleep,
  startAlertHub,
  until,
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
    const db = h.t.hub.db;
    const hasTicket = async (keys: string[]) =>
      new Set(
        (
          await db.query<{ key: string }>(
            `SELECT key FROM alerts WHERE key = ANY($1::text[]) AND tickets <> '{}'::jsonb`,
            [keys],
          )
        ).map((r) => r.key),
      );
    // A throwaway ticket first, so the pick lists and the catalog are read before the clock runs.
    const warm = alertEvent(`lat-${h.tree.tag}-warm`, orgs[0]!.ext, 'warm');
    await h.t.source.post('/api/v1/source/events', { events: [warm] });
    const warmKey = alertKey(orgs[0]!.id, warm.condition, warm.resource);
    if (!(await until(async () => (await hasTicket([warmKey])).size === 1, 30_000)))
      throw new Error('latency: the warm-up ticket never came');
    await addFault(h.sims.connectwise!, { path: '.', latencyMs: PSA_LATENCY_MS });

    let sent = 0;
    /** Send `rate` events/s for `seconds`; each event's latency, the missing ones as a lower bound. */
    const phase = async (rate: number, seconds: number, drainMs: number) => {
      const sentAt = new Map<string, number>();
      const latency = new Map<string, number>();
      let stopPolling = false;
      const poller = (async () => {
        while (!stopPolling) {
          const pending = [...sentAt.keys()].filter((k) => !latency.has(k));
          if (pending.length) {
            const now = performance.now();
            for (const k of await hasTicket(pending)) latency.set(k, now - sentAt.get(k)!);
          }
          await sleep(20);
        }
      })();
      const total = rate * seconds;
      const posts: Promise<unknown>[] = [];
      const start = performance.now();
      for (let n = 0; n < total; n++) {
        const wait = start + (n * 1000) / rate - performance.now();
        if (wait > 0) await sleep(wait);
        const i = sent++;
        const org = orgs[i % ORGS]!;
        const e = alertEvent(`lat-${h.tree.tag}-${i}`, org.ext, `mailbox${Math.floor(i / ORGS)}@example.com`);
        sentAt.set(alertKey(org.id, e.condition, e.resource), performance.now());
        posts.push(
          h.t.source.post('/api/v1/source/events', { events: [e] }).then((res) => {
            if (res.status !== 202) throw new Error(`latency: ${res.status} ${res.text.slice(0, 300)}`);
          }),
        );
      }
      await Promise.all(posts);
      const achieved = total / ((performance.now() - start) / 1000);
      await until(async () => latency.size >= total, drainMs);
      stopPolling = true;
      await poller;
      const end = performance.now();
      const times = [...sentAt.entries()].map(([k, at]) => latency.get(k) ?? end - at).sort((a, b) => a - b);
      return { achieved, times, missing: total - latency.size };
    };

    const rows = [];
    for (const [rate, seconds, drainMs] of [
      [LOW_RATE, LOW_SECONDS, 10_000],
      [RATE, SECONDS, DRAIN_MS],
    ] as const) {
      const { achieved, times, missing } = await phase(rate, seconds, drainMs);
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
