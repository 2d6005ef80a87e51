import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hierarchyProblem, parentPathOf } from '../../src/core/partners.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createPartner, getPartner, listPartners, updatePartner } from '../../src/store/partners.ts';
import { freshDb, type TestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await migrate(t.db);
});
afterAll(async () => t?.drop());

describe('partner tree rules', () => {
  it.each([
    ['distributor', null, undefined],
    ['direct_reseller', null, undefined],
    ['sub_reseller', null, 'a sub_reseller needs a parent partner'],
    ['sub_reseller', 'direct_reseller', undefined],
    ['master_reseller', 'distributor', undefined],
    ['distributor', 'master_reseller', 'a distributor cannot sit under a master_reseller'],
    ['direct_reseller', 'direct_reseller', 'a direct_reseller cannot sit under a direct_reseller'],
  ] as const)('%s under %s', (kind, parent, problem) => {
    expect(hierarchyProblem(kind, parent)).toBe(problem);
  });

  it('finds the parent path', () => {
    expect(parentPathOf('/a/b/c/')).toBe('/a/b/');
    expect(parentPathOf('/a/')).toBeNull();
  });
});

describe('partner store', () => {
  it('keeps materialised paths right when a subtree moves', async () => {
    const d1 = await createPartner(t.db, { name: 'D1', kind: 'distributor', parentId: null });
    const d2 = await createPartner(t.db, { name: 'D2', kind: 'distributor', parentId: null });
    const r = await createPartner(t.db, { name: 'R', kind: 'direct_reseller', parentId: d1.id });
    const s = await createPartner(t.db, { name: 'S', kind: 'sub_reseller', parentId: r.id });
    expect(s.path).toBe(`/${d1.id}/${r.id}/${s.id}/`);
    await updatePartner(t.db, r, { name: 'R', kind: 'direct_reseller', parentId: d2.id });
    expect((await getPartner(t.db, s.id))!.path).toBe(`/${d2.id}/${r.id}/${s.id}/`);
    const underD1 = await listPartners(t.db, { withinPath: d1.path, limit: 10 });
    expect(underD1.items.map((p) => p.name)).toEqual(['D1']);
    const underD2 = await listPartners(t.db, { withinPath: d2.path, limit: 10 });
    expect(underD2.items.map((p) => p.name)).toEqual(['D2', 'R', 'S']);
  });

  it('refuses a move under its own descendant', async () => {
    const d = await createPartner(t.db, { name: 'Loop D', kind: 'distributor', parentId: null });
    const m = await createPartner(t.db, { name: 'Loop M', kind: 'master_reseller', parentId: d.id });
    await expect(
      updatePartner(t.db, m, { name: 'Loop M', kind: 'master_reseller', parentId: m.id }),
    ).rejects.toThrow(/cannot sit under|own descendant/);
  });
});
