// Ticket settings over the Partner API against the simulators: values checked against the PSA's
// pick lists (nothing written when refused), partner defaults given as names and inherited down the
// tree, a connection's own values over them, an organization's overrides on its linked connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let sub: Client;
let distAdmin: Client;
const sims: Record<string, RunningSimulator> = {};
const conn = { cw: '', halo: '', subCw: '' };

async function connect(c: Client, kind: string, partnerId: string): Promise<string> {
  const res = await c.post('/api/v1/connections', {
    partnerId,
    kind,
    name: kind,
    siteUrl: sims[kind]!.url,
    credentials: sims[kind]!.credentials,
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.connection.id;
}

const rows = (connectionId: string) =>
  t.hub.db.query<{ scope: string; fields: unknown }>(
    'SELECT scope, fields FROM ticket_settings WHERE connection_id = $1 ORDER BY scope',
    [connectionId],
  );
type Field = {
  field: string;
  value: unknown;
  display: string | null;
  source: Record<string, unknown>;
  problem: string | null;
};
const field = (body: { effective: Field[] }, name: string) => body.effective.find((f) => f.field === name)!;

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  sub = await t.userClient(tree.partners.subA, 'admin');
  distAdmin = await t.userClient(tree.partners.dist, 'admin');
  for (const kind of ['connectwise', 'halopsa'] as const)
    sims[kind] = await startSimulator(kind, { port: 0 });
  conn.cw = await connect(admin, 'connectwise', tree.partners.resA);
  conn.halo = await connect(admin, 'halopsa', tree.partners.resA);
  conn.subCw = await connect(sub, 'connectwise', tree.partners.subA);
});
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()));
  await t?.stop();
});

