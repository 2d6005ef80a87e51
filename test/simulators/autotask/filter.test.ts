// The filter grammar, table-driven against a small replacement seed loaded with `/_sim/seed`
// (reference §2.2–2.3, checklist §8.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask, type Rec } from './client.ts';
import { smallSeed } from './small-seed.ts';

let sim: RunningSimulator;
let at: AtClient;
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
  const res = await at.raw('POST', `${sim.url}/_sim/seed`, smallSeed, {});
  expect(res.status).toBe(204);
});
afterAll(async () => sim.stop());

const f = (op: string, field: string, value?: unknown, udfFlag?: boolean) => ({
  op,
  field,
  value,
  ...(udfFlag ? { udf: true } : {}),
});

const cases: [string, unknown[], number[]][] = [
  ['eq integer', [f('eq', 'companyType', 1)], [1, 3]],
  ['eq string is case-insensitive', [f('eq', 'companyName', 'acme inc.')], [3]],
  ['eq numeric string on an integer field', [f('eq', 'companyType', '1')], [1, 3]],
  ['noteq integer', [f('noteq', 'companyType', 1)], [0, 2, 4, 5]],
  ['noteq skips nulls (SQL semantics)', [f('noteq', 'city', 'Boston')], [3, 4, 5]],
  ['gt id', [f('gt', 'id', 3)], [4, 5]],
  ['gte id', [f('gte', 'id', 3)], [3, 4, 5]],
  ['lt id', [f('lt', 'id', 2)], [0, 1]],
  ['lte id', [f('lte', 'id', 1)], [0, 1]],
  ['gt datetime', [f('gt', 'createDate', '2021-12-31T00:00:00Z')], [3, 4]],
  ['gt datetime without a zone is UTC', [f('gt', 'createDate', '2021-12-31T23:00:00')], [3, 4]],
  ['lte datetime (date only)', [f('lte', 'createDate', '2020-01-01')], [0, 1, 5]],
  ['beginsWith', [f('beginsWith', 'companyName', 'smith')], [1, 2]],
  ['endsWith without dot', [f('endsWith', 'companyName', 'inc')], [5]],
  ['endsWith with dot', [f('endsWith', 'companyName', 'Inc.')], [3]],
  ['contains &', [f('contains', 'companyName', '&')], [1]],
  ['contains non-ASCII', [f('contains', 'companyName', 'ü')], [4]],
  ['exist', [f('exist', 'city')], [0, 1, 3, 4, 5]],
  ['notExist', [f('notExist', 'city')], [2]],
  ['in', [f('in', 'companyType', [1, 3])], [1, 2, 3]],
  ['notIn', [f('notIn', 'companyType', [1, 3])], [0, 4, 5]],
  ['in strings', [f('in', 'city', ['BERLIN', 'denver'])], [3, 4, 5]],
  ['boolean eq false', [f('eq', 'isActive', false)], [2, 5]],
  ['top-level entries are AND-ed', [f('eq', 'isActive', true), f('beginsWith', 'companyName', 'a')], [3]],
  ['or group', [{ op: 'or', items: [f('eq', 'id', 1), f('eq', 'id', 5)] }], [1, 5]],
  [
    'and inside or',
    [
      {
        op: 'or',
        items: [
          { op: 'and', items: [f('eq', 'companyType', 1), f('eq', 'city', 'berlin')] },
          f('eq', 'id', 2),
        ],
      },
    ],
    [2, 3],
  ],
  [
    'or inside and inside or',
    [
      {
        op: 'or',
        items: [
          {
            op: 'and',
            items: [f('exist', 'city'), { op: 'or', items: [f('eq', 'id', 4), f('eq', 'id', 5)] }],
          },
          f('eq', 'id', 0),
        ],
      },
    ],
    [0, 4, 5],
  ],
  ['udf numeric gt', [f('gt', 'Number of Employees', 10, true)], [1]],
  ['udf exist', [f('exist', 'number of employees', undefined, true)], [1, 2]],
  ['udf notExist', [f('notExist', 'Number of Employees', undefined, true)], [0, 3, 4, 5]],
  ['udf eq string', [f('eq', 'CustomerRanking', 'golden', true)], [1, 2]],
  [
    'operators and field names are case-insensitive',
    [{ op: 'BEGINSWITH', field: 'COMPANYNAME', value: 'müller' }],
    [4],
  ],
  ['match-all idiom exist id', [f('exist', 'id')], [0, 1, 2, 3, 4, 5]],
  ['match-all idiom gte id 0', [f('gte', 'id', 0)], [0, 1, 2, 3, 4, 5]],
  ['eq null behaves as notExist', [f('eq', 'city', null)], [2]],
];

