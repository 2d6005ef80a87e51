// The lists ConnectWise ticket settings choose from (reference §6): service boards (project boards
// left out: service tickets cannot sit on them), and per board its statuses (`closedStatus`),
// types, subtypes and items (parentId = the board); priorities and SLAs. These are setup tables,
// which ConnectWise serves to any API member (reference §1.3).
import { CachedValue } from '../cached-value.ts';
import type { ConnectorCache } from '../client.ts';
import type { PickItem, PickLists } from '../types.ts';
import type { CwSession } from './auth.ts';
import { listAll } from './paging.ts';
import { refId, str, type Row } from './wire.ts';

/** How long pick lists are reused (DESIGN "PSA etiquette"). */
export const PICK_LIST_TTL_MS = 10 * 60_000;

function item(r: Row, extra: Partial<PickItem> = {}): PickItem {
  return {
    id: str(r.id),
    name: str(r.name),
    parentId: null,
    inactive: r.inactiveFlag === true || r.inactive === true,
    closed: null,
    isDefault: r.defaultFlag === true,
    ...extra,
  };
}

const byBoard = (r: Row, boardId: string) => refId(r.board) ?? boardId;

export async function fetchPickLists(api: CwSession): Promise<PickLists> {
  const boards = (await listAll(api, 'service/boards', { orderBy: 'name asc' })).filter(
    (b) => b.projectFlag !== true,
  );
  const lists: PickLists = { boards: [], statuses: [], types: [], subtypes: [], items: [] };
  for (const b of boards) {
    const id = str(b.id);
    lists.boards!.push(item(b));
    const [statuses, types, subtypes, items] = await Promise.all([
      listAll(api, `service/boards/${id}/statuses`, { orderBy: 'sortOrder asc, id asc' }),
      listAll(api, `service/boards/${id}/types`),
      listAll(api, `service/boards/${id}/subtypes`),
      listAll(api, `service/boards/${id}/items`),
    ]);
    for (const s of statuses)
      lists.statuses!.push(item(s, { parentId: byBoard(s, id), closed: s.closedStatus === true }));
    for (const t of types) lists.types!.push(item(t, { parentId: byBoard(t, id) }));
    for (const t of subtypes) lists.subtypes!.push(item(t, { parentId: byBoard(t, id) }));
    for (const t of items) lists.items!.push(item(t, { parentId: byBoard(t, id) }));
  }
  const [priorities, slas] = await Promise.all([
    listAll(api, 'service/priorities', { orderBy: 'sortOrder asc, id asc' }),
    listAll(api, 'service/SLAs'),
  ]);
  lists.priorities = priorities.map((r) => item(r));
  lists.slas = slas.map((r) => item(r));
  return lists;
}

/** Pick lists from memory, then the connection's cache, then ConnectWise. */
export class PickListCache {
  readonly #value: CachedValue<PickLists>;

  constructor(api: CwSession, cache: ConnectorCache | undefined) {
    this.#value = new CachedValue(cache, `${api.cacheKey}:picklists`, PICK_LIST_TTL_MS, () =>
      fetchPickLists(api),
    );
  }

  get(fresh = false): Promise<PickLists> {
    return this.#value.get(fresh);
  }
}
