// Seed: resources (incl. the API user), a few hundred awkwardly named companies, and contacts.
import { DEFAULT_CREDENTIALS } from '../index.ts';
import type { Row } from '../model.ts';
import { day, int, pick, rand } from './rng.ts';

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
export const resources: Row[] = people.map(([first, last, userType, loc], i) => ({
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
export const activeTechs = resources.filter((r) => r.isActive && r.userType !== 17).map((r) => r.id);

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
export const companies: Row[] = [
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
export const customers = companies.filter((c) => c.companyType === 1 && c.isActive && c.id !== 0);

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
export const contacts: Row[] = [];
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
