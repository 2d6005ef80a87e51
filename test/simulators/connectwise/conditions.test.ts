// The `conditions` grammar, table-driven over real HTTP `/count` and list calls (reference §3.2-3.3):
// operators, and/or precedence, parentheses, quoting and escapes, wildcards, dates, booleans,
// null, nested and case-insensitive fields, childConditions and customFieldConditions, and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { smallSeed } from './small-seed.ts';

let cw: CwClient;
beforeAll(async () => {
  cw = await startCw({ seed: smallSeed() });
});
afterAll(() => cw.sim.stop());

async function ids(path: string, query: Record<string, string>): Promise<number[]> {
  const res = await cw.get(path, { ...query, fields: 'id', pageSize: 1000 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);
}

const MATCHES: [string, number[]][] = [
  ['name = "Acme Inc."', [3]],
  ['name = "acme inc."', [3]],
  ["name = 'Acme Inc.'", [3]],
  ['name != "Acme Inc."', [1, 2, 4, 5, 6, 8]],
  ['name like "Smith*"', [1, 2]],
  ['name like "smith%"', [1, 2]],
  ['name like "*GmbH"', [5]],
  ['name like "*&*"', [1]],
  ['name like "Acme Inc."', [3]],
  ['name contains "&"', [1]],
  ['name contains "JONES"', [1, 2]],
  ['name not contains "Smith"', [3, 4, 5, 6, 8]],
  ['name not like "A*"', [1, 2, 5, 6, 8]],
  ['id in (1, 3, 5)', [1, 3, 5]],
  ['id not in (1,3,5)', [2, 4, 6, 8]],
  [`name in ("Acme Inc.", 'Müller GmbH')`, [3, 5]],
  ['numberOfEmployees > 10', [3, 4, 5]],
  ['numberOfEmployees >= 10', [1, 3, 4, 5]],
  ['numberOfEmployees < 10', [2, 6, 8]],
  ['numberOfEmployees <= 5', [2, 6, 8]],
  ['annualRevenue = 1000.5', [1]],
  ['numberOfEmployees > -1 and numberOfEmployees < 2', [6]],
  ['leadFlag = true', [2]],
  ['leadFlag = True', [2]],
  ['LEADFLAG = FALSE', [1, 3, 4, 5, 6, 8]],
  ['dateAcquired > [2020-01-01T00:00:00Z]', [1]],
  ['dateAcquired < [2020-01-01T00:00:00Z]', []],
  ['dateAcquired = null', [2, 3, 4, 5, 6, 8]],
  ['dateAcquired != null', [1]],
  ['website = null', [3]],
  ['lastUpdated > [2025-06-01T00:00:00Z]', [4]],
  ['_info/lastUpdated > [2025-06-01T00:00:00Z]', [4]],
  ['dateEntered < [2025-06-01T00:00:00Z] and _info/enteredBy = "admin"', [1, 2, 3, 5, 6, 8]],
  ['status/name = "Inactive"', [2]],
  ['status/id = 2', [2]],
  ['Status/Name = "inactive"', [2]],
  ['types/name = "Prospect"', [3]],
  ['city = "austin"', [3, 4]],
  ['(city = "Leeds" or city = "Austin") and numberOfEmployees > 6', [1, 3, 4]],
  ['city = "Leeds" or city = "Austin" and numberOfEmployees > 100', [1, 2, 3]],
  ['city = "Leeds" OR (city = "Austin" AND numberOfEmployees > 100)', [1, 2, 3]],
  ['((city = "Leeds"))', [1, 2]],
  [`name = 'O\\'Brien "Best" Plumbing'`, [6]],
  [`name = "O'Brien \\"Best\\" Plumbing"`, [6]],
  ['name like "100*"', [8]],
  // SQL Server LIKE semantics behind the guide's `[[]` escape (inferred): `_`, classes, `[[]`.
  ['name like "Smith_&*"', [1]],
  ['name like "[AM]*"', [3, 4, 5]],
  ['name like "[^S]*"', [3, 4, 5, 6, 8]],
  ['name like "[a-b]*"', [3, 4]],
  ['name contains "[[]Old]"', [8]],
  ['name contains "_"', [1, 2, 3, 4, 5, 6, 8]],
  ['name contains "* ["', [8]],
  ['deletedFlag = true', [7]],
  ['identifier = "SmithJones" AND (status/id = 1 OR leadFlag = true)', [1]],
];

const ERRORS: [string, RegExp][] = [
  ['leadFlag = 1', /^Expected a boolean value, not a numeric\. String values should be enclosed/],
  ['numberOfEmployees > "10"', /Expected a numeric value, not a string/],
  ['dateAcquired > "2020-01-01"', /Expected a datetime value, not a string/],
  ['name contains 5', /Expected a string value, not a numeric/],
  ['name = Acme', /Unexpected value 'Acme'/],
  ['name = "Acme', /Unterminated string/],
  ['nosuchfield = 1', /Unknown field name 'nosuchfield'/],
  ['(name = "x"', /Expected '\)'/],
  ['name = "x" and', /Expected a field name/],
  ['name ~ "x"', /Unexpected character '~'/],
  ['dateAcquired > [not a date]', /Invalid DateTime value/],
  ['numberOfEmployees contains "5"', /Expected a numeric value, not a string|only be used on string/],
  ['status = 1', /cannot be compared directly/],
  ['name not = "x"', /Expected contains, like or in after not/],
  ['id in 1, 2', /Expected '\(' after in/],
];

describe('conditions grammar', () => {
  it.each(MATCHES)('%s', async (conditions, expected) => {
    expect(await ids('/company/companies', { conditions })).toEqual(expected);
    const count = await cw.count('/company/companies', conditions);
    expect(count.body).toEqual({ count: expected.length });
  });

  it.each(ERRORS)('refuses %s with 400 and the server message', async (conditions, message) => {
    const res = await cw.get('/company/companies', { conditions });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: expect.any(String), message: expect.stringMatching(message) });
  });

  it('decodes + as a space (axios form encoding) and %2A as *', async () => {
    const url = `${cw.base}/company/companies/count?conditions=name+like+%22Smith%2A%22`;
    const res = await fetch(url, {
      headers: { authorization: cw.authHeader(), clientId: cw.sim.credentials.clientId! },
    });
    expect(await res.json()).toEqual({ count: 2 });
  });

  it('hides deleted companies unless the conditions ask for them', async () => {
    expect(await ids('/company/companies', {})).toEqual([1, 2, 3, 4, 5, 6, 8]);
    expect(
      await ids('/company/companies', { conditions: 'deletedFlag = false or deletedFlag = true' }),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await cw.get('/company/companies/7')).body.deletedFlag).toBe(true);
  });
});

