// What the benchmarks share: a hub on the chosen database (a fresh in-memory PGlite, or a
// scratch database on PostgreSQL dropped afterwards), partners with a connection to each PSA simulator
// and ticket settings chosen from its pick lists, and organizations linked to it — all set up over
// real HTTP, as test/api/alert-tickets.test.ts does.
import { alertKey } from '../src/core/alert-lifecycle.ts';
import pg from 'pg';
import { startSimulator, type RunningSimulator } from '../src/simulators/index.ts';
import { ticketSettingsFromPickLists } from '../test/support/alerts.ts';
import { seedTree, startTestHub, type TestHub } from '../test/support/hub.ts';

export type Backend = 'pglite' | 'postgres';
export type Kind = 'connectwise' | 'autotask' | 'halopsa';

export interface Row {
  backend: string;
  measure: string;
  value: number;
  target?: string;
  met?: 'yes' | 'NO' | '';
}

export interface BenchResult {
  backend: string;
  rows: Row[];
}

/** A PSA company to link organizations to, per simulator seed. */
export const companyOf: Record<Kind, string> = { connectwise: '2', autotask: '174', halopsa: '174' };

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same lists. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A row that says its target and whether it was met. */
export function measured(
  backend: string,
  measure: string,
  value: number,
  target?: { text: string; ok: (v: number) => boolean },
): Row {
  if (!target) return { backend, measure, value, target: '', met: '' };
  return { backend, measure, value, target: target.text, met: target.ok(value) ? 'yes' : 'NO' };
}

/**
 * The PostgreSQL server to measure on: DATABASE_URL, or the local one at 127.0.0.1:5432 (database
 * `test`) when it answers; undefined when there is none.
 */
export async function findPostgres(): Promise<string | undefined> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface AlertHub {
  t: TestHub;
  tree: Awaited<ReturnType<typeof seedTree>>;
  sims: Partial<Record<Kind, RunningSimulator>>;
  /** The first connection per kind. */
  conn: Partial<Record<Kind, string>>;
  /** Organizations linked per kind (external id for events, hub id), the connections interleaved. */
  orgs: Partial<Record<Kind, { id: string; ext: string }[]>>;
  stop(): Promise<void>;
}

export interface AlertHubOptions {
  backend: Backend;
  /** The PostgreSQL server (from findPostgres) when backend is 'postgres'. */
  postgresUrl?: string | undefined;
  role: 'all' | 'api';
  /** How many organizations to create and link on each simulator. */
  linked: Partial<Record<Kind, number>>;
  /**
   * Spread them over this many connections to the simulator (one per partner, as a PSA connection
   * is), each with its own request budget; 1 by default.
   */
  connections?: number;
  /** The secret key (hex), for worker processes that must open the same credentials. */
  secretKey?: string;
}

/**
 * A test hub on the chosen backend: test/support's fresh database follows DATABASE_URL, so it is set
 * (or cleared) for the start and put back afterwards.
 */
