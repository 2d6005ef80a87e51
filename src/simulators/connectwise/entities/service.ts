// Service boards with their statuses, types, subtypes and items; priorities; SLAs
// (reference §6, §7.3-7.4 [S4, S6]). All are setup tables: readable whatever the role [S1].
import type { EntityDef } from '../entity.ts';
import type { Rec } from '../store.ts';

const onBoard = (
  table: 'boardStatuses' | 'boardTypes' | 'boardSubTypes' | 'boardItems',
  path: string,
  schema: string,
  label: string,
): EntityDef => ({
  table,
  path: `/service/boards/{parentId}/${path}`,
  schema,
  resource: label.charAt(0).toLowerCase() + label.slice(1),
  label,
  security: 'System.TableSetup',
  setupTable: true,
  parent: { table: 'boards', label: 'Board', field: 'board', kind: 'board' },
  unique: ['name'],
});

export const boards: EntityDef = {
  table: 'boards',
  path: '/service/boards',
  schema: 'Board',
  resource: 'board',
  label: 'Board',
  security: 'System.TableSetup',
  setupTable: true,
  refs: {
    location: { kind: 'location' },
    department: { kind: 'department' },
    dispatchMember: { kind: 'member' },
    serviceManagerMember: { kind: 'member' },
    dutyManagerMember: { kind: 'member' },
    oncallMember: { kind: 'member' },
    autoCloseStatus: { kind: 'ticketStatus', scope: (row) => (s) => (s.board as Rec).id === row.id },
  },
  unique: ['name'],
  hrefs: (row, base) => ({
    statuses_href: `${base}/service/boards/${row.id}/statuses`,
    types_href: `${base}/service/boards/${row.id}/types`,
    subtypes_href: `${base}/service/boards/${row.id}/subtypes`,
    items_href: `${base}/service/boards/${row.id}/items`,
  }),
  prepare(row) {
    row.inactiveFlag ??= false;
    row.projectFlag ??= false;
    return [];
  },
  inUse: (row, ctx) =>
    ctx.store.table('tickets').find((t) => (t.board as Rec | undefined)?.id === row.id)
      ? `Board ${row.id} is in use by tickets.`
      : undefined,
};

export const boardStatuses: EntityDef = {
  ...onBoard('boardStatuses', 'statuses', 'BoardStatus', 'BoardStatus'),
  prepare(row, ctx) {
    row.inactive ??= false;
    row.closedStatus ??= false;
    row.defaultFlag ??= false;
    row.displayOnBoard ??= true;
    row.sortOrder ??= 0;
    row.escalationStatus ??= 'NoEscalation';
    if (row.defaultFlag === true) {
      // One default status per board: the new default takes the flag from the old one (inferred).
      const statuses = ctx.store.table('boardStatuses');
      for (const s of statuses.all())
        if (s.id !== row.id && (s.board as Rec).id === (row.board as Rec).id && s.defaultFlag === true)
          statuses.put({ ...s, defaultFlag: false });
    }
    return [];
  },
  inUse: (row, ctx) =>
    ctx.store.table('tickets').find((t) => (t.status as Rec | undefined)?.id === row.id)
      ? `Status ${row.id} is in use by tickets.`
      : undefined,
};

export const boardTypes: EntityDef = {
  ...onBoard('boardTypes', 'types', 'BoardType', 'BoardType'),
  prepare(row) {
    row.category ??= 'Reactive';
    row.inactiveFlag ??= false;
    row.defaultFlag ??= false;
    return [];
  },
};

export const boardSubTypes: EntityDef = {
  ...onBoard('boardSubTypes', 'subtypes', 'BoardSubType', 'BoardSubType'),
  prepare(row) {
    row.inactiveFlag ??= false;
    row.typeAssociationIds ??= [];
    return [];
  },
};

export const boardItems: EntityDef = {
  ...onBoard('boardItems', 'items', 'BoardItem', 'BoardItem'),
  prepare(row) {
    row.inactiveFlag ??= false;
    return [];
  },
};

export const priorities: EntityDef = {
  table: 'priorities',
  path: '/service/priorities',
  schema: 'Priority',
  resource: 'priority',
  label: 'Priority',
  security: 'System.TableSetup',
  setupTable: true,
  unique: ['name'],
  hrefs: (row, base) => ({ image_href: `${base}/service/priorities/${row.id}/image` }),
  prepare(row) {
    row.defaultFlag ??= false;
    row.sortOrder ??= 0;
    return [];
  },
};

const slaPriorities = Object.fromEntries(
  ['hi', 'med', 'low'].flatMap((impact) =>
    ['Hi', 'Med', 'Low'].map((urgency) => [
      `${impact}Impact${urgency}Urgency`,
      { kind: 'priority' as const },
    ]),
  ),
);

export const slas: EntityDef = {
  table: 'slas',
  path: '/service/SLAs',
  schema: 'SLA',
  resource: 'sla',
  label: 'SLA',
  security: 'System.TableSetup',
  setupTable: true,
  refs: slaPriorities,
  unique: ['name'],
  prepare(row) {
    row.defaultFlag ??= false;
    return [];
  },
};
