// A small, hand-made company/contact set on top of the default seed, so condition tests can name
// the exact ids each expression must return.
import { defaultConnectwiseSeed } from '../../../src/simulators/connectwise/index.ts';

const info = (at: string) => ({ lastUpdated: at, updatedBy: 'admin', dateEntered: at, enteredBy: 'admin' });
const active = { id: 1, name: 'Active' };
const client = [{ id: 1, name: 'Client' }];
const company = (id: number, name: string, extra: Record<string, unknown>) => ({
  id,
  identifier: `C${id}`,
  name,
  status: active,
  types: client,
  addressLine1: '1 Main St',
  city: 'Denver',
  deletedFlag: false,
  leadFlag: false,
  customFields: [],
  _info: info('2024-01-01T00:00:00Z'),
  ...extra,
});
const tier = (value: unknown) => [
  { id: 3, caption: 'Tier', type: 'Text', entryMethod: 'EntryField', numberOfDecimals: 0, value },
];
const email = (id: number, value: string, communicationType: string) => ({
  id,
  value,
  communicationType,
  defaultFlag: true,
});

export function smallSeed() {
  const seed = defaultConnectwiseSeed();
  seed.tables.companies = [
    company(1, 'Smith & Jones Ltd', {
      identifier: 'SmithJones',
      city: 'Leeds',
      numberOfEmployees: 10,
      annualRevenue: 1000.5,
      dateAcquired: '2020-01-15T00:00:00Z',
      website: 'www.sj.example',
      customFields: tier('Gold'),
    }),
    company(2, 'Smith and Jones Limited', {
      status: { id: 2, name: 'Inactive' },
      city: 'Leeds',
      numberOfEmployees: 5,
      leadFlag: true,
      website: 'www.sj2.example',
      customFields: tier('Silver'),
    }),
    company(3, 'Acme Inc.', { city: 'Austin', numberOfEmployees: 200, types: [{ id: 2, name: 'Prospect' }] }),
    company(4, 'ACME Incorporated', {
      city: 'austin',
      numberOfEmployees: 50,
      website: 'www.acme.example',
      customFields: tier(null),
      _info: info('2026-03-01T00:00:00Z'),
    }),
    company(5, 'Müller GmbH', { city: 'München', numberOfEmployees: 12, website: 'www.mueller.example' }),
    company(6, `O'Brien "Best" Plumbing`, { numberOfEmployees: 1, website: 'www.obrien.example' }),
    company(7, 'Deleted Co', {
      deletedFlag: true,
      numberOfEmployees: 2,
      website: 'x',
      dateDeleted: '2025-01-01T00:00:00Z',
    }),
    company(8, '100% Widgets* [Old]', { numberOfEmployees: 3, website: 'www.widgets.example' }),
  ];
  seed.tables.contacts = [
    {
      id: 1,
      firstName: 'Fred',
      lastName: 'Flint',
      company: { id: 1 },
      communicationItems: [email(1, 'fred@outlook.com', 'Email'), email(2, '5551234', 'Phone')],
      customFields: [],
    },
    {
      id: 2,
      firstName: 'Ann',
      lastName: 'Acme',
      company: { id: 3 },
      communicationItems: [email(1, 'ann@acme.example', 'Email'), email(2, 'fred@outlook.com', 'Phone')],
      customFields: [],
    },
    {
      id: 3,
      firstName: 'Nobody',
      lastName: 'Here',
      company: { id: 4 },
      communicationItems: [],
      customFields: [],
    },
  ];
  return seed;
}
