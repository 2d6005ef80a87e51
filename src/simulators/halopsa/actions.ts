// Actions (notes, emails, time, status changes) — `GET/POST /Actions`, `GET/DELETE /Actions/{id}`
// (reference §4.5; SPEC-2024 `Actions`). Ids are numbered per ticket (`Faultid + actionnumber`),
// so one action is `GET /Actions/{id}?ticket_id={t}`. Envelope `{record_count, actions}`
// (SPEC-2025 `Actions_View`). `new_status` moves the ticket (a closed status closes it, §4.6);
// `outcome`/`outcome_id` name an outcome (`GET /Outcome`); `hiddenfromuser` hides it from the
// end user (`excludeprivate=true` leaves such actions out). The list has no paging (SPEC-2024 lists
// `count`, not `pageinate`/`page_size`/`page_no`): those are ignored, as ASP.NET ignores what an
// action does not declare.
import type { SimResponse } from '../shared/types.ts';
import { isCreate, postAnswer, type Ctx } from './entity.ts';
import { notFound, ruleError } from './errors.ts';
import { pickSchema, readArrayBody } from './input.ts';
import { listBody } from './listing.ts';
import type { Row } from './seed-types.ts';
import { validateStatusForType } from './ticket-rules.ts';
import { applyStatus } from './tickets.ts';
import { asId, haloDate, jsonResponse } from './wire.ts';

function actionWire(a: Row, ctx: Ctx): Record<string, unknown> {
  return pickSchema('Actions', { ...a, new_status_name: ctx.state.name('statuses', a.new_status) ?? '' });
}

function liveTicket(ctx: Ctx, id: number | undefined): Row | undefined {
  if (id === undefined) return undefined;
  const t = ctx.state.tables.tickets.get(id);
  return t && t.deleted !== true ? t : undefined;
}

function findOutcome(ctx: Ctx, item: Record<string, unknown>): Row | undefined {
  const { outcomes } = ctx.state.tables;
  if (item.outcome_id !== undefined && item.outcome_id !== null) {
    const id = asId(item.outcome_id);
    const found = id === undefined ? undefined : outcomes.get(id);
    if (!found) throw ruleError(`Outcome ${String(item.outcome_id)} does not exist.`);
    return found;
  }
  if (typeof item.outcome === 'string' && item.outcome !== '') {
    const name = item.outcome.toLowerCase();
    const found = outcomes.find((o) => String(o.outcome).toLowerCase() === name);
    if (!found) throw ruleError(`Outcome '${item.outcome}' does not exist.`);
    return found;
  }
  return undefined;
}

function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

export const actionRoutes = {
  list(ctx: Ctx): SimResponse {
    const ticketId = ctx.q.int('ticket_id');
    const excludePrivate = ctx.q.bool('excludeprivate') === true;
    const excludeSys = ctx.q.bool('excludesys') === true;
    const importantOnly = ctx.q.bool('importantonly') === true;
    const timeOnly = ctx.q.bool('timeentriesonly') === true;
    const lists =
      ticketId === undefined ? [...ctx.state.actions.values()] : [ctx.state.actions.get(ticketId) ?? []];
    const rows = lists
      .flat()
      .filter((a) => !excludePrivate || a.hiddenfromuser !== true)
      .filter((a) => !excludeSys || a.outcome_id !== 0)
      .filter((a) => !importantOnly || a.important === true)
      .filter((a) => !timeOnly || (typeof a.timetaken === 'number' && a.timetaken > 0));
    const body = listBody(
      rows,
      ctx.q,
      // SPEC-2024 `GET /Actions` has neither `search` nor paging: `ticket_id`, `count` and flags.
      { key: 'actions', searchFields: [], defaultOrder: 'id', paging: false },
      ctx.state.settings.default_page_size,
      (a) => actionWire(a, ctx),
    );
    return jsonResponse(200, body);
  },

  get(ctx: Ctx, idText: string): SimResponse {
    const id = asId(idText);
    const action = (ctx.state.actions.get(ctx.q.int('ticket_id') ?? -1) ?? []).find((a) => a.id === id);
    return action ? jsonResponse(200, actionWire(action, ctx)) : notFound();
  },

  remove(ctx: Ctx, idText: string): SimResponse {
    const id = asId(idText);
    const list = ctx.state.actions.get(ctx.q.int('ticket_id') ?? -1) ?? [];
    const i = list.findIndex((a) => a.id === id);
    if (i < 0) return notFound();
    const [gone] = list.splice(i, 1);
    return jsonResponse(200, actionWire(gone!, ctx));
  },

  post(ctx: Ctx): SimResponse {
    const items = readArrayBody(ctx.req.body, ctx.req.rawBody, 'Actions', 'Actions');
    if (items.length === 0) throw ruleError('No records were supplied.');
    const commits = items.map((item) => prepare(ctx, item));
    const saved = commits.map((c) => actionWire(c(), ctx));
    return jsonResponse(201, postAnswer(saved, ctx.q));
  },
};

