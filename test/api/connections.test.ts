// Connections over the Partner API against the three PSA simulators, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client & { userId: string };
const sims: Record<string, RunningSimulator> = {};
/** Every answer and log line the hub gave in this file, to search for leaked secrets at the end. */
const seen: string[] = [];

function watch(c: Client): Client {
  const request = c.request.bind(c);
  c.request = async (...args: Parameters<Client['request']>) => {
    const res = await request(...args);
    seen.push(res.text, JSON.stringify([...res.headers]));
    return res;
  };
  return c;
}

const secretValues = () =>
  Object.values(sims).flatMap((s) =>
    Object.entries(s.credentials)
      .filter(([k]) => /secret|private|integration/i.test(k))
      .map(([, v]) => v),
  );

const connect = (c: Client, kind: string, partnerId: string, overrides: Record<string, string> = {}) =>
  c.post('/api/v1/connections', {
    partnerId,
    kind,
    name: `Our ${kind}`,
    siteUrl: sims[kind]!.url,
    credentials: { ...sims[kind]!.credentials, ...overrides },
  });

beforeAll(async () => {
  t = await startTestHub({ onLog: (line) => seen.push(line) });
  tree = await seedTree(t.source);
  admin = (await t.userClient(tree.partners.resA, 'admin')) as Client & { userId: string };
  watch(admin);
  watch(t.operator);
  for (const kind of ['connectwise', 'autotask', 'halopsa'] as const)
    sims[kind] = await startSimulator(kind, { port: 0 });
});
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()));
  await t?.stop();
});

