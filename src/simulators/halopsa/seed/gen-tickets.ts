// Seed part: tickets with their actions.
import type { Row } from '../seed-types.ts';
import { agents, categories, priorities, tickettypes } from './gen-catalog.ts';
import { customerIds, mainSite } from './gen-billing.ts';
import { users } from './gen-customers.ts';
import { at, int, NULL_DATE, one, rnd } from './random.ts';

// --- tickets with actions ------------------------------------------------------------------------
export const summaries = [
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
export const tickets: Row[] = [];
export const actions: Row[] = [];
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
