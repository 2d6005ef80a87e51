// `psa-hub demo --events` as a newcomer runs it: a child process prints one JSON line, and through it
// the hub is ready to look at — a partner signs in, its three PSAs are connected, every organization
// is linked, backup failures turn into tickets in the simulators — and SIGTERM stops it all and
// removes its temporary database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../src/demo/demo-data.ts';
import { DemoEventPlan, type SourceEvent } from '../src/demo/demo-events.ts';
import { Client } from './support/client.ts';

interface Summary {
  hubUrl: string;
  sourceApiKey: string;
  login: { user: string; password: string };
  simulators: { kind: string; url: string; credentials: Record<string, string> }[];
  organizations: { externalId: string; psa: string; id: string; name: string }[];
}

let tempRoot: string;
let child: ChildProcess;
let stdout = '';
let stderr = '';

async function until<T>(what: string, read: () => Promise<T | undefined> | T | undefined, ms: number) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\nstderr:\n${stderr.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = () =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('psa-hub demo --events', () => {
  beforeAll(async () => {
    // The demo makes its database directory under the OS temp dir: point that at one of ours.
    tempRoot = await mkdtemp(path.join(tmpdir(), 'psahub-demo-test-'));
    const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
    child = spawn(process.execPath, [path.resolve('src/cli.ts'), 'demo', '--port', '0', '--events'], {
      env: { ...parentEnv, TMPDIR: tempRoot, TMP: tempRoot, TEMP: tempRoot },
    });
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(tempRoot, { recursive: true, force: true });
  });

  it('prints one JSON line, serves a ready partner, makes tickets, and stops cleanly', async () => {
    // About 15 s alone; the ceilings leave room for a busy machine running the whole suite.
    const line = await until('the summary line', () => (stdout.includes('\n') ? stdout : undefined), 45_000);
    expect(line.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(line) as Summary;
    expect(summary.sourceApiKey).toMatch(/^psah_src_/);
    expect(summary.simulators.map((s) => s.kind)).toEqual(['connectwise', 'autotask', 'halopsa']);
    expect(summary.organizations).toHaveLength(15);
    const demoDirs = async () => (await readdir(tempRoot)).filter((f) => f.startsWith('psahub-demo-'));
    expect(await demoDirs()).toHaveLength(1);

    const partner = new Client(summary.hubUrl);
    const signedIn = await partner.login(summary.login.user, summary.login.password);
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.body.user).toMatchObject({ role: 'owner', mustChangePassword: false });

    const { body: connections } = await partner.get('/api/v1/connections');
    expect(connections.items.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'autotask',
      'connectwise',
      'halopsa',
    ]);
    expect(connections.items.every((c: { status: string }) => c.status === 'connected')).toBe(true);
    const defaults = connections.items.filter((c: { isDefault: boolean }) => c.isDefault);
    expect(defaults.map((c: { kind: string }) => c.kind)).toEqual(['connectwise']);

    for (const org of summary.organizations) {
      const { body } = await partner.get(`/api/v1/organizations/${org.id}/link`);
      const connection = connections.items.find((c: { id: string }) => c.id === body.link?.connectionId);
      expect(connection?.kind, `${org.name} is linked on ${org.psa}`).toBe(org.psa);
      expect(body.link.health).toBe('ok');
    }

    // Autotask plans map to Services, so relinking with a new billing line works: Autotask adds only
    // Services to a Recurring Service contract (a Product answers 422).
    const at = connections.items.find((c: { kind: string }) => c.kind === 'autotask');
    const atPlans = (await partner.get(`/api/v1/connections/${at.id}/plan-links`)).body.items;
    expect(atPlans.length).toBeGreaterThan(0);
    for (const p of atPlans) expect(p.link.productId).toMatch(/^service:/);
    const settings = (await partner.get(`/api/v1/connections/${at.id}/mapping-settings`)).body;
    const allow = await partner.put(`/api/v1/connections/${at.id}/mapping-settings`, {
      catchAllCompanyId: settings.catchAll?.companyId ?? null,
      autoLinkExact: settings.autoLinkExact,
      createMissingBillingTargets: true,
    });
    expect(allow.status, allow.text).toBe(200);
    // The first Autotask organization whose company has a Recurring Service contract to add a line to.
    let relink: { orgId: string; companyId: string; planIds: string[]; contractId: string } | undefined;
    for (const org of summary.organizations.filter((o) => o.psa === 'autotask')) {
      const { body } = await partner.get(`/api/v1/organizations/${org.id}/link`);
      const companyId = body.link.companyId as string;
      const { parents } = (
        await partner.get(`/api/v1/connections/${at.id}/billing-targets?companyId=${companyId}`)
      ).body;
      if (parents.length === 0) continue;
      const planIds = body.plans.map((p: { id: string }) => p.id);
      relink = { orgId: org.id, companyId, planIds, contractId: parents[0].id };
      break;
    }
    expect(relink, 'a demo Autotask company with a Recurring Service contract').toBeDefined();
    const relinked = await partner.put(`/api/v1/organizations/${relink!.orgId}/link`, {
      connectionId: at.id,
      companyId: relink!.companyId,
      billing: relink!.planIds.map((planId) => ({ planId, createOn: relink!.contractId })),
    });
    expect(relinked.status, relinked.text).toBe(200);

    // The simulators' seeds hold tickets of their own: count the ones naming a demo organization.
    const names = summary.organizations.map((o) => o.name);
    const demoTickets = async () => {
      let n = 0;
      for (const sim of summary.simulators) {
        const table = sim.kind === 'connectwise' ? 'tickets' : 'Tickets';
        const rows = (await (await fetch(`${sim.url}/_sim/records/${table}`)).json()) as Record<
          string,
          unknown
        >[];
        n += rows.filter((r) => names.some((name) => String(r.summary ?? r.title).includes(name))).length;
      }
      return n > 0 ? n : undefined;
    };
    await until('a ticket from the event stream', demoTickets, 20_000);
    expect(stderr).toMatch(/psa-hub demo: sent \d+ events?/);

    child.kill('SIGTERM');
    expect(await exited()).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(await demoDirs()).toEqual([]);
  }, 90_000);
});