describe('connecting each PSA', () => {
  it('describes the PSAs and their credential fields', async () => {
    const kinds = (await admin.get('/api/v1/psa-kinds')).body.items;
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['connectwise', 'autotask', 'halopsa']);
    const halo = kinds.find((k: { kind: string }) => k.kind === 'halopsa');
    expect(halo.credentials.find((f: { name: string }) => f.name === 'clientSecret').secret).toBe(true);
  });

  it('describes every ticket settings field, so the portal renders the form from the API', async () => {
    const kinds = (await admin.get('/api/v1/psa-kinds')).body.items;
    const cw = kinds.find((k: { kind: string }) => k.kind === 'connectwise');
    const byName = (name: string) => cw.ticketFields.find((f: { name: string }) => f.name === name);
    expect(byName('boardId')).toMatchObject({
      type: 'pick',
      group: 'placement',
      pickList: 'boards',
      required: true,
    });
    expect(byName('status.new')).toMatchObject({ group: 'status', dependsOn: 'boardId', closed: false });
    expect(byName('status.resolved')).toMatchObject({ closed: true });
    expect(byName('priority.high')).toMatchObject({ group: 'priority', pickList: 'priorities' });
    expect(byName('repeatNoteMinutes')).toMatchObject({
      type: 'integer',
      min: 1,
      max: 10080,
      hubDefault: 60,
    });
    expect(byName('technicianClosed').choices.map((c: { value: string }) => c.value)).toEqual([
      'leave',
      'reopen',
      'new_ticket',
    ]);
    const halo = kinds.find((k: { kind: string }) => k.kind === 'halopsa');
    expect(halo.ticketFields.find((f: { name: string }) => f.name === 'priority.high').dependsOn).toBe(
      'slaId',
    );
  });

  it.each(['connectwise', 'autotask', 'halopsa'])(
    'connects %s after trying the credentials',
    async (kind) => {
      const res = await connect(admin, kind, tree.partners.resA);
      expect(res.status, res.text).toBe(201);
      expect(res.body.connection).toMatchObject({ kind, status: 'connected', partnerId: tree.partners.resA });
      expect(res.body.identity.user.length).toBeGreaterThan(0);
      expect(res.body.permissions.length).toBeGreaterThan(0);
      expect(res.body.permissions.every((p: { ok: boolean }) => p.ok)).toBe(true);
      // Halo's writes cannot be probed without writing: the answer says they were not verified.
      const unverified = res.body.permissions.filter((p: { verified: boolean }) => !p.verified);
      expect(unverified.map((p: { permission: string }) => p.permission)).toEqual(
        kind === 'halopsa'
          ? ['companies.write', 'tickets.write', 'notes.write', 'billing.write', 'licences.write']
          : [],
      );
    },
  );

  it('makes the first connection the default and allows one per PSA kind', async () => {
    const list = (await admin.get(`/api/v1/connections?partnerId=${tree.partners.resA}`)).body.items;
    expect(
      list.filter((c: { isDefault: boolean }) => c.isDefault).map((c: { kind: string }) => c.kind),
    ).toEqual(['connectwise']);
    const again = await connect(admin, 'halopsa', tree.partners.resA);
    expect(again.status).toBe(409);
  });

  it('refuses wrong credentials with the PSA’s reason and saves nothing', async () => {
    const before = (await t.operator.get(`/api/v1/connections?partnerId=${tree.partners.resB}`)).body.items
      .length;
    const wrong = {
      connectwise: { privateKey: 'not-the-key' },
      autotask: { secret: 'not-the-secret' },
      halopsa: { clientSecret: 'not-the-secret' },
    } as Record<string, Record<string, string>>;
    for (const kind of Object.keys(wrong)) {
      const res = await connect(t.operator, kind, tree.partners.resB, wrong[kind]);
      expect(res.status, `${kind}: ${res.text}`).toBe(422);
      expect(res.body.error.code).toBe('psa_rejected');
      expect(res.body.error.message.length).toBeGreaterThan(20);
    }
    expect(
      (await t.operator.get(`/api/v1/connections?partnerId=${tree.partners.resB}`)).body.items,
    ).toHaveLength(before);
  });

  it('names missing or unknown credential fields and bad URLs', async () => {
    const { privateKey: _p, ...partial } = sims.connectwise!.credentials;
    const missing = await t.operator.post('/api/v1/connections', {
      partnerId: tree.partners.resB,
      kind: 'connectwise',
      name: 'x',
      siteUrl: sims.connectwise!.url,
      credentials: { ...partial, colour: 'red' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body/credentials/colour',
      'body/credentials/privateKey',
    ]);
    const ftp = await t.operator.post('/api/v1/connections', {
      partnerId: tree.partners.resB,
      kind: 'connectwise',
      name: 'x',
      siteUrl: 'ftp://psa.invalid',
      credentials: sims.connectwise!.credentials,
    });
    expect(ftp.status).toBe(400);
    expect(ftp.body.error.details[0].path).toBe('body/siteUrl');
  });

  it('lets viewers read but not connect, nor check (it calls the PSA and rewrites the health)', async () => {
    const viewer = watch(await t.userClient(tree.partners.resA, 'viewer'));
    const listed = await viewer.get(`/api/v1/connections?partnerId=${tree.partners.resA}`);
    expect(listed.status).toBe(200);
    expect((await connect(viewer, 'halopsa', tree.partners.resA)).status).toBe(403);
    const id = listed.body.items[0].id as string;
    const before = (await viewer.get(`/api/v1/connections/${id}`)).body;
    const checked = await viewer.post(`/api/v1/connections/${id}/check`);
    expect(checked.status).toBe(403);
    expect(checked.body.error.code).toBe('forbidden');
    // Nothing was touched: the health the viewer reads is the one before.
    expect((await viewer.get(`/api/v1/connections/${id}`)).body).toEqual(before);
  });
});

