// PSA calls per alert lifecycle, on each of the three simulators: a failure opens a ticket, ten
// repeats inside the repeat-note interval, then the fix resolves it. Counted from the simulator's
// own request log, before and after. A throwaway lifecycle first reads the pick lists and the
// catalog the first ticket of a connection needs, so they are not counted.
import {
  alertEvent,
  measured,
  psaRequests,
  startAlertHub,
  until,
  type AlertHub,
  type Backend,
  type BenchResult,
  type Kind,
  type Row,
} from './fixture.ts';

const KINDS: Kind[] = ['connectwise', 'autotask', 'halopsa'];
const REPEATS = 10;

export async function alertCalls(backend: Backend, postgresUrl?: string): Promise<BenchResult> {
  const h = await startAlertHub({
    backend,
    postgresUrl,
    role: 'all',
    linked: { connectwise: 2, autotask: 2, halopsa: 2 },
  });
  try {
    const rows: Row[] = [];
    const detail: Record<string, string[]> = {};
    for (const kind of KINDS) {
      const [warm, org] = h.orgs[kind]!;
      const before0 = (await psaRequests(h.sims[kind]!)).length;
      await lifecycle(h, kind, warm!, 'warm');
      const before = (await psaRequests(h.sims[kind]!)).length;
      await lifecycle(h, kind, org!, 'measured');
      const log = await psaRequests(h.sims[kind]!);
      const calls = log.slice(before);
      detail[kind] = calls.map((c) => `${c.method} ${c.path}`);
      rows.push(
        measured(backend, `${kind}: PSA calls, first lifecycle of a connection`, before - before0),
        measured(
          backend,
          `${kind}: PSA calls per lifecycle (open, ${REPEATS} repeats, resolve)`,
          calls.length,
          {
            text: '<= 3',
            ok: (v) => v <= 3,
          },
        ),
      );
    }
    console.log('PSA calls of the measured lifecycles:', JSON.stringify(detail, null, 1));
    return { backend, rows };
  } finally {
    await h.stop();
  }
}

async function lifecycle(h: AlertHub, kind: Kind, org: { id: string; ext: string }, label: string) {
  let seq = 0;
  const send = async (status: 'failing' | 'resolved') => {
    const e = alertEvent(`calls-${h.tree.tag}-${kind}-${label}-${++seq}`, org.ext, 'ann@example.com', status);
    const res = await h.t.source.post<{ accepted: number }>('/api/v1/source/events', { events: [e] });
    if (res.body.accepted !== 1) throw new Error(`calls: ${res.text}`);
  };
  const alert = async () =>
    (
      await h.t.hub.db.query<{
        status: string;
        wants: unknown[];
        tickets: object;
        waiting_reason: string | null;
      }>('SELECT status, wants, tickets, waiting_reason FROM alerts WHERE organization_id = $1', [org.id])
    )[0];
  const settled = async (status: string) => {
    const a = await alert();
    return (
      a !== undefined && a.status === status && a.wants.length === 0 && Object.keys(a.tickets).length > 0
    );
  };
  await send('failing');
  if (!(await until(() => settled('failing'), 30_000)))
    throw new Error(`${kind}: no ticket (${JSON.stringify(await alert())})`);
  for (let i = 0; i < REPEATS; i++) await send('failing');
  await send('resolved');
  if (!(await until(() => settled('resolved'), 30_000)))
    throw new Error(`${kind}: not resolved (${JSON.stringify(await alert())})`);
}
