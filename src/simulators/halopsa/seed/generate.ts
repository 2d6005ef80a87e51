// Writes `default.json`, the default Halo seed: a tenant that is realistic and awkward on purpose
// (names with `&`, Ltd/Limited and Inc./GmbH variants, near-duplicates, inactive clients and
// prospects, an approval-gated ticket type, a type with a restricted status list, per-SLA
// priorities, negative recurring-invoice ids). Deterministic: run it again and the file is the same.
// Usage: node src/simulators/halopsa/seed/generate.ts
import { writeFileSync } from 'node:fs';
// The parts are evaluated in this import order, which keeps the random sequence (and the file) stable.
import {
  agents,
  categories,
  outcomes,
  priorities,
  slas,
  statuses,
  teams,
  tickettypes,
  toplevels,
} from './gen-catalog.ts';
import { clients, sites, users } from './gen-customers.ts';
import { invoice_lines, items, licences, recurring_invoices } from './gen-billing.ts';
import { fieldinfo } from './gen-fields.ts';
import { actions, tickets } from './gen-tickets.ts';

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
  fieldinfo,
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
