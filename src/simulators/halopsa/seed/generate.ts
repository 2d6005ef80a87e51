// Writes `default.json`, the default Halo seed: a tenant that is realistic and awkward on purpose
// (names with `&`, Ltd/Limited and Inc./GmbH variants, near-duplicates, inactive clients and
// prospects, an approval-gated ticket type, a type with a restricted status list, per-SLA
// priorities, negative recurring-invoice ids). Deterministic: run it again and the file is the same.
// Usage: node src/simulators/halopsa/seed/generate.ts
import { writeFileSync } from 'node:fs';
import type { Row } from '../seed-types.ts';

let seedState = 20240903;
function rnd(): number {
  seedState = (seedState + 0x6d2b79f5) | 0;
  let t = seedState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const one = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
let guidN = 0;
function guid(): string {
  guidN += 1;
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `${hex(0x5eed0000 + guidN, 8)}-${hex(int(0, 0xffff), 4)}-4${hex(int(0, 0xfff), 3)}-a${hex(int(0, 0xfff), 3)}-${hex(int(0, 0xffffff), 6)}${hex(int(0, 0xffffff), 6)}`;
}
const BASE = Date.UTC(2026, 0, 5, 9, 0, 0);
const at = (daysAgo: number, hour = 9) =>
  new Date(BASE - daysAgo * 86_400_000 + hour * 3_600_000).toISOString().replace(/Z$/, '');
const NULL_DATE = '1899-12-30T00:00:00';

const toplevels: Row[] = [
  { id: 1, name: 'Customers' },
  { id: 2, name: 'Prospects' },
  { id: 3, name: 'Internal' },
];

const statuses: Row[] = [
  [1, 'New', 'NEW', '#2b6cb0'],
  [2, 'In Progress', 'PROG', '#38a169'],
  [3, 'Action Required', 'ACT', '#dd6b20'],
  [4, 'Waiting on Customer', 'WAIT', '#805ad5'],
  [5, 'Waiting on Supplier', 'SUPP', '#805ad5'],
  [10, 'Scheduled', 'SCHED', '#319795'],
  [11, 'Re-opened', 'REOP', '#e53e3e'],
  [9, 'Closed', 'CLOSED', '#718096'],
].map(([id, name, shortname, colour], i) => ({
  id: id as number,
  guid: guid(),
  name,
  shortname,
  type: 0,
  sequence: (i + 1) * 10,
  colour,
  showonquickchange: true,
}));

const slas: Row[] = [
  { id: 1, name: 'Standard SLA' },
  { id: 2, name: 'Premium 24x7' },
  { id: 3, name: 'Best Endeavours' },
].map((s) => ({
  ...s,
  guid: guid(),
  workday_id: s.id === 2 ? 2 : 1,
  workday_name: s.id === 2 ? '24x7' : 'Standard Hours',
  trackslaresponsetime: s.id !== 3,
  trackslafixbytime: s.id !== 3,
  responsereset: false,
  autoreleaseoption: false,
}));

// Priorities are per SLA (reference §4.9). The Premium SLA calls priority 3 "Moderate"; the
// best-endeavours SLA has no Critical.
const policyTable: [number, number, string, number, number][] = [
  [1, 1, 'Critical', 1, 4],
  [1, 2, 'High', 2, 8],
  [1, 3, 'Medium', 4, 24],
  [1, 4, 'Low', 8, 72],
  [2, 1, 'P1 - Critical', 0.25, 2],
  [2, 2, 'P2 - High', 1, 4],
  [2, 3, 'P3 - Moderate', 2, 12],
  [2, 4, 'P4 - Low', 4, 48],
  [3, 2, 'High', 8, 40],
  [3, 3, 'Normal', 24, 120],
  [3, 4, 'Low', 48, 240],
];
const priorities = policyTable.map(([slaid, priorityid, name, responsetime, fixtime]) => ({
  id: guid(),
  slaid,
  priorityid,
  name,
  responsetime,
  responseunits: 'hours',
  fixtime,
  fixunits: 'hours',
  colour: ['#e53e3e', '#dd6b20', '#d69e2e', '#38a169'][priorityid - 1],
  ishidden: false,
  workdaysoverride: 0,
}));

const teams: Row[] = [
  'Service Desk',
  'Second Line',
  'Projects',
  'Monitoring',
  'NZ - Service Desk',
  'Old Helpdesk',
].map((name, i) => ({
  id: i + 1,
  guid: guid(),
  name,
  department_id: 1,
  department_name: 'Service',
  inactive: name === 'Old Helpdesk',
  sequence: i,
  forrequests: true,
  foropps: false,
  forprojects: name === 'Projects',
}));

const agentNames = [
  'Priya Shah',
  'Tom Becker',
  "Aoife O'Connor",
  'Marco Rossi',
  'Jürgen Weiß',
  'Sam Taylor',
  'Lena Novak',
  'Chris Evans',
  'Mia Wong',
  'Ola Nordmann',
  'Dana Scully',
];
const agents: Row[] = [
  {
    id: 1,
    name: 'API Agent',
    firstname: 'API',
    surname: 'Agent',
    email: 'api@psahub.example',
    initials: 'AA',
    team: 'Service Desk',
    isdisabled: false,
    is_agent: true,
    isapiagent: true,
    jobtitle: 'Integration',
    colour: '#4a5568',
  },
  ...agentNames.map((name, i) => {
    const [first = '', ...rest] = name.split(' ');
    const surname = rest.join(' ');
    return {
      id: i + 2,
      name,
      firstname: first,
      surname,
      email: `${first
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}.${surname
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}@msp.example`,
      initials: `${first[0]}${surname[0] ?? ''}`,
      team: one([
        'Service Desk',
        'Service Desk',
        'Second Line',
        'Projects',
        'Monitoring',
        'NZ - Service Desk',
      ]),
      isdisabled: name === 'Dana Scully',
      is_agent: true,
      isapiagent: false,
      jobtitle: one(['Engineer', 'Senior Engineer', 'Service Desk Analyst', 'Team Lead']),
      colour: '#2b6cb0',
    };
  }),
];

const open = [1, 2, 3, 4, 5, 10, 11, 9].map((id) => ({ status_id: id }));
const tickettypes: Row[] = [
  { id: 1, name: 'Incident', default_team: 'Service Desk', allowall_status: true, allowed_status: open },
  {
    id: 2,
    name: 'Service Request',
    default_team: 'Service Desk',
    allowall_status: true,
    allowed_status: open,
  },
  // A type with a restricted status list (SPEC-2024 `RequestType.allowall_status`/`allowed_status`).
  {
    id: 3,
    name: 'Problem',
    default_team: 'Second Line',
    allowall_status: false,
    allowed_status: [1, 2, 3, 9].map((id) => ({ status_id: id })),
  },
  // Needs CAB approval: API creation fails with CODE:APP03/2 (reference §4.4).
  {
    id: 4,
    name: 'Change Request',
    default_team: 'Projects',
    allowall_status: true,
    allowed_status: open,
    approval_process_id: 1,
  },
  {
    id: 5,
    name: 'Alert',
    default_team: 'Monitoring',
    allowall_status: false,
    allowed_status: [1, 2, 4, 9].map((id) => ({ status_id: id })),
    default_priority: 2,
  },
  {
    id: 6,
    name: 'Legacy Fault',
    default_team: '',
    allowall_status: true,
    allowed_status: open,
    inactive: true,
    agentscanselect: false,
  },
].map((t) => ({
  use: 'fault',
  group_id: 1,
  group_name: 'Service',
  agentscanselect: true,
  enduserscanselect: t.id !== 5,
  visible: true,
  initial_status: 1,
  default_sla: 1,
  default_priority: 3,
  approval_process_id: 0,
  workflow_id: 0,
  itilrequesttype: t.id === 2 ? 3 : t.id === 3 ? 4 : t.id === 4 ? 2 : 1,
  ...t,
  allowed_status: t.allowed_status.map((a) => ({
    ticketype_id: t.id,
    tickettype_name: t.name,
    status_id: a.status_id,
    status_name: statuses.find((s) => s.id === a.status_id)?.name,
  })),
}));

const categoryNames: [number, string][] = [
  [1, 'Hardware'],
  [1, 'Software'],
  [1, 'Network'],
  [1, 'Backup & Recovery'],
  [1, 'Email'],
  [1, 'Security'],
  [1, 'Accounts & Access'],
  [2, 'Printer'],
  [2, 'Server'],
  [2, 'Workstation'],
  [2, 'Firewall'],
  [2, 'Microsoft 365'],
  [2, 'Backup Job Failed'],
  [3, 'Hardware Fault'],
  [3, 'User Error'],
  [3, 'Vendor Issue'],
  [4, 'Billable'],
  [4, 'Non-billable'],
];
const categories: Row[] = categoryNames.map(([type_id, value], i) => ({
  id: i + 1,
  value,
  category_name: ['', 'Category', 'Sub Category', 'Resolution', 'Billing'][type_id],
  type_id,
  sla_id: -1,
  priority_id: -1,
  category_group_id: 0,
  note: '',
}));

const outcomes: Row[] = [
  [0, 'Logged', 'Logged', true],
  [1, 'Note', 'Add Note', false],
  [2, 'Email User', 'Email User', false],
  [3, 'Private Note', 'Private Note', false],
  [4, 'Resolved', 'Resolve', false],
  [5, 'Phone Call', 'Log Call', false],
  [6, 'Change Status', 'Change Status', false],
].map(([id, outcome, buttonname, hidden], i) => ({
  id: id as number,
  guid: guid(),
  outcome,
  buttonname,
  colour: '#4a5568',
  sequence: i * 10,
  hidden,
  systemid: id === 0 ? 1 : 0,
}));

// --- clients: a few hundred, with the awkward variants a matcher must survive --------------------
const stems = [
  'Acme',
  'Brightwater',
  'Cobalt',
  'Dunmore',
  'Evergreen',
  'Falcon',
  'Granite',
  'Harbour',
  'Ironbridge',
  'Juniper',
  'Kestrel',
  'Lakeside',
  'Meridian',
  'Northgate',
  'Oakridge',
  'Pinnacle',
  'Quayside',
  'Redwood',
  'Silverline',
  'Thornbury',
  'Upland',
  'Vantage',
  'Westfield',
  'Yew Tree',
  'Zenith',
  'Ashford',
  'Beacon',
  'Castlegate',
  'Driftwood',
  'Elmstead',
  'Foxglove',
  'Glenview',
  'Highcross',
  'Inverness',
  'Jasper',
  'Kingfisher',
  'Larchmont',
  'Millbrook',
  'Newhaven',
  'Orchard',
];
const kinds = [
  'Dental',
  'Legal',
  'Accountants',
  'Logistics',
  'Engineering',
  'Architects',
  'Veterinary',
  'Construction',
  'Marketing',
  'Consulting',
  'Medical Centre',
  'Estate Agents',
  'Solicitors',
  'Recruitment',
  'Manufacturing',
];
const suffixes = ['Ltd', 'Limited', 'Ltd.', 'LLP', 'Inc.', 'Inc', 'LLC', 'GmbH', 'Pty Ltd', 'PLC', ''];
const special = [
  'Smith & Sons Ltd',
  'Smith and Sons Limited',
  'Smith & Sons',
  'Johnson & Johnson Plumbing',
  'Johnson and Johnson Plumbing Ltd',
  'Acme Inc.',
  'Acme, Inc',
  'ACME INC',
  'Müller GmbH',
  'Mueller GmbH',
  'Müller & Partner GmbH',
  "O'Brien Electrical",
  'O’Brien Electrical Ltd',
  'Café Noir SARL',
  'Brightwater Dental',
  'Brightwater Dental',
  'Brightwater Dental Care',
  'AT&T Reseller Services',
  'R&D Labs Limited',
  '3M Contractors',
  'The Pines Care Home',
  'Pines Care Home (The)',
  'St. Mary’s Primary School',
  'St Marys Primary School',
  'Ünal Transport GmbH & Co. KG',
  'Zürich Re-Insurance AG',
  'Kowalski Sp. z o.o.',
  'Nordic Fish A/S',
  'Hôtel de la Gare',
  'Dr. Patel & Associates',
  'Dr Patel and Associates',
  '  Leading Space Ltd',
  'Trailing Space Ltd  ',
  'Very Long Name International Holdings Group of Companies Limited (Europe, Middle East & Africa)',
  'MSP Internal',
  'Tenant Demo Client',
];
const clientNames: string[] = [...special];
while (clientNames.length < 320) {
  const suffix = one(suffixes);
  clientNames.push(`${one(stems)} ${one(kinds)}${suffix ? ` ${suffix}` : ''}`);
}
const clients: Row[] = [];
const sites: Row[] = [];
const users: Row[] = [];
const firstNames = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Pat',
  'Robin',
  'Kim',
  'Lee',
  'Morgan',
  'Taylor',
  'Jamie',
  'Noor',
  'Björn',
  'Siân',
];
const surnames = [
  'Smith',
  'Jones',
  'Williams',
  'Brown',
  'Müller',
  "O'Neill",
  'García',
  'Nguyen',
  'Khan',
  'Evans',
  'Schmidt',
];
const emailSafe = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
clientNames.forEach((name, i) => {
  const id = i + 1;
  const prospect = i >= 36 && rnd() < 0.06;
  const inactive =
    name === 'Brightwater Dental' && clients.some((c) => c.name === name) ? true : i >= 36 && rnd() < 0.1;
  const domain = `${emailSafe(name).slice(0, 18) || 'client'}${id}.example`;
  const siteCount = rnd() < 0.2 ? int(2, 4) : 1;
  const firstSite = sites.length + 1;
  for (let s = 0; s < siteCount; s++) {
    sites.push({
      id: sites.length + 1,
      name:
        s === 0
          ? 'Main'
          : one(['Head Office', 'Warehouse', 'Branch', 'Remote', 'Unit 4']) + (s > 1 ? ` ${s}` : ''),
      client_id: id,
      inactive: s > 0 && rnd() < 0.1,
      phonenumber: `+44 20 7${int(100, 999)} ${int(1000, 9999)}`,
      notes: '',
      timezone: 'GMT Standard Time',
      sla_id: -1,
      maincontact_id: -1,
    });
  }
  const userCount = prospect ? int(0, 1) : int(1, 4);
  for (let u = 0; u < userCount; u++) {
    const firstname = one(firstNames);
    const surname = one(surnames);
    const site = firstSite + (u % siteCount);
    users.push({
      id: users.length + 1,
      name: `${firstname} ${surname}`,
      firstname,
      surname,
      site_id: site,
      client_id: id,
      emailaddress: rnd() < 0.1 ? '' : `${emailSafe(firstname)}.${emailSafe(surname)}@${domain}`,
      phonenumber: rnd() < 0.5 ? `+44 7700 ${int(100000, 999999)}` : '',
      inactive: rnd() < 0.05,
      isimportantcontact: u === 0,
      notes: '',
      title: u === 0 ? 'Office Manager' : '',
    });
  }
  clients.push({
    id,
    name,
    inactive,
    toplevel_id: name === 'MSP Internal' ? 3 : prospect ? 2 : 1,
    is_vip: rnd() < 0.05,
    website: rnd() < 0.6 ? `https://www.${domain}` : '',
    notes: '',
    colour: '',
    accountsid: rnd() < 0.5 ? `ACC${String(1000 + id)}` : '',
    main_site_id: firstSite,
    datecreated: at(int(30, 2000)),
    customfields: [],
  });
});

