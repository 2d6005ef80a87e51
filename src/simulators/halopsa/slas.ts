// SLAs — `GET/POST /SLA`, `GET/DELETE /SLA/{id}` (reference §4.10; SPEC-2024 `SlaHead`). A bare
// array [inferred]. `showpriorities=true` embeds the SLA's priorities (`Policy`).
import { lookupDef } from './lookup.ts';
import { policyWire } from './priorities.ts';
import { randomUUID } from 'node:crypto';

export const slaDef = lookupDef({
  path: 'SLA',
  schema: 'SlaHead',
  table: 'slas',
  defaults: {
    workday_id: 1,
    workday_name: 'Standard Hours',
    trackslaresponsetime: true,
    trackslafixbytime: true,
  },
  toWire(row, ctx) {
    const show = ctx.q.bool('showpriorities') === true || ctx.req.path.split('/').length > 3;
    return show
      ? { ...row, priorities: ctx.state.priorities.filter((p) => p.slaid === row.id).map(policyWire) }
      : row;
  },
  check: (_item, existing) =>
    existing ? {} : { guid: randomUUID(), responsereset: false, autoreleaseoption: false },
});
