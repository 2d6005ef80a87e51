// Ticket pick lists from `Tickets/entityInformation/fields` (reference §3: queues, statuses,
// priorities, types, sources, issue and sub-issue types are all picklists of Tickets; sub-issue
// types carry their issue type in `parentValue`). Note types and publish values come from
// `TicketNotes/entityInformation/fields`. Cached in ctx.cache so a ticket costs one create call.
import type { ConnectorCache } from '../client.ts';
import type { PickItem, PickLists } from '../types.ts';
import type { AutotaskSession } from './session.ts';
import { str } from './wire.ts';

export const PICK_LISTS_TTL_MS = 15 * 60_000;

/** Autotask's system "Complete" status (value 5) is the one that completes a ticket (§4.3). */
export const COMPLETE_STATUS = '5';

const ticketFields: Record<string, string> = {
  statuses: 'status',
  priorities: 'priority',
  queues: 'queueID',
  ticketTypes: 'ticketType',
  sources: 'source',
  issueTypes: 'issueType',
  subIssueTypes: 'subIssueType',
};
const noteFields: Record<string, string> = { noteTypes: 'noteType', notePublish: 'publish' };

interface FieldInfo {
  name?: string;
  isPickList?: boolean;
  picklistValues?: PickValue[] | null;
}
interface PickValue {
  value?: unknown;
  label?: unknown;
  isDefaultValue?: unknown;
  parentValue?: unknown;
  isActive?: unknown;
  sortOrder?: unknown;
}

function items(field: FieldInfo | undefined, list: string): PickItem[] {
  const values = [...(field?.picklistValues ?? [])].sort(
    (a, b) => Number(a.sortOrder ?? 0) - Number(b.sortOrder ?? 0),
  );
  return values.map((v) => ({
    id: str(v.value),
    name: str(v.label),
    parentId: str(v.parentValue) || null,
    inactive: v.isActive === false,
    closed: list === 'statuses' ? str(v.value) === COMPLETE_STATUS : null,
    isDefault: v.isDefaultValue === true,
  }));
}

export class PickListCache {
  readonly #api: AutotaskSession;
  readonly #cache: ConnectorCache | undefined;
  #lists: PickLists | null = null;

  constructor(api: AutotaskSession, cache?: ConnectorCache) {
    this.#api = api;
    this.#cache = cache;
  }

  get key(): string {
    return `autotask:picklists:${this.#api.creds.username.toLowerCase()}`;
  }

  /** The lists, from memory or the cache unless `fresh`, else read from Autotask (2 calls). */
  async get(fresh = false): Promise<PickLists> {
    if (!fresh && this.#lists) return this.#lists;
    if (!fresh) {
      const cached = await this.#cache?.get(this.key);
      if (cached) return (this.#lists = JSON.parse(cached) as PickLists);
    }
    const read = async (entity: string, wanted: Record<string, string>) => {
      const b = await this.#api.get<{ fields?: FieldInfo[] }>(`${entity}/entityInformation/fields`, {
        entity,
        verb: 'query',
      });
      const byName = new Map((b?.fields ?? []).map((x) => [str(x.name).toLowerCase(), x]));
      return Object.entries(wanted).map(
        ([list, field]) => [list, items(byName.get(field.toLowerCase()), list)] as const,
      );
    };
    const [t, n] = await Promise.all([read('Tickets', ticketFields), read('TicketNotes', noteFields)]);
    const lists: PickLists = Object.fromEntries([...t, ...n]);
    this.#lists = lists;
    await this.#cache?.set(this.key, JSON.stringify(lists), PICK_LISTS_TTL_MS);
    return lists;
  }

  /** The hub-facing lists (without the note lists used inside the connector). */
  async forHub(): Promise<PickLists> {
    const all = await this.get(true);
    return Object.fromEntries(Object.entries(all).filter(([k]) => k in ticketFields));
  }

  /** The value of a note picklist whose label matches, else the fallback. */
  async noteValue(list: 'noteTypes' | 'notePublish', label: RegExp, fallback: number): Promise<number> {
    const values = (await this.get())[list] ?? [];
    const hit = values.find((v) => !v.inactive && label.test(v.name));
    return hit ? Number(hit.id) : fallback;
  }
}
