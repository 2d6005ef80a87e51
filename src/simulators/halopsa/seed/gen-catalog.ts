// Seed part: the tenant's configuration — top levels, statuses, SLAs with per-SLA priorities,
// teams, agents, ticket types, categories, outcomes.
import type { Row } from '../seed-types.ts';
import { guid, one } from './random.ts';

export const toplevels: Row[] = [
  { id: 1, name: 'Customers' },
  { id: 2, name: 'Prospects' },
  { id: 3, name: 'Internal' },
];

export const statuses: Row[] = [
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

export const slas: Row[] = [
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
export const policyTable: [number, number, string, number, number][] = [
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
export const priorities = policyTable.map(([slaid, priorityid, name, responsetime, fixtime]) => ({
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

export const teams: Row[] = [
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

export const agentNames = [
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
export const agents: Row[] = [
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

export const open = [1, 2, 3, 4, 5, 10, 11, 9].map((id) => ({ status_id: id }));
export const tickettypes: Row[] = [
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

export const categoryNames: [number, string][] = [
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
export const categories: Row[] = categoryNames.map(([type_id, value], i) => ({
  id: i + 1,
  value,
  category_name: ['', 'Category', 'Sub Category', 'Resolution', 'Billing'][type_id],
  type_id,
  sla_id: -1,
  priority_id: -1,
  category_group_id: 0,
  note: '',
}));

export const outcomes: Row[] = [
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
