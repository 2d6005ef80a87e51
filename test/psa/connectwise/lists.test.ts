// Reads: companies (server-side filter, paging across many pages), contacts, pick lists, the
// product catalog, agreement additions as billing targets and setting their quantity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PsaCompany } from '../../../src/psa/types.ts';
import { allAnswerErrors, assertNoSecrets, schemaErrors, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.sim.stop());

type Row = Record<string, unknown>;
const conditionsOf = (url: string) => new URL(url).searchParams.get('conditions');

describe('ConnectWise reads and billing', () => {
  it('searches companies by name on the server', async () => {
    const c = rig.client();
    const p = await c.searchCompanies({ name: 'smith' });
    expect(p.items.map((x) => x.name)).toContain('Smith & Jones Ltd');
    expect(p.items.every((x) => /smith/i.test(x.name) && x.active && !x.deleted && !x.prospect)).toBe(true);
    const e = rig.sent(/company\/companies$/).at(-1)!;
    expect(conditionsOf(e.url)).toBe(
      '(name contains "smith") and (deletedFlag = false) and (leadFlag = false and status/name != "Inactive")',
    );
    expect(schemaErrors('Company', JSON.parse(e.responseBody!), true, true)).toEqual([]);
  });

  it('leaves out inactive, deleted and prospect companies unless asked', async () => {
    const c = rig.client();
    const all = await rig.records<Row[]>('companies');
    const expected = all.filter(
      (r) =>
        r.deletedFlag !== true &&
        r.leadFlag !== true &&
        (r.status as Row).name !== 'Inactive' &&
        !(r.types as Row[]).some((t) => t.name === 'Prospect'),
    );
    const seen: PsaCompany[] = [];
    let next: string | null = null;
    do {
      const p = await c.searchCompanies({ pageSize: 200, next });
      seen.push(...p.items);
      next = p.next;
    } while (next !== null);
    expect(seen.map((x) => x.id).sort()).toEqual(expected.map((r) => String(r.id)).sort());
  });

  it('treats wildcard characters in a name as text', async () => {
    const c = rig.client();
    const hit = await c.searchCompanies({ name: '[Prospect]' });
    expect(hit.items.map((x) => x.name)).toEqual(['Proseware Inc. [Prospect]']);
    // Only its name says so: its type is Client.
    expect(hit.items[0]!.prospect).toBe(false);
    expect((await c.searchCompanies({ name: '%' })).items).toEqual([]);
    expect((await c.searchCompanies({ name: '*' })).items).toEqual([]);
    expect((await c.searchCompanies({ name: '") or (id > 0' })).items).toEqual([]);
  });

  it('pages through every company, many small pages, no duplicates', async () => {
    const c = rig.client();
    const seen: PsaCompany[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const p = await c.searchCompanies({ includeInactive: true, pageSize: 25, next });
      seen.push(...p.items);
      next = p.next;
      pages += 1;
    } while (next !== null && pages < 100);
    const all = await rig.records<Row[]>('companies');
    expect(pages).toBeGreaterThan(10);
    expect(new Set(seen.map((x) => x.id)).size).toBe(seen.length);
    expect(seen.length).toBe(all.length);
    expect(seen.some((x) => x.deleted)).toBe(true);
    expect(seen.some((x) => !x.active)).toBe(true);
    const pageParams = rig.sent(/company\/companies$/).map((e) => new URL(e.url).searchParams.get('page'));
    expect(pageParams).toContain(String(pages));
  });

  it('gets one company, with its domain; undefined when unknown', async () => {
    const c = rig.client();
    const co = await c.getCompany('2');
    expect(co).toMatchObject({ id: '2', name: 'Smith & Jones Ltd', active: true, deleted: false });
    expect(co!.domains.every((d) => d === d.toLowerCase() && !d.includes('/'))).toBe(true);
    expect(await c.getCompany('999999')).toBeUndefined();
    expect(schemaErrors('Company', JSON.parse(rig.sent(/companies\/2$/).at(-1)!.responseBody!))).toEqual([]);
  });

  it('lists the contacts of a company', async () => {
    const c = rig.client();
    const contacts = await c.listContacts('2');
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((x) => x.companyId === '2' && x.name !== '')).toBe(true);
    expect(contacts.some((x) => x.email?.includes('@'))).toBe(true);
    const e = rig.sent(/company\/contacts$/).at(-1)!;
    expect(conditionsOf(e.url)).toBe('(company/id = 2) and (inactiveFlag = false)');
    expect(schemaErrors('Contact', JSON.parse(e.responseBody!), true)).toEqual([]);
  });

  it('reads pick lists: boards with statuses, types, subtypes, items; priorities; SLAs', async () => {
    const c = rig.client();
    const lists = await c.pickLists();
    const boards = lists.boards!;
    expect(boards.map((b) => b.name)).toContain('Service Desk');
    const projectBoards = (await rig.records<Row[]>('boards')).filter((b) => b.projectFlag === true);
    for (const b of projectBoards) expect(boards.map((x) => x.id)).not.toContain(String(b.id));
    expect(boards.some((b) => b.inactive)).toBe(true);
    const onDesk = lists.statuses!.filter((s) => s.parentId === '1');
    expect(onDesk.find((s) => s.name === 'Closed')).toMatchObject({ id: '107', closed: true });
    expect(onDesk.find((s) => s.name === 'New')).toMatchObject({ closed: false, isDefault: true });
    expect(onDesk.some((s) => s.inactive)).toBe(true);
    for (const list of ['types', 'subtypes', 'items'] as const) {
      expect(lists[list]!.length).toBeGreaterThan(0);
      expect(lists[list]!.every((x) => boards.some((b) => b.id === x.parentId))).toBe(true);
    }
    expect(lists.priorities!.length).toBe(5);
    expect(lists.slas!.map((s) => s.name)).toContain('Standard SLA');
    for (const [re, schema] of [
      [/service\/boards$/, 'Board'],
      [/statuses$/, 'BoardStatus'],
      [/types$/, 'BoardType'],
      [/subtypes$/, 'BoardSubType'],
      [/items$/, 'BoardItem'],
      [/priorities$/, 'Priority'],
    ] as const) {
      const e = rig.sent(re).at(-1)!;
      expect(schemaErrors(schema, JSON.parse(e.responseBody!), true), schema).toEqual([]);
    }
    // Setup tables answer whatever the role (reference §1.3).
    await rig.control('permissions', { remove: ['System.TableSetup'] });
    try {
      expect((await c.pickLists()).boards!.length).toBe(boards.length);
    } finally {
      await rig.control('permissions', { restore: true });
    }
  });

  it('lists products by name or code, with paging', async () => {
    const c = rig.client();
    const p = await c.listProducts({ name: 'backup' });
    expect(p.items.map((x) => x.code)).toContain('BACKUP-M365');
    expect(p.items.every((x) => /backup/i.test(`${x.name} ${x.code}`))).toBe(true);
    const e = rig.sent(/procurement\/catalog$/).at(-1)!;
    expect(schemaErrors('CatalogItem', JSON.parse(e.responseBody!), true, true)).toEqual([]);
    const all = (await rig.records<Row[]>('catalogItems')).length;
    let seen = 0;
    let next: string | null = null;
    do {
      const page = await c.listProducts({ next, pageSize: 4 } as { next: string | null });
      seen += page.items.length;
      next = page.next;
    } while (next !== null);
    expect(seen).toBe(all);
    expect((await c.listProducts({})).items.some((x) => x.inactive)).toBe(true);
  });

  it('lists agreement additions as billing targets and sets a quantity by PATCH', async () => {
    const c = rig.client();
    const targets = await c.billingTargets('2');
    expect(targets.length).toBeGreaterThan(0);
    const t = targets[0]!;
    expect(t.kind).toBe('agreement_addition');
    expect(t.id).toMatch(/^\d+:\d+$/);
    expect(t.label).toContain('→');
    expect(t.parent?.id).toBe(t.id.split(':')[0]);
    const agreements = await rig.records<Row[]>('agreements');
    for (const x of targets) {
      const a = agreements.find((r) => String(r.id) === x.parent!.id)!;
      expect((a.company as Row).id).toBe(2);
      expect(a.agreementStatus).toBe('Active');
    }
    expect(schemaErrors('Addition', JSON.parse(rig.sent(/additions$/).at(-1)!.responseBody!), true)).toEqual(
      [],
    );

    const change = await c.setBillingQuantity(t.id, t.quantity + 3);
    expect(change).toEqual({ previous: t.quantity, current: t.quantity + 3 });
    const stored = await rig.records<Row>('additions', t.id.split(':')[1]);
    expect(stored.quantity).toBe(t.quantity + 3);
    const patch = rig.sent(/additions\/\d+$/, 'PATCH').at(-1)!;
    expect(JSON.parse(patch.requestBody!)).toEqual([
      { op: 'replace', path: 'quantity', value: t.quantity + 3 },
    ]);
    expect(schemaErrors('Addition', JSON.parse(patch.responseBody!))).toEqual([]);
    // Same quantity again: nothing to write.
    const before = rig.sent(/additions\/\d+$/, 'PATCH').length;
    expect(await c.setBillingQuantity(t.id, t.quantity + 3)).toEqual({
      previous: t.quantity + 3,
      current: t.quantity + 3,
    });
    expect(rig.sent(/additions\/\d+$/, 'PATCH').length).toBe(before);
    const err = await c.setBillingQuantity('1:999999', 1).catch((e: unknown) => e);
    expect((err as { kind: string }).kind).toBe('not_found');
    const bad = await c.setBillingQuantity('nonsense', 1).catch((e: unknown) => e);
    expect((bad as { kind: string }).kind).toBe('validation');
  });

  it('identifies and checks permissions with the default role: everything ok', async () => {
    const c = rig.client();
    const checks = await c.checkPermissions();
    expect(checks.filter((p) => !p.ok)).toEqual([]);
  });

  it('never records or reports the private key', () => {
    assertNoSecrets(rig);
  });

  it('got answers that match the spec schemas, every one it recorded', () => {
    expect(allAnswerErrors(rig.history)).toEqual([]);
  });
});
