// Writes `default.json`: a realistic and awkward ConnectWise tenant — a few hundred companies with
// `&`/and, Ltd/Limited, Inc./GmbH variants, near-duplicates, inactive, deleted (recycle bin) and
// prospect companies; contacts; boards with open and closed statuses; priorities; SLAs; products;
// agreements with additions; configurations. Deterministic (seeded PRNG).
// Run: node src/simulators/connectwise/seed/generate.ts
import { writeFileSync } from 'node:fs';

type Row = Record<string, unknown> & { id: number };
let state = 20260404;
const rand = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const day = (y: number, m: number, d: number): string =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().replace(/\.\d{3}Z$/, 'Z');
const info = (at: string) => ({ lastUpdated: at, updatedBy: 'admin', dateEntered: at, enteredBy: 'admin' });
const ref = (row: Row, ...keys: string[]) =>
  Object.fromEntries([['id', row.id], ...keys.map((k) => [k, row[k]])]);

const loc = { id: 1, name: 'Main Office' };
const dept = { id: 1, identifier: 'SVC', name: 'Services' };
const US = { id: 1, name: 'United States' };
const UK = { id: 2, name: 'United Kingdom' };
const DE = { id: 3, name: 'Germany' };

// --- security ---------------------------------------------------------------------------------
const FUNCTIONS: [string, string, string, string][] = [
  ['Companies', 'Companies', 'CompanyMaintenance', 'Company Maintenance'],
  ['Companies', 'Companies', 'Contacts', 'Contacts'],
  ['Companies', 'Companies', 'Configurations', 'Configurations'],
  ['ServiceDesk', 'Service Desk', 'ServiceTickets', 'Service Tickets'],
  ['Finance', 'Finance', 'Agreements', 'Agreements'],
  ['Procurement', 'Procurement', 'ProductCatalog', 'Product Catalog'],
  ['System', 'System', 'TableSetup', 'Table Setup'],
  ['System', 'System', 'MemberMaintenance', 'Member Maintenance'],
  ['System', 'System', 'SecurityRoles', 'Security Roles'],
];
const securityRoles: Row[] = [
  {
    id: 1,
    name: 'Admin',
    roleType: 'Admin',
    adminFlag: true,
    inactiveFlag: false,
    _info: info(day(2019, 1, 1)),
  },
  {
    id: 2,
    name: 'PSA Hub Integration',
    roleType: 'Custom',
    adminFlag: false,
    inactiveFlag: false,
    _info: info(day(2024, 3, 1)),
  },
];
const securityRoleSettings: Row[] = [];
for (const role of securityRoles)
  FUNCTIONS.forEach(([mod, modName, fn, fnName], i) => {
    const all = role.id === 1;
    const level = (l: string): string =>
      all
        ? 'All'
        : fn === 'TableSetup' || fn === 'MemberMaintenance' || fn === 'SecurityRoles'
          ? l === 'inquire'
            ? 'All'
            : 'None'
          : 'All';
    securityRoleSettings.push({
      id: securityRoleSettings.length + 1,
      roleId: role.id,
      moduleIdentifier: mod,
      moduleName: modName,
      moduleDescription: modName,
      moduleFunctionIdentifier: fn,
      moduleFunctionName: fnName,
      moduleFunctionDescription: fnName,
      addLevel: level('add'),
      editLevel: level('edit'),
      deleteLevel: fn === 'Agreements' && !all ? 'None' : level('delete'),
      inquireLevel: level('inquire'),
      myAllFlag: true,
      reportFlag: false,
      restrictFlag: false,
      customFlag: false,
      sortOrder: i + 1,
      _info: info(day(2024, 3, 1)),
    });
  });