// --- products ------------------------------------------------------------------------------------
const itemSpecs: [string, number, number, boolean, string][] = [
  ['Cloud Backup - Per Workstation', 4.5, 2.1, true, 'BKP-WS'],
  ['Cloud Backup - Per Server', 39, 18, true, 'BKP-SRV'],
  ['Cloud Backup - Microsoft 365 Seat', 2.25, 0.9, true, 'BKP-M365'],
  ['Cloud Backup - Storage per TB', 25, 11, true, 'BKP-TB'],
  ['BDR Appliance Rental', 120, 60, true, 'BDR-RENT'],
  ['Microsoft 365 Business Premium', 18.1, 16.6, true, 'M365-BP'],
  ['Microsoft 365 Business Basic', 4.9, 4.5, true, 'M365-BB'],
  ['Managed Antivirus', 3, 1.2, true, 'MAV'],
  ['Managed Detection & Response', 9.5, 5, true, 'MDR'],
  ['RMM Agent', 2, 0.8, true, 'RMM'],
  ['Cloud Desktop - Standard', 35, 20, true, 'VDI-STD'],
  ['Cloud Desktop - Power User', 65, 38, true, 'VDI-PWR'],
  ['Support Contract - Per User', 45, 0, true, 'SUP-USER'],
  ['Onboarding Fee', 250, 0, false, 'ONB'],
  ['Labour - Remote Support (hour)', 85, 0, false, 'LAB-REM'],
  ['Labour - Onsite Support (hour)', 110, 0, false, 'LAB-ONS'],
  ['Dell OptiPlex 7010', 649, 540, false, 'HW-DELL7010'],
  ['Ubiquiti UniFi AP', 129, 95, false, 'HW-UAP'],
  ['Domain Renewal', 15, 8, false, 'DOM'],
  ['SSL Certificate', 60, 35, false, 'SSL'],
];
const items: Row[] = itemSpecs.map(([name, price, cost, recurring, code], i) => ({
  id: i + 1,
  name,
  description: name,
  baseprice: price,
  costprice: cost,
  recurringprice: recurring ? price : 0,
  recurringcost: recurring ? cost : 0,
  isrecurringitem: recurring,
  taxcode: 1,
  nominalcode: recurring ? '4000' : '4100',
  supplier_id: -1,
  internalreference: code,
  externalreference: '',
  quantity_in_stock: recurring ? 0 : int(0, 20),
}));
const recurringItems = items.filter((i) => i.isrecurringitem === true);

