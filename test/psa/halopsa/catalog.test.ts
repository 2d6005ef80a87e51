// Pick lists, products, billing targets and quantities, and the permission check, against the
// HaloPSA simulator; billing writes are validated against SPEC-2024's request schemas.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryCache, type PsaClient } from '../../../src/psa/client.ts';
import { halopsaDescriptor } from '../../../src/psa/halopsa/index.ts';
import { bodyErrors, startRig, type Rig } from './helpers.ts';

let rig: Rig;
let halo: PsaClient;
beforeAll(async () => {
  rig = await startRig();
  halo = rig.client();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => {
  await rig.control('permissions', { restore: true });
});

type Row = Record<string, unknown>;

describe('descriptor', () => {
  it('asks for client id, secret and tenant, and ties priorities to the SLA', () => {
    expect(halopsaDescriptor.credentials.map((c) => [c.name, c.secret])).toEqual([
      ['clientId', false],
      ['clientSecret', true],
      ['tenant', false],
    ]);
    expect(halopsaDescriptor.placement.map((p) => p.name)).toEqual([
      'ticketTypeId',
      'slaId',
      'teamId',
      'categoryId',
      'impactId',
      'urgencyId',
    ]);
    expect(halopsaDescriptor.priorities).toEqual({ pickList: 'priorities', dependsOn: 'slaId' });
    for (const p of halopsaDescriptor.placement) expect(p.pickList).not.toBe('');
  });
});

describe('pick lists', () => {
  it('reads ticket types, statuses with the closed flag, SLAs with their priorities, categories, teams', async () => {
    const lists = await halo.pickLists();
    for (const p of halopsaDescriptor.placement)
      expect(lists[p.pickList]?.length, p.pickList).toBeGreaterThan(0);
    expect(lists.statuses!.find((s) => s.id === '9')).toMatchObject({ name: 'Closed', closed: true });
    expect(lists.statuses!.find((s) => s.id === '1')).toMatchObject({ closed: false });
    const slaIds = new Set(lists.slas!.map((s) => s.id));
    for (const p of lists.priorities!) expect(slaIds.has(p.parentId!)).toBe(true);
    const premium = lists.priorities!.filter((p) => p.parentId === '2');
    expect(premium.find((p) => p.id === '3')?.name).toBe('P3 - Moderate');
    expect(lists.ticketTypes!.find((t) => /legacy/i.test(t.name))?.inactive).toBe(true);
    expect(lists.teams!.some((t) => t.inactive)).toBe(true);
  });

  it('reuses cached pick lists when creating tickets: one create call', async () => {
    const cache = memoryCache();
    const c = rig.client({ cache });
    await c.pickLists();
    const before = rig.exchanges.length;
    await c.createTicket({
      companyId: '1',
      title: 'Cached lists',
      description: 'd',
      externalRef: 'hub-cache-1',
      placement: {
        statusId: '1',
        priorityId: '3',
        fields: { ticketTypeId: '1', teamId: '1', categoryId: '4' },
      },
    });
    const sent = rig.exchanges.slice(before).map((e) => `${e.method} ${new URL(e.url).pathname}`);
    expect(sent).toEqual(['POST /api/Tickets']);
  });
});

describe('products', () => {
  it('lists items page by page and searches by name', async () => {
    const first = await halo.listProducts({});
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/), inactive: false });
    const backup = await halo.listProducts({ name: 'backup' });
    expect(backup.items.length).toBeGreaterThan(0);
    for (const p of backup.items) expect(p.name.toLowerCase()).toContain('backup');
    expect(backup.items.some((p) => p.code !== null)).toBe(true);
  });
});