const member = (
  id: number,
  identifier: string,
  first: string,
  last: string,
  licenseClass: string,
  roleId: number,
): Row => ({
  id,
  identifier,
  firstName: first,
  lastName: last,
  licenseClass,
  hireDate: day(2020, 1, 6),
  defaultEmail: 'Office',
  defaultPhone: 'Office',
  officeEmail: `${identifier}@northwind-msp.example`,
  primaryEmail: `${identifier}@northwind-msp.example`,
  inactiveFlag: false,
  dailyCapacity: 8,
  adminFlag: roleId === 1,
  securityRole: { id: roleId, name: securityRoles[roleId - 1]!.name },
  defaultLocation: loc,
  defaultDepartment: dept,
  _info: info(day(2020, 1, 6)),
});
const members = [
  member(1, 'admin', 'Ada', 'Admin', 'F', 1),
  member(2, 'psahub', 'PSA Hub', 'Integration', 'A', 2),
  member(3, 'jsmith', 'Jo', 'Smith', 'F', 1),
  member(4, 'mgarcia', 'María', 'García', 'F', 1),
];

// --- companies ----------------------------------------------------------------------------------
const companyStatuses: Row[] = [
  {
    id: 1,
    name: 'Active',
    defaultFlag: true,
    inactiveFlag: false,
    notifyFlag: false,
    disallowSavingFlag: false,
  },
  {
    id: 2,
    name: 'Inactive',
    defaultFlag: false,
    inactiveFlag: true,
    notifyFlag: false,
    disallowSavingFlag: false,
  },
  {
    id: 3,
    name: 'Not-Approved',
    defaultFlag: false,
    inactiveFlag: false,
    notifyFlag: true,
    disallowSavingFlag: false,
    notificationMessage: 'Check with accounts first.',
  },
  {
    id: 4,
    name: 'Credit Hold',
    defaultFlag: false,
    inactiveFlag: false,
    notifyFlag: true,
    disallowSavingFlag: false,
    notificationMessage: 'On credit hold',
  },
].map((r) => ({ ...r, _info: info(day(2019, 1, 1)) }));
const companyTypes: Row[] = [
  { id: 1, name: 'Client', defaultFlag: true, vendorFlag: false },
  { id: 2, name: 'Prospect', defaultFlag: false, vendorFlag: false },
  { id: 3, name: 'Vendor', defaultFlag: false, vendorFlag: true },
  { id: 4, name: 'Partner', defaultFlag: false, vendorFlag: false },
  { id: 5, name: 'Former Client', defaultFlag: false, vendorFlag: false },
  { id: 6, name: 'Owner', defaultFlag: false, vendorFlag: false },
].map((r) => ({ ...r, _info: info(day(2019, 1, 1)) }));

