// The lists Halo ticket settings choose from (reference §4.7–4.12): ticket types (inactive ones
// found by asking again without `showinactive`), statuses (closed ones by asking again with
// `excludeclosed=true`), SLAs, priorities per SLA (parentId = the SLA; id = the `priorityid` a
// ticket's `priority_id` refers to), categories (level 1, whose text a ticket stores in
// `category_1`), teams (tickets store the name), impact and urgency.
import { CachedValue } from '../cached-value.ts';
import type { ConnectorCache } from '../client.ts';
import type { PickItem, PickLists } from '../types.ts';
import { listLookup } from './listing.ts';
import type { HaloSession } from './session.ts';
import { haloId, haloOwnId, str, type Row } from './wire.ts';

/** How long pick lists are reused, so a ticket costs one create call (DESIGN "PSA etiquette"). */
export const PICK_LIST_TTL_MS = 10 * 60_000;

/**
 * Impact and urgency are fixed lists in Halo's ITIL settings, not served by a list endpoint the
 * spec types; these are Halo's defaults [inferred] (ticket fields `impact`/`urgency` are ints).
 */
const impacts: [number, string][] = [
  [1, 'Company Wide'],
  [2, 'Multiple Users Affected'],
  [3, 'Single User Affected'],
];
const urgencies: [number, string][] = [
  [1, 'High'],
  [2, 'Medium'],
  [3, 'Low'],
];

function item(id: string, name: string, extra: Partial<PickItem> = {}): PickItem {
  return { id, name, parentId: null, inactive: false, closed: null, isDefault: false, ...extra };
}

export async function fetchPickLists(api: HaloSession): Promise<PickLists> {
  const [types, activeTypes, statuses, open, slas, priorities, categories, teams] = await Promise.all([
    listLookup(api, 'TicketType', 'tickettypes', { showinactive: true }),
    listLookup(api, 'TicketType', 'tickettypes'),
    listLookup(api, 'Status', 'statuses', { type: 'ticket' }),
    listLookup(api, 'Status', 'statuses', { type: 'ticket', excludeclosed: true }),
    listLookup(api, 'SLA', 'slas'),
    listLookup(api, 'Priority', 'priorities'),
    listLookup(api, 'Category', 'categories', { type_id: 1 }),
    listLookup(api, 'Team', 'teams', { includedisabled: true }),
  ]);
  const openIds = new Set(open.map((s) => haloOwnId(s.id)));
  // SPEC-2024 `RequestType` has no inactive flag: inactive types are those only `showinactive` lists.
  const activeTypeIds = new Set(activeTypes.map((t) => haloOwnId(t.id)));
  return {
    ticketTypes: types.map((r: Row) =>
      item(haloOwnId(r.id), str(r.name), {
        inactive: !activeTypeIds.has(haloOwnId(r.id)) || r.inactive === true || r.visible === false,
      }),
    ),
    statuses: statuses.map((r) =>
      item(haloOwnId(r.id), str(r.name), { closed: !openIds.has(haloOwnId(r.id)) }),
    ),
    slas: slas.map((r) => item(haloOwnId(r.id), str(r.name))),
    priorities: priorities
      .filter((r) => haloId(r.priorityid) !== null)
      .map((r) =>
        item(haloOwnId(r.priorityid), str(r.name), {
          parentId: haloId(r.slaid),
          inactive: r.ishidden === true,
        }),
      ),
    categories: categories
      .filter((r) => r.type_id === undefined || Number(r.type_id) === 1)
      .map((r) => item(haloOwnId(r.id), str(r.value), { inactive: r.inactive === true })),
    teams: teams.map((r) => item(haloOwnId(r.id), str(r.name), { inactive: r.inactive === true })),
    impacts: impacts.map(([id, name]) => item(String(id), name)),
    urgencies: urgencies.map(([id, name]) => item(String(id), name)),
  };
}

/** Pick lists from memory, then the connection's cache, then Halo. */
export class PickListCache {
  readonly #value: CachedValue<PickLists>;

  constructor(api: HaloSession, cache: ConnectorCache | undefined) {
    this.#value = new CachedValue(cache, `halopsa:picklists:${api.siteUrl}`, PICK_LIST_TTL_MS, () =>
      fetchPickLists(api),
    );
  }

  get(fresh = false): Promise<PickLists> {
    return this.#value.get(fresh);
  }

  async closedStatusIds(): Promise<Set<string>> {
    const lists = await this.get();
    return new Set((lists.statuses ?? []).filter((s) => s.closed).map((s) => s.id));
  }

  async name(list: string, id: string): Promise<string | undefined> {
    return (await this.get())[list]?.find((i) => i.id === id)?.name;
  }
}
