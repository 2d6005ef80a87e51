// Companies, contacts, pick lists, products and billing over real HTTP against the Autotask
// simulator, with paging across many pages and request bodies checked against the Swagger.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bodyErrors, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => rig.reset());

type Row = Record<string, unknown>;

const allBodiesValid = () => {
  const checked = rig.exchanges.filter((e) => e.requestBody !== null);
  for (const e of checked) expect(bodyErrors(e) ?? [], `${e.method} ${e.url}`).toEqual([]);
};

describe('Autotask companies', () => {
  it('searches by name on the server, active customers only by default', async () => {
    const c = rig.client();
    const page = await c.searchCompanies({ name: 'smith' });
    expect(page.items.map((x) => x.name)).toContain('Smith & Sons Ltd');
    expect(page.items.every((x) => x.active && !x.prospect && !x.deleted)).toBe(true);
    const query = rig.exchanges.find((e) => /Companies\/query$/i.test(e.url));
    expect(JSON.parse(query?.requestBody ?? '{}').filter).toContainEqual({
      op: 'contains',
      field: 'companyName',
      value: 'smith',
    });
    const all = await c.searchCompanies({ includeInactive: true, pageSize: 500 });
    expect(all.items.some((x) => !x.active || x.prospect || x.deleted)).toBe(true);
    allBodiesValid();
  });

  it('pages across many pages with POSTed next-page links', async () => {
    const c = rig.client();
    const seen = new Set<string>();
    let next: string | null = null;
    let pages = 0;
    do {
      const page = await c.searchCompanies({ includeInactive: true, pageSize: 25, next });
      for (const x of page.items) seen.add(x.id);
      next = page.next;
      pages++;
    } while (next && pages < 50);
    const total = (await rig.records<Row[]>('Companies')).length;
    expect(pages).toBeGreaterThanOrEqual(12);
    expect(seen.size).toBe(total);
    const nexts = rig.exchanges.filter((e) => /query\/next/i.test(e.url));
    expect(nexts.length).toBe(pages - 1);
    expect(nexts.every((e) => e.method === 'POST')).toBe(true);
    await expect(c.searchCompanies({ next: 'bm90LWEtbGluaw' })).rejects.toMatchObject({ kind: 'validation' });
  });

  it('gets a company with its domain, and its contacts', async () => {
    const c = rig.client();
    expect(await c.getCompany('174')).toMatchObject({
      id: '174',
      name: 'Smith & Sons Ltd',
      domains: ['smithsonsltd.example'],
    });
    expect(await c.getCompany('99999999')).toBeUndefined();
    const contacts = await c.listContacts('174');
    const rows = (await rig.records<Row[]>('Contacts')).filter(
      (r) => r.companyID === 174 && r.isActive === 1,
    );
    expect(contacts.map((x) => x.id).sort()).toEqual(rows.map((r) => String(r.id)).sort());
    expect(contacts.every((x) => x.companyId === '174' && x.name.length > 0)).toBe(true);
  });
});

describe('Autotask pick lists', () => {
  it('reads queues, statuses, priorities, types, sources and issue types from Tickets fields', async () => {
    const lists = await rig.client().pickLists();
    expect(Object.keys(lists).sort()).toEqual(
      ['issueTypes', 'priorities', 'queues', 'sources', 'statuses', 'subIssueTypes', 'ticketTypes'].sort(),
    );
    expect(lists.queues).toContainEqual(
      expect.objectContaining({ id: '29682833', name: 'Level I Support', isDefault: true }),
    );
    expect(lists.statuses?.find((s) => s.id === '5')).toMatchObject({ name: 'Complete', closed: true });
    expect(lists.statuses?.find((s) => s.id === '1')).toMatchObject({ closed: false });
    expect(lists.subIssueTypes?.find((s) => s.id === '17')).toMatchObject({ parentId: '4' });
    expect(lists.priorities?.find((s) => s.id === '5')).toMatchObject({ inactive: true });
  });

  it('caches them so a note costs one create call', async () => {
    const c = rig.client();
    await c.pickLists();
    const before = rig.exchanges.length;
    const t = (await rig.records<Row[]>('Tickets'))[0]!;
    await c.addNote(String(t.id), { text: 'hello', internal: true });
    expect(rig.exchanges.slice(before).map((e) => `${e.method} ${new URL(e.url).pathname}`)).toEqual([
      `POST /atservicesrest/V1.0/Tickets/${String(t.id)}/Notes`,
    ]);
  });
});