// Awkward names on purpose: the hub's auto-match must cope with every one of these.
const AWKWARD = [
  'Smith & Jones Ltd',
  'Smith and Jones Limited',
  'Smith & Jones Ltd.',
  'SMITH & JONES LTD',
  'Smith &amp; Jones Ltd',
  'Acme Inc.',
  'Acme, Inc.',
  'ACME Incorporated',
  'Acme Inc',
  'Müller GmbH',
  'Mueller GmbH',
  'Müller Gmbh & Co. KG',
  'Bäckerei Schmidt GmbH',
  "O'Brien & Sons Plumbing",
  "O'Brien and Sons Plumbing",
  'Contoso Ltd',
  'Contoso Limited',
  'Contoso (UK) Ltd',
  'Fabrikam, Inc.',
  'Fabrikam Inc',
  'Northwind Traders',
  'Northwind Traders ',
  ' Northwind Traders',
  'A&B Accounting LLP',
  'A & B Accounting LLP',
  'AB Accounting',
  'Tailspin Toys Pty Ltd',
  'Wide World Importers Co.',
  'Café Crème SARL',
  'Zürich Dental AG',
  'Blue Yonder Airlines (Do Not Use)',
  'Litware, Inc. - OLD',
  'Proseware Inc. [Prospect]',
  'Adventure Works Cycles',
  'Adventure-Works Cycles',
  'Coho Winery',
  'Coho Vineyard & Winery',
  'Lucerne Publishing',
  'Graphic Design Institute',
  'Trey Research Inc.',
  'Humongous Insurance',
  'Woodgrove Bank',
  'Alpine Ski House',
  'Margie’s Travel',
  "Margie's Travel",
  'Fourth Coffee',
  'Consolidated Messenger',
  'School of Fine Art',
  'City Power & Light',
  'Best For You Organics Company',
  'VanArsdel, Ltd.',
  'Relecloud',
  'Wingtip Toys',
];
const STEMS = [
  'Apex',
  'Birch',
  'Cedar',
  'Delta',
  'Elm',
  'Falcon',
  'Granite',
  'Harbor',
  'Iron',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Maple',
  'Nordic',
  'Oak',
  'Pioneer',
  'Quarry',
  'Redwood',
  'Summit',
  'Trident',
  'Union',
  'Valley',
  'Willow',
  'Yellowstone',
  'Zenith',
];
const TRADES = [
  'Dental',
  'Legal',
  'Accounting',
  'Logistics',
  'Engineering',
  'Veterinary',
  'Realty',
  'Construction',
  'Medical',
  'Design',
  'Insurance',
  'Manufacturing',
  'Consulting',
  'Pharmacy',
  'Architects',
  'Motors',
  'Foods',
  'Clinic',
  'Partners',
  'Solutions',
];
const SUFFIXES = [
  'Ltd',
  'Limited',
  'Inc.',
  'Inc',
  'LLC',
  'GmbH',
  'Group',
  '& Co.',
  'and Associates',
  'PLC',
  'Corp.',
  '',
];
const CITIES: [string, string, string, typeof US][] = [
  ['Tampa', 'FL', '33602', US],
  ['Austin', 'TX', '78701', US],
  ['Denver', 'CO', '80202', US],
  ['Leeds', '', 'LS1 4AP', UK],
  ['Manchester', '', 'M1 1AE', UK],
  ['München', 'BY', '80331', DE],
  ['Hamburg', 'HH', '20095', DE],
  ['Portland', 'OR', '97201', US],
];

const names: string[] = [...AWKWARD];
while (names.length < 320) names.push(`${pick(STEMS)} ${pick(TRADES)} ${pick(SUFFIXES)}`.trim());
const companies: Row[] = [];
const sites: Row[] = [];
const identifiers = new Set<string>();
const ident = (name: string): string => {
  const base =
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 22) || 'Company';
  let id = base;
  for (let n = 2; identifiers.has(id.toLowerCase()); n++) id = `${base}${n}`;
  identifiers.add(id.toLowerCase());
  return id;
};
const addCompany = (name: string, extra: Partial<Row>): Row => {
  const id = companies.length + 1;
  const [city, st, zip, country] = pick(CITIES);
  const entered = day(2019 + int(0, 6), int(1, 12), int(1, 28));
  const c: Row = {
    id,
    identifier: ident(name),
    name,
    status: ref(companyStatuses[0]!, 'name'),
    types: [ref(companyTypes[0]!, 'name')],
    addressLine1: `${int(1, 999)} ${pick(['High Street', 'Main St', 'Bahnhofstraße', 'Market Square', 'Oak Avenue'])}`,
    city,
    state: st,
    zip,
    country,
    phoneNumber: `555${int(1000000, 9999999)}`,
    website: `www.${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 20) || 'example'
    }.example`,
    territory: loc,
    leadFlag: false,
    unsubscribeFlag: false,
    isVendorFlag: false,
    deletedFlag: false,
    customFields: [],
    _info: info(entered),
    ...extra,
  };
  companies.push(c);
  const site: Row = {
    id: sites.length + 1,
    name: 'Main',
    addressLine1: c.addressLine1,
    city,
    zip,
    country,
    primaryAddressFlag: true,
    defaultBillingFlag: true,
    defaultShippingFlag: true,
    defaultMailingFlag: true,
    inactiveFlag: false,
    company: ref(c, 'identifier', 'name'),
    _info: info(entered),
  };
  sites.push(site);
  c.site = ref(site, 'name');
  return c;
};
addCompany('Northwind MSP', { identifier: 'northwind', types: [ref(companyTypes[5]!, 'name')] });
identifiers.add('northwind');
for (const name of names) {
  const r = rand();
  const extra: Partial<Row> =
    r < 0.08
      ? { status: ref(companyStatuses[1]!, 'name'), types: [ref(companyTypes[4]!, 'name')] }
      : r < 0.13
        ? { deletedFlag: true, dateDeleted: day(2025, int(1, 12), int(1, 28)), deletedBy: 'admin' }
        : r < 0.25
          ? { types: [ref(companyTypes[1]!, 'name')], leadFlag: true }
          : r < 0.29
            ? { types: [ref(companyTypes[2]!, 'name')], isVendorFlag: true }
            : r < 0.32
              ? { status: ref(companyStatuses[3]!, 'name') }
              : r < 0.34
                ? { status: ref(companyStatuses[2]!, 'name') }
                : {};
  const c = addCompany(name, extra);
  if (rand() < 0.3)
    c.customFields = [
      {
        id: 7,
        caption: 'Backup Tenant',
        type: 'Text',
        entryMethod: 'EntryField',
        numberOfDecimals: 0,
        value: `tenant-${c.id}`,
      },
      {
        id: 8,
        caption: 'Managed',
        type: 'Checkbox',
        entryMethod: 'EntryField',
        numberOfDecimals: 0,
        value: rand() < 0.5,
      },
    ];
}
const live = companies.filter((c) => c.deletedFlag !== true && c.id !== 1);
const clients = live.filter((c) => (c.types as Row[])[0]!.id === 1 && (c.status as Row).id === 1);