describe('a connection’s ticket settings', () => {
  it('starts from the PSA and hub defaults, and names the required board as missing', async () => {
    const res = await admin.get(`/api/v1/connections/${conn.cw}/ticket-settings`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.own).toEqual({});
    expect(res.body.pickListsFetchedAt).toBeTruthy();
    expect(field(res.body, 'boardId')).toMatchObject({ value: null, source: { level: 'hub_default' } });
    expect(field(res.body, 'boardId').problem).toContain('Service board is required');
    expect(field(res.body, 'priority.medium')).toMatchObject({
      value: '3',
      display: 'Priority 3 - Normal Response',
      source: { level: 'psa_default' },
    });
    expect(field(res.body, 'technicianClosed')).toMatchObject({
      value: 'new_ticket',
      source: { level: 'hub_default' },
    });
  });

  it('saves values checked against the pick lists and shows their names', async () => {
    const lists = (await admin.get(`/api/v1/connections/${conn.cw}/pick-lists`)).body.lists;
    const resolved = lists.statuses.find(
      (st: { name: string; parentId: string }) => st.name === 'Resolved' && st.parentId === '1',
    ).id;
    const res = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '1', 'status.resolved': resolved, notesInternal: false, subtypeId: '301' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.own).toEqual({
      boardId: '1',
      'status.resolved': resolved,
      notesInternal: false,
      subtypeId: '301',
    });
    expect(field(res.body, 'boardId')).toMatchObject({
      display: 'Service Desk',
      source: { level: 'connection' },
    });
    expect(field(res.body, 'status.new')).toMatchObject({ display: 'New', source: { level: 'psa_default' } });
    expect(field(res.body, 'status.resolved').display).toBe('Resolved');
    expect(field(res.body, 'notesInternal')).toMatchObject({ value: false, source: { level: 'connection' } });
    const audit = await t.hub.db.query(
      "SELECT target_id FROM audit_log WHERE action = 'ticket_settings.set'",
    );
    expect(audit).toEqual([{ target_id: conn.cw }]);
    expect((await admin.get(`/api/v1/connections/${conn.cw}/ticket-settings`)).body.own.boardId).toBe('1');
  });

  it('refuses a ConnectWise status that is not on the chosen board, naming both, and writes nothing', async () => {
    const before = await rows(conn.cw);
    const res = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '1', 'status.new': '110' },
    });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('invalid_reference');
    expect(res.body.error.details).toEqual([
      {
        path: 'body/fields/status.new',
        message: "status 'New' is not under Service board 'Service Desk' (set on the connection)",
      },
    ]);
    expect(await rows(conn.cw)).toEqual(before);
  });

  it('refuses an open status as the resolved one and a closed one as the new one', async () => {
    const res = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '2', 'status.new': '116', 'status.resolved': '110' },
    });
    expect(res.status).toBe(422);
    const byPath = Object.fromEntries(
      res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath['body/fields/status.new']).toContain('is a closed status');
    expect(byPath['body/fields/status.resolved']).toContain('is not a closed status');
  });

  it('refuses an inactive item with that reason, and an id the PSA does not have', async () => {
    const inactive = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '5' },
    });
    expect(inactive.status).toBe(422);
    expect(inactive.body.error.details[0]).toEqual({
      path: 'body/fields/boardId',
      message: "Service board 'Old Helpdesk' is inactive (set on the connection)",
    });
    const missing = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '1', 'priority.high': '999' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0].path).toBe('body/fields/priority.high');
  });

  it('refuses a Halo priority that is not under the SLA', async () => {
    const before = await rows(conn.halo);
    const res = await admin.put(`/api/v1/connections/${conn.halo}/ticket-settings`, {
      fields: { ticketTypeId: '5', slaId: '3', 'priority.critical': '1' },
    });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.details[0]).toEqual({
      path: 'body/fields/priority.critical',
      message: "priority 'Critical' is not under SLA 'Best Endeavours' (set on the connection)",
    });
    expect(await rows(conn.halo)).toEqual(before);
    const ok = await admin.put(`/api/v1/connections/${conn.halo}/ticket-settings`, {
      fields: { ticketTypeId: '5', slaId: '2', 'priority.critical': '1' },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(field(ok.body, 'priority.critical').display).toBe('P1 - Critical');
  });

  it('answers an unknown field and a wrong type with 400 naming the field', async () => {
    const unknown = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { queueId: '1' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('body/fields/queueId');
    expect(unknown.body.error.message).toContain('unknown field "queueId"');
    const wrongType = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { reopenWindowMinutes: '60', conditions: { 'backup.email': { boardId: 2 } } },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'body/fields/reopenWindowMinutes',
      'body/fields/conditions/backup.email/boardId',
    ]);
  });

  it('checks condition overrides against the board they choose', async () => {
    const bad = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '1', conditions: { 'backup.email': { boardId: '2', 'status.new': '119' } } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('body/fields/conditions/backup.email/status.new');
    const good = await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '1', conditions: { 'backup.email': { boardId: '2', 'status.new': '110' } } },
    });
    expect(good.status, good.text).toBe(200);
    const forCondition = await admin.get(
      `/api/v1/connections/${conn.cw}/ticket-settings?condition=backup.email`,
    );
    expect(field(forCondition.body, 'boardId')).toMatchObject({
      value: '2',
      source: { level: 'connection', condition: 'backup.email' },
    });
    expect(field(good.body, 'boardId').value).toBe('1');
  });

  it('lets a viewer read but not change', async () => {
    const viewer = await t.userClient(tree.partners.resA, 'viewer');
    expect((await viewer.get(`/api/v1/connections/${conn.cw}/ticket-settings`)).status).toBe(200);
    const put = await viewer.put(`/api/v1/connections/${conn.cw}/ticket-settings`, { fields: {} });
    expect(put.status).toBe(403);
    expect(
      (await viewer.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/connectwise`, { fields: {} }))
        .status,
    ).toBe(403);
  });
});

describe('partner defaults down the tree', () => {
  it('takes names, checks only their shape without a connection of that kind', async () => {
    const res = await distAdmin.put(`/api/v1/partners/${tree.partners.dist}/ticket-defaults/connectwise`, {
      fields: {
        boardId: 'backup alerts',
        'status.new': 'New',
        typeId: 'Alarm',
        'priority.high': 'Priority 2 - Quick Response',
        reopenWindowMinutes: 60,
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ kind: 'connectwise', fields: { boardId: 'backup alerts' } });
    const got = await distAdmin.get(`/api/v1/partners/${tree.partners.dist}/ticket-defaults/connectwise`);
    expect(got.body.fields.reopenWindowMinutes).toBe(60);
    const empty = await distAdmin.get(`/api/v1/partners/${tree.partners.dist}/ticket-defaults/autotask`);
    expect(empty.body).toEqual({ kind: 'autotask', fields: {}, updatedAt: null });
    const badShape = await distAdmin.put(
      `/api/v1/partners/${tree.partners.dist}/ticket-defaults/connectwise`,
      {
        fields: { boardId: 3 },
      },
    );
    expect(badShape.status).toBe(400);
    expect(badShape.body.error.details[0].path).toBe('body/fields/boardId');
  });

  it('shows a distributor’s default on the sub-reseller’s connection, resolved by name, with its source', async () => {
    const res = await sub.get(`/api/v1/connections/${conn.subCw}/ticket-settings`);
    expect(res.status, res.text).toBe(200);
    const distSource = {
      level: 'partner',
      partnerId: tree.partners.dist,
      partnerName: `Distributor ${tree.tag}`,
    };
    expect(field(res.body, 'boardId')).toMatchObject({
      value: '3',
      display: 'Backup Alerts',
      source: distSource,
    });
    expect(field(res.body, 'status.new')).toMatchObject({ value: '119', source: distSource });
    expect(field(res.body, 'priority.high')).toMatchObject({ value: '2', source: distSource });
    expect(field(res.body, 'reopenWindowMinutes')).toMatchObject({ value: 60, source: distSource });
    // A name this PSA lacks is skipped with a problem; the board's default type applies.
    expect(field(res.body, 'typeId')).toMatchObject({
      display: 'Incident',
      source: { level: 'psa_default' },
    });
    expect(field(res.body, 'typeId').problem).toBe(
      `Type 'Alarm' set by Distributor ${tree.tag} is not on this connection`,
    );
  });

  it('checks names on the partner’s own connection of that kind, and the nearer partner wins', async () => {
    const refused = await admin.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/connectwise`, {
      fields: { boardId: 'Help Desk' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ path: 'body/fields/boardId' });
    expect(refused.body.error.details[0].message).toContain("Service board 'Help Desk'");
    const ok = await admin.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/connectwise`, {
      fields: { boardId: 'Service Desk' },
    });
    expect(ok.status, ok.text).toBe(200);
    const res = await sub.get(`/api/v1/connections/${conn.subCw}/ticket-settings`);
    expect(field(res.body, 'boardId')).toMatchObject({
      value: '1',
      source: { partnerName: `Reseller A ${tree.tag}` },
    });
    // The distributor's status name now resolves on the reseller's board.
    expect(field(res.body, 'status.new')).toMatchObject({
      display: 'New',
      source: { partnerId: tree.partners.dist },
    });
    expect(field(res.body, 'status.new').value).not.toBe('119');
  });

  it('is overridden by the connection’s own values', async () => {
    const res = await sub.put(`/api/v1/connections/${conn.subCw}/ticket-settings`, {
      fields: { boardId: '2', reopenWindowMinutes: 0 },
    });
    expect(res.status, res.text).toBe(200);
    expect(field(res.body, 'boardId')).toMatchObject({ value: '2', source: { level: 'connection' } });
    expect(field(res.body, 'reopenWindowMinutes')).toMatchObject({
      value: 0,
      source: { level: 'connection' },
    });
    expect(field(res.body, 'status.new')).toMatchObject({ value: '110', source: { level: 'partner' } });
  });

  it('lets a sub-reseller neither read nor set its parent’s defaults', async () => {
    expect((await sub.get(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/connectwise`)).status).toBe(
      404,
    );
    expect(
      (await sub.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/connectwise`, { fields: {} }))
        .status,
    ).toBe(404);
  });

  it('clears with an empty object', async () => {
    const res = await admin.put(`/api/v1/partners/${tree.partners.resA}/ticket-defaults/connectwise`, {
      fields: {},
    });
    expect(res.body).toEqual({ kind: 'connectwise', fields: {}, updatedAt: null });
  });
});

describe('organization overrides', () => {
  beforeAll(async () => {
    await admin.put(`/api/v1/connections/${conn.cw}/ticket-settings`, {
      fields: { boardId: '1', 'status.new': '101' },
    });
    await t.hub.db.query(
      `INSERT INTO org_links (organization_id, connection_id, company_id, company_name, method)
       VALUES ($1, $2, '19', 'Org A', 'manual')`,
      [tree.orgs.orgA, conn.cw],
    );
  });

  it('apply on the connection the organization is linked to, checked with its values', async () => {
    const url = `/api/v1/organizations/${tree.orgs.orgA}/ticket-settings`;
    const empty = await admin.get(url);
    expect(empty.status, empty.text).toBe(200);
    expect(empty.body).toMatchObject({ connectionId: conn.cw, own: {} });
    expect(field(empty.body, 'boardId').source.level).toBe('connection');
    // Another board leaves the connection's status behind: refused, naming it.
    const refused = await admin.put(url, { fields: { boardId: '2' } });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.details[0]).toEqual({
      path: 'body/fields/status.new',
      message: "status 'New' is not under Service board 'Monitoring Alerts' (set on the connection)",
    });
    const ok = await admin.put(url, { fields: { boardId: '2', 'status.new': '110', autoResolve: false } });
    expect(ok.status, ok.text).toBe(200);
    expect(field(ok.body, 'boardId')).toMatchObject({ value: '2', source: { level: 'organization' } });
    expect(field(ok.body, 'autoResolve')).toMatchObject({ value: false, source: { level: 'organization' } });
    expect(field(ok.body, 'notesInternal').source.level).toBe('hub_default');
    const connection = await admin.get(`/api/v1/connections/${conn.cw}/ticket-settings`);
    expect(field(connection.body, 'autoResolve').value).toBe(true);
  });

  it('are refused while the organization has no link', async () => {
    const url = `/api/v1/organizations/${tree.orgs.orgSub}/ticket-settings`;
    const res = await admin.put(url, { fields: { autoResolve: false } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Link the organization to a PSA company first');
    expect(await admin.get(url).then((r) => r.body)).toEqual({
      connectionId: null,
      own: {},
      effective: [],
      pickListsFetchedAt: null,
    });
  });

  it('stop applying when the organization is unlinked, and go with a connection reset', async () => {
    await t.hub.db.query('UPDATE org_links SET unlinked_at = now() WHERE organization_id = $1', [
      tree.orgs.orgA,
    ]);
    expect(
      (await admin.put(`/api/v1/organizations/${tree.orgs.orgA}/ticket-settings`, { fields: {} })).status,
    ).toBe(409);
    expect((await rows(conn.cw)).map((r) => r.scope)).toEqual(['connection', 'organization']);
    expect((await admin.post(`/api/v1/connections/${conn.cw}/reset`)).status).toBe(200);
    expect(await rows(conn.cw)).toEqual([]);
  });
});
