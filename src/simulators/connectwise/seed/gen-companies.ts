// Seed part: companies with awkward names and states, their Main sites, and contacts.
import { DE, UK, US, day, info, int, loc, pick, rand, ref, type Row } from './gen-util.ts';

export function buildCompanies() {
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
  return { companyStatuses, companyTypes, companies, sites, contacts, clients };
}