export async function startHubOn(
  backend: Backend,
  postgresUrl: string | undefined,
  opts: Parameters<typeof startTestHub>[0] = {},
): Promise<TestHub> {
  const saved = process.env.DATABASE_URL;
  if (backend === 'pglite') delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = postgresUrl ?? saved;
  try {
    return await startTestHub(opts);
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

export async function startAlertHub(opts: AlertHubOptions): Promise<AlertHub> {
  const t = await startHubOn(opts.backend, opts.postgresUrl, {
    role: opts.role,
    ...(opts.secretKey ? { secretKey: opts.secretKey } : {}),
  });
  const sims: AlertHub['sims'] = {};
  const stop = async () => {
    await Promise.all(Object.values(sims).map((s) => s.stop()));
    await t.stop();
  };
  try {
    const tree = await seedTree(t.source);
    const conn: AlertHub['conn'] = {};
    const orgs: AlertHub['orgs'] = {};
    const spread = opts.connections ?? 1;
    const partners = [{ id: tree.partners.resA, ext: tree.ext('resA') }];
    if (spread > 1) {
      const items = Array.from({ length: spread - 1 }, (_, i) => ({
        externalId: `bench-partner-${i}-${tree.tag}`,
        name: `Bench Partner ${i} ${tree.tag}`,
        kind: 'direct_reseller',
        parentExternalId: tree.ext('dist'),
      }));
      const res = await t.source.post('/api/v1/source/partners/batch', { items });
      if (res.body.counts?.rejected !== 0) throw new Error(`partners: ${res.text.slice(0, 500)}`);
      for (const item of items)
        partners.push({
          id: res.body.results.find((r: { key: string }) => r.key === item.externalId).id,
          ext: item.externalId,
        });
    }
    for (const [kind, count] of Object.entries(opts.linked) as [Kind, number][]) {
      const sim = await startSimulator(kind, { port: 0 });
      sims[kind] = sim;
      const companies = await liveCompanies(sim, kind);
      const lists: { id: string; ext: string }[][] = [];
      let linkedSoFar = 0;
      for (const [p, partner] of partners.entries()) {
        const res = await t.operator.post('/api/v1/connections', {
          partnerId: partner.id,
          kind,
          name: `${kind} bench ${p}`,
          siteUrl: sim.url,
          credentials: sim.credentials,
        });
        if (res.status !== 201) throw new Error(`connect ${kind}: ${res.text}`);
        const connectionId = res.body.connection.id as string;
        conn[kind] ??= connectionId;
        await ticketSettingsFromPickLists(t.operator, kind, connectionId);
        const share = Math.floor(count / spread) + (p < count % spread ? 1 : 0);
        const theirs = Array.from(
          { length: share },
          (_, i) => companies[(linkedSoFar + i) % companies.length]!,
        );
        linkedSoFar += share;
        lists.push(await linkedOrgs(t, partner.ext, `${kind}-${p}-${tree.tag}`, theirs, connectionId));
      }
      // Interleaved, so that consecutive organizations belong to different connections.
      const interleaved: { id: string; ext: string }[] = [];
      for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++)
        for (const l of lists) {
          const o = l[i];
          if (o) interleaved.push(o);
        }
      orgs[kind] = interleaved;
    }
    return { t, tree, sims, conn, orgs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** One organization per company given, pushed through the Source API and linked in bulk. */
async function linkedOrgs(
  t: TestHub,
  partnerExt: string,
  prefix: string,
  companies: string[],
  connectionId: string,
): Promise<{ id: string; ext: string }[]> {
  const count = companies.length;
  const out: { id: string; ext: string }[] = [];
  for (let from = 0; from < count; from += 1000) {
    const n = Math.min(1000, count - from);
    const items = Array.from({ length: n }, (_, i) => ({
      externalId: `${prefix}-org-${from + i}`,
      name: `Bench ${prefix} Org ${from + i}`,
      partnerExternalId: partnerExt,
    }));
    const res = await t.source.post('/api/v1/source/organizations/batch', { items });
    if (res.body.counts?.created !== n) throw new Error(`organizations: ${res.text.slice(0, 500)}`);
    const ids = new Map<string, string>(
      (res.body.results as { key: string; id: string }[]).map((r) => [r.key, r.id]),
    );
    for (const item of items) out.push({ id: ids.get(item.externalId)!, ext: item.externalId });
  }
  for (let from = 0; from < out.length; from += 100) {
    const links = out
      .slice(from, from + 100)
      .map((o, i) => ({ organizationId: o.id, companyId: companies[from + i]! }));
    const res = await t.operator.post(`/api/v1/connections/${connectionId}/org-links/confirm`, { links });
    if (res.body.counts?.linked !== links.length) throw new Error(`links: ${res.text.slice(0, 500)}`);
  }
  return out;
}

/**
 * The companies to link organizations to, one after another: on ConnectWise every active company of
 * the seed (so storm control's cap of new tickets per company and hour is not what is measured
 * unless a benchmark means it), elsewhere one known company.
 */
async function liveCompanies(sim: RunningSimulator, kind: Kind): Promise<string[]> {
  if (kind !== 'connectwise') return [companyOf[kind]];
  const rows = sim.psa.records('companies') as {
    id: number;
    deletedFlag?: boolean;
    status?: { name?: string };
    types?: { name?: string }[];
  }[];
  return rows
    .filter(
      (c) =>
        !c.deletedFlag && c.status?.name === 'Active' && !(c.types ?? []).some((t) => t.name === 'Prospect'),
    )
    .map((c) => String(c.id));
}

/** One failing (or resolved) event in the Source API's shape. */
export function alertEvent(
  id: string,
  orgExt: string,
  resource: string,
  status: 'failing' | 'resolved' = 'failing',
  occurredAt = new Date(),
) {
  return {
    id,
    organizationId: orgExt,
    condition: 'backup.email',
    resource,
    status,
    severity: 'high' as const,
    errorCode: 'graph.503',
    message: 'The mailbox backup failed: Microsoft Graph answered 503',
    occurredAt: occurredAt.toISOString(),
  };
}

/** The simulator's request log (every PSA call it answered). */
export async function psaRequests(sim: RunningSimulator): Promise<{ method: string; path: string }[]> {
  return (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { method: string; path: string }[];
}

export async function addFault(sim: RunningSimulator, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (res.status !== 201) throw new Error(`fault: ${res.status} ${await res.text()}`);
}

/** Wait until `done()` or the deadline; returns whether it was done. */
export async function until(done: () => Promise<boolean>, ms: number, every = 100): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > end) return false;
    await sleep(every);
  }
}

/** A throwaway ticket, so pick lists and the catalog are read (and a worker is up) before a clock runs. */
export async function warmTicket(h: AlertHub, org: { id: string; ext: string }, tag: string): Promise<void> {
  const warm = alertEvent(`${tag}-warm`, org.ext, `${tag}-warm`);
  await h.t.source.post('/api/v1/source/events', { events: [warm] });
  const key = alertKey(org.id, warm.condition, warm.resource);
  const made = async () =>
    (await h.t.hub.db.query(`SELECT 1 FROM alerts WHERE key = $1 AND tickets <> '{}'::jsonb`, [key]))
      .length === 1;
  if (!(await until(made, 60_000))) throw new Error(`${tag}: the warm-up ticket never came`);
}

export interface Phase {
  /** Events per second actually sent (the driver shares the machine). */
  achieved: number;
  /** Each event's time from its POST to its ticket, sorted; a missing one counts until the end. */
  times: number[];
  /** Events with no ticket when the drain ended. */
  missing: number;
  /** Tickets per second, from the first POST to the last ticket. */
  ticketsPerSecond: number;
}

/**
 * Send `rate` events/s for `seconds`, each the first failure of a new alert on `orgs` in turn, and
 * time each from its POST to the ticket recorded on its alert (polled every 20 ms).
 */
export async function timedPhase(
  h: AlertHub,
  orgs: { id: string; ext: string }[],
  p: {
    rate: number;
    seconds: number;
    drainMs: number;
    tag: string;
    /** Events per POST (a vendor platform batches); one by default. */
    perPost?: number;
  },
): Promise<Phase> {
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
  const total = p.rate * p.seconds;
  const perPost = p.perPost ?? 1;
  const posts: Promise<unknown>[] = [];
  const start = performance.now();
  for (let n = 0; n < total; n += perPost) {
    const wait = start + (n * 1000) / p.rate - performance.now();
    if (wait > 0) await sleep(wait);
    const events = [];
    for (let i = n; i < Math.min(total, n + perPost); i++) {
      const org = orgs[i % orgs.length]!;
      const e = alertEvent(`${p.tag}-${i}`, org.ext, `${p.tag}-${Math.floor(i / orgs.length)}@example.com`);
      sentAt.set(alertKey(org.id, e.condition, e.resource), performance.now());
      events.push(e);
    }
    posts.push(
      h.t.source.post('/api/v1/source/events', { events }).then((res) => {
        if (res.status !== 202) throw new Error(`events: ${res.status} ${res.text.slice(0, 300)}`);
      }),
    );
  }
  await Promise.all(posts);
  const achieved = total / ((performance.now() - start) / 1000);
  await until(async () => latency.size >= total, p.drainMs);
  stopPolling = true;
  await poller;
  const end = performance.now();
  const times = [...sentAt.entries()].map(([k, at]) => latency.get(k) ?? end - at).sort((a, b) => a - b);
  const lastTicket = Math.max(...[...latency.entries()].map(([k, ms]) => sentAt.get(k)! + ms), start);
  return {
    achieved,
    times,
    missing: total - latency.size,
    ticketsPerSecond: latency.size / Math.max(0.001, (lastTicket - start) / 1000),
  };
}
