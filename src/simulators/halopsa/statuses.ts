// Ticket statuses — `GET/POST /Status`, `GET/DELETE /Status/{id}` (reference §4.8; SPEC-2024
// `TStatus`). A bare array. Built-in ids: 1 New, 2 In Progress, 9 Closed (§4.6). `excludeclosed`
// and `tickettype_id` (the statuses a ticket of that type may take, from the type's
// `allowed_status`, SPEC-2024 `RequestType`) filter it.
import { lookupDef } from './lookup.ts';
import { randomUUID } from 'node:crypto';

export const statusDef = lookupDef({
  path: 'Status',
  schema: 'TStatus',
  table: 'statuses',
  list: { defaultOrder: 'sequence' },
  defaults: { shortname: '', type: 0, sequence: 50, colour: '#6f6f6f' },
  filter(row, ctx) {
    // `type=ticket` (and RMCP's `type=0`) mean ticket statuses; all simulated statuses are.
    if (ctx.q.bool('excludeclosed') === true && ctx.state.isClosedStatus(row.id)) return false;
    const typeId = ctx.q.int('tickettype_id');
    if (typeId !== undefined) {
      const tt = ctx.state.tables.tickettypes.get(typeId);
      if (tt && tt.allowall_status === false) {
        const allowed = (tt.allowed_status as { status_id: number }[] | undefined) ?? [];
        return allowed.some((a) => a.status_id === row.id);
      }
    }
    return true;
  },
  check: (_item, existing) => (existing ? {} : { guid: randomUUID() }),
});
