// Service tickets and their notes (reference §6, §7.1-7.2, §8 [S4, S6, S8, S11]).
import { fieldError, type ValidationError } from '../errors.ts';
import type { Ctx, EntityDef } from '../entity.ts';
import { makeRef } from '../references.ts';
import type { Rec } from '../store.ts';

const idOf = (v: unknown): number | undefined => (v as Rec | null | undefined)?.id;
const onTicketBoard = (row: Record<string, unknown>) => (target: Rec) =>
  idOf(target.board) === idOf(row.board) && target.inactive !== true && target.inactiveFlag !== true;
const ofCompany = (row: Record<string, unknown>) => (target: Rec) =>
  idOf(target.company) === idOf(row.company);

/** initialDescription / initialInternalAnalysis / initialResolution: "Only available for POST, will not be returned" [S6]. */
const INITIAL_NOTES = [
  ['initialDescription', 'detailDescriptionFlag'],
  ['initialInternalAnalysis', 'internalAnalysisFlag'],
  ['initialResolution', 'resolutionFlag'],
] as const;

function addNote(ctx: Ctx, ticketId: number, text: string, flag: string): void {
  const note: Omit<Rec, 'id'> = {
    ticketId,
    text,
    detailDescriptionFlag: false,
    internalAnalysisFlag: false,
    resolutionFlag: false,
    issueFlag: false,
    [flag]: true,
  };
  noteComputed(note as Rec, ctx);
  note._info = { lastUpdated: ctx.now, updatedBy: String(ctx.member.identifier) };
  ctx.store.table('notes').insert(note);
}

function noteComputed(row: Rec, ctx: Ctx): void {
  // internalFlag / externalFlag / dateCreated / createdBy are the server's [S11 response].
  row.internalFlag = row.internalAnalysisFlag === true;
  row.externalFlag = row.detailDescriptionFlag === true || row.resolutionFlag === true;
  row.dateCreated ??= ctx.now;
  row.createdBy ??= String(ctx.member.identifier);
  row.member ??= makeRef('member', ctx.member, ctx.base);
}

