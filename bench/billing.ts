// Billing at scale: BENCH_BILLING_LINKS organization links (10,000 by default) over
// BENCH_BILLING_CONNECTIONS connections (20), spread in turn over the PSAs of BENCH_BILLING_PSAS
// (connectwise,autotask,halopsa), each organization billing 2 plans into its own PSA company's two
// billing records (seeded by the simulators' `/_sim/billing-companies`). Usage for every line equal
// to what the PSA holds, then three full runs ("sync now" on every connection at once, the path a
// daily run takes: every billed link of the connection) with every PSA call BENCH_BILLING_LATENCY_MS
// (100) slower, through the simulators' shared `/_sim/faults` latency:
//   1. steady: nothing to change — the baseline for reads and time;
//   2. daily: after BENCH_BILLING_CHANGED_PERCENT (1) % of the usage lines changed;
//   3. again: nothing changed since run 2.
// PSA reads and writes are counted from each simulator's request log (`/_sim/requests`): a write is
// a call that changes a record (ConnectWise PATCH, Autotask adjustment POST / service PATCH, Halo
// updatelines / licence POST), authentication and zone lookups are neither. One simulator per PSA:
// its connections share that tenant (and Autotask's hourly budget), the worst case for the budget.
import { fork } from 'node:child_process';
import {
  measured,
  random,
  sleep,
  startHubOn,
  type Backend,
  type BenchResult,
  type Kind,
  type Row,
} from './fixture.ts';
import { seedTree } from '../test/support/hub.ts';

/** A simulator in the sim-host process, reached over HTTP only. */
interface Sim {
  kind: Kind;
  url: string;
  credentials: Record<string, string>;
}

/** Start these simulators in a child process (bench/sim-host.ts); `stop` ends it. */
async function startRemoteSimulators(kinds: Kind[]): Promise<{ sims: Sim[]; stop: () => void }> {
  const child = fork(new URL('./sim-host.ts', import.meta.url), [JSON.stringify(kinds)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sims = await new Promise<Sim[]>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Sim[]));
    child.once('exit', (code) => reject(new Error(`sim-host ended (${code})`)));
  });
  return { sims, stop: () => child.kill() };
}

async function simGet<T>(sim: Sim, path: string): Promise<T> {
  const res = await fetch(`${sim.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A simulator table by id (`/_sim/records/{table}`). */
async function simTable(sim: Sim, table: string): Promise<Map<number, Rec>> {
  const rows = await simGet<Rec[]>(sim, `/_sim/records/${table}`);
  return new Map(rows.map((r) => [Number(r.id), r]));
}

const envInt = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: a positive number, not "${v}"`);
  return n;
};

export interface BillingBenchOptions {
  links?: number;
  connections?: number;
  kinds?: Kind[];
  latencyMs?: number;
  changedPercent?: number;
  /** A run not done after this long fails the benchmark. */
  runTimeoutMs?: number;
}

const PLANS = 2;
/** Autotask's default hourly request budget (reference §5.3). */
const AUTOTASK_BUDGET = 10_000;
/** The time target for a full daily run, and what the scale was meant to be. */
const FULL_LINKS = 10_000;
const RUN_TARGET_S = 300;

interface Target {
  kind: Kind;
  companyId: string;
  targets: { id: string; label: string; quantity: number }[];
}

interface Conn {
  id: string;
  kind: Kind;
  sim: Sim;
  partnerId: string;
  partnerExt: string;
  companies: Target[];
}

const targetKind: Record<Kind, string> = {
  connectwise: 'agreement_addition',
  autotask: 'contract_service',
  halopsa: 'recurring_invoice_line',
};