// --- contacts -----------------------------------------------------------------------------------
const FIRST = [
  'Alex',
  'Sam',
  'Chris',
  'Jordan',
  'Priya',
  'Wei',
  'Fatima',
  'Jürgen',
  'Siobhán',
  'Zoë',
  'Mohammed',
  'Olivia',
  'Liam',
  'Noah',
];
const LAST = [
  'Taylor',
  'Nguyen',
  'Patel',
  'Müller',
  "O'Connor",
  'Smith',
  'García',
  'Kowalski',
  'Brown',
  'Schmidt',
  'Okafor',
  'Lee',
];
const contacts: Row[] = [];
for (const c of companies.filter((x) => x.id !== 1)) {
  for (let i = 0; i < int(c.deletedFlag ? 0 : 1, 3); i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email =
      `${first}.${last}`
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z.]/g, '') + `@${String(c.website).replace(/^www\./, '')}`;
    contacts.push({
      id: contacts.length + 1,
      firstName: first,
      lastName: last,
      company: ref(c, 'identifier', 'name'),
      site: c.site,
      inactiveFlag: rand() < 0.07,
      title: pick(['Office Manager', 'IT Lead', 'Director', 'Owner', 'Accounts Payable']),
      defaultFlag: i === 0,
      communicationItems: [
        {
          id: 1,
          type: { id: 1, name: 'Email' },
          value: email,
          defaultFlag: true,
          communicationType: 'Email',
          domain: `@${String(c.website).replace(/^www\./, '')}`,
        },
        {
          id: 2,
          type: { id: 2, name: 'Direct' },
          value: `555${int(1000000, 9999999)}`,
          defaultFlag: true,
          communicationType: 'Phone',
        },
      ],
      types: [],
      customFields: [],
      _info: info(day(2023, int(1, 12), int(1, 28))),
    });
  }
}
for (const c of companies) {
  const first = contacts.find((k) => (k.company as Row).id === c.id);
  if (first) c.defaultContact = { id: first.id, name: `${first.firstName} ${first.lastName}` };
}

