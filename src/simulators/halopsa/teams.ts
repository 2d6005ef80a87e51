// Teams — `GET/POST /Team`, `GET/DELETE /Team/{id}` (reference §4.12; SPEC-2024 `SectionDetail`).
// A bare array [inferred]. Disabled teams only with `includedisabled=true`. Tickets store the team
// name in `team` (§4.4).
import { lookupDef } from './lookup.ts';
import { randomUUID } from 'node:crypto';

export const teamDef = lookupDef({
  path: 'Team',
  schema: 'SectionDetail',
  table: 'teams',
  list: { defaultOrder: 'name' },
  defaults: { department_id: 1, department_name: 'Service', inactive: false, sequence: 0, forrequests: true },
  filter(row, ctx) {
    const disabled = /^true$/i.test(ctx.q.str('includedisabled') ?? '');
    const enabled = !/^false$/i.test(ctx.q.str('includeenabled') ?? '');
    return row.inactive === true ? disabled : enabled;
  },
  toWire(row, ctx) {
    // Members come with GET by id, or on the list with `includeagentsforteams` (SPEC-2024 parameter).
    if (!ctx.q.has('includeagentsforteams') && ctx.req.path.split('/').length <= 3) return row;
    const agents = ctx.state.tables.agents
      .all()
      .filter((a) => a.team === row.name)
      .map((a) => ({ id: a.id, agent_id: a.id, agent_name: a.name, team_id: row.id, team_name: row.name }));
    return { ...row, agents };
  },
  check: (_item, existing) => (existing ? {} : { guid: randomUUID() }),
});
