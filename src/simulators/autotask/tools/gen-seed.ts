// Generates ../seed/default.json: a realistic, awkward tenant. Deterministic (seeded PRNG), so the
// committed file is reproducible. Contract unit history is made by the simulator's own adjustment
// code, then periods before the current month are marked approved and posted.
// Run: node src/simulators/autotask/tools/gen-seed.ts
import { writeFileSync } from 'node:fs';
import { createAdjustment, unitRows } from '../contracts.ts';
import { DEFAULT_CREDENTIALS } from '../index.ts';
import { entityByName } from '../entities.ts';
import type { AutotaskSeed, EntityDef, Row } from '../model.ts';
import { AutotaskStore } from '../store.ts';
import { picklists, udfs } from './picklists.ts';

let state = 20261124;
function rand(): number {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const day = (iso: string, plusDays: number) =>
  new Date(Date.parse(iso) + plusDays * 86_400_000).toISOString();

const NOW = '2026-11-24T09:00:00.000Z';

// --- Resources (the API user is one of them; reference §4.6 required fields filled) ---
const people = [
  ['Alex', 'Morgan', 1, 1],
  ['Priya', 'Shah', 2, 1],
  ['Tom', 'Becker', 2, 1],
  ['Grace', "O'Neill", 2, 1],
  ['Lukas', 'Schmidt', 2, 2],
  ['Maria', 'Garcia', 3, 1],
  ['Sam', 'Okafor', 2, 2],
  ['Chen', 'Wei', 2, 1],
  ['Old', 'Technician', 2, 1],
] as const;
const resources: Row[] = people.map(([first, last, userType, loc], i) => ({
  id: 29682885 + i,
  firstName: first,
  lastName: last,
  email: `${first.toLowerCase()}.${last.toLowerCase().replace(/'/g, '')}@simulated-msp.example`,
  emailTypeCode: 'PRIMARY',
  userName: `${first.charAt(0).toLowerCase()}${last.toLowerCase().replace(/'/g, '')}`.slice(0, 32),
  hireDate: `20${String(10 + i).padStart(2, '0')}-03-01T00:00:00.000Z`,
  isActive: first !== 'Old',
  licenseType: 1,
  locationID: loc,
  numberFormat: 'X,XXX.XX',
  payrollType: 1,
  resourceType: 'Employee',
  userType,
  title: userType === 1 ? 'Service Manager' : 'Technician',
}));
resources.push({
  id: 29682900,
  firstName: 'PSA Hub',
  lastName: 'API User',
  email: DEFAULT_CREDENTIALS.username,
  emailTypeCode: 'PRIMARY',
  userName: 'psahubapi',
  hireDate: '2024-01-01T00:00:00.000Z',
  isActive: true,
  licenseType: 7,
  locationID: 1,
  numberFormat: 'X,XXX.XX',
  payrollType: 1,
  resourceType: 'Employee',
  userType: 17,
});
const activeTechs = resources.filter((r) => r.isActive && r.userType !== 17).map((r) => r.id);

// --- Companies: the tenant's own company is id 0 (reference §4.6) ---
type C = [name: string, type: number, active?: boolean];
const awkward: C[] = [
  ['Smith & Sons Ltd', 1],
  ['Smith and Sons Limited', 1],
  ['Smith & Sons Ltd.', 3],
  ['Acme Inc.', 1],
  ['ACME, Inc', 1],
  ['Acme Incorporated', 4, false],
  ['Müller GmbH', 1],
  ['Mueller GmbH', 3],
  ['Müller Gesellschaft mbH', 1, false],
  ["O'Brien & Partners LLP", 1],
  ['Café Zürich AG', 1],
  ['Contoso Ltd', 1],
  ['Contoso Ltd', 1],
  ['Contoso Limited', 2],
  ['Bright Horizons Limited', 1],
  ['Bright Horizons Ltd', 1, false],
  ['  Trailing Space Dental Ltd ', 1],
  ['Johnson & Johnson Dental Care', 1],
  ['Johnson and Johnson Dental Care', 3],
  ['A&B Logistics', 1],
  ['A & B Logistics', 1],
  ['Northwind Traders Pty Ltd', 1],
  ['Northwind Traders', 6, false],
  ['Fabrikam, Inc.', 1],
  ['Fabrikam Inc', 3],
  ['Dell Technologies', 7],
  ['Microsoft Corporation', 7],
  ['Veeam Software AG', 7],
  ['Ingram Micro Inc.', 7],
  ['Pax8 Inc.', 7],
  ['Datto, Inc.', 8],
  ['St. Mary’s Clinic', 1],
  ['St Marys Clinic', 3],
  ['100% Pure Water Co.', 1],
  ['Zeta-Beta (UK) Limited', 1],
];
const prefixes = [
  'Northwind',
  'Blue Ridge',
  'Harbor',
  'Summit',
  'Riverside',
  'Oakwood',
  'Granite',
  'Silverline',
  'Evergreen',
  'Redwood',
  'Lakeside',
  'Pioneer',
  'Coastal',
  'Highland',
  'Maple',
  'Keystone',
  'Beacon',
  'Crescent',
  'Ironbridge',
  'Westfield',
];
const trades = [
  'Dental',
  'Legal',
  'Accounting',
  'Logistics',
  'Veterinary',
  'Construction',
  'Pharmacy',
  'Architects',
  'Engineering',
  'Insurance',
  'Realty',
  'Motors',
  'Bakery',
  'Print',
  'Medical',
];
const suffixes = [
  'Ltd',
  'Limited',
  'Inc.',
  'Inc',
  'LLC',
  'GmbH',
  'Pty Ltd',
  '& Co',
  'Group',
  'Partners',
  '',
  'PLC',
  'B.V.',
];
const cities = [
  ['Boston', 'MA', 237],
  ['Denver', 'CO', 237],
  ['London', '', 236],
  ['Manchester', '', 236],
  ['Berlin', 'BE', 83],
  ['Munich', 'BY', 83],
  ['Sydney', 'NSW', 14],
  ['Toronto', 'ON', 39],
  ['Dublin', '', 109],
  ['Auckland', '', 157],
] as const;
const companies: Row[] = [
  {
    id: 0,
    companyName: 'Simulated MSP Ltd',
    companyType: 8,
    isActive: true,
    phone: '+1 617 555 0100',
    ownerResourceID: 29682885,
    city: 'Boston',
    state: 'MA',
    countryID: 237,
    createDate: '2015-01-01T00:00:00.000Z',
  },
];
const names: C[] = [...awkward];
const seen = new Set(names.map((n) => n[0]));
while (names.length < 300) {
  const name = `${pick(prefixes)} ${pick(trades)} ${pick(suffixes)}`.trim();
  if (seen.has(name)) continue;
  seen.add(name);
  const r = rand();
  names.push([name, r < 0.72 ? 1 : r < 0.82 ? 3 : r < 0.88 ? 2 : r < 0.92 ? 4 : 6, rand() > 0.08]);
}
names.forEach(([name, type, active], i) => {
  const [city, st, country] = pick(cities);
  const created = day('2016-01-01T00:00:00.000Z', int(0, 3600));
  companies.push({
    id: 174 + i,
    companyName: name,
    companyType: type,
    isActive: active ?? true,
    phone: `+1 555 ${String(int(100, 999))} ${String(int(1000, 9999))}`,
    address1: `${int(1, 999)} ${pick(['Main St', 'High Street', 'Market Rd', 'Hauptstraße', 'Queen St'])}`,
    city,
    state: st || null,
    postalCode: String(int(10000, 99999)),
    countryID: country,
    webAddress: type === 1 ? `https://www.${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example` : null,
    ownerResourceID: pick(activeTechs),
    classification: type === 1 ? pick([1, 2, 3]) : null,
    marketSegmentID: pick([1, 2, 3, 4, 5, 6]),
    territoryID: pick([1, 2, 3, 4]),
    companyNumber: `C${String(1000 + i)}`,
    createDate: created,
    lastActivityDate: day(created, int(10, 500)),
    parentCompanyID: name === 'Smith & Sons Ltd.' ? 174 : null,
    userDefinedFields: [
      { name: 'Number of Employees', value: type === 1 ? String(int(3, 450)) : null },
      { name: 'CustomerRanking', value: type === 1 ? pick(['Golden', 'Silver', 'not Golden']) : null },
      { name: 'N-central Customer ID', value: type === 1 && rand() > 0.3 ? String(int(100, 999)) : null },
    ],
  });
});
const customers = companies.filter((c) => c.companyType === 1 && c.isActive && c.id !== 0);

// --- Contacts ---
const firsts = [
  'James',
  'Olivia',
  'Noah',
  'Emma',
  'Liam',
  'Sophie',
  'Jürgen',
  'Aoife',
  'Mateo',
  'Chloé',
  'Ravi',
  'Zoë',
  'Oliver',
  'Mia',
];
const lasts = [
  'Brown',
  'Wilson',
  'Taylor',
  'Müller',
  "O'Connor",
  'Nguyen',
  'Smith',
  'Jones',
  'Fischer',
  'Kelly',
  'Patel',
  'López',
];
const contacts: Row[] = [];
let contactId = 30682000;
for (const c of companies.filter((x) => x.id !== 0 && x.companyType !== 7)) {
  const n = c.companyType === 1 ? int(1, 3) : int(0, 1);
  for (let k = 0; k < n; k += 1) {
    const first = pick(firsts);
    const last = pick(lasts);
    contacts.push({
      id: contactId++,
      companyID: c.id,
      firstName: first,
      lastName: last,
      emailAddress:
        `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') +
        `@${String(c.companyName)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '')}.example`,
      phone: c.phone,
      title: pick(['Office Manager', 'Owner', 'IT Contact', 'Finance Director', null]),
      isActive: rand() > 0.1 ? 1 : 0,
      primaryContact: k === 0,
      createDate: c.createDate,
    });
  }
}

// --- Services and products ---
const serviceSpecs: [string, number, number, number, boolean?][] = [
  ['Managed Workstation', 45, 12, 29682801],
  ['Managed Server', 150, 40, 29682801],
  ['Cloud Backup - per device', 25, 8, 29682802],
  ['Cloud Backup - per TB', 60, 20, 29682802],
  ['SaaS Backup - per user', 4, 1.5, 29682802],
  ['Microsoft 365 Business Premium', 22, 18.5, 29682803],
  ['Endpoint Security', 6, 2.5, 29682801],
  ['Helpdesk - per user', 35, 10, 29682801],
  ['Firewall Management', 80, 20, 29682801],
  ['BDR Appliance Monitoring', 95, 30, 29682802],
  ['Legacy Tape Backup', 40, 25, 29682802, false],
];
const services: Row[] = serviceSpecs.map(([name, price, cost, code, active], i) => ({
  id: 25 + i,
  name,
  description: `${name} (per unit, monthly)`,
  invoiceDescription: name,
  unitPrice: price,
  unitCost: cost,
  periodType: 1,
  billingCodeID: code,
  isActive: active ?? true,
  markupRate: null,
  createDate: '2020-02-01T00:00:00.000Z',
  creatorResourceID: 29682885,
  lastModifiedDate: '2025-06-01T00:00:00.000Z',
}));
const productSpecs: [string, string, number, number, number, number][] = [
  ['Dell OptiPlex 7010', 'OPT-7010', 899, 720, 1, 29682810],
  ['Dell PowerEdge R650', 'PE-R650', 6400, 5200, 1, 29682810],
  ['Datto SIRIS 4TB', 'SIRIS-4TB', 3200, 2500, 1, 29682812],
  ['Datto ALTO 1TB', 'ALTO-1TB', 1100, 850, 1, 29682812],
  ['Veeam Backup for Microsoft 365 - per user', 'VBM365', 2.5, 1.2, 3, 29682812],
  ['Microsoft 365 Business Premium', 'M365-BP', 22, 18.5, 4, 29682811],
  ['SaaS Backup Seat', 'SAAS-SEAT', 4, 1.5, 3, 29682812],
  ['Cloud Backup Storage (TB)', 'CB-TB', 60, 20, 3, 29682812],
  ['Endpoint Security Seat', 'EPS-SEAT', 6, 2.5, 2, 29682811],
  ['Fortinet FortiGate 60F', 'FG-60F', 950, 700, 1, 29682810],
  ['Ubiquiti U6 Pro', 'U6-PRO', 160, 120, 1, 29682810],
  ['Old Backup Agent', 'OBA-1', 10, 5, 5, 29682813],
];
const products: Row[] = productSpecs.map(([name, sku, price, cost, cat, code], i) => ({
  id: 29683600 + i,
  name,
  sku,
  description: name,
  unitPrice: price,
  unitCost: cost,
  msrp: Math.round(price * 1.1 * 100) / 100,
  productCategory: cat,
  productBillingCodeID: code,
  periodType: cat === 3 || cat === 4 || cat === 2 ? 1 : 5,
  billingType: cat === 3 || cat === 4 || cat === 2 ? 2 : 1,
  isActive: cat !== 5,
  isSerialized: cat === 1,
  manufacturerName: name.split(' ')[0],
}));

// --- Contracts, contract services and unit history ---
const contracts: Row[] = [];
let contractNo = 29684000;
for (const c of customers.slice(0, 90)) {
  const recurring = rand() > 0.2;
  const yearly = rand() > 0.85;
  const expired = rand() > 0.93;
  contracts.push({
    id: contractNo++,
    companyID: c.id,
    contractName: recurring
      ? `${String(c.companyName).trim()} - Managed Services`
      : `${String(c.companyName).trim()} - Break/Fix`,
    contractNumber: `CN-${contractNo}`,
    contractType: recurring ? 7 : 1,
    contractCategory: recurring ? 1 : 2,
    contractPeriodType: recurring ? (yearly ? 4 : 1) : null,
    startDate: expired ? '2024-01-01T00:00:00.000Z' : '2025-07-01T00:00:00.000Z',
    endDate: expired ? '2025-06-30T00:00:00.000Z' : '2027-06-30T00:00:00.000Z',
    status: expired ? 0 : 1,
    billingPreference: 2,
    isDefaultContract: false,
    timeReportingRequiresStartAndStopTimes: 0,
    serviceLevelAgreementID: pick([1, 1, 2]),
    description: null,
  });
}
const seed: AutotaskSeed = {
  api: { ...DEFAULT_CREDENTIALS, zoneName: 'America East', ci: 482913 },
  picklists,
  udfs,
  entities: {
    Resources: resources,
    Companies: companies,
    Contacts: contacts,
    Services: services,
    Products: products,
    Contracts: contracts,
  },
};
const store = new AutotaskStore(seed);
const ctx = { store, now: () => new Date(NOW), apiResourceId: 29682900 };
for (const contract of contracts.filter((k) => k.contractType === 7)) {
  const chosen = new Set<number>();
  const n = int(1, 4);
  while (chosen.size < n) chosen.add(pick(services.filter((s) => s.isActive)).id);
  for (const serviceID of chosen) {
    const service = services.find((s) => s.id === serviceID) as Row;
    const cs = store.table('ContractServices').insert(
      store.complete(entityDef('ContractServices'), {
        contractID: contract.id,
        serviceID,
        unitPrice: service.unitPrice,
        unitCost: service.unitCost,
        internalCurrencyUnitPrice: service.unitPrice,
        invoiceDescription: service.invoiceDescription,
      }),
    );
    for (const u of unitRows(contract, cs, int(1, 40)))
      store.table('ContractServiceUnits').insert({ ...u, userDefinedFields: [] });
    // Unit history: a few adjustments over the contract's life.
    let date = Date.parse(String(contract.startDate));
    const end = Math.min(Date.parse(String(contract.endDate)), Date.parse(NOW));
    for (let k = int(0, 3); k > 0; k -= 1) {
      date += int(20, 200) * 86_400_000;
      if (date > end) break;
      const current = store
        .table('ContractServiceUnits')
        .all()
        .filter((u) => u.contractServiceID === cs.id && Date.parse(String(u.endDate)) >= date)[0];
      const change = Math.max(-Number(current?.units ?? 0), int(-3, 6));
      if (change === 0) continue;
      createAdjustment(ctx, {
        id: 0,
        contractID: contract.id,
        serviceID,
        unitChange: change,
        effectiveDate: new Date(date).toISOString().slice(0, 10) + 'T00:00:00.000Z',
        adjustedUnitPrice: null,
        adjustedUnitCost: null,
        allowRepeatService: false,
        contractServiceID: null,
        quoteItemID: null,
      });
    }
  }
}
// Periods that ended before this month are approved and posted.
const monthStart = Date.UTC(2026, 10, 1);
for (const u of store.table('ContractServiceUnits').all()) {
  if (Date.parse(String(u.endDate)) < monthStart)
    store.table('ContractServiceUnits').put({ ...u, approveAndPostDate: day(String(u.endDate), 3) });
}

// --- Configuration items ---
const cis: Row[] = [];
let ciId = 29690000;
for (const c of customers.slice(0, 60)) {
  for (let k = int(0, 3); k > 0; k -= 1) {
    const product = pick(products.filter((p) => p.productCategory === 1 || p.productCategory === 3));
    cis.push({
      id: ciId++,
      companyID: c.id,
      productID: product.id,
      isActive: rand() > 0.1,
      configurationItemType: product.productCategory === 3 ? 4 : pick([1, 2, 3]),
      configurationItemCategoryID: pick([1, 2, 3]),
      referenceTitle: `${String(product.name)} @ ${String(c.companyName).trim()}`.slice(0, 200),
      serialNumber: `SN${int(100000, 999999)}`,
      installDate: day('2023-01-01T00:00:00.000Z', int(0, 900)),
      userDefinedFields: [
        { name: 'N-central Device ID', value: rand() > 0.5 ? String(int(1000, 9999)) : null },
      ],
    });
  }
}

// --- Tickets and notes ---
const titles = [
  'Backup failed on {d}',
  'Printer offline',
  'Cannot access shared drive',
  'New starter setup',
  'Outlook keeps crashing',
  'VPN not connecting',
  'Disk space low on {d}',
  'Wi-Fi drops in meeting room',
  'Password reset',
  'SaaS backup seat count changed',
];
const issueSub: [number, number][] = [
  [4, 11],
  [4, 12],
  [4, 17],
  [6, 20],
  [6, 21],
  [7, 30],
  [7, 31],
  [7, 32],
  [9, 40],
  [9, 41],
];
const tickets: Row[] = [];
const notes: Row[] = [];
let ticketId = 7800;
let noteId = 903;
for (let i = 0; i < 160; i += 1) {
  const c = pick(customers);
  const created = day('2026-01-05T08:00:00.000Z', int(0, 320));
  const status = pick([1, 1, 5, 5, 5, 7, 8, 8, 13]);
  const [issueType, subIssueType] = pick(issueSub);
  const assigned = rand() > 0.4 ? pick(activeTechs) : null;
  const contact = contacts.find((k) => k.companyID === c.id);
  const id = ticketId++;
  tickets.push({
    id,
    ticketNumber: `T${created.slice(0, 10).replace(/-/g, '')}.${String(id % 10000).padStart(4, '0')}`,
    companyID: c.id,
    contactID: contact?.id ?? null,
    title: pick(titles).replace('{d}', `${String(c.companyName).trim().split(' ')[0]}-SRV0${int(1, 4)}`),
    description: 'Reported by the customer. See notes.',
    status,
    priority: pick([1, 2, 2, 3, 4]),
    queueID: pick([29682833, 29682969, 29683490, 8, 5]),
    ticketType: pick([1, 2, 2, 5]),
    source: pick([-1, 2, 4, 8]),
    issueType,
    subIssueType,
    ticketCategory: 2,
    serviceLevelAgreementID: 1,
    assignedResourceID: assigned,
    assignedResourceRoleID: assigned === null ? null : 29682833,
    createDate: created,
    creatorResourceID: pick(activeTechs),
    creatorType: 1,
    lastActivityDate: day(created, int(0, 4)),
    completedDate: status === 5 ? day(created, int(0, 6)) : null,
    dueDateTime: day(created, 2),
    userDefinedFields: [
      { name: 'FR Result', value: pick(['Allocated', null]) },
      { name: 'External Alert ID', value: rand() > 0.7 ? `alert-${int(10000, 99999)}` : null },
    ],
  });
  for (let k = int(0, 3); k > 0; k -= 1) {
    notes.push({
      id: noteId++,
      ticketID: id,
      title: pick(['Update', 'Called customer', 'Alert repeated', 'Resolution']),
      description: pick([
        'Left voicemail.',
        'Backup failed again: job "Nightly" exited with code 3.',
        'Replaced toner & tested.',
        'Escalated to Level II.',
      ]),
      noteType: pick([1, 1, 3, 13]),
      publish: pick([1, 2]),
      createDateTime: day(created, 0.1 * k),
      lastActivityDate: day(created, 0.1 * k),
      creatorResourceID: pick(activeTechs),
    });
  }
}

function entityDef(name: string): EntityDef {
  const d = entityByName(name);
  if (!d) throw new Error(`no entity ${name}`);
  return d;
}

/** Only set fields go to the file; the simulator completes rows with nulls on load. */
function compact(rows: Row[]): Row[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as Row);
}
const out: AutotaskSeed = {
  ...seed,
  entities: {
    Resources: resources,
    Companies: compact(companies),
    Contacts: compact(contacts),
    Services: compact(services),
    Products: compact(products),
    Contracts: compact(contracts),
    ContractServices: compact(store.table('ContractServices').all()),
    ContractServiceUnits: compact(store.table('ContractServiceUnits').all()),
    ContractServiceAdjustments: compact(store.table('ContractServiceAdjustments').all()),
    ConfigurationItems: compact(cis),
    Tickets: compact(tickets),
    TicketNotes: compact(notes),
  },
};
writeFileSync(new URL('../seed/default.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(
  Object.entries(out.entities)
    .map(([k, v]) => `${k}: ${v.length}`)
    .join(', '),
);