describe('billing', () => {
  async function companyWithLines(): Promise<string> {
    const invoices = await rig.records<Row[]>('RecurringInvoice');
    return String(invoices[0]!.client_id);
  }

  it('lists recurring-invoice lines and software licences of a client', async () => {
    const companyId = await companyWithLines();
    const targets = await halo.billingTargets(companyId);
    const lines = targets.filter((t) => t.kind === 'recurring_invoice_line');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]!.parent?.id).toMatch(/^-\d+$/); // Halo's recurring-invoice ids are negative
    expect(lines[0]!.label).toContain('→');
    const licences = await rig.records<Row[]>('SoftwareLicence');
    const withLicence = String(licences.find((l) => l.deleted !== true)!.client_id);
    const lt = await halo.billingTargets(withLicence);
    expect(lt.some((t) => t.kind === 'software_licence')).toBe(true);
  });

  it('sets a recurring-invoice line quantity through updatelines', async () => {
    const companyId = await companyWithLines();
    const line = (await halo.billingTargets(companyId)).find((t) => t.kind === 'recurring_invoice_line')!;
    const change = await halo.setBillingQuantity(line.id, line.quantity + 7);
    expect(change).toEqual({ previous: line.quantity, current: line.quantity + 7 });
    const again = (await halo.billingTargets(companyId)).find((t) => t.id === line.id)!;
    expect(again.quantity).toBe(line.quantity + 7);
    const post = rig.exchanges.filter(
      (e) => /updatelines$/i.test(new URL(e.url).pathname) && e.requestBody !== '[]',
    );
    expect(post.length).toBe(1);
    expect(bodyErrors(post[0]!)).toEqual([]);
    // Setting the same quantity again writes nothing.
    const before = rig.exchanges.length;
    await halo.setBillingQuantity(line.id, line.quantity + 7);
    expect(rig.exchanges.slice(before).every((e) => e.method === 'GET')).toBe(true);
  });

  it('sets a software licence count', async () => {
    const licences = await rig.records<Row[]>('SoftwareLicence');
    const l = licences.find((x) => x.deleted !== true)!;
    const target = (await halo.billingTargets(String(l.client_id))).find(
      (t) => t.id === `lic:${String(l.id)}`,
    )!;
    const change = await halo.setBillingQuantity(target.id, target.quantity + 3);
    expect(change.current).toBe(target.quantity + 3);
    expect((await rig.records<Row>('SoftwareLicence', String(l.id))).count).toBe(target.quantity + 3);
    const post = rig.exchanges.filter(
      (e) => e.method === 'POST' && /SoftwareLicence$/i.test(new URL(e.url).pathname),
    );
    expect(bodyErrors(post.at(-1)!)).toEqual([]);
  });

  it('refuses an unknown target and a negative quantity', async () => {
    await expect(halo.setBillingQuantity('ril:-1:1', 3)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(halo.setBillingQuantity('what', 3)).rejects.toMatchObject({ kind: 'validation' });
    await expect(halo.setBillingQuantity('lic:1', -1)).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('permissions', () => {
  it('reports everything ok with a full grant, and writes nothing while probing', async () => {
    const tickets = (await rig.records<Row[]>('Tickets')).length;
    const checks = await rig.client({ cache: memoryCache() }).checkPermissions();
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect((await rig.records<Row[]>('Tickets')).length).toBe(tickets);
  });

  it('verifies reads, but reports writes probed with an empty POST as not verified, saying what to check', async () => {
    // Halo documents no answer to an empty array: its 400 only says the call was not refused.
    const checks = await rig.client({ cache: memoryCache() }).checkPermissions();
    const unverified = checks.filter((c) => !c.verified).map((c) => c.permission);
    expect(unverified).toEqual([
      'companies.write',
      'tickets.write',
      'notes.write',
      'billing.write',
      'licences.write',
    ]);
    for (const c of checks.filter((x) => !x.verified)) {
      expect(c.ok).toBe(true);
      expect(c.fix).toMatch(/not verified/);
      expect(c.fix).toMatch(/edit:/);
    }
    for (const c of checks.filter((x) => x.verified)) expect(c.fix).toBeNull();
  });

  it('names the missing ones and how to fix them in Halo', async () => {
    await rig.control('permissions', { remove: ['edit:tickets', 'read:invoices'] });
    const checks = await rig.client({ cache: memoryCache() }).checkPermissions();
    const missing = checks.filter((c) => !c.ok).map((c) => c.permission);
    expect(missing).toEqual(['tickets.write', 'notes.write', 'billing.read', 'billing.write']);
    // A 403 is an answer: a refused write is verified missing.
    expect(checks.filter((c) => !c.ok).every((c) => c.verified)).toBe(true);
    const fix = checks.find((c) => c.permission === 'tickets.write')!.fix!;
    expect(fix).toMatch(/edit:tickets/);
    expect(fix).toMatch(/Configuration → Integrations/);
  });
});
