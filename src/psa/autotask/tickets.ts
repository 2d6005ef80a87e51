// Tickets (reference §4.3) and their notes (§4.4). The hub's reference goes in `externalID`
// (Tickets field, string(50), queryable: "the ticket's id in an external system"), so a retry can
// find what a lost reply created with one `Tickets/query` on it.
import { writeOnce } from '../write-once.ts';
import { PsaError } from '../errors.ts';
import type { NewTicket, NoteInput, PsaTicket, TicketStatus } from '../types.ts';
import { COMPLETE_STATUS, type PickListCache } from './pick-lists.ts';
import { f, queryAll, queryBody, queryPage } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { idOf, str, toInt, type Row } from './wire.ts';

/** Tickets.externalID length (live metadata, §4.3). */
export const EXTERNAL_ID_MAX = 50;
const TITLE_MAX = 255;
const DESCRIPTION_MAX = 8_000;
const NOTE_TITLE_MAX = 250;
const NOTE_MAX = 32_000;
const RESOLUTION_MAX = 32_000;

/** How many times a create posts, at most, when replies get lost. */
const WRITE_ATTEMPTS = 3;
/** How long to wait before looking a second time for a write whose answer was lost. */
export const SETTLE_MS = 1_000;

export function toTicket(r: Row): PsaTicket {
  const statusId = idOf(r.status);
  return {
    id: idOf(r.id),
    number: str(r.ticketNumber) || null,
    companyId: idOf(r.companyID),
    title: str(r.title),
    statusId,
    closed: statusId === COMPLETE_STATUS || (r.completedDate !== null && r.completedDate !== undefined),
    externalRef: str(r.externalID) || null,
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ticketBody(t: NewTicket): Row {
  if (!t.externalRef || t.externalRef.length > EXTERNAL_ID_MAX)
    throw new PsaError(
      'validation',
      `The ticket reference must be 1–${EXTERNAL_ID_MAX} characters to fit Autotask's External ID`,
      { fields: { externalRef: `1–${EXTERNAL_ID_MAX} characters` } },
    );
  const p = t.placement;
  const body: Row = {
    companyID: toInt(t.companyId, 'companyId'),
    title: clip(t.title, TITLE_MAX),
    description: clip(t.description, DESCRIPTION_MAX),
    status: toInt(p.statusId, 'statusId'),
    priority: toInt(p.priorityId, 'priorityId'),
    externalID: t.externalRef,
  };
  if (t.contactId) body.contactID = toInt(t.contactId, 'contactId');
  const optional: [string, string][] = [
    ['queueId', 'queueID'],
    ['ticketTypeId', 'ticketType'],
    ['sourceId', 'source'],
    ['issueTypeId', 'issueType'],
    ['subIssueTypeId', 'subIssueType'],
  ];
  for (const [name, field] of optional) {
    const v = p.fields[name];
    if (v) body[field] = toInt(v, name);
  }
  return body;
}

export class AutotaskTickets {
  readonly #api: AutotaskSession;
  readonly #lists: PickListCache;
  readonly #settleMs: number;

  constructor(api: AutotaskSession, lists: PickListCache, settleMs = SETTLE_MS) {
    this.#api = api;
    this.#lists = lists;
    this.#settleMs = settleMs;
  }

  /**
   * Create once, even when a reply is lost: the POST is not retried blindly; after a transient
   * failure the ticket is looked up by its externalID (twice, a moment apart), and only when none
   * carries it is the POST sent again.
   */
  async create(t: NewTicket): Promise<PsaTicket> {
    const body = ticketBody(t);
    const got = await this.#once(
      () => this.#api.create('Tickets', body, 'Tickets'),
      () => this.findByExternalRef(t.externalRef),
    );
    if (typeof got !== 'number') return got;
    // Read it back for the ticket number. The ticket exists now, so a failed read must not make the
    // caller create it again: answer with what was sent.
    const created = await this.get(String(got)).catch(() => undefined);
    return created ?? toTicket({ ...body, id: got });
  }

  /** One write that must happen once (src/psa/write-once.ts). */
  #once<T, F>(write: () => Promise<T>, find: () => Promise<F | undefined>): Promise<T | F> {
    return writeOnce(write, find, { settleMs: this.#settleMs, attempts: WRITE_ATTEMPTS });
  }

  async get(id: string): Promise<PsaTicket | undefined> {
    const r = await this.#api.item('Tickets', toInt(id, 'Ticket id'));
    return r ? toTicket(r) : undefined;
  }

  async findByExternalRef(ref: string): Promise<PsaTicket | undefined> {
    const page = await queryPage(this.#api, 'Tickets', queryBody([f.eq('externalID', ref)], 5));
    // Autotask compares strings case-insensitively; the hub's reference is exact.
    const hit = page.items.find((r) => str(r.externalID) === ref);
    return hit ? toTicket(hit) : undefined;
  }

  /** A TicketNote under its ticket (§4.4); `publish` internal-only or for all. */
  async addNote(ticketId: string, note: NoteInput): Promise<{ id: string }> {
    const ticketID = toInt(ticketId, 'Ticket id');
    const publish = note.internal
      ? await this.#lists.noteValue('notePublish', /internal only/i, 2)
      : await this.#lists.noteValue('notePublish', /^all/i, 1);
    const lists = await this.#lists.get();
    const noteType = Number(
      (lists.noteTypes ?? []).find((v) => v.isDefault && !v.inactive)?.id ?? lists.noteTypes?.[0]?.id ?? 1,
    );
    const text = clip(note.text, NOTE_MAX);
    const firstLine = text.split('\n')[0]?.trim() || 'Update from psa-hub';
    const body = { ticketID, title: clip(firstLine, NOTE_TITLE_MAX), description: text, noteType, publish };
    const id = await this.#once(
      () => this.#api.create(`Tickets/${ticketID}/Notes`, body, 'TicketNotes'),
      async () => {
        // A lost reply: the newest note on the ticket with this very text and visibility is ours.
        const notes = await queryAll(this.#api, 'TicketNotes', [f.eq('ticketID', ticketID)]);
        const mine = notes.filter((n) => str(n.description) === text && Number(n.publish) === publish).at(-1);
        return mine ? idOf(mine.id) : undefined;
      },
    );
    return { id: String(id) };
  }

  /**
   * Resolve, close, cancel and reopen are all a `PATCH Tickets {id, status}` (§4.3). A note that
   * closes the ticket is its Resolution (a field of the ticket, so the same PATCH); any other is a
   * ticket note after it.
   */
  async setStatus(ticketId: string, statusId: string, note?: NoteInput): Promise<TicketStatus> {
    const id = toInt(ticketId, 'Ticket id');
    const status = toInt(statusId, 'Status id');
    const closed = String(status) === COMPLETE_STATUS;
    const resolution = closed && note ? { resolution: clip(note.text, RESOLUTION_MAX) } : {};
    await this.#api.patch('Tickets', { id, status, ...resolution });
    if (note && !closed) await this.addNote(ticketId, note);
    return { statusId: String(status), closed };
  }
}
