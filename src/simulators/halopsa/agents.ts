// Agents — `GET/POST /Agent`, `GET/DELETE /Agent/{id}`, `GET /Agent/me` (reference §4.13, §1.4;
// SPEC-2024 `Uname`). A bare array (N8N, RMCP). Disabled agents only with `includedisabled=true`,
// API-only agents only with `includeapiagents=true` (SPEC-2024 parameters); `team`/`team_id` filter.
import { ruleError } from './errors.ts';
import { lookupDef } from './lookup.ts';

export const agentDef = lookupDef({
  path: 'Agent',
  schema: 'Uname',
  table: 'agents',
  list: { defaultOrder: 'name', searchFields: ['name', 'email'] },
  defaults: {
    isdisabled: false,
    is_agent: true,
    isapiagent: false,
    team: '',
    jobtitle: '',
    colour: '#2b6cb0',
  },
  filter(row, ctx) {
    const disabled = /^true$/i.test(ctx.q.str('includedisabled') ?? '');
    const enabled = !/^false$/i.test(ctx.q.str('includeenabled') ?? '');
    if (row.isdisabled === true ? !disabled : !enabled) return false;
    if (row.isapiagent === true && ctx.q.bool('includeapiagents') !== true) return false;
    const team = ctx.q.str('team');
    if (team !== undefined && String(row.team).toLowerCase() !== team.toLowerCase()) return false;
    const teamId = ctx.q.int('team_id');
    if (teamId !== undefined && ctx.state.name('teams', teamId) !== row.team) return false;
    return true;
  },
  check(item, _existing, ctx) {
    if (typeof item.team === 'string' && item.team !== '') {
      const known = ctx.state.tables.teams.find(
        (t) => String(t.name).toLowerCase() === String(item.team).toLowerCase(),
      );
      if (!known) throw ruleError(`Team '${item.team}' does not exist.`);
    }
    if (typeof item.email === 'string' && item.email !== '' && !item.email.includes('@')) {
      throw ruleError(`'${item.email}' is not a valid email address.`);
    }
    return {};
  },
});
