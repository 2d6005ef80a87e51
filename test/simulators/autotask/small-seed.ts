// A small replacement seed (same shape as the default one) whose companies make filter results
// exact: the default seed's picklists, UDFs and resources with six hand-made companies.
import { readFileSync } from 'node:fs';
import type { Rec } from './client.ts';

const defaultSeed = JSON.parse(
  readFileSync(new URL('../../../src/simulators/autotask/seed/default.json', import.meta.url), 'utf8'),
) as { picklists: unknown; udfs: unknown; api: unknown; entities: Record<string, Rec[]> };

const udf = (n: string | null) => [
  { name: 'Number of Employees', value: n },
  { name: 'CustomerRanking', value: n === null ? null : 'Golden' },
];
const companies = [
  {
    id: 0,
    companyName: 'Own MSP',
    companyType: 8,
    isActive: true,
    city: 'Boston',
    phone: '1',
    ownerResourceID: 29682885,
    createDate: '2015-01-01T00:00:00.000Z',
  },
  {
    id: 1,
    companyName: 'Smith & Sons Ltd',
    companyType: 1,
    isActive: true,
    city: 'Boston',
    phone: '1',
    ownerResourceID: 29682885,
    createDate: '2020-01-01T00:00:00.000Z',
    userDefinedFields: udf('50'),
  },
  {
    id: 2,
    companyName: 'Smith and Sons Limited',
    companyType: 3,
    isActive: false,
    phone: '1',
    ownerResourceID: 29682885,
    createDate: '2021-06-01T00:00:00.000Z',
    userDefinedFields: udf('5'),
  },
  {
    id: 3,
    companyName: 'Acme Inc.',
    companyType: 1,
    isActive: true,
    city: 'Berlin',
    phone: '1',
    ownerResourceID: 29682885,
    createDate: '2022-01-01T00:00:00.000Z',
  },
  {
    id: 4,
    companyName: 'Müller GmbH',
    companyType: 2,
    isActive: true,
    city: 'berlin',
    phone: '1',
    ownerResourceID: 29682885,
    createDate: '2023-03-01T00:00:00.000Z',
  },
  {
    id: 5,
    companyName: 'ACME, Inc',
    companyType: 4,
    isActive: false,
    city: 'Denver',
    phone: '1',
    ownerResourceID: 29682885,
    createDate: '2019-05-01T00:00:00.000Z',
  },
];
export const smallSeed = {
  api: defaultSeed.api,
  picklists: defaultSeed.picklists,
  udfs: defaultSeed.udfs,
  entities: { Resources: defaultSeed.entities.Resources, Companies: companies },
};
