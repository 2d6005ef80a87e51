// The simulated tenant's data: one in-memory table per entity, loaded from a seed.
import { Table } from '../shared/table.ts';
import type { HaloSeed, HaloSettings, Row, SeedCollection } from './seed-types.ts';

export type PolicyRow = Omit<Row, 'id'> & { id: string };

export class HaloState {
  settings: HaloSettings;
  tables: Record<SeedCollection, Table<Row>>;
  priorities: PolicyRow[];
  /** Custom field definitions (`/api/FieldInfo`); read-only through the API. */
  fieldInfo: Row[];
  /** Actions, keyed by ticket id; action ids are numbered per ticket (reference §4.5). */
  actions = new Map<number, Row[]>();
  #nextLineId = 1;

  constructor(seed: HaloSeed) {
    // Tables copy the rows they are given; only the plain arrays need their own copy.
    const copy = {
      ...seed,
      priorities: structuredClone(seed.priorities),
      actions: structuredClone(seed.actions),
    };
    this.settings = {
      closed_status_ids: [9],
      default_tickettype_id: 1,
      default_page_size: 50,
      ...structuredClone(copy.settings),
    };
    this.tables = {
      toplevels: new Table(copy.toplevels),
      clients: new Table(copy.clients),
      sites: new Table(copy.sites),
      users: new Table(copy.users),
      tickettypes: new Table(copy.tickettypes),
      statuses: new Table(copy.statuses),
      slas: new Table(copy.slas),
      categories: new Table(copy.categories),
      teams: new Table(copy.teams),
      agents: new Table(copy.agents),
      outcomes: new Table(copy.outcomes),
      items: new Table(copy.items),
      licences: new Table(copy.licences),
      recurring_invoices: new Table(copy.recurring_invoices),
      invoice_lines: new Table(copy.invoice_lines),
      tickets: new Table(copy.tickets),
    };
    this.priorities = copy.priorities;
    this.fieldInfo = structuredClone(seed.fieldinfo ?? []);
    for (const a of copy.actions) {
      const ticketId = a.ticket_id as number;
      const list = this.actions.get(ticketId) ?? [];
      list.push(a);
      this.actions.set(ticketId, list);
    }
    this.#nextLineId = Math.max(0, ...copy.invoice_lines.map((l) => l.id)) + 1;
  }

  nextLineId(): number {
    return this.#nextLineId++;
  }

  /** Recurring invoices carry negative ids (reference §4.15, [obs] RINV `-94`): new ones go below. */
  nextRecurringInvoiceId(): number {
    return Math.min(0, ...this.tables.recurring_invoices.all().map((r) => r.id)) - 1;
  }

  isClosedStatus(statusId: unknown): boolean {
    return typeof statusId === 'number' && this.settings.closed_status_ids.includes(statusId);
  }

  name(table: SeedCollection, id: unknown): string | undefined {
    if (typeof id !== 'number') return undefined;
    const row = this.tables[table].get(id);
    return row === undefined ? undefined : (row.name as string | undefined);
  }
}