// --- service ------------------------------------------------------------------------------------
const boards: Row[] = [
  ['Service Desk', false, false],
  ['Monitoring Alerts', false, false],
  ['Backup Alerts', false, false],
  ['Projects', true, false],
  ['Old Helpdesk', false, true],
].map(
  ([name, project, inactive], i) =>
    ({
      id: i + 1,
      name,
      location: loc,
      department: dept,
      projectFlag: project,
      inactiveFlag: inactive,
      billTime: 'Billable',
      billExpense: 'Billable',
      billProduct: 'Billable',
      _info: info(day(2019, 1, 1)),
    }) as Row,
);
const boardStatuses: Row[] = [];
const boardTypes: Row[] = [];
const boardSubTypes: Row[] = [];
const boardItems: Row[] = [];
const STATUSES: [string, boolean, boolean, string][] = [
  ['New', false, true, 'NotResponded'],
  ['In Progress', false, false, 'Responded'],
  ['Waiting on Customer', false, false, 'Responded'],
  ['Scheduled', false, false, 'ResolutionPlan'],
  ['Re-Opened', false, false, 'Responded'],
  ['Resolved', true, false, 'Resolved'],
  ['Closed', true, false, 'Resolved'],
  ['>Closed - Duplicate', true, false, 'Resolved'],
];
for (const b of boards) {
  const board = ref(b, 'name');
  STATUSES.forEach(([name, closed, def, esc], i) =>
    boardStatuses.push({
      id: boardStatuses.length + 101,
      name,
      board,
      sortOrder: i,
      displayOnBoard: true,
      inactive: false,
      closedStatus: closed,
      timeEntryNotAllowed: closed,
      defaultFlag: def,
      escalationStatus: esc,
      customerPortalFlag: true,
      _info: info(day(2019, 1, 1)),
    }),
  );
  boardStatuses.push({
    id: boardStatuses.length + 101,
    name: 'Old - Do Not Use',
    board,
    sortOrder: 99,
    inactive: true,
    closedStatus: false,
    defaultFlag: false,
    escalationStatus: 'NoEscalation',
    _info: info(day(2019, 1, 1)),
  });
  for (const name of ['Incident', 'Service Request', 'Problem', 'Alert'])
    boardTypes.push({
      id: boardTypes.length + 201,
      name,
      board,
      category: name === 'Service Request' ? 'Proactive' : 'Reactive',
      defaultFlag: name === 'Incident',
      inactiveFlag: false,
      requestForChangeFlag: false,
      _info: info(day(2019, 1, 1)),
    });
  const typeIds = boardTypes.filter((t) => (t.board as Row).id === b.id).map((t) => t.id);
  for (const name of ['Backup', 'Network', 'Server', 'Workstation', 'Email', 'Cloud Desktop'])
    boardSubTypes.push({
      id: boardSubTypes.length + 301,
      name,
      board,
      inactiveFlag: false,
      typeAssociationIds: typeIds,
      _info: info(day(2019, 1, 1)),
    });
  for (const name of ['Failure', 'Warning', 'Configuration', 'How-To'])
    boardItems.push({
      id: boardItems.length + 401,
      name,
      board,
      inactiveFlag: false,
      _info: info(day(2019, 1, 1)),
    });
}
const priorities: Row[] = [
  ['Priority 1 - Emergency Response', 'Red', 'Critical', false],
  ['Priority 2 - Quick Response', 'Orange', 'High', false],
  ['Priority 3 - Normal Response', 'Blue', 'Medium', true],
  ['Priority 4 - Schedule Maintenance', 'Green', 'Low', false],
  ['Do Not Respond', 'Gray', 'Low', false],
].map(
  ([name, color, level, def], i) =>
    ({
      id: i + 1,
      name,
      color,
      level,
      defaultFlag: def,
      sortOrder: i + 1,
      _info: info(day(2019, 1, 1)),
    }) as Row,
);
const pRef = (i: number) => ref(priorities[i]!, 'name');
const slas: Row[] = [
  {
    id: 1,
    name: 'Standard SLA',
    basedOn: 'MyCalendar',
    defaultFlag: true,
    respondHours: 4,
    planWithin: 8,
    resolutionHours: 24,
  },
  {
    id: 2,
    name: 'Premium 24x7',
    basedOn: 'AllHours',
    defaultFlag: false,
    respondHours: 1,
    planWithin: 2,
    resolutionHours: 8,
  },
].map((s) => ({
  ...s,
  applicationOrder: s.id,
  hiImpactHiUrgency: pRef(0),
  hiImpactMedUrgency: pRef(1),
  hiImpactLowUrgency: pRef(1),
  medImpactHiUrgency: pRef(1),
  medImpactMedUrgency: pRef(2),
  medImpactLowUrgency: pRef(2),
  lowImpactHiUrgency: pRef(2),
  lowImpactMedUrgency: pRef(3),
  lowImpactLowUrgency: pRef(3),
  respondPercent: 100,
  planWithinPercent: 100,
  resolutionPercent: 100,
  _info: info(day(2019, 1, 1)),
}));

