// Ticket and ticket-note rules (reference §4.3–4.4, DOC TicketsEntity / TicketNotesEntity):
// server-set ticketNumber / createDate / creatorResourceID; completedDate when the status becomes
// Complete (5); assigning a resource needs its role too (HTTP 500, WYRE msp-claude-plugins #31/#32);
// a note stamps createDateTime and moves the ticket's lastActivityDate.
import type { EntityHooks, WriteContext } from './hooks.ts';
import type { Row } from './model.ts';

/** Status 5 "Complete" is the system's closed status (reference §4.3, N8N cache.json). */
export const COMPLETE_STATUS = 5;

/** `T{yyyymmdd}.{nnnn}`, the format of live ticket numbers. */
function ticketNumber(id: number, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `T${day}.${String(id % 10000).padStart(4, '0')}`;
}

export const ticketHooks: EntityHooks = {
  beforeCreate(ctx, row) {
    const now = ctx.now().toISOString();
    row.createDate = now;
    row.lastActivityDate = now;
    row.lastTrackedModificationDateTime = now;
    row.creatorResourceID = ctx.apiResourceId;
    row.creatorType = 1;
    if (row.status === COMPLETE_STATUS) {
      row.completedDate = now;
      row.completedByResourceID = ctx.apiResourceId;
    }
  },
  beforeUpdate(ctx, row, before) {
    const now = ctx.now().toISOString();
    row.lastActivityDate = now;
    row.lastTrackedModificationDateTime = now;
    if (row.status === COMPLETE_STATUS && before.status !== COMPLETE_STATUS) {
      row.completedDate = now;
      row.completedByResourceID = ctx.apiResourceId;
    } else if (row.status !== COMPLETE_STATUS && before.status === COMPLETE_STATUS) {
      row.completedDate = null;
      row.completedByResourceID = null;
    }
  },
  validate(ctx, row) {
    const errors: string[] = [];
    const hasResource = row.assignedResourceID !== null && row.assignedResourceID !== undefined;
    const hasRole = row.assignedResourceRoleID !== null && row.assignedResourceRoleID !== undefined;
    if (hasResource !== hasRole) {
      errors.push(
        'When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID.',
      );
    }
    if (row.contactID !== null && row.contactID !== undefined) {
      const contact = ctx.store.table('Contacts').get(Number(row.contactID));
      if (contact && contact.companyID !== row.companyID) {
        errors.push(`Contact ${String(row.contactID)} does not belong to company ${String(row.companyID)}.`);
      }
    }
    return errors;
  },
  afterCreate(ctx, row) {
    if (row.ticketNumber === null || row.ticketNumber === undefined) {
      ctx.store.table('Tickets').put({ ...row, ticketNumber: ticketNumber(row.id, ctx.now()) });
    }
  },
};

export const ticketNoteHooks: EntityHooks = {
  beforeCreate(ctx, row) {
    const now = ctx.now().toISOString();
    row.createDateTime = now;
    row.lastActivityDate = now;
    row.creatorResourceID = ctx.apiResourceId;
  },
  beforeUpdate(ctx, row) {
    row.lastActivityDate = ctx.now().toISOString();
  },
  afterCreate(ctx, row) {
    touchTicket(ctx, row);
  },
  afterUpdate(ctx, row) {
    touchTicket(ctx, row);
  },
};

function touchTicket(ctx: WriteContext, note: Row): void {
  const tickets = ctx.store.table('Tickets');
  const ticket = tickets.get(Number(note.ticketID));
  if (ticket) tickets.put({ ...ticket, lastActivityDate: ctx.now().toISOString() });
}
