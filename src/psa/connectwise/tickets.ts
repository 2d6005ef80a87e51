// Service tickets (reference §6, §8): created on a board with the hub's reference in `externalXRef`,
// found again by a condition on it, notes as Discussion (customer-visible, `detailDescriptionFlag`)
// or Internal Analysis (`internalAnalysisFlag`), and status changes by PATCH of the whole `status`
// reference. `closedFlag` follows the status on the server.
import { PsaError } from '../errors.ts';
import type { NewTicket, NoteInput, PsaTicket, TicketStatus } from '../types.ts';
import type { CwSession } from './auth.ts';
import { eq } from './conditions.ts';
import { listPage } from './paging.ts';
import { cwInt, refId, str, type Row } from './wire.ts';

/** Limits from the spec (Ticket.summary, Ticket.externalXRef: max length 100). */
const SUMMARY_MAX = 100;
const XREF_MAX = 100;
/** How many times createTicket posts, at most, when replies get lost. */
const CREATE_ATTEMPTS = 3;

export function toTicket(r: Row): PsaTicket {
  return {
    id: str(r.id),
    number: str(r.id) || null,
    companyId: refId(r.company) ?? '',
    title: str(r.summary),
    statusId: refId(r.status) ?? '',
    closed: r.closedFlag === true,
    externalRef: str(r.externalXRef) || null,
  };
}

export function ticketBody(t: NewTicket): Row {
  if (t.externalRef.length === 0 || t.externalRef.length > XREF_MAX) {
    throw new PsaError(
      'validation',
      `The external reference must be 1–${XREF_MAX} characters for ConnectWise`,
      {
        fields: { externalRef: 'length' },
      },
    );
  }
  const f = t.placement.fields;
  const title = t.title.trim() || '(no title)';
  const body: Row = {
    summary: title.length > SUMMARY_MAX ? `${title.slice(0, SUMMARY_MAX - 1)}…` : title,
    recordType: 'ServiceTicket',
    company: { id: cwInt(t.companyId, 'Company id') },
    status: { id: cwInt(t.placement.statusId, 'Status id') },
    priority: { id: cwInt(t.placement.priorityId, 'Priority id') },
    externalXRef: t.externalRef,
    initialDescription: t.description,
  };
  if (f.boardId) body.board = { id: cwInt(f.boardId, 'Board id') };
  if (f.typeId) body.type = { id: cwInt(f.typeId, 'Type id') };
  if (f.subtypeId) body.subType = { id: cwInt(f.subtypeId, 'Subtype id') };
  if (f.itemId) body.item = { id: cwInt(f.itemId, 'Item id') };
  if (t.contactId) body.contact = { id: cwInt(t.contactId, 'Contact id') };
  return body;
}

export class CwTickets {
  readonly #api: CwSession;
  readonly #settleMs: number;

  /**
   * `settleMs`: after a create got no answer at all (a timeout, a dropped connection), how long to
   * let a slow server finish before the second look-up that decides whether to post again.
   */
  constructor(api: CwSession, settleMs = 5_000) {
    this.#api = api;
    this.#settleMs = settleMs;
  }

  /** The ticket carrying `ref`, looking twice when the POST may still be running on the server. */
  async #afterFailure(ref: string, err: PsaError): Promise<PsaTicket | undefined> {
    const found = await this.findByExternalRef(ref);
    if (found || err.details.status !== undefined) return found; // an answer means it is over
    await new Promise((r) => setTimeout(r, this.#settleMs));
    return this.findByExternalRef(ref);
  }

  /**
   * Create once, even when a reply is lost: the POST is not retried blindly; after a transient
   * failure the ticket is looked up by its external reference, and only when none carries it is
   * the POST tried again.
   */
  async create(t: NewTicket): Promise<PsaTicket> {
    const body = ticketBody(t);
    for (let attempt = 1; ; attempt++) {
      try {
        const saved = await this.#api.create<Row>('service/tickets', body);
        if (saved && saved.id !== undefined) return toTicket(saved);
        const found = await this.findByExternalRef(t.externalRef);
        if (found) return found;
        throw new PsaError('transient', 'ConnectWise accepted the ticket but did not return it', {});
      } catch (err) {
        if (!(err instanceof PsaError) || err.kind !== 'transient') throw err;
        const found = await this.#afterFailure(t.externalRef, err);
        if (found) return found;
        if (attempt >= CREATE_ATTEMPTS) throw err;
      }
    }
  }

  async get(id: string): Promise<PsaTicket | undefined> {
    const r = await this.#api.find<Row>(`service/tickets/${cwInt(id, 'Ticket id')}`);
    return r ? toTicket(r) : undefined;
  }

  async findByExternalRef(ref: string): Promise<PsaTicket | undefined> {
    const p = await listPage(
      this.#api,
      'service/tickets',
      { conditions: eq('externalXRef', ref), orderBy: 'id asc' },
      1,
      10,
    );
    // The server compares case-insensitively; the hub's reference is exact.
    const hit = p.items.find((r) => str(r.externalXRef) === ref);
    return hit ? toTicket(hit) : undefined;
  }

  /** A note; `resolution` puts it in the ticket's Resolution section as well. */
  async addNote(ticketId: string, note: NoteInput, resolution = false): Promise<{ id: string }> {
    const id = cwInt(ticketId, 'Ticket id');
    if (!note.text.trim()) {
      throw new PsaError('validation', 'A ConnectWise note needs text', { fields: { text: 'empty' } });
    }
    const saved = await this.#api.create<Row>(`service/tickets/${id}/notes`, {
      text: note.text,
      detailDescriptionFlag: !note.internal,
      internalAnalysisFlag: note.internal,
      resolutionFlag: resolution,
    });
    return { id: str(saved.id) };
  }

  /** A PATCH of the status (which answers with the ticket), then the note: a resolution when closed. */
  async setStatus(ticketId: string, statusId: string, note?: NoteInput): Promise<TicketStatus> {
    const id = cwInt(ticketId, 'Ticket id');
    const saved = toTicket(
      await this.#api.patch<Row>(`service/tickets/${id}`, [
        { op: 'replace', path: 'status', value: { id: cwInt(statusId, 'Status id') } },
      ]),
    );
    if (note) await this.addNote(ticketId, note, saved.closed);
    return { statusId: saved.statusId, closed: saved.closed };
  }
}