// --- tickets and notes --------------------------------------------------------------------------
const tickets: Row[] = [];
const notes: Row[] = [];
const SUMMARIES = [
  'Backup failed: Exchange Online',
  'Backup job did not run',
  'Cloud desktop unreachable',
  'Disk space low on FS01',
  'New starter laptop',
  'Printer offline',
  'M365 licence request',
  'VPN drops every hour',
  'Backup failed: SharePoint (3 sites)',
];
for (let i = 0; i < 80; i++) {
  const c = pick(clients);
  const b = boards[int(0, 2)]!;
  const statuses = boardStatuses.filter((s) => (s.board as Row).id === b.id && s.inactive !== true);
  const st = pick(statuses);
  const contact = contacts.find((k) => (k.company as Row).id === c.id);
  const at = day(2026, int(1, 10), int(1, 28));
  const t: Row = {
    id: 5000 + i,
    summary: pick(SUMMARIES),
    recordType: 'ServiceTicket',
    board: ref(b, 'name'),
    status: { id: st.id, name: st.name, sort: st.sortOrder },
    company: ref(c, 'identifier', 'name'),
    site: c.site,
    ...(contact ? { contact: { id: contact.id, name: `${contact.firstName} ${contact.lastName}` } } : {}),
    type: ref(
      boardTypes.find((x) => (x.board as Row).id === b.id)!,
      'name',
    ),
    priority: pRef(int(0, 3)),
    sla: ref(slas[0]!, 'name'),
    severity: 'Medium',
    impact: 'Medium',
    closedFlag: st.closedStatus,
    customerUpdatedFlag: false,
    approved: true,
    externalXRef: i % 4 === 0 ? `psahub:alert:${1000 + i}` : undefined,
    customFields: [],
    _info: info(at),
  };
  if (st.closedStatus) Object.assign(t, { closedDate: at, closedBy: 'jsmith', dateResolved: at });
  tickets.push(t);
  for (let n = 0; n < int(1, 3); n++)
    notes.push({
      id: 90000 + notes.length,
      ticketId: t.id,
      text: n === 0 ? `${t.summary}\n\nReported by monitoring.` : 'Still failing after retry.',
      detailDescriptionFlag: n === 0,
      internalAnalysisFlag: n > 0,
      resolutionFlag: false,
      issueFlag: false,
      member: { id: 3, identifier: 'jsmith', name: 'Jo Smith' },
      dateCreated: at,
      createdBy: 'jsmith',
      internalFlag: n > 0,
      externalFlag: n === 0,
      _info: { lastUpdated: at, updatedBy: 'jsmith' },
    });
}