const customerIds = clients.filter((c) => c.toplevel_id === 1 && c.inactive !== true).map((c) => c.id);
const mainSite = (clientId: number) => clients[clientId - 1]!.main_site_id as number;

// --- software licences ---------------------------------------------------------------------------
const licenceNames = [
  'Microsoft 365 Business Premium',
  'Microsoft 365 Business Basic',
  'Cloud Backup Seats',
  'ESET Endpoint Security',
  'Adobe Acrobat Pro',
];
const licences: Row[] = [];
for (let i = 0; i < 70; i++) {
  const client = one(customerIds);
  const count = int(1, 80);
  licences.push({
    id: i + 1,
    type: 0,
    name: one(licenceNames),
    client_id: client,
    site_id: rnd() < 0.6 ? -1 : mainSite(client),
    count,
    licences_in_use: Math.max(0, count - int(0, 5)),
    vendor: one(['Microsoft', 'Vendor Backup Co', 'ESET', 'Adobe']),
    start_date: at(int(30, 700), 0),
    end_date: rnd() < 0.3 ? NULL_DATE : at(-int(30, 365), 0),
    billing_cycle: one(['Monthly', 'Annual']),
    autorenew: rnd() < 0.7,
    status: 'Active',
    is_active: rnd() > 0.08,
    purchase_price: 0,
    price: 0,
    deleted: false,
    notes: '',
    product_sku: one(['CFQ7TTC0LCHC', 'CFQ7TTC0LH18', 'BKP-SEAT', 'EES-1Y', 'ACR-PRO']),
  });
}

