// Writes `default.json`: a realistic and awkward ConnectWise tenant — a few hundred companies with
// `&`/and, Ltd/Limited, Inc./GmbH variants, near-duplicates, inactive, deleted (recycle bin) and
// prospect companies; contacts; boards with open and closed statuses; priorities; SLAs; products;
// agreements with additions; configurations. Deterministic (seeded PRNG).
// Run: node src/simulators/connectwise/seed/generate.ts
import { writeFileSync } from 'node:fs';
import { buildBilling } from './gen-billing.ts';
import { buildCompanies } from './gen-companies.ts';
import { buildCustomFields } from './gen-custom-fields.ts';
import { buildSecurity } from './gen-security.ts';
import { buildService } from './gen-service.ts';
import { day, dept, info } from './gen-util.ts';

// Order matters: the parts draw from one seeded random sequence.
const { securityRoles, securityRoleSettings, members } = buildSecurity();
const { companyStatuses, companyTypes, companies, sites, contacts, clients } = buildCompanies();
const { boards, boardStatuses, boardTypes, boardSubTypes, boardItems, priorities, slas, tickets, notes } =
  buildService(clients, contacts);
const {
  productTypes,
  productSubcategories,
  catalogItems,
  agreementTypes,
  agreements,
  additions,
  configurationTypes,
  configurationStatuses,
  configurations,
} = buildBilling(clients, contacts);

const seed = {
  companyInfo: {
    CompanyName: 'Northwind MSP',
    Codebase: 'v2026_4/',
    VersionCode: 'v2026.4',
    VersionNumber: 'v4.6.88110',
    CompanyID: 'northwind',
    IsCloud: 'True',
  },
  apiKeys: {
    companyId: 'northwind',
    publicKey: 'Xq7pLk2mT9vB4nWc',
    privateKey: 'sK8dR3fH6jZ1yQ5a',
    clientId: '6f1c2e8a-3b4d-4c5e-9f60-7a8b9c0d1e2f',
    memberId: 2,
  },
  info: {
    version: 'v2026.4.88110',
    isCloud: true,
    serverTimeZone: 'Eastern Standard Time',
    licenseBits: [
      { name: 'Agreements', activeFlag: true },
      { name: 'Procurement', activeFlag: true },
      { name: 'ServiceDesk', activeFlag: true },
    ],
    cloudRegion: 'NA',
    maxWorkFlowRecordsAllowed: 0,
  },
  tables: {
    companies,
    companyStatuses,
    companyTypes,
    sites,
    contacts,
    boards,
    boardStatuses,
    boardTypes,
    boardSubTypes,
    boardItems,
    priorities,
    slas,
    tickets,
    notes,
    productTypes,
    productSubcategories,
    catalogItems,
    agreementTypes,
    agreements,
    additions,
    configurationTypes,
    configurationStatuses,
    configurations,
    members,
    securityRoles,
    securityRoleSettings,
    locations: [
      {
        id: 1,
        name: 'Main Office',
        structureLevel: { id: 1, name: 'Location' },
        locationFlag: true,
        clientFlag: false,
        _info: info(day(2019, 1, 1)),
      },
    ],
    departments: [
      dept,
      { id: 2, identifier: 'PS', name: 'Professional Services' },
      { id: 3, identifier: 'ADM', name: 'Administration' },
    ].map((d) => ({ ...d, _info: info(day(2019, 1, 1)) })),
    userDefinedFields: buildCustomFields(),
  },
};
// One row per line keeps the file small and its diffs readable.
const { tables, ...head } = seed;
const body = Object.entries(tables)
  .map(
    ([name, rows]) =>
      `  ${JSON.stringify(name)}: [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`,
  )
  .join(',\n');
const headText = Object.entries(head)
  .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  .join(',\n ');
writeFileSync(new URL('./default.json', import.meta.url), `{\n ${headText},\n "tables": {\n${body}\n }\n}\n`);
console.log(
  Object.entries(seed.tables)
    .map(([k, v]) => `${k}=${v.length}`)
    .join(' '),
);