// --- procurement ----------------------------------------------------------------------------------
const productTypes: Row[] = ['Service', 'Hardware', 'Software', 'Agreement'].map((name, i) => ({
  id: i + 1,
  name,
  defaultFlag: i === 0,
  inactiveFlag: false,
  _info: info(day(2019, 1, 1)),
}));
const productSubcategories: Row[] = ['Managed Services', 'Backup', 'Cloud', 'Licensing', 'Security'].map(
  (name, i) => ({ id: i + 1, name, inactiveFlag: false, _info: info(day(2019, 1, 1)) }),
);
const PRODUCTS: [string, string, number, number, number, string, boolean?][] = [
  ['BACKUP-M365', 'SaaS Backup for Microsoft 365 (per user)', 2, 4.5, 1.8, 'Service'],
  ['BACKUP-GWS', 'SaaS Backup for Google Workspace (per user)', 2, 4, 1.6, 'Service'],
  ['BDR-SERVER', 'BDR Server Protection', 2, 89, 35, 'Service'],
  ['BDR-WS', 'BDR Workstation Protection', 2, 15, 6, 'Service'],
  ['CLOUD-DESKTOP', 'Cloud Desktop (per user)', 3, 39, 21, 'Service'],
  ['CLOUD-STORAGE-TB', 'Cloud Storage (per TB)', 3, 60, 25, 'Service'],
  ['MANAGED-WS', 'Managed Workstation', 1, 45, 12.5, 'Agreement'],
  ['MANAGED-SRV', 'Managed Server', 1, 150, 40, 'Agreement'],
  ['RMM-AGENT', 'RMM Agent', 1, 3, 1, 'Service'],
  ['EDR-SEAT', 'Endpoint Detection & Response', 5, 7.5, 3.2, 'Service'],
  ['M365-BP', 'Microsoft 365 Business Premium', 4, 22, 19.8, 'Software'],
  ['M365-E3', 'Microsoft 365 E3', 4, 36, 32.4, 'Software'],
  ['backup-m365', 'SaaS Backup M365 (legacy SKU, lower case)', 2, 4, 1.5, 'Service'],
  ['BACKUP-M365-OLD', 'SaaS Backup for M365 - OLD', 2, 3, 1, 'Service', true],
  ['SECURITY-BUNDLE', 'Security Bundle (EDR + Backup)', 5, 12, 5, 'Service'],
];
const catalogItems: Row[] = PRODUCTS.map(
  ([identifier, description, sub, price, cost, type, inactive], i) => ({
    id: i + 1,
    identifier,
    description,
    customerDescription: description,
    subcategory: ref(productSubcategories[sub - 1]!, 'name'),
    type: ref(
      productTypes.find((t) => t.name === type)!,
      'name',
    ),
    productClass: identifier === 'SECURITY-BUNDLE' ? 'Bundle' : 'Service',
    inactiveFlag: inactive === true,
    price,
    cost,
    taxableFlag: false,
    serializedFlag: false,
    recurringFlag: true,
    recurringRevenue: price,
    recurringCost: cost,
    unitOfMeasure: { id: 1, name: 'Each' },
    customFields: [],
    _info: info(day(2024, 1, 15)),
  }),
);