describe('the demo event stream', () => {
  it('sends recoveries only after failures, a few failures per incident, and links back to the portal', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const plan = new DemoEventPlan(demoOrganizations, { random, runId: 'test' });
    const batches = Array.from({ length: 300 }, () => plan.next());
    expect(batches[0]!.length).toBeGreaterThanOrEqual(3);
    const events = batches.flat();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    const open = new Map<string, SourceEvent[]>();
    const incidents: SourceEvent[][] = [];
    for (const e of events) {
      const key = `${e.organizationId}|${e.condition}|${e.resource}`;
      const run = open.get(key);
      if (e.status === 'resolved') {
        expect(run, `a recovery of ${key} follows its failures`).toBeDefined();
        incidents.push([...run!, e]);
        open.delete(key);
      } else {
        open.set(key, [...(run ?? []), e]);
      }
    }
    expect(open.size).toBeLessThanOrEqual(6);
    expect(incidents.length).toBeGreaterThan(20);
    for (const run of incidents) {
      expect(run.length).toBeGreaterThanOrEqual(3); // at least two failures, then the recovery
      expect(new Set(run.map((e) => e.errorCode)).size).toBe(1);
    }
    const conditions = new Set(events.map((e) => e.condition));
    expect([...conditions].sort()).toEqual([
      'archive',
      'auth.device_token',
      'backup.calendar',
      'backup.contacts',
      'backup.email',
      'backup.onedrive',
      'backup.tasks',
    ]);
    const google = new Set(
      demoOrganizations.filter((o) => o.workspace === 'google').map((o) => o.externalId),
    );
    for (const e of events) {
      if (google.has(e.organizationId)) expect(e.errorCode).not.toMatch(/^graph\./);
      else expect(e.errorCode).not.toMatch(/^google\./);
      expect(String(e.details.portalUrl)).toMatch(/^https:\/\/portal\.[^/]+\/organizations\//);
    }
  });
});