describe('childConditions and customFieldConditions', () => {
  it('matches child array elements, one child satisfying all of it', async () => {
    const both = 'communicationItems/value like "fred@*" AND communicationItems/communicationType="Email"';
    expect(await ids('/company/contacts', { childConditions: both })).toEqual([1]);
    expect(
      await ids('/company/contacts', { childconditions: 'communicationItems/value = "fred@outlook.com"' }),
    ).toEqual([1, 2]);
    expect(
      await ids('/company/contacts', { childConditions: 'communicationItems/value contains "acme"' }),
    ).toEqual([2]);
  });

  it('refuses `in` in childConditions and customFieldConditions', async () => {
    const res = await cw.get('/company/contacts', { childConditions: 'communicationItems/id in (1,2)' });
    expect(res.status).toBe(400);
    const cf = await cw.get('/company/companies', { customFieldConditions: 'caption in ("Tier")' });
    expect(cf.status).toBe(400);
  });

  it('combines with conditions', async () => {
    expect(
      await ids('/company/contacts', {
        conditions: 'company/id = 3',
        childConditions: 'communicationItems/value like "fred*"',
      }),
    ).toEqual([2]);
  });

  it.each([
    ['caption="Tier" AND value="Gold"', [1]],
    ['caption = "Tier" AND value != null', [1, 2]],
    ['caption="Tier"', [1, 2, 4]],
    ['caption="Tier" and value = null', [4]],
    ['caption="Nope"', []],
  ])('customFieldConditions %s', async (customFieldConditions, expected) => {
    expect(await ids('/company/companies', { customFieldConditions })).toEqual(expected);
  });
});
