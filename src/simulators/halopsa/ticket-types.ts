// Ticket types — `GET/POST /TicketType`, `GET/DELETE /TicketType/{id}` (reference §4.7; SPEC-2024
// `RequestType`). A bare array (N8N `response.map`). Inactive types (a seed-only `inactive` flag:
// SPEC-2024 has no such property, so it never goes out) are hidden unless
// `showinactive=true`; `canagentsselect=true` keeps the ones agents may pick. The type decides the
// defaults of a new ticket (`initial_status`, `default_sla`, `default_priority`, `default_team`),
// which statuses it may take (`allowall_status`/`allowed_status`) and whether it needs CAB approval
// (`approval_process_id`, reference §4.4 "CODE:APP03/2").
import { ruleError } from './errors.ts';
import { lookupDef } from './lookup.ts';

export const ticketTypeDef = lookupDef({
  path: 'TicketType',
  schema: 'RequestType',
  table: 'tickettypes',
  defaults: {
    use: 'fault',
    agentscanselect: true,
    enduserscanselect: true,
    visible: true,
    initial_status: 1,
    default_sla: 1,
    default_priority: 3,
    default_team: '',
    allowall_status: true,
    allowed_status: [],
    approval_process_id: 0,
  },
  filter(row, ctx) {
    if (row.inactive === true && ctx.q.bool('showinactive') !== true) return false;
    if (ctx.q.bool('canagentsselect') === true && row.agentscanselect !== true) return false;
    return true;
  },
  check(item, _existing, ctx) {
    for (const key of ['initial_status'] as const) {
      if (typeof item[key] === 'number' && !ctx.state.tables.statuses.has(item[key])) {
        throw ruleError(`Status ${item[key]} does not exist.`);
      }
    }
    if (
      typeof item.default_sla === 'number' &&
      item.default_sla > 0 &&
      !ctx.state.tables.slas.has(item.default_sla)
    ) {
      throw ruleError(`SLA ${item.default_sla} does not exist.`);
    }
    return {};
  },
});