describe('filter grammar', () => {
  it.each(cases)('%s', async (_name, filter, ids) => {
    const res = await at.query<Rec>('Companies', filter);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => r.id)).toEqual(ids);
    const count = await at.post<{ queryCount: number }>('/Companies/query/count', { filter });
    expect(count.body).toEqual({ queryCount: ids.length });
  });

  it('accepts Filter / MaxRecords / IncludeFields in any casing', async () => {
    const res = await at.post<{ items: Rec[] }>('/Companies/query', {
      Filter: [f('exist', 'id')],
      maxrecords: 2,
      includefields: ['CompanyName'],
    });
    expect(res.body.items).toEqual([
      { id: 0, companyName: 'Own MSP', userDefinedFields: [] },
      { id: 1, companyName: 'Smith & Sons Ltd', userDefinedFields: [] },
    ]);
  });

  it('answers the same through GET ?search=', async () => {
    const search = encodeURIComponent(JSON.stringify({ filter: [f('in', 'companyType', [1, 3])] }));
    const res = await at.get<{ items: Rec[] }>(`/Companies/query?search=${search}`);
    expect(res.body.items.map((r) => r.id)).toEqual([1, 2, 3]);
    const count = await at.get(`/Companies/query/count?search=${search}`);
    expect(count.body).toEqual({ queryCount: 3 });
  });
});

const errorCases: [string, string, unknown[], RegExp][] = [
  ['unknown field', 'Companies', [f('eq', 'foo', 1)], /^Unable to find foo in the Company Entity\.$/],
  [
    'field from another entity',
    'Contacts',
    [f('eq', 'companyName', 'x')],
    /^Unable to find companyName in the Contact Entity\.$/,
  ],
  ['unknown UDF', 'Companies', [f('eq', 'Nope', 'x', true)], /Unable to find Nope/],
  ['not an operator: startsWith', 'Companies', [f('startsWith', 'companyName', 'a')], /operator/],
  ['not an operator: ne', 'Companies', [f('ne', 'id', 1)], /operator/],
  ['boolean given as string', 'Companies', [f('eq', 'isActive', 'true')], /boolean/],
  ['boolean given as null', 'Companies', [f('eq', 'isActive', null)], /boolean/],
  ['number field given text', 'Companies', [f('eq', 'companyType', 'abc')], /number/],
  ['in without an array', 'Companies', [f('in', 'companyType', 1)], /array/],
  ['or without items', 'Companies', [{ op: 'or' }], /items/],
  [
    'two UDFs in one query',
    'Companies',
    [f('exist', 'Number of Employees', undefined, true), f('exist', 'CustomerRanking', undefined, true)],
    /one user-defined field/,
  ],
  [
    'more than 500 OR conditions',
    'Companies',
    [
      f(
        'in',
        'id',
        Array.from({ length: 501 }, (_, i) => i),
      ),
    ],
    /^Invalid query syntax\. Queries are limited to 500 or fewer 'OR' conditions\.$/,
  ],
  ['non-queryable field', 'Tickets', [f('eq', 'creatorType', 1)], /not queryable/],
  ['filter is not a list', 'Companies', { op: 'eq' } as unknown as unknown[], /array/],
];

describe('filter errors are HTTP 500 {"errors":[…]}', () => {
  it.each(errorCases)('%s', async (_name, entity, filter, message) => {
    const res = await at.post<{ errors: string[] }>(`/${entity}/query`, { filter });
    expect(res.status).toBe(500);
    expect(Object.keys(res.body as object)).toEqual(['errors']);
    expect(res.body.errors[0]).toMatch(message);
  });

  it('exactly 500 OR conditions are allowed', async () => {
    const res = await at.query('Companies', [
      f(
        'in',
        'id',
        Array.from({ length: 500 }, (_, i) => i),
      ),
    ]);
    expect(res.status).toBe(200);
  });

  it('GET query without search, or with broken JSON, is an error', async () => {
    expect((await at.get('/Companies/query')).status).toBe(500);
    expect((await at.get('/Companies/query?search=%7Bnot-json')).status).toBe(500);
  });
});