/** Whether a logged simulator request changed a record, only read, or was neither. */
export function callKind(kind: Kind, c: { method: string; path: string }): 'read' | 'write' | 'other' {
  const m = c.method.toUpperCase();
  const p = c.path.toLowerCase();
  if (kind === 'autotask') {
    if (p.includes('zoneinformation') || p.includes('versioninformation')) return 'other';
    if (m === 'GET' || (m === 'POST' && /\/query(\/|$)/.test(p))) return 'read';
    return 'write';
  }
  if (kind === 'halopsa') {
    if (p.startsWith('/auth')) return 'other';
    return m === 'GET' ? 'read' : 'write';
  }
  if (p.includes('companyinfo')) return 'other';
  return m === 'GET' ? 'read' : 'write';
}

export async function billingBench(
  backend: Backend,
  postgresUrl?: string,
  opts: BillingBenchOptions = {},
): Promise<BenchResult> {
  const LINKS = opts.links ?? envInt('BENCH_BILLING_LINKS', FULL_LINKS);
  const CONNECTIONS = opts.connections ?? envInt('BENCH_BILLING_CONNECTIONS', 20);
  const KINDS =
    opts.kinds ?? ((process.env.BENCH_BILLING_PSAS ?? 'connectwise,autotask,halopsa').split(',') as Kind[]);
  const LATENCY_MS = opts.latencyMs ?? envInt('BENCH_BILLING_LATENCY_MS', 100);
  const CHANGED_PERCENT = opts.changedPercent ?? envInt('BENCH_BILLING_CHANGED_PERCENT', 1);
  const RUN_TIMEOUT_MS = opts.runTimeoutMs ?? envInt('BENCH_BILLING_RUN_TIMEOUT_S', 900) * 1000;

  const t = await startHubOn(backend, postgresUrl, { role: 'all' });
  let host: { sims: Sim[]; stop: () => void } | undefined;
  try {
    const db = t.hub.db;
    const tree = await seedTree(t.source);
    const log = (msg: string) => console.log(`  billing: ${msg}`);

    // Partners (one per connection, as a PSA connection is one partner's), two plans each.
    const partnerItems = Array.from({ length: CONNECTIONS }, (_, i) => ({
      externalId: `bill-partner-${i}-${tree.tag}`,
      name: `Billing Partner ${i} ${tree.tag}`,
      kind: 'direct_reseller',
      parentExternalId: tree.ext('dist'),
    }));
    const partners = await t.source.post('/api/v1/source/partners/batch', { items: partnerItems });
    if (partners.body.counts?.rejected !== 0) throw new Error(`partners: ${partners.text.slice(0, 500)}`);
    const partnerId = (ext: string) =>
      (partners.body.results as { key: string; id: string }[]).find((r) => r.key === ext)!.id;
    const planExts = Array.from({ length: PLANS }, (_, i) => `bill-plan-${i}-${tree.tag}`);
    const plans = await t.source.post('/api/v1/source/plans/batch', {
      items: planExts.map((externalId, i) => ({ externalId, name: `Bench plan ${i}`, unit: 'seat' })),
    });
    if (plans.body.counts?.rejected !== 0) throw new Error(`plans: ${plans.text.slice(0, 500)}`);
    const assigned = await t.source.post('/api/v1/source/partners/plans/batch', {
      items: partnerItems.map((p) => ({ partnerExternalId: p.externalId, planExternalIds: planExts })),
    });
    if (assigned.status >= 300) throw new Error(`partner plans: ${assigned.text.slice(0, 500)}`);
    const planIds = (
      await db.query<{ id: string; external_id: string }>(
        'SELECT id, external_id FROM plans WHERE external_id = ANY($1::text[])',
        [planExts],
      )
    )
      .sort((a, b) => planExts.indexOf(a.external_id) - planExts.indexOf(b.external_id))
      .map((p) => p.id);

    // Connections in turn over the PSAs, the links shared out evenly.
    const kindOf = (i: number) => KINDS[i % KINDS.length]!;
    const share = (i: number) => Math.floor(LINKS / CONNECTIONS) + (i < LINKS % CONNECTIONS ? 1 : 0);
    const hour = (new Date().getUTCHours() + 23) % 24;
    const conns: Conn[] = [];
    // Each connection its own PSA tenant, as a partner's is (with its own request budget).
    host = await startRemoteSimulators(Array.from({ length: CONNECTIONS }, (_, i) => kindOf(i)));
    const sims = host.sims;
    for (let i = 0; i < CONNECTIONS; i++) {
      const kind = kindOf(i);
      const sim = sims[i]!;
      const companies = await seedBillingCompanies(sim, kind, share(i));
      const ext = partnerItems[i]!.externalId;
      const res = await t.operator.post('/api/v1/connections', {
        partnerId: partnerId(ext),
        kind,
        name: `${kind} billing bench ${i}`,
        siteUrl: sim.url,
        credentials: sim.credentials,
      });
      if (res.status !== 201) throw new Error(`connect ${kind}: ${res.text}`);
      const id = res.body.connection.id as string;
      // Auto, thresholds high enough that every change applies; a daily schedule whose hour has just
      // passed, so no scheduled (or on-change) run starts during the benchmark: the runs are ours.
      const settings = await t.operator.put(`/api/v1/connections/${id}/billing-settings`, {
        mode: 'auto',
        approvalThresholdPercent: 1000,
        schedule: { kind: 'daily', hour, utcOffsetMinutes: 0 },
      });
      if (settings.status !== 200) throw new Error(`billing settings: ${settings.text}`);
      // Each plan to the product of its billing record, through the API as a partner does it.
      const listed = await t.operator.get(
        `/api/v1/connections/${id}/billing-targets?companyId=${companies[0]!.companyId}`,
      );
      if (listed.status !== 200) throw new Error(`billing targets: ${listed.text}`);
      const targets = listed.body.targets as { id: string; productId: string | null }[];
      for (const [p, planId] of planIds.entries()) {
        const target = targets.find((x) => x.id === companies[0]!.targets[p]!.id);
        if (!target?.productId) throw new Error(`${kind}: no product on ${companies[0]!.targets[p]!.id}`);
        const mapped = await t.operator.put(`/api/v1/connections/${id}/plan-links/${planId}`, {
          productId: target.productId,
        });
        if (mapped.status !== 200) throw new Error(`plan link: ${mapped.text}`);
      }
      conns.push({ id, kind, sim, partnerId: partnerId(ext), partnerExt: ext, companies });
    }

    // Organizations through the Source API; their links and billing targets straight into the
    // database (linking thousands one by one over the API is not what is measured here: the rows
    // are those the link API writes — test/api/isolation.test.ts does the same for minimal rows).
    const orgExt = (c: number, i: number) => `bill-org-${c}-${i}-${tree.tag}`;
    const setupStart = performance.now();
    const lines: {
      orgExt: string;
      planExt: string;
      conn: number;
      kind: Kind;
      targetId: string;
      quantity: number;
    }[] = [];
    for (const [c, conn] of conns.entries()) {
      const orgIds: string[] = [];
      for (let from = 0; from < conn.companies.length; from += 1000) {
        const items = conn.companies.slice(from, from + 1000).map((_, k) => ({
          externalId: orgExt(c, from + k),
          name: `Bench billing org ${c}-${from + k}`,
          partnerExternalId: conn.partnerExt,
        }));
        const res = await t.source.post('/api/v1/source/organizations/batch', { items });
        if (res.body.counts?.created !== items.length)
          throw new Error(`organizations: ${res.text.slice(0, 500)}`);
        const ids = new Map((res.body.results as { key: string; id: string }[]).map((r) => [r.key, r.id]));
        for (const item of items) orgIds.push(ids.get(item.externalId)!);
      }
      const linkRows = await db.query<{ id: string; organization_id: string }>(
        `INSERT INTO org_links (organization_id, connection_id, company_id, company_name, method, health_checked_at)
         SELECT o, $2, c, 'Billing company ' || c, 'manual', now()
           FROM unnest($1::uuid[], $3::text[]) AS t(o, c)
         RETURNING id, organization_id`,
        [orgIds, conn.id, conn.companies.map((x) => x.companyId)],
      );
      const linkOf = new Map(linkRows.map((r) => [r.organization_id, r.id]));
      const b = { link: [] as string[], plan: [] as string[], target: [] as string[], label: [] as string[] };
      conn.companies.forEach((company, k) => {
        company.targets.slice(0, PLANS).forEach((target, p) => {
          b.link.push(linkOf.get(orgIds[k]!)!);
          b.plan.push(planIds[p]!);
          b.target.push(target.id);
          b.label.push(target.label);
          lines.push({
            orgExt: orgExt(c, k),
            planExt: planExts[p]!,
            conn: c,
            kind: conn.kind,
            targetId: target.id,
            quantity: target.quantity,
          });
        });
      });
      await db.query(
        `INSERT INTO org_link_billing (link_id, plan_id, target_id, target_kind, target_label)
         SELECT l, p, t, $5, lb FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS x(l, p, t, lb)`,
        [b.link, b.plan, b.target, b.label, targetKind[conn.kind]],
      );
    }
    log(`${lines.length} lines on ${LINKS} links linked in ${Math.round(performance.now() - setupStart)} ms`);

    // Usage for every line, as the PSA holds it now.
    const asOf = new Date(Date.now() - 60_000);
    await sendUsage(t, lines, asOf);
    log('usage sent');

    for (const sim of sims) {
      if (LATENCY_MS > 0) await simPost(sim, '/_sim/faults', { path: '.', latencyMs: LATENCY_MS });
    }

    const runAll = async (label: string) => {
      for (const sim of sims) await fetch(`${sim.url}/_sim/requests`, { method: 'DELETE' });
      const start = performance.now();
      const ids: string[] = [];
      for (const conn of conns) {
        const res = await t.operator.post(`/api/v1/connections/${conn.id}/billing/sync`, {});
        if (res.status !== 202) throw new Error(`sync: ${res.status} ${res.text}`);
        ids.push(res.body.id);
      }
      const runs = new Map<string, RunView>();
      const end = Date.now() + RUN_TIMEOUT_MS;
      let lastLog = 0;
      while (runs.size < ids.length) {
        for (const id of ids) {
          if (runs.has(id)) continue;
          const r = (await t.operator.get(`/api/v1/billing/runs/${id}`)).body as RunView;
          if (r.state === 'done' || r.state === 'failed') runs.set(id, r);
        }
        if (runs.size === ids.length) break;
        if (Date.now() > end) throw new Error(`${label}: ${ids.length - runs.size} run(s) not done in time`);
        if (Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          const [p] = await db.query<{ done: number; total: number }>(
            'SELECT sum(links_done)::int AS done, sum(links_total)::int AS total FROM billing_runs WHERE id = ANY($1::uuid[])',
            [ids],
          );
          log(
            `${label}: ${p!.done ?? 0} of ${LINKS} links after ${Math.round((performance.now() - start) / 1000)} s`,
          );
        }
        await sleep(250);
      }
      const seconds = (performance.now() - start) / 1000;
      const failed = [...runs.values()].filter((r) => r.state === 'failed' || r.error);
      if (failed.length) throw new Error(`${label}: runs failed: ${failed.map((r) => r.error).join('; ')}`);
      const calls: Partial<Record<Kind, Calls>> = {};
      /** Autotask requests of the busiest tenant. */
      let autotaskMax = 0;
      const detail: Record<string, number> = {};
      for (const conn of conns) {
        const c = (calls[conn.kind] ??= { read: 0, write: 0, other: 0, all: 0 });
        const logged = await simGet<{ method: string; path: string }[]>(conn.sim, '/_sim/requests');
        for (const r of logged) {
          c[callKind(conn.kind, r)]++;
          c.all++;
          const key = `${conn.kind} ${r.method} ${r.path.replace(/\d+/g, 'N')}`;
          detail[key] = (detail[key] ?? 0) + 1;
        }
        if (conn.kind === 'autotask') autotaskMax = Math.max(autotaskMax, logged.length);
      }
      const hubWrites = [...runs.values()].reduce((n, r) => n + r.writes, 0);
      log(`${label}: ${Math.round(seconds)} s, hub writes ${hubWrites}, calls ${JSON.stringify(detail)}`);
      // How long one connection's run took once started, per PSA (at most 4 run at once per worker).
      const timed = await db.query<{ kind: Kind; s: number }>(
        `SELECT c.kind, extract(epoch FROM r.finished_at - r.started_at)::float AS s
           FROM billing_runs r JOIN connections c ON c.id = r.connection_id WHERE r.id = ANY($1::uuid[])`,
        [ids],
      );
      const runSeconds: Partial<Record<Kind, number>> = {};
      for (const kind of new Set(timed.map((r) => r.kind))) {
        const mine = timed.filter((r) => r.kind === kind);
        runSeconds[kind] = mine.reduce((n, r) => n + r.s, 0) / mine.length;
      }
      log(`${label}: mean seconds per connection run ${JSON.stringify(runSeconds)}`);
      return { seconds, calls, hubWrites, autotaskMax, runSeconds };
    };

    const steady = await runAll('steady');

    // Change CHANGED_PERCENT % of the lines (up by 1–3, so no hold for a drop to zero).
    const rnd = random(7);
    const changed = new Set<number>();
    const wantChanged = Math.max(1, Math.round((lines.length * CHANGED_PERCENT) / 100));
    while (changed.size < wantChanged) changed.add(Math.floor(rnd() * lines.length));
    const changes = [...changed].map((i) => ({ ...lines[i]!, quantity: lines[i]!.quantity + 1 + (i % 3) }));
    await sendUsage(t, changes, new Date());
    const daily = await runAll('daily');
    const wrong = await wrongLines(conns, changes);
    const again = await runAll('again');
    let window = 0;
    for (const c of conns) if (c.kind === 'autotask') window = Math.max(window, await autotaskWindow(c.sim));

    const companiesPer = new Map<Kind, number>();
    for (const c of conns) companiesPer.set(c.kind, (companiesPer.get(c.kind) ?? 0) + c.companies.length);
    const totalReads = (r: typeof steady) => Object.values(r.calls).reduce((n, c) => n + (c?.read ?? 0), 0);
    const totalWrites = (r: typeof steady) => Object.values(r.calls).reduce((n, c) => n + (c?.write ?? 0), 0);
    const lte1 = { text: '<= 1', ok: (v: number) => v <= 1 };
    const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
    const b = backend;
    const rows: Row[] = [
      measured(b, `billing: links (${CONNECTIONS} connections: ${KINDS.join(', ')}), lines`, LINKS),
      measured(b, 'billing: usage lines', lines.length),
      measured(b, `billing: added PSA latency per call (ms)`, LATENCY_MS),
      measured(b, 'billing steady run (nothing changed): seconds', round(steady.seconds, 1)),
      measured(b, 'billing steady run: PSA reads per company', round(totalReads(steady) / LINKS)),
      measured(b, `billing daily run: lines changed (${CHANGED_PERCENT} %)`, changes.length),
      measured(b, 'billing daily run: PSA writes', totalWrites(daily), {
        text: `= ${changes.length} (changed lines)`,
        ok: (v) => v === changes.length,
      }),
      measured(b, 'billing daily run: lines wrong in the PSA afterwards', wrong, {
        text: '0',
        ok: (v) => v === 0,
      }),
    ];
    for (const kind of KINDS) {
      const n = companiesPer.get(kind) ?? 0;
      if (!n) continue;
      rows.push(
        measured(
          b,
          `billing daily run: ${kind} reads per company (${n} companies)`,
          round(daily.calls[kind]!.read / n),
          lte1,
        ),
      );
    }
    for (const kind of KINDS)
      if (daily.runSeconds[kind] !== undefined)
        rows.push(
          measured(
            b,
            `billing daily run: ${kind} seconds per connection run (mean)`,
            round(daily.runSeconds[kind]!, 1),
          ),
        );
    rows.push(
      measured(b, 'billing daily run: PSA reads per company, all', round(totalReads(daily) / LINKS), lte1),
      measured(
        b,
        `billing daily run: seconds (${LINKS} links, +${LATENCY_MS} ms per call)`,
        round(daily.seconds, 1),
        LINKS >= FULL_LINKS
          ? { text: `<= ${RUN_TARGET_S}`, ok: (v) => v <= RUN_TARGET_S }
          : {
              text: `<= ${RUN_TARGET_S} at ${FULL_LINKS} links (scaled: ${round((RUN_TARGET_S * LINKS) / FULL_LINKS, 0)})`,
              ok: (v) => v <= (RUN_TARGET_S * LINKS) / FULL_LINKS,
            },
      ),
    );
    if (daily.calls.autotask) {
      const tenants = conns.filter((c) => c.kind === 'autotask').length;
      const pct = (n: number) => round((n / AUTOTASK_BUDGET) * 100, 2);
      rows.push(
        measured(
          b,
          'billing daily run: Autotask requests of the busiest tenant, % of its 10,000/h',
          pct(daily.autotaskMax),
          { text: '<= 50', ok: (v) => v <= 50 },
        ),
        measured(
          b,
          `billing daily run: Autotask requests of all ${tenants} tenants together, % of one 10,000/h`,
          pct(daily.calls.autotask.all),
          { text: '<= 50', ok: (v) => v <= 50 },
        ),
        measured(
          b,
          'billing: busiest Autotask tenant hour window after setup and all three runs, % of budget',
          pct(window),
          { text: '<= 50', ok: (v) => v <= 50 },
        ),
      );
    }
    rows.push(
      measured(b, 'billing second run, nothing changed: PSA writes', totalWrites(again), {
        text: '0',
        ok: (v) => v === 0,
      }),
      measured(b, 'billing second run, nothing changed: seconds', round(again.seconds, 1)),
    );
    return { backend, rows };
  } finally {
    host?.stop();
    await t.stop();
  }
}