export const tickets: EntityDef = {
  table: 'tickets',
  path: '/service/tickets',
  schema: 'Ticket',
  resource: 'ticket',
  label: 'Ticket',
  security: 'ServiceDesk.ServiceTickets',
  search: true,
  // Order matters: the board resolves before the references that must sit on it.
  refs: {
    company: { kind: 'company', scope: () => (c) => c.deletedFlag !== true },
    site: {
      kind: 'site',
      scope: ofCompany,
      scopeMessage: () => 'The site does not belong to the ticket company.',
    },
    contact: {
      kind: 'contact',
      scope: ofCompany,
      scopeMessage: () => 'The contact does not belong to the ticket company.',
    },
    board: {
      kind: 'board',
      scope: () => (b) => b.inactiveFlag !== true,
      scopeMessage: () => 'The board is inactive.',
    },
    status: {
      kind: 'ticketStatus',
      scope: onTicketBoard,
      scopeMessage: () => 'The status is not valid for the ticket board.',
    },
    type: {
      kind: 'ticketType',
      scope: onTicketBoard,
      scopeMessage: () => 'The type is not valid for the ticket board.',
    },
    subType: {
      kind: 'ticketSubType',
      scope: onTicketBoard,
      scopeMessage: () => 'The subType is not valid for the ticket board.',
    },
    item: {
      kind: 'ticketItem',
      scope: onTicketBoard,
      scopeMessage: () => 'The item is not valid for the ticket board.',
    },
    priority: { kind: 'priority' },
    sla: { kind: 'sla' },
    owner: { kind: 'member' },
    agreement: {
      kind: 'agreement',
      scope: ofCompany,
      scopeMessage: () => 'The agreement does not belong to the ticket company.',
    },
    location: { kind: 'location' },
    department: { kind: 'department' },
  },
  computed: [
    'closedFlag',
    'closedDate',
    'closedBy',
    'dateResolved',
    'mobileGuid',
    'isInSla',
    'actualHours',
    'hasChildTicket',
  ],
  requiredOnUpdate: ['severity', 'impact'],
  hrefs: (row, base) => ({
    notes_href: `${base}/service/tickets/${row.id}/notes`,
    timeentries_href: `${base}/time/entries?conditions=(chargeToType="ServiceTicket" OR chargeToType="ProjectTicket") AND chargeToId=${row.id}`,
    tasks_href: `${base}/service/tickets/${row.id}/tasks`,
    configurations_href: `${base}/service/tickets/${row.id}/configurations`,
  }),
  defaults(row, ctx) {
    // The schema leaves `board` optional; which board the server picks is unverified (§13) —
    // the simulator takes the first active service board.
    if (row.board === undefined || row.board === null) {
      const board = ctx.store.table('boards').find((b) => b.inactiveFlag !== true && b.projectFlag !== true);
      if (board) row.board = { id: board.id };
    }
    row.recordType ??= 'ServiceTicket';
  },
  prepare(row, ctx, existing) {
    const errors: ValidationError[] = [];
    const boardId = idOf(row.board);
    if (!row.status && boardId !== undefined) {
      const statuses = ctx.store
        .table('boardStatuses')
        .all()
        .filter((s) => idOf(s.board) === boardId && s.inactive !== true);
      const pick =
        statuses.find((s) => s.defaultFlag === true) ??
        statuses.sort((a, b) => Number(a.sortOrder) - Number(b.sortOrder))[0];
      if (pick) row.status = makeRef('ticketStatus', pick, ctx.base);
      else
        errors.push(
          fieldError('NullValue', 'ticket', 'status', 'The board has no status to give the ticket.'),
        );
    }
    if (!row.priority) {
      const p = ctx.store.table('priorities').find((x) => x.defaultFlag === true);
      if (p) row.priority = makeRef('priority', p, ctx.base);
    }
    if (!row.sla) {
      const s = ctx.store.table('slas').find((x) => x.defaultFlag === true);
      if (s) row.sla = makeRef('sla', s, ctx.base);
    }
    if (!existing) {
      row.severity ??= 'Medium';
      row.impact ??= 'Medium';
    }
    const status = ctx.store.table('boardStatuses').get(idOf(row.status) ?? -1);
    const closed = status?.closedStatus === true;
    row.closedFlag = closed;
    if (closed && existing?.closedFlag !== true) {
      row.closedDate = ctx.now;
      row.closedBy = String(ctx.member.identifier);
      row.dateResolved = ctx.now;
    } else if (!closed) {
      row.closedDate = undefined;
      row.closedBy = undefined;
      row.dateResolved = undefined;
    }
    // The contact's name, default email and phone are copied onto the ticket (PSA behaviour, inferred).
    const contact = ctx.store.table('contacts').get(idOf(row.contact) ?? -1);
    if (contact && idOf(row.contact) !== idOf(existing?.contact)) {
      const items = (contact.communicationItems as Rec[] | undefined) ?? [];
      const first = (kind: string) =>
        items.find((c) => c.communicationType === kind && c.defaultFlag === true) ??
        items.find((c) => c.communicationType === kind);
      row.contactName ??= [contact.firstName, contact.lastName].filter(Boolean).join(' ');
      row.contactEmailAddress ??= first('Email')?.value;
      row.contactPhoneNumber ??= first('Phone')?.value;
    }
    row.customerUpdatedFlag ??= false;
    row.approved ??= true;
    row.customFields ??= [];
    for (const [field] of INITIAL_NOTES) delete row[field];
    row.processNotifications = undefined;
    row.skipCallback = undefined;
    return errors;
  },
  afterCreate(row, ctx, body) {
    for (const [field, flag] of INITIAL_NOTES) {
      const text = body[field];
      if (typeof text === 'string' && text !== '') addNote(ctx, row.id, text, flag);
    }
  },
  remove(row, ctx) {
    const notes = ctx.store.table('notes');
    for (const n of notes.all()) if (n.ticketId === row.id) notes.delete(n.id);
    ctx.store.table('tickets').delete(row.id);
  },
};

export const notes: EntityDef = {
  table: 'notes',
  path: '/service/tickets/{parentId}/notes',
  schema: 'ServiceNote',
  resource: 'serviceNote',
  label: 'ServiceNote',
  security: 'ServiceDesk.ServiceTickets',
  parent: { table: 'tickets', label: 'Ticket', field: 'ticketId' },
  refs: {
    member: { kind: 'member' },
    contact: { kind: 'contact' },
  },
  computed: ['dateCreated', 'createdBy', 'internalFlag', 'externalFlag', 'sentimentScore'],
  prepare(row, ctx) {
    const errors: ValidationError[] = [];
    // Whether the server demands text is not in the sources; an empty note is refused here (inferred).
    if (typeof row.text !== 'string' || row.text.trim() === '')
      errors.push(fieldError('NullValue', 'serviceNote', 'text', 'The text field is required.'));
    for (const f of ['detailDescriptionFlag', 'internalAnalysisFlag', 'resolutionFlag', 'issueFlag'])
      row[f] ??= false;
    noteComputed(row, ctx);
    row.processNotifications = undefined;
    return errors;
  },
};