function prepare(ctx: Ctx, item: Record<string, unknown>): () => Row {
  const s = ctx.state;
  const ticketId = asId(item.ticket_id);
  if (ticketId === undefined || ticketId <= 0) throw ruleError('Please select a Ticket.');
  const ticket = liveTicket(ctx, ticketId);
  if (!ticket) throw ruleError(`Ticket ${ticketId} does not exist.`);
  const list = s.actions.get(ticketId) ?? [];
  const existing = isCreate(item) ? undefined : list.find((a) => a.id === item.id);
  if (!isCreate(item) && !existing)
    throw ruleError(`Action ${String(item.id)} does not exist on ticket ${ticketId}.`);
  const outcome = findOutcome(ctx, item);
  const newStatus =
    item.new_status === undefined || item.new_status === null ? undefined : asId(item.new_status);
  if (newStatus !== undefined && newStatus > 0)
    validateStatusForType(ctx, newStatus, ticket.tickettype_id as number);
  const noteHtml = typeof item.note_html === 'string' ? item.note_html : undefined;
  const note =
    typeof item.note === 'string' ? item.note : noteHtml !== undefined ? stripHtml(noteHtml) : undefined;
  const timetaken = typeof item.timetaken === 'number' ? item.timetaken : 0;
  if (!existing && (note === undefined || note.trim() === '') && newStatus === undefined && timetaken <= 0) {
    throw ruleError('Please enter a Note.');
  }
  return () => {
    const now = haloDate();
    const t = s.tables.tickets.get(ticketId)!;
    if (existing) {
      Object.assign(existing, item, { id: existing.id, ticket_id: ticketId });
      if (note !== undefined) existing.note = note;
      if (outcome) Object.assign(existing, { outcome: outcome.outcome, outcome_id: outcome.id });
      return existing;
    }
    const nextId = Math.max(0, ...list.map((a) => a.id)) + 1;
    const action: Row = {
      hiddenfromuser: false,
      important: false,
      sendemail: false,
      action_isresponse: false,
      ...item,
      id: nextId,
      ticket_id: ticketId,
      outcome: outcome?.outcome ?? 'Note',
      outcome_id: outcome?.id ?? 1,
      note: note ?? '',
      note_html: noteHtml ?? note ?? '',
      timetaken,
      who_type: 0,
      who_agentid: ctx.agentId,
      actionby_agent_id: ctx.agentId,
      datetime: typeof item.datetime === 'string' ? item.datetime : now,
      actiondatecreated: now,
    };
    if (newStatus !== undefined && newStatus > 0) {
      applyStatus(t, newStatus, ctx);
      action.new_status = newStatus;
    } else {
      delete action.new_status;
    }
    t.lastactiondate = now;
    t.last_update = now;
    t.timetaken = (typeof t.timetaken === 'number' ? t.timetaken : 0) + timetaken;
    s.tables.tickets.put(t);
    list.push(action);
    s.actions.set(ticketId, list);
    return action;
  };
}
