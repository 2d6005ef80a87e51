// Event ingest: events/s and the latency of `POST /api/v1/source/events` on an API-only hub (no
// workers competing), with batches of 100 and of 1000 events over 500 linked organizations — mostly
// repeats of alerts that already exist, one in ten a new alert; one sender after another, and four
// senders at once (the vendor's platform pushing from several machines).
import {
  alertEvent,
  measured,
  percentile,
  random,
  startAlertHub,
  type Backend,
  type BenchResult,
  type Row,
} from './fixture.ts';

const ORGS = 500;
/** Alerts each organization already has before the measured batches. */
const EXISTING = 3;
const NEW_SHARE = 0.1;

export async function alertIngest(backend: Backend, postgresUrl?: string): Promise<BenchResult> {
  const h = await startAlertHub({ backend, postgresUrl, role: 'api', linked: { connectwise: ORGS } });
  try {
    const orgs = h.orgs.connectwise!;
    let seq = 0;
    let fresh = 0;
    const id = () => `ingest-${h.tree.tag}-${++seq}`;
    // The existing alerts (their first failure), sent the same way, not measured.
    const seed = orgs.flatMap((o) =>
      Array.from({ length: EXISTING }, (_, r) => alertEvent(id(), o.ext, `r${r}`)),
    );
    for (let i = 0; i < seed.length; i += 1000) await send(seed.slice(i, i + 1000));

    const rand = random(12345);
    const batch = (size: number) =>
      Array.from({ length: size }, () => {
        const org = orgs[Math.floor(rand() * orgs.length)]!;
        const resource = rand() < NEW_SHARE ? `n${++fresh}` : `r${Math.floor(rand() * EXISTING)}`;
        return alertEvent(id(), org.ext, resource);
      });

    const rows: Row[] = [];
    for (const [size, count, senders] of [
      [100, 50, 1],
      [100, 100, 4],
      [1000, 10, 1],
    ] as const) {
      const batches = Array.from({ length: count }, () => batch(size));
      const times: number[] = [];
      const start = performance.now();
      let next = 0;
      const sender = async () => {
        while (next < batches.length) {
          const b = batches[next++]!;
          const t0 = performance.now();
          await send(b);
          times.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: senders }, sender));
      const seconds = (performance.now() - start) / 1000;
      times.sort((a, b) => a - b);
      const perSecond = Math.round((size * count) / seconds);
      const goal = backend === 'pglite' ? 2000 : 5000;
      const label = `ingest ${size}/batch, ${senders} sender${senders > 1 ? 's' : ''}`;
      rows.push(
        measured(backend, `${label} (events/s)`, perSecond, {
          text: `>= ${goal.toLocaleString('en')}`,
          ok: (v) => v >= goal,
        }),
        measured(backend, `${label}: POST p50 (ms)`, Math.round(percentile(times, 0.5))),
        measured(backend, `${label}: POST p99 (ms)`, Math.round(percentile(times, 0.99))),
      );
    }
    return { backend, rows };

    async function send(events: ReturnType<typeof alertEvent>[]) {
      const res = await h.t.source.post<{ accepted: number }>('/api/v1/source/events', { events });
      if (res.status !== 202 || res.body.accepted !== events.length)
        throw new Error(`ingest: ${res.status} ${res.text.slice(0, 300)}`);
    }
  } finally {
    await h.stop();
  }
}