// --- recurring invoices (negative ids, reference §4.15) -------------------------------------------
const recurring_invoices: Row[] = [];
const invoice_lines: Row[] = [];
for (let i = 0; i < 45; i++) {
  const id = -(i * 2 + 40); // gaps, as in a real tenant where some were deleted
  const client = one(customerIds);
  recurring_invoices.push({
    id,
    use: 'invoice',
    client_id: client,
    sitenumber: mainSite(client),
    invoicenumber: '',
    posted: false,
    contract_id: -1,
    contract_ref: '',
    currency_code: 0,
    period: one([1, 1, 1, 3, 12]),
    nextcreationdate: at(-int(1, 28), 0),
    reference: one(['Monthly services', 'Backup services', 'Managed services', '']),
    total: 0,
    tax_total: 0,
    amountdue: 0,
    last_modified: at(int(1, 90)),
  });
  const lineCount = int(1, 5);
  let total = 0;
  let taxTotal = 0;
  for (let l = 0; l < lineCount; l++) {
    const item = one(recurringItems);
    const qty = int(1, 60);
    const unit = item.recurringprice as number;
    const net = Math.round(qty * unit * 100) / 100;
    const tax = Math.round(net * 20) / 100;
    total += net + tax;
    taxTotal += tax;
    invoice_lines.push({
      id: 24900 + invoice_lines.length,
      ihid: id,
      sequenceid: l + 1,
      _itemid: item.id,
      item_code: item.internalreference,
      item_shortdescription: item.name,
      item_longdescription: '',
      nominal_code: item.nominalcode,
      qty_order: qty,
      unit_price: unit,
      baseprice: item.baseprice,
      net_amount: net,
      tax_code: 'T1',
      tax_rate: 20,
      tax_amount: tax,
      total_price: Math.round((net + tax) * 100) / 100,
      recurring_invoice_quantity_type: one([0, 0, 0, 1, 2]),
      contract_id: -1,
      asset_id: -1,
      ticket_id: -1,
      lineactiondate: NULL_DATE,
    });
  }
  const header = recurring_invoices[recurring_invoices.length - 1]!;
  header.total = Math.round(total * 100) / 100;
  header.tax_total = Math.round(taxTotal * 100) / 100;
  header.amountdue = header.total;
}