interface Calls {
  read: number;
  write: number;
  other: number;
  all: number;
}

interface RunView {
  id: string;
  state: string;
  linksTotal: number;
  linksDone: number;
  changeSets: number;
  writes: number;
  error: string | null;
}

async function simPost(sim: Sim, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

type Rec = Record<string, unknown>;

/** `count` billing companies, each with its two records as the hub names them and their quantity now. */
async function seedBillingCompanies(sim: Sim, kind: Kind, count: number): Promise<Target[]> {
  const out: Target[] = [];
  for (let from = 0; from < count; from += 20_000) {
    const n = Math.min(20_000, count - from);
    const body = (await simPost(sim, '/_sim/billing-companies', { count: n })) as { companies: Rec[] };
    const rows = await simTable(
      sim,
      { connectwise: 'additions', autotask: 'ContractServices', halopsa: 'invoicelines' }[kind],
    );
    for (const c of body.companies) {
      if (kind === 'connectwise') {
        const ids = c.additionIds as number[];
        out.push({
          kind,
          companyId: String(c.companyId),
          targets: ids.map((a) => ({
            id: `${c.agreementId}:${a}`,
            label: `Agreement ${c.agreementId} → addition ${a}`,
            quantity: Number(rows.get(a)!.quantity),
          })),
        });
      } else if (kind === 'autotask') {
        const ids = c.contractServiceIds as number[];
        out.push({
          kind,
          companyId: String(c.companyId),
          targets: ids.map((cs) => {
            const service = rows.get(cs)!;
            return {
              id: `${c.contractId}.${service.serviceID}.${cs}`,
              label: `Contract ${c.contractId} → service ${service.serviceID}`,
              quantity: -1,
            };
          }),
        });
      } else {
        const ids = c.lineIds as number[];
        out.push({
          kind,
          companyId: String(c.clientId),
          targets: ids.map((l) => ({
            id: `ril:${c.recurringInvoiceId}:${l}`,
            label: `Recurring invoice ${c.recurringInvoiceId} → line ${l}`,
            quantity: Number(rows.get(l)!.qty_order),
          })),
        });
      }
    }
  }
  if (kind === 'autotask') {
    const units = await currentUnits(sim);
    for (const c of out) for (const t of c.targets) t.quantity = units.get(Number(t.id.split('.')[2])) ?? -1;
    const missing = out.flatMap((c) => c.targets).filter((t) => t.quantity < 0);
    if (missing.length) throw new Error(`autotask: no current units for ${missing.length} services`);
  }
  return out;
}

async function sendUsage(
  t: Awaited<ReturnType<typeof startHubOn>>,
  lines: { orgExt: string; planExt: string; quantity: number }[],
  asOf: Date,
): Promise<void> {
  for (let from = 0; from < lines.length; from += 1000) {
    const usage = lines.slice(from, from + 1000).map((l) => ({
      organizationId: l.orgExt,
      planId: l.planExt,
      quantity: l.quantity,
      asOf: asOf.toISOString(),
    }));
    const res = await t.source.post('/api/v1/source/usage', { usage });
    if (res.status !== 202 || res.body.rejected !== 0)
      throw new Error(`usage: ${res.status} ${res.text.slice(0, 500)}`);
  }
}

/** Today's units per Autotask contract service: the period row covering today. */
async function currentUnits(sim: Sim): Promise<Map<number, number>> {
  const today = new Date();
  const units = new Map<number, number>();
  for (const u of (await simTable(sim, 'ContractServiceUnits')).values()) {
    const start = new Date(String(u.startDate));
    const end = new Date(new Date(String(u.endDate)).getTime() + 86_400_000);
    if (start <= today && today < end) units.set(Number(u.contractServiceID), Number(u.units));
  }
  return units;
}

/** Changed lines the PSA does not hold at their new quantity. */
async function wrongLines(
  conns: Conn[],
  changes: { conn: number; kind: Kind; targetId: string; quantity: number }[],
): Promise<number> {
  const tables = new Map<number, Map<number, number>>();
  const quantities = async (c: number) => {
    const sim = conns[c]!.sim;
    if (sim.kind === 'autotask') return currentUnits(sim);
    const table = await simTable(sim, sim.kind === 'connectwise' ? 'additions' : 'invoicelines');
    const field = sim.kind === 'connectwise' ? 'quantity' : 'qty_order';
    return new Map([...table].map(([id, r]) => [id, Number(r[field])]));
  };
  let wrong = 0;
  for (const c of changes) {
    if (!tables.has(c.conn)) tables.set(c.conn, await quantities(c.conn));
    const id =
      c.kind === 'connectwise'
        ? c.targetId.split(':')[1]
        : c.kind === 'halopsa'
          ? c.targetId.split(':')[2]
          : c.targetId.split('.')[2];
    const q = tables.get(c.conn)!.get(Number(id)) ?? NaN;
    if (q !== c.quantity) wrong++;
  }
  return wrong;
}

/** Requests in the Autotask tenant's current hour window (its ThresholdInformation). */
async function autotaskWindow(sim: Sim | undefined): Promise<number> {
  if (!sim) return 0;
  const body = (await simPost(sim, '/_sim/rate-limit', {})) as {
    thresholdInformation: { currentTimeframeRequestCount: number };
  };
  return body.thresholdInformation.currentTimeframeRequestCount;
}
