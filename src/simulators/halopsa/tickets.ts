// Tickets — `GET/POST /Tickets`, `GET/DELETE /Tickets/{id}` (reference §4.4; SPEC-2024 `Faults`).
// Envelope `{page_no?, page_size?, record_count, tickets}` (SPEC-2025 `Faults_View`); `page_size`
// is clamped to 100 (SPEC: "Maximum size: 100"). The team goes out as its name in `team`;
// categories as their text in `category_N`. Creating a ticket also creates action 1 (§4.5).
import { pick, type Ctx, type EntityDef } from './entity.ts';
import { ruleError } from './errors.ts';
import { findPolicy } from './priorities.ts';
import type { Row } from './seed-types.ts';
import { resolveTicketFields, validateStatusForType } from './ticket-rules.ts';
import { dateMs, haloDate, NO_ID, NULL_DATE, parseHaloDate } from './wire.ts';

/** Move a ticket to a status: a closed status closes it, any other reopens it (reference §4.6). */
export function applyStatus(ticket: Row, statusId: number, ctx: Ctx): void {
  const wasClosed = ctx.state.isClosedStatus(ticket.status_id);
  ticket.status_id = statusId;
  if (ctx.state.isClosedStatus(statusId)) {
    ticket.hasbeenclosed = true;
    if (!wasClosed) ticket.dateclosed = haloDate();
  } else if (wasClosed) {
    ticket.dateclosed = NULL_DATE;
  }
}

function addHours(date: string, hours: unknown): string {
  const ms = dateMs(date);
  return ms === undefined || typeof hours !== 'number'
    ? NULL_DATE
    : haloDate(new Date(ms + hours * 3_600_000));
}

function dateFilter(ctx: Ctx): (row: Row) => boolean {
  const field = (ctx.q.str('datesearch') ?? 'dateoccured').toLowerCase();
  // `datesearch` takes the DB names (reference §2 "Field spelling"): dateoccured, datecleared.
  const column =
    {
      dateoccured: 'dateoccurred',
      dateoccurred: 'dateoccurred',
      datecleared: 'dateclosed',
      lastactiondate: 'lastactiondate',
    }[field] ?? 'dateoccurred';
  const start = ctx.q.str('startdate');
  const end = ctx.q.str('enddate');
  const from =
    start === undefined ? undefined : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(start) ? start : `${start}Z`);
  const to = end === undefined ? undefined : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(end) ? end : `${end}Z`);
  return (row) => {
    if (from === undefined && to === undefined) return true;
    const ms = dateMs(row[column]);
    if (ms === undefined) return false;
    return (from === undefined || ms >= from) && (to === undefined || ms <= to);
  };
}

