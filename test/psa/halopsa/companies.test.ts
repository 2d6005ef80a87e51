// Companies (Halo Clients) and contacts (Users): server-side search, paging across many pages,
// inactive and prospect clients, get by id, and the decimal ids Halo sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PsaClient } from '../../../src/psa/client.ts';
import type { PsaCompany } from '../../../src/psa/types.ts';
import { startRig, type Rig } from './helpers.ts';

let rig: Rig;
let halo: PsaClient;
beforeAll(async () => {
  rig = await startRig();
  halo = rig.client();
});
afterAll(async () => rig.sim.stop());

type Row = Record<string, unknown>;

describe('companies', () => {
  it('pages through every active client, Halo filtering server side', async () => {
    const all: PsaCompany[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page = await halo.searchCompanies({ pageSize: 40, next });
      all.push(...page.items);
      next = page.next;
      pages += 1;
    } while (next !== null && pages < 50);
    const clients = await rig.records<Row[]>('Client');
    const active = clients.filter((c) => c.inactive !== true);
    expect(pages).toBeGreaterThan(5);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    // Prospects are left out unless asked for.
    expect(all.length).toBeLessThanOrEqual(active.length);
    expect(all.length).toBeGreaterThan(active.length - 40);
    expect(all.every((c) => c.active && !c.prospect)).toBe(true);
    const lists = rig.exchanges.filter((e) => /\/api\/Client$/i.test(new URL(e.url).pathname));
    const q = new URL(lists[0]!.url).searchParams;
    expect(q.get('pageinate')).toBe('true');
    expect(q.get('page_size')).toBe('40');
    expect(q.get('page_no')).toBe('1');
  });

  it('searches by name on the server', async () => {
    const page = await halo.searchCompanies({ name: 'smith' });
    expect(page.items.length).toBeGreaterThan(0);
    for (const c of page.items) expect(c.name.toLowerCase()).toContain('smith');
    const sent = rig.exchanges.at(-1)!;
    expect(new URL(sent.url).searchParams.get('search')).toBe('smith');
  });

  it('includes inactive and prospect clients when asked', async () => {
    const seen: PsaCompany[] = [];
    let next: string | null = null;
    do {
      const page = await halo.searchCompanies({ includeInactive: true, pageSize: 100, next });
      seen.push(...page.items);
      next = page.next;
    } while (next !== null);
    const clients = await rig.records<Row[]>('Client');
    expect(seen.length).toBe(clients.length);
    expect(seen.some((c) => !c.active)).toBe(true);
    expect(seen.some((c) => c.prospect)).toBe(true);
  });

  it('gets a client by id with its domain, and undefined for an unknown one', async () => {
    const clients = await rig.records<Row[]>('Client');
    const withSite = clients.find((c) => typeof c.website === 'string' && c.website !== '')!;
    const c = await halo.getCompany(String(withSite.id));
    expect(c).toMatchObject({ id: String(withSite.id), active: withSite.inactive !== true });
    expect(c!.domains.length).toBe(1);
    expect(c!.domains[0]).not.toMatch(/^(https?:|www\.)/);
    expect(await halo.getCompany('987654')).toBeUndefined();
  });

  it('lists the contacts of a client', async () => {
    const contacts = await halo.listContacts('1');
    expect(contacts.length).toBeGreaterThan(0);
    for (const c of contacts) {
      expect(c.companyId).toBe('1');
      expect(c.id).toMatch(/^\d+$/);
    }
    expect(contacts[0]!.email).toMatch(/@/);
  });
});