describe('Autotask products and billing', () => {
  it('lists only services — what a Recurring Service contract carries — filtered by name', async () => {
    const c = rig.client();
    const items = [];
    let next: string | null = null;
    do {
      const page = await c.listProducts({ next });
      items.push(...page.items);
      next = page.next;
    } while (next);
    const services = await rig.records<Row[]>('Services');
    expect(items.map((p) => p.id).sort()).toEqual(services.map((s) => `service:${String(s.id)}`).sort());
    expect(items.find((p) => p.id === 'service:25')).toMatchObject({
      name: 'Managed Workstation',
      code: null,
    });
    // Products exist in the tenant, but Autotask refuses them on a Recurring Service contract.
    expect((await rig.records<Row[]>('Products')).length).toBeGreaterThan(0);
    expect(items.some((p) => p.id.startsWith('product:'))).toBe(false);
    expect(items.some((p) => p.inactive)).toBe(true);
    const named = await c.listProducts({ name: 'workstation' });
    expect(named.items.every((p) => /workstation/i.test(p.name))).toBe(true);
    allBodiesValid();
  });

  it('shows contract services with current units and sets a quantity by adjustment', async () => {
    const c = rig.client();
    const targets = await c.billingTargets('174');
    const t = targets.find((x) => x.productId === 'service:25');
    expect(t).toMatchObject({ kind: 'contract_service', parent: { id: '29684000' } });
    expect(t?.label).toMatch(/Managed Services → Managed Workstation/);
    expect(t!.quantity).toBeGreaterThan(0);
    const change = await c.setBillingQuantity(t!.id, t!.quantity + 3);
    expect(change).toEqual({ previous: t!.quantity, current: t!.quantity + 3 });
    const adj = rig.exchanges.filter((e) => /ContractServiceAdjustments$/i.test(e.url));
    expect(adj).toHaveLength(1);
    expect(JSON.parse(adj[0]!.requestBody!)).toMatchObject({
      contractID: 29684000,
      serviceID: 25,
      unitChange: 3,
    });
    expect(await c.setBillingQuantity(t!.id, t!.quantity + 3)).toEqual({
      previous: t!.quantity + 3,
      current: t!.quantity + 3,
    });
    expect(rig.exchanges.filter((e) => /ContractServiceAdjustments$/i.test(e.url))).toHaveLength(1);
    const down = await c.setBillingQuantity(t!.id, 1);
    expect(down.current).toBe(1);
    expect((await c.billingTargets('174')).find((x) => x.id === t!.id)?.quantity).toBe(1);
    allBodiesValid();
  });

  it('posts an adjustment once when its reply is lost', async () => {
    const c = rig.client();
    const t = (await c.billingTargets('174'))[0]!;
    await rig.control('faults', {
      method: 'POST',
      path: 'ContractServiceAdjustments$',
      dropAfterCommit: true,
      times: 1,
    });
    expect(await c.setBillingQuantity(t.id, t.quantity + 5)).toEqual({
      previous: t.quantity,
      current: t.quantity + 5,
    });
    expect(rig.count(/ContractServiceAdjustments$/i, 'POST')).toBe(1);
  });

  it('refuses negative or fractional quantities and unknown targets', async () => {
    const c = rig.client();
    await expect(c.setBillingQuantity('29684000.25.1', -1)).rejects.toMatchObject({ kind: 'validation' });
    await expect(c.setBillingQuantity('garbage', 2)).rejects.toMatchObject({ kind: 'validation' });
    expect(await c.billingTargets('0')).toEqual([]);
  });
});