describe('a connection over time', () => {
  const idOf = async (kind: string) =>
    (await admin.get(`/api/v1/connections?partnerId=${tree.partners.resA}`)).body.items.find(
      (c: { kind: string; status: string }) => c.kind === kind && c.status !== 'revoked',
    ).id as string;

  it('shows a removed permission with how to fix it, and failing health when the keys expire', async () => {
    const id = await idOf('connectwise');
    await fetch(`${sims.connectwise!.url}/_sim/permissions`, {
      method: 'POST',
      body: JSON.stringify({ remove: ['ServiceDesk.ServiceTickets:add'] }),
    });
    const checked = await admin.post(`/api/v1/connections/${id}/check`);
    expect(checked.status).toBe(200);
    const missing = checked.body.permissions.filter((p: { ok: boolean }) => !p.ok);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0].fix).toBeTruthy();
    // Still answering, but not plainly connected: the health names what is missing and how to fix it.
    const warned = (await admin.get(`/api/v1/connections/${id}`)).body;
    expect(warned.status).toBe('connected');
    const permissionWarnings = warned.warnings.filter(
      (w: { kind: string }) => w.kind === 'missing_permission',
    );
    expect(permissionWarnings).toContainEqual({
      kind: 'missing_permission',
      message: `Missing permission: ${missing[0].label}`,
      fix: missing[0].fix,
    });
    expect(checked.body.connection.warnings).toEqual(warned.warnings);
    await fetch(`${sims.connectwise!.url}/_sim/permissions`, {
      method: 'POST',
      body: JSON.stringify({ restore: true }),
    });
    const rechecked = await admin.post(`/api/v1/connections/${id}/check`);
    expect(
      rechecked.body.connection.warnings.filter((w: { kind: string }) => w.kind === 'missing_permission'),
    ).toEqual([]);

    await fetch(`${sims.connectwise!.url}/_sim/expire-credentials`, { method: 'POST', body: '{}' });
    const failing = await admin.post(`/api/v1/connections/${id}/check`);
    expect(failing.status).toBe(422);
    const after = (await admin.get(`/api/v1/connections/${id}`)).body;
    expect(after.status).toBe('failing');
    expect(after.failingSince).not.toBeNull();
    expect(after.lastError).toBeTruthy();
    await fetch(`${sims.connectwise!.url}/_sim/expire-credentials`, {
      method: 'POST',
      body: JSON.stringify({ restore: true }),
    });
    expect((await admin.post(`/api/v1/connections/${id}/check`)).body.connection.status).toBe('connected');
  });

  it('serves pick lists from its cache until asked to refresh', async () => {
    const id = await idOf('halopsa');
    const first = await admin.get(`/api/v1/connections/${id}/pick-lists`);
    expect(first.status, first.text).toBe(200);
    expect(Object.keys(first.body.lists).length).toBeGreaterThan(2);
    await fetch(`${sims.halopsa!.url}/_sim/requests`, { method: 'DELETE' });
    const cached = await admin.get(`/api/v1/connections/${id}/pick-lists`);
    expect(cached.body.fetchedAt).toBe(first.body.fetchedAt);
    expect(await (await fetch(`${sims.halopsa!.url}/_sim/requests`)).json()).toEqual([]);
    const refreshed = await admin.get(`/api/v1/connections/${id}/pick-lists?refresh=true`);
    expect(refreshed.body.fetchedAt).not.toBe(first.body.fetchedAt);
  });

  it('keeps the old credentials when new ones are wrong, and takes right ones', async () => {
    const id = await idOf('autotask');
    const wrong = await admin.put(`/api/v1/connections/${id}/credentials`, {
      credentials: { ...sims.autotask!.credentials, secret: 'wrong' },
    });
    expect(wrong.status).toBe(422);
    expect((await admin.post(`/api/v1/connections/${id}/check`)).status).toBe(200);
    const right = await admin.put(`/api/v1/connections/${id}/credentials`, {
      credentials: sims.autotask!.credentials,
    });
    expect(right.status).toBe(200);
  });

  it('makes another default, resets settings, revokes and reconnects', async () => {
    const id = await idOf('halopsa');
    expect((await admin.post(`/api/v1/connections/${id}/default`)).body.isDefault).toBe(true);
    expect((await admin.post(`/api/v1/connections/${id}/reset`)).status).toBe(200);
    const revoked = await admin.post(`/api/v1/connections/${id}/revoke`);
    expect(revoked.body).toMatchObject({ status: 'revoked', isDefault: false });
    expect((await admin.post(`/api/v1/connections/${id}/check`)).status).toBe(409);
    expect((await connect(admin, 'halopsa', tree.partners.resA)).status).toBe(201);
  });
});

describe('secrets', () => {
  it('never appear in any answer or log line', () => {
    expect(seen.some((line) => line.includes('"level"'))).toBe(true);
    const secrets = secretValues();
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const s of secrets) for (const text of seen) expect(text).not.toContain(s);
  });
});
