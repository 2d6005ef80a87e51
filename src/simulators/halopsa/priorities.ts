// Priorities — `GET/POST /Priority`, `GET/DELETE /Priority/{id}` (reference §4.9; SPEC-2024
// `Policy`). Priorities are per SLA: each row is keyed by (`slaid`, `priorityid`), and its own `id`
// is a GUID string. A bare array (PDATA ArrayOrWrapperConverter). `slaid` filters; `includedistinct`
// keeps one row per `priorityid`.
import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../shared/types.ts';
import type { Ctx } from './entity.ts';
import { postAnswer } from './entity.ts';
import { notFound, ruleError } from './errors.ts';
import { pickSchema, readArrayBody } from './input.ts';
import { order } from './listing.ts';
import type { Row } from './seed-types.ts';
import type { PolicyRow } from './state.ts';
import { jsonResponse } from './wire.ts';

export function policyWire(p: PolicyRow): Record<string, unknown> {
  return pickSchema('Policy', p);
}

/** The policy a ticket's (`sla_id`, `priority_id`) names, if any. */
export function findPolicy(ctx: Ctx, slaId: unknown, priorityId: unknown): PolicyRow | undefined {
  return ctx.state.priorities.find((p) => p.slaid === slaId && p.priorityid === priorityId);
}

export const priorityRoutes = {
  list(ctx: Ctx): SimResponse {
    const sla = ctx.q.int('slaid');
    let rows = ctx.state.priorities.filter((p) => sla === undefined || p.slaid === sla);
    if (ctx.q.bool('includedistinct') === true) {
      const seen = new Set<unknown>();
      rows = rows.filter((p) => (seen.has(p.priorityid) ? false : (seen.add(p.priorityid), true)));
    }
    // Sorting needs numeric row ids; the GUID is not one, so sort on priorityid within SLA.
    const sortable = rows.map((p, i) => ({ ...p, id: i, guid: p.id }) as Row);
    const sorted = order(sortable, ctx.q, 'priorityid').map((r) => rows[r.id]!);
    return jsonResponse(200, sorted.map(policyWire));
  },
  get(ctx: Ctx, id: string): SimResponse {
    const p = ctx.state.priorities.find((x) => x.id.toLowerCase() === id.toLowerCase());
    return p ? jsonResponse(200, policyWire(p)) : notFound();
  },
  remove(ctx: Ctx, id: string): SimResponse {
    const i = ctx.state.priorities.findIndex((x) => x.id.toLowerCase() === id.toLowerCase());
    if (i < 0) return notFound();
    const [p] = ctx.state.priorities.splice(i, 1);
    return jsonResponse(200, policyWire(p!));
  },
  post(ctx: Ctx): SimResponse {
    const items = readArrayBody(ctx.req.body, ctx.req.rawBody, 'Policy', 'Policy');
    const commits = items.map((item) => {
      const existing =
        typeof item.id === 'string' ? ctx.state.priorities.find((p) => p.id === item.id) : undefined;
      if (typeof item.id === 'string' && item.id !== '00000000-0000-0000-0000-000000000000' && !existing) {
        throw ruleError(`Priority with ID ${item.id} does not exist.`);
      }
      const slaid = item.slaid ?? existing?.slaid;
      if (typeof slaid !== 'number' || !ctx.state.tables.slas.has(slaid))
        throw ruleError('Please select an SLA.');
      const priorityid = item.priorityid ?? existing?.priorityid;
      if (typeof priorityid !== 'number') throw ruleError('Please enter a Priority ID.');
      const name = item.name ?? existing?.name;
      if (typeof name !== 'string' || name.trim() === '') throw ruleError('Please enter a Name.');
      return () => {
        if (existing) {
          Object.assign(existing, item, { id: existing.id });
          return existing;
        }
        const created: PolicyRow = {
          fixtime: 24,
          fixunits: 'hours',
          responsetime: 4,
          responseunits: 'hours',
          colour: '#6f6f6f',
          ishidden: false,
          ...item,
          id: randomUUID(),
          slaid,
          priorityid,
          name,
        };
        ctx.state.priorities.push(created);
        return created;
      };
    });
    const saved = commits.map((c) => policyWire(c()));
    return jsonResponse(201, postAnswer(saved, ctx.q));
  },
};
