// Validation of the fields a ticket refers to (reference §4.4, §4.6–4.12): client/site/user agree,
// the type exists, the status is one the type allows (`RequestType.allowall_status` /
// `allowed_status`, SPEC-2024), the priority exists for the SLA (priorities are per SLA, §4.9), the
// team (a name, or `team_id` in newer versions) and agent exist, category texts match categories.
import { pick, requireRef, type Ctx } from './entity.ts';
import { ruleError } from './errors.ts';
import { findPolicy } from './priorities.ts';
import type { Row } from './seed-types.ts';
import { asId } from './wire.ts';

export function validateStatusForType(ctx: Ctx, statusId: unknown, typeId: number): void {
  const id = asId(statusId);
  if (id === undefined || !ctx.state.tables.statuses.has(id))
    throw ruleError(`Status ${String(statusId)} does not exist.`);
  const type = ctx.state.tables.tickettypes.get(typeId);
  if (type && type.allowall_status === false) {
    const allowed = (type.allowed_status as { status_id: number }[] | undefined) ?? [];
    if (!allowed.some((a) => a.status_id === id)) {
      throw ruleError(
        `Status '${ctx.state.name('statuses', id)}' is not valid for ticket type '${String(type.name)}'.`,
      );
    }
  }
}

/** The reference fields of a posted ticket, checked and filled with the type's defaults. */
export function resolveTicketFields(
  item: Record<string, unknown>,
  existing: Row | undefined,
  ctx: Ctx,
): Record<string, unknown> {
  const { tables } = ctx.state;
  const out: Record<string, unknown> = {};
  const typeId =
    requireRef(pick(item, existing, 'tickettype_id'), (id) => tables.tickettypes.has(id), 'Ticket Type') ??
    ctx.state.settings.default_tickettype_id;
  if (!tables.tickettypes.has(typeId)) throw ruleError(`Ticket Type ${typeId} does not exist.`);
  const type = tables.tickettypes.get(typeId)!;
  out.tickettype_id = typeId;

  // Customer: user → site → client must agree; missing ones are derived.
  const user = requireRef(pick(item, existing, 'user_id'), (id) => tables.users.has(id), 'User');
  let site = requireRef(pick(item, existing, 'site_id'), (id) => tables.sites.has(id), 'Site');
  let client = requireRef(pick(item, existing, 'client_id'), (id) => tables.clients.has(id), 'Client');
  const userRow = user === undefined ? undefined : tables.users.get(user);
  if (userRow) site ??= userRow.site_id as number;
  const siteRow = site === undefined ? undefined : tables.sites.get(site);
  if (siteRow) client ??= siteRow.client_id as number;
  if (client === undefined) throw ruleError('Please select a Customer.');
  if (siteRow && siteRow.client_id !== client)
    throw ruleError(`Site ${site} does not belong to Client ${client}.`);
  if (userRow && userRow.client_id !== client)
    throw ruleError(`User ${user} does not belong to Client ${client}.`);
  if (site === undefined) site = asId(tables.clients.get(client)?.main_site_id) ?? -1;
  Object.assign(out, {
    client_id: client,
    site_id: site,
    user_id: user ?? (existing?.user_id as number) ?? -1,
  });

  // SLA and its priority.
  const sla =
    requireRef(pick(item, existing, 'sla_id'), (id) => tables.slas.has(id), 'SLA') ??
    asId(type.default_sla) ??
    1;
  const priority = asId(pick(item, existing, 'priority_id') ?? type.default_priority ?? 3);
  if (priority === undefined || !findPolicy(ctx, sla, priority)) {
    throw ruleError(
      `Priority ${String(pick(item, existing, 'priority_id'))} is not valid for SLA '${ctx.state.name('slas', sla)}'.`,
    );
  }
  Object.assign(out, { sla_id: sla, priority_id: priority });

  // Team: `team_id` (newer versions) or the name in `team` (§4.12).
  let team = pick(item, existing, 'team') as string | undefined;
  if (item.team_id !== undefined && item.team_id !== null) {
    const teamId = requireRef(item.team_id, (id) => tables.teams.has(id), 'Team');
    team = teamId === undefined ? '' : (ctx.state.name('teams', teamId) ?? '');
  }
  if (team === undefined) team = String(type.default_team ?? '');
  if (team !== '') {
    const found = tables.teams.find((t) => String(t.name).toLowerCase() === team!.toLowerCase());
    if (!found) throw ruleError(`Team '${team}' does not exist.`);
    team = String(found.name);
  }
  out.team = team;

  const agent = requireRef(pick(item, existing, 'agent_id'), (id) => tables.agents.has(id), 'Agent');
  if (agent !== undefined && tables.agents.get(agent)?.isdisabled === true) {
    throw ruleError(`Agent '${ctx.state.name('agents', agent)}' is inactive.`);
  }
  out.agent_id = agent ?? 0;

  for (const n of [1, 2, 3, 4]) {
    const text = item[`category_${n}`];
    if (typeof text !== 'string' || text === '') continue;
    const cat = tables.categories.find(
      (c) => c.type_id === n && String(c.value).toLowerCase() === text.toLowerCase(),
    );
    if (!cat) throw ruleError(`Category '${text}' does not exist.`);
    out[`category_${n}`] = cat.value;
    out[`categoryid_${n}`] = cat.id;
  }
  return out;
}
