// Tickets (`Faults`, reference §4.4) and their actions (§4.5–4.6).
//
// The hub's external reference goes in `third_party_id_string`: SPEC-2024 `Faults` has it as a
// free string for "this ticket's id in another system" (`third_party_id` is an int32 and cannot
// hold it; `supplier_reference` and `client_reference` mean a supplier's or the customer's own
// reference). SPEC-2024 offers no list filter on it, so the reference is also written as the last
// line of the details, where `GET /Tickets?search_details=` (SPEC-2024: "tickets based on the
// details matching the search") finds it — plain `search` need not look in the details at all;
// each hit is then checked on `third_party_id_string` (or that line) before it counts.
import { writeOnce } from '../write-once.ts';
import { PsaError } from '../errors.ts';
import type { NewTicket, NoteInput, PsaTicket, TicketStatus } from '../types.ts';
import { listLookup, listPage } from './listing.ts';
import type { PickListCache } from './pick-lists.ts';
import type { HaloSession } from './session.ts';
import { haloDate, haloId, haloOwnId, str, toHaloInt, type Row } from './wire.ts';

export const refLine = (ref: string) => `psa-hub reference: ${ref}`;

/** How many times a create posts, at most, when replies get lost. */
const WRITE_ATTEMPTS = 3;
/** How long to wait before looking a second time for a write whose answer was lost. */
export const SETTLE_MS = 1_000;

export function toTicket(r: Row, closedIds: Set<string>): PsaTicket {
  const statusId = haloOwnId(r.status_id);
  const ref =
    str(r.third_party_id_string) || (/psa-hub reference: (\S+)\s*$/.exec(str(r.details))?.[1] ?? '');
  return {
    id: haloOwnId(r.id),
    number: null,
    companyId: haloId(r.client_id) ?? '',
    title: str(r.summary),
    statusId,
    closed: closedIds.size > 0 ? closedIds.has(statusId) : haloDate(r.dateclosed) !== null,
    externalRef: ref || null,
  };
}

export class HaloTickets {
  readonly #api: HaloSession;
  readonly #lists: PickListCache;
  readonly #settleMs: number;

  constructor(api: HaloSession, lists: PickListCache, settleMs = SETTLE_MS) {
    this.#api = api;
    this.#lists = lists;
    this.#settleMs = settleMs;
  }

  async #toTicket(r: Row): Promise<PsaTicket> {
    return toTicket(r, await this.#lists.closedStatusIds());
  }

  /** The body Halo's `POST /Tickets` takes for a new ticket (an array of one, §4.4). */
  async body(t: NewTicket): Promise<Row> {
    const f = t.placement.fields;
    const body: Row = {
      summary: t.title,
      details: `${t.description}\n\n${refLine(t.externalRef)}`,
      client_id: toHaloInt(t.companyId, 'Company id'),
      status_id: toHaloInt(t.placement.statusId, 'Status id'),
      priority_id: toHaloInt(t.placement.priorityId, 'Priority id'),
      third_party_id_string: t.externalRef,
    };
    if (t.contactId) body.user_id = toHaloInt(t.contactId, 'Contact id');
    if (f.ticketTypeId) body.tickettype_id = toHaloInt(f.ticketTypeId, 'Ticket type id');
    if (f.slaId) body.sla_id = toHaloInt(f.slaId, 'SLA id');
    if (f.impactId) body.impact = toHaloInt(f.impactId, 'Impact');
    if (f.urgencyId) body.urgency = toHaloInt(f.urgencyId, 'Urgency');
    if (f.teamId) {
      // Tickets hold the team's name (SPEC-2024 `Faults.team`; `team_id` only in newer versions).
      const name = await this.#lists.name('teams', f.teamId);
      if (!name)
        throw new PsaError(
          'validation',
          `HaloPSA has no team ${f.teamId}: pick another in the ticket settings`,
          { fields: { teamId: 'unknown team' } },
        );
      body.team = name;
    }
    if (f.categoryId) {
      // `category_1` holds the category's text, not its id (§4.4, §4.11).
      const value = await this.#lists.name('categories', f.categoryId);
      if (!value)
        throw new PsaError(
          'validation',
          `HaloPSA has no category ${f.categoryId}: pick another in the ticket settings`,
          { fields: { categoryId: 'unknown category' } },
        );
      body.category_1 = value;
    }
    return body;
  }