// --- tickets with actions ------------------------------------------------------------------------
const summaries = [
  'Backup job failed: FILESRV01',
  'Printer offline on floor 2',
  'Cannot access shared mailbox',
  'New starter: set up laptop',
  'VPN disconnects every hour',
  'Disk space low on SQL01',
  'Password reset request',
  'Outlook keeps asking for password',
  'Replication lagging for DC02',
  'Firewall firmware update',
  'Backup agent not checking in',
  'Slow Wi-Fi in meeting room',
];
const tickets: Row[] = [];
const actions: Row[] = [];
for (let i = 0; i < 160; i++) {
  const id = 1000 + i;
  const client = one(customerIds);
  const clientUsers = users.filter((u) => u.client_id === client);
  const user = clientUsers.length > 0 ? one(clientUsers) : undefined;
  const type = one([1, 1, 1, 2, 2, 3, 5]);
  const tt = tickettypes.find((t) => t.id === type)!;
  const allowed = (tt.allowed_status as { status_id: number }[]).map((a) => a.status_id);
  const status = one(allowed);
  const sla = one([1, 1, 1, 2, 3]);
  const prios = priorities.filter((p) => p.slaid === sla).map((p) => p.priorityid);
  const priority = one(prios);
  const policy = priorities.find((p) => p.slaid === sla && p.priorityid === priority)!;
  const daysAgo = int(0, 120);
  const occurred = at(daysAgo, int(0, 9));
  const occurredMs = Date.parse(`${occurred}Z`);
  const closed = status === 9;
  const agent =
    rnd() < 0.2 ? 0 : one(agents.filter((a) => a.isapiagent !== true && a.isdisabled !== true)).id;
  const cat1 = one(categories.filter((c) => c.type_id === 1));
  tickets.push({
    id,
    summary: `${one(summaries)}${rnd() < 0.1 ? ' & related alerts' : ''}`,
    details: 'Reported via the portal.',
    dateoccurred: occurred,
    datecreated: occurred,
    dateclosed: closed ? at(daysAgo - int(0, Math.max(0, daysAgo)), 17) : NULL_DATE,
    lastactiondate: occurred,
    last_update: occurred,
    client_id: client,
    site_id: user ? user.site_id : mainSite(client),
    user_id: user ? user.id : -1,
    tickettype_id: type,
    status_id: status,
    sla_id: sla,
    priority_id: priority,
    team: String(tt.default_team || 'Service Desk'),
    agent_id: agent,
    category_1: cat1.value,
    categoryid_1: cat1.id,
    impact: int(1, 3),
    urgency: int(1, 3),
    respondbydate: new Date(occurredMs + (policy.responsetime as number) * 3_600_000)
      .toISOString()
      .replace(/Z$/, ''),
    fixbydate: new Date(occurredMs + (policy.fixtime as number) * 3_600_000).toISOString().replace(/Z$/, ''),
    hasbeenclosed: closed,
    timetaken: closed ? int(1, 8) * 0.25 : 0,
    estimate: 0,
    contract_id: -1,
    parent_id: 0,
    onhold: status === 4 || status === 5,
    excludefromsla: false,
    inactive: false,
    deleted: i % 53 === 52,
    customfields: [],
  });
  actions.push({
    id: 1,
    ticket_id: id,
    outcome: 'Logged',
    outcome_id: 0,
    note: 'Reported via the portal.',
    note_html: 'Reported via the portal.',
    who_type: 0,
    who_agentid: 1,
    actionby_agent_id: 1,
    datetime: occurred,
    actiondatecreated: occurred,
    hiddenfromuser: false,
    important: false,
    sendemail: false,
    timetaken: 0,
    new_status: 1,
  });
  const more = int(0, 3);
  for (let a = 0; a < more; a++) {
    const hidden = rnd() < 0.4;
    actions.push({
      id: a + 2,
      ticket_id: id,
      outcome: hidden ? 'Private Note' : 'Email User',
      outcome_id: hidden ? 3 : 2,
      note: hidden ? 'Checked the logs.' : 'We are looking into this.',
      note_html: hidden ? '<p>Checked the logs.</p>' : '<p>We are looking into this.</p>',
      who_type: 0,
      who_agentid: agent || 2,
      actionby_agent_id: agent || 2,
      datetime: occurred,
      actiondatecreated: occurred,
      hiddenfromuser: hidden,
      important: false,
      sendemail: !hidden,
      timetaken: 0.25,
    });
  }
  if (closed) {
    actions.push({
      id: more + 2,
      ticket_id: id,
      outcome: 'Resolved',
      outcome_id: 4,
      note: 'Resolved.',
      note_html: '<p>Resolved.</p>',
      who_type: 0,
      who_agentid: agent || 2,
      actionby_agent_id: agent || 2,
      datetime: tickets[tickets.length - 1]!.dateclosed,
      actiondatecreated: tickets[tickets.length - 1]!.dateclosed,
      hiddenfromuser: false,
      important: false,
      sendemail: false,
      timetaken: 0.25,
      new_status: 9,
    });
  }
}