export const ticketDef: EntityDef = {
  path: 'Tickets',
  schema: 'Faults',
  readPermission: 'read:tickets',
  writePermission: 'edit:tickets',
  // `search` looks in the summary and the ticket number only [inferred]: SPEC-2024 gives the details
  // their own filter (`search_details`), as it does the summary, the user, the supplier reference….
  list: { key: 'tickets', searchFields: ['summary', 'id'], defaultOrder: 'id', maxPageSize: 100 },
  rows(ctx) {
    const q = ctx.q;
    const eq = (field: string, v: number | undefined) => (r: Row) => v === undefined || r[field] === v;
    const within = (field: string, v: number[] | undefined) => (r: Row) =>
      v === undefined || v.includes(r[field] as number);
    const teamIds = q.ints('team');
    const teamNames = teamIds?.map((id) => ctx.state.name('teams', id));
    const deleted = q.bool('deleted') === true;
    const openOnly = q.bool('open_only') === true;
    const closedOnly = q.bool('closed_only') === true;
    const categoryFilters = [1, 2, 3, 4].map((n) => ({ n, ids: q.ints(`category_${n}`) }));
    const searchSummary = q.str('search_summary')?.toLowerCase();
    const searchDetails = q.str('search_details')?.toLowerCase();
    return (
      ctx.state.tables.tickets
        .all()
        .filter((r) => (r.deleted === true) === deleted)
        .filter(eq('client_id', q.int('client_id')))
        .filter(within('client_id', q.ints('client_ids')))
        .filter(eq('site_id', q.int('site_id')))
        .filter(eq('user_id', q.int('user_id')))
        .filter(eq('agent_id', q.int('agent_id')))
        .filter(eq('status_id', q.int('status_id')))
        .filter(within('status_id', q.ints('status')))
        // Filtering by type: `requesttype_id` / `requesttype`; `tickettype_ids` is silently ignored [obs] HALOPLUS.
        .filter(eq('tickettype_id', q.int('requesttype_id')))
        .filter(within('tickettype_id', q.ints('requesttype')))
        .filter(within('priority_id', q.ints('priority')))
        .filter(within('sla_id', q.ints('sla')))
        .filter(within('agent_id', q.ints('agent')))
        .filter((r) => teamNames === undefined || teamNames.includes(r.team as string))
        .filter((r) =>
          categoryFilters.every(
            (c) => c.ids === undefined || c.ids.includes(r[`categoryid_${c.n}`] as number),
          ),
        )
        .filter((r) => !openOnly || !ctx.state.isClosedStatus(r.status_id))
        .filter((r) => !closedOnly || ctx.state.isClosedStatus(r.status_id))
        .filter((r) => searchSummary === undefined || String(r.summary).toLowerCase().includes(searchSummary))
        .filter((r) => searchDetails === undefined || String(r.details).toLowerCase().includes(searchDetails))
        .filter(dateFilter(ctx))
    );
  },
  get(ctx, id) {
    const row = ctx.state.tables.tickets.get(id);
    return row && row.deleted !== true ? row : undefined;
  },
  toWire(row, ctx) {
    const s = ctx.state;
    const user = typeof row.user_id === 'number' ? s.tables.users.get(row.user_id) : undefined;
    return {
      ...row,
      client_name: s.name('clients', row.client_id) ?? '',
      site_name: s.name('sites', row.site_id) ?? '',
      user_name: user?.name ?? '',
      user_email: user?.emailaddress ?? '',
      tickettype_name: s.name('tickettypes', row.tickettype_id) ?? '',
      status_name: s.name('statuses', row.status_id) ?? '',
      sla_name: s.name('slas', row.sla_id) ?? '',
      priority_name: findPolicy(ctx, row.sla_id, row.priority_id)?.name ?? '',
      agent_name: s.name('agents', row.agent_id) ?? '',
    };
  },
  prepare(item, existing, ctx) {
    const s = ctx.state;
    if (!existing) {
      const summary = item.summary;
      if (typeof summary !== 'string' || summary.trim() === '') throw ruleError('Please enter a Summary.');
    }
    const fields = resolveTicketFields(item, existing, ctx);
    const typeId = fields.tickettype_id as number;
    const type = s.tables.tickettypes.get(typeId)!;
    if (!existing && typeof type.approval_process_id === 'number' && type.approval_process_id > 0) {
      // [obs] N8N: ticket types needing approval reject API creation.
      throw ruleError('CODE:APP03/2 Please select the CAB members to approve');
    }
    const statusId = (pick(item, existing, 'status_id') ?? type.initial_status ?? 1) as number;
    validateStatusForType(ctx, statusId, typeId);
    return () => {
      const now = haloDate();
      if (existing) {
        const { dateoccured: _typo, ...changes } = item;
        const updated: Row = {
          ...existing,
          ...changes,
          ...fields,
          id: existing.id,
          last_update: now,
          status_id: existing.status_id,
          hasbeenclosed: existing.hasbeenclosed,
          dateclosed: existing.dateclosed,
        };
        applyStatus(updated, statusId, ctx);
        return s.tables.tickets.put(updated);
      }
      // PY-CLOSE posts `dateoccured` (one r, the DB spelling — reference §2); it binds the same.
      const typo = typeof item.dateoccured === 'string' ? parseHaloDate(item.dateoccured) : undefined;
      const occurred = (item.dateoccurred ?? typo ?? now) as string;
      const policy = findPolicy(ctx, fields.sla_id, fields.priority_id);
      const { dateoccured: _typo, ...rest } = item;
      const created = s.tables.tickets.insert({
        details: '',
        impact: 3,
        urgency: 3,
        timetaken: 0,
        estimate: 0,
        contract_id: NO_ID,
        parent_id: 0,
        onhold: false,
        excludefromsla: false,
        hasbeenclosed: false,
        inactive: false,
        deleted: false,
        customfields: [],
        ...rest,
        ...fields,
        status_id: statusId,
        dateoccurred: occurred,
        datecreated: now,
        dateclosed: NULL_DATE,
        lastactiondate: now,
        last_update: now,
        respondbydate: addHours(occurred, policy?.responsetime),
        fixbydate: addHours(occurred, policy?.fixtime),
      } as Omit<Row, 'id'>);
      if (s.isClosedStatus(statusId)) {
        created.hasbeenclosed = true;
        created.dateclosed = now;
        s.tables.tickets.put(created);
      }
      s.actions.set(created.id, [
        {
          id: 1,
          ticket_id: created.id,
          outcome: 'Logged',
          outcome_id: 0,
          note: String(created.details ?? ''),
          note_html: String(created.details_html ?? created.details ?? ''),
          who_type: 0,
          who_agentid: ctx.agentId,
          actionby_agent_id: ctx.agentId,
          datetime: now,
          actiondatecreated: now,
          hiddenfromuser: false,
          important: false,
          sendemail: false,
          timetaken: 0,
          new_status: statusId,
          new_status_name: s.name('statuses', statusId) ?? '',
        },
      ]);
      return created;
    };
  },
  remove(ctx, row) {
    // Deleting a ticket keeps it as deleted (the recycle bin; `deleted=true` lists it).
    ctx.state.tables.tickets.put({ ...row, deleted: true, deleted_reason: ctx.q.str('reason') ?? '' });
  },
};