// --- agreements ---------------------------------------------------------------------------------
const AT = {
  employeeCompRate: 'Actual',
  employeeCompNotExceed: 'Billing',
  invoicingCycle: 'ContractYear',
  billTime: 'Billable',
  billExpenses: 'Billable',
  billProducts: 'Billable',
};
const agreementTypes: Row[] = [
  'Managed Services',
  'Backup Services',
  'Block Time',
  'Cloud Services (retired)',
].map((name, i) => ({
  id: i + 1,
  name,
  ...AT,
  defaultFlag: i === 0,
  inactiveFlag: i === 3,
  prePaymentFlag: i === 2,
  _info: info(day(2019, 1, 1)),
}));
const agreements: Row[] = [];
const additions: Row[] = [];
for (const c of clients.slice(0, 110)) {
  const contact = contacts.find((k) => (k.company as Row).id === c.id);
  if (!contact) continue;
  const r = rand();
  const start = day(int(2021, 2025), int(1, 12), 1);
  const a: Row = {
    id: agreements.length + 1,
    name: `${pick(['Managed Services', 'Backup', 'Cloud Desktop'])} - ${c.name}`.slice(0, 100),
    type: ref(agreementTypes[int(0, 1)]!, 'name'),
    company: ref(c, 'identifier', 'name'),
    contact: { id: contact.id, name: `${contact.firstName} ${contact.lastName}` },
    ...AT,
    startDate: start,
    noEndingDateFlag: r >= 0.1,
    cancelledFlag: r < 0.05,
    applicationUnits: 'Amount',
    applicationCycle: 'CalendarMonth',
    billAmount: 0,
    taxable: false,
    agreementStatus: r < 0.05 ? 'Cancelled' : r < 0.1 ? 'Expired' : 'Active',
    customFields: [],
    _info: info(start),
  };
  if (r < 0.05) a.dateCancelled = day(2025, 6, 30);
  if (r >= 0.05 && r < 0.1) a.endDate = day(2025, 12, 31);
  agreements.push(a);
  const used = new Set<number>();
  for (let n = 0; n < int(1, 4); n++) {
    const p = catalogItems[int(0, 11)]!;
    if (used.has(p.id)) continue;
    used.add(p.id);
    const quantity = int(1, 60);
    const lessIncluded = rand() < 0.2 ? int(0, 5) : 0;
    additions.push({
      id: additions.length + 1,
      agreementId: a.id,
      product: ref(p, 'identifier'),
      quantity,
      lessIncluded,
      unitPrice: p.price,
      unitCost: p.cost,
      billCustomer: pick(['Billable', 'Billable', 'Billable', 'DoNotBill', 'NoCharge']),
      effectiveDate: start,
      taxableFlag: false,
      description: p.description,
      invoiceDescription: p.description,
      uom: 'Each',
      billedQuantity: Math.max(0, quantity - lessIncluded),
      extPrice: Math.round(quantity * Number(p.price) * 100) / 100,
      extCost: Math.round(quantity * Number(p.cost) * 100) / 100,
      sequenceNumber: n + 1,
      agreementStatus: a.agreementStatus,
      purchaseItemFlag: false,
      specialOrderFlag: false,
      _info: info(start),
    });
    const last = additions[additions.length - 1]!;
    last.margin = Math.round((Number(last.extPrice) - Number(last.extCost)) * 100) / 100;
  }
}

// --- configurations -----------------------------------------------------------------------------
const configurationTypes: Row[] = [
  'Workstation',
  'Server',
  'Backup Appliance',
  'Firewall',
  'Microsoft 365 Tenant',
  'Legacy NAS',
].map((name, i) => ({
  id: i + 1,
  name,
  inactiveFlag: i === 5,
  systemFlag: false,
  _info: info(day(2019, 1, 1)),
}));
const configurationStatuses: Row[] = [
  ['Active', false, true],
  ['Inactive', true, false],
  ['Retired', true, false],
].map(
  ([description, closed, def], i) =>
    ({ id: i + 1, description, closedFlag: closed, defaultFlag: def, _info: info(day(2019, 1, 1)) }) as Row,
);
const configurations: Row[] = [];
for (const c of clients.slice(0, 90))
  for (let n = 0; n < int(1, 3); n++) {
    const t = configurationTypes[int(0, 4)]!;
    configurations.push({
      id: configurations.length + 1,
      name: `${String(c.identifier).slice(0, 8).toUpperCase()}-${String(t.name).slice(0, 3).toUpperCase()}${n + 1}`,
      type: ref(t, 'name'),
      status: { id: 1, name: 'Active' },
      company: ref(c, 'identifier', 'name'),
      site: c.site,
      serialNumber: `SN${int(100000, 999999)}`,
      deviceIdentifier: `dev-${c.id}-${n}`,
      activeFlag: true,
      billFlag: false,
      questions: [],
      customFields: [],
      _info: info(day(2025, int(1, 12), int(1, 28))),
    });
  }

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