const seed = {
  credentials: {
    clientId: 'c9534241-dde9-4d04-9d45-32b1fbff22ed',
    clientSecret: '14c0c9af-2db1-48ab-b29c-51975df4afa2-739e4ef2-9aad-4fe9-b486-794feca48ea8',
    tenant: 'psahub',
  },
  settings: { api_agent_id: 1, closed_status_ids: [9], default_tickettype_id: 1, default_page_size: 50 },
  toplevels,
  clients,
  sites,
  users,
  tickettypes,
  statuses,
  slas,
  priorities,
  categories,
  teams,
  agents,
  outcomes,
  items,
  licences,
  recurring_invoices,
  invoice_lines,
  tickets,
  actions,
};

// One record per line: small, and a change to one record is a one-line diff.
const text = `{\n${Object.entries(seed)
  .map(([key, value]) =>
    Array.isArray(value)
      ? `"${key}": [\n${value.map((row) => JSON.stringify(row)).join(',\n')}\n]`
      : `"${key}": ${JSON.stringify(value)}`,
  )
  .join(',\n')}\n}\n`;
writeFileSync(new URL('./default.json', import.meta.url), text);
console.log(
  `clients ${clients.length}, sites ${sites.length}, users ${users.length}, tickets ${tickets.length}, actions ${actions.length}, licences ${licences.length}, invoices ${recurring_invoices.length} (${invoice_lines.length} lines)`,
);