  /**
   * Create once, even when a reply is lost: a transient failure of the POST (which is not retried
   * blindly) is followed by a look-up by the external reference, and only when nothing carries it
   * is the POST tried again.
   */
  async create(t: NewTicket): Promise<PsaTicket> {
    const body = await this.body(t);
    return this.#once(
      async () => {
        const saved = await this.#api.post<Row>('Tickets', [body], false);
        if (saved && saved.id !== undefined) return await this.#toTicket(saved);
        const found = await this.findByExternalRef(t.externalRef);
        if (found) return found;
        throw new PsaError('transient', 'HaloPSA accepted the ticket but did not say its id', {});
      },
      () => this.findByExternalRef(t.externalRef),
    );
  }

  /** One write that must happen once (src/psa/write-once.ts). */
  #once<T>(write: () => Promise<T>, find: () => Promise<T | undefined>): Promise<T> {
    return writeOnce(write, find, { settleMs: this.#settleMs, attempts: WRITE_ATTEMPTS });
  }

  async get(id: string): Promise<PsaTicket | undefined> {
    const r = await this.#api.find<Row>(`Tickets/${toHaloInt(id, 'Ticket id')}`);
    return r ? await this.#toTicket(r) : undefined;
  }

  async findByExternalRef(ref: string): Promise<PsaTicket | undefined> {
    const query = { search_details: ref, order: 'id', orderdesc: true };
    // Newest first: even a server that ignored the filter shows a just-created ticket on page 1.
    let next: string | null = 'p1';
    for (let page = 1; next !== null && page <= 3; page++) {
      const p = await listPage(this.#api, 'Tickets', 'tickets', query, page, 100);
      const hit = p.items.find(
        (r) => str(r.third_party_id_string) === ref || str(r.details).includes(refLine(ref)),
      );
      if (hit) {
        // The list row may be partial (`Faults_List`); read the ticket itself.
        return (await this.get(haloOwnId(hit.id))) ?? (await this.#toTicket(hit));
      }
      next = p.next;
    }
    return undefined;
  }

  /** A note is an Action: internal ones hidden from the end user (§4.5; ADAPTER). */
  async addNote(ticketId: string, note: NoteInput): Promise<{ id: string }> {
    const action = noteAction(toHaloInt(ticketId, 'Ticket id'), note);
    return this.#once(
      async () => ({ id: haloOwnId((await this.#api.post<Row>('Actions', [action], false)).id) }),
      async () => {
        // A lost reply: the newest action with this very note and visibility is ours. SPEC-2024's
        // `GET /Actions` takes `ticket_id` and `count` but no paging: one call gives the ticket's all.
        const actions = await listLookup(this.#api, 'Actions', 'actions', { ticket_id: action.ticket_id });
        const mine = actions
          .filter((a) => str(a.note) === note.text && (a.hiddenfromuser === true) === note.internal)
          .at(-1);
        return mine ? { id: haloOwnId(mine.id) } : undefined;
      },
    );
  }

  /**
   * Status changes go through an Action with `new_status` (Method A, §4.6), which records the
   * change in the ticket's history and carries the note, so a resolution is one write; Halo closes
   * the ticket when the status is a closed one.
   */
  async setStatus(ticketId: string, statusId: string, note?: NoteInput): Promise<TicketStatus> {
    const name = async () => (await this.#lists.name('statuses', statusId)) ?? statusId;
    const action = {
      ...noteAction(
        toHaloInt(ticketId, 'Ticket id'),
        note ?? { text: `Status set to ${await name()} by psa-hub`, internal: true },
      ),
      new_status: toHaloInt(statusId, 'Status id'),
    };
    // A lost reply: the change happened if the ticket has the status now.
    const changed = async () => ((await this.get(ticketId))?.statusId === statusId ? {} : undefined);
    await this.#once(() => this.#api.post<Row>('Actions', [action], false), changed);
    return { statusId, closed: (await this.#lists.closedStatusIds()).has(statusId) };
  }
}

const noteAction = (ticketId: number, note: NoteInput) => ({
  ticket_id: ticketId,
  outcome: note.internal ? 'Private Note' : 'Note',
  note: note.text,
  hiddenfromuser: note.internal,
  sendemail: false,
});
