// The shape of a Halo seed (`seed/default.json`, or a replacement given to `reset(seed)` / `--seed`).
// Rows are stored in Halo's own field names (SPEC-2024 schemas); a few `_sim`-free settings say what
// the reference leaves tenant-specific (which statuses close a ticket, the API agent).
import type { HaloCredentials } from './auth.ts';

export type Row = { id: number; [field: string]: unknown };

export interface HaloSettings {
  /** The agent the API application logs in as (`GET /api/Agent/me`; reference §1.4). */
  api_agent_id: number;
  /** Statuses that close a ticket; Halo's built-in Closed is 9 (reference §4.6). */
  closed_status_ids: number[];
  /** Ticket type used when a POST /Tickets names none. */
  default_tickettype_id: number;
  /** Page size when `pageinate=true` comes without `page_size` [inferred]. */
  default_page_size: number;
}

export interface HaloSeed {
  credentials?: Partial<HaloCredentials>;
  settings: Partial<HaloSettings> & { api_agent_id: number };
  toplevels: Row[];
  clients: Row[];
  sites: Row[];
  users: Row[];
  tickettypes: Row[];
  statuses: Row[];
  slas: Row[];
  /** Policy rows; `id` is the GUID string, kept in `guid`-free form as Halo sends it. */
  priorities: (Omit<Row, 'id'> & { id: string })[];
  categories: Row[];
  teams: Row[];
  agents: Row[];
  outcomes: Row[];
  items: Row[];
  licences: Row[];
  recurring_invoices: Row[];
  invoice_lines: Row[];
  tickets: Row[];
  actions: Row[];
  /** Custom field definitions (`GET /api/FieldInfo`, field-info.ts); none when absent. */
  fieldinfo?: Row[];
}

export const seedCollections = [
  'toplevels',
  'clients',
  'sites',
  'users',
  'tickettypes',
  'statuses',
  'slas',
  'categories',
  'teams',
  'agents',
  'outcomes',
  'items',
  'licences',
  'recurring_invoices',
  'invoice_lines',
  'tickets',
] as const;
export type SeedCollection = (typeof seedCollections)[number];

/** Check a replacement seed has the expected shape (it must be the same as the default's). */
export function assertSeed(value: unknown): asserts value is HaloSeed {
  if (typeof value !== 'object' || value === null) throw new Error('a Halo seed must be an object');
  const seed = value as Record<string, unknown>;
  for (const key of [...seedCollections, 'priorities', 'actions']) {
    if (!Array.isArray(seed[key])) throw new Error(`a Halo seed needs an array "${key}"`);
  }
  const settings = seed.settings as Record<string, unknown> | undefined;
  if (typeof settings !== 'object' || settings === null || typeof settings.api_agent_id !== 'number') {
    throw new Error('a Halo seed needs "settings" with "api_agent_id"');
  }
}
