// Tickets over real HTTP against the Autotask simulator: create stamped with externalID, get, find
// by reference, notes (internal / for all), status changes, and the lost reply after a create.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PsaError } from '../../../src/psa/errors.ts';
import type { NewTicket } from '../../../src/psa/types.ts';
import { bodyErrors, placement, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.sim.stop());
beforeEach(async () => rig.reset());

type Row = Record<string, unknown>;
let n = 0;
const ticket = (over: Partial<NewTicket> = {}): NewTicket => ({
  companyId: '174',
  title: 'Backup failed on SRV01',
  description: 'The nightly backup job failed twice.',
  externalRef: `hub-t-${Date.now()}-${++n}`,
  placement,
  ...over,
});

describe('Autotask tickets', () => {
  it('identifies the API user, tenant and zone', async () => {
    const me = await rig.client().identify();
    expect(me.user).toBe('PSA Hub API User');
    expect(me.tenant).toContain('America East');
    expect(me.version).toBe('REST API 1.0');
    expect(rig.count(/zoneInformation/i)).toBe(1);
    expect(rig.count(/ThresholdInformation/i)).toBe(1);
  });

  it('creates a ticket stamped with externalID, with a body the Swagger accepts', async () => {
    const c = rig.client();
    const t = ticket();
    const created = await c.createTicket(t);
    expect(created).toMatchObject({
      companyId: '174',
      title: t.title,
      statusId: '1',
      closed: false,
      externalRef: t.externalRef,
    });
    const row = await rig.records<Row>('Tickets', created.id);
    expect(row).toMatchObject({
      externalID: t.externalRef,
      queueID: 29682833,
      ticketType: 2,
      source: 2,
      issueType: 4,
      subIssueType: 17,
      priority: 2,
    });
    expect(rig.count(/\/Tickets$/i, 'POST')).toBe(1);
    const posted = rig.exchanges.filter((e) => e.requestBody !== null);
    expect(posted.length).toBeGreaterThan(0);
    for (const e of posted) expect(bodyErrors(e) ?? [], `${e.method} ${e.url}`).toEqual([]);
  });

  it('gets a ticket, finds it by reference, and answers undefined for unknown ones', async () => {
    const c = rig.client();
    const t = ticket();
    const created = await c.createTicket(t);
    expect(await c.getTicket(created.id)).toEqual(created);
    expect(await c.findTicketByExternalRef(t.externalRef)).toEqual(created);
    expect(await c.findTicketByExternalRef('hub-none')).toBeUndefined();
    expect(await c.getTicket('999999999')).toBeUndefined();
    expect(created.number).toEqual(expect.any(String));
  });

  it('adds internal and customer-visible notes', async () => {
    const c = rig.client();
    const created = await c.createTicket(ticket());
    const internal = await c.addNote(created.id, { text: 'Failed again at 02:00', internal: true });
    const open = await c.addNote(created.id, { text: 'We are looking into it', internal: false });
    const a = await rig.records<Row>('TicketNotes', internal.id);
    const b = await rig.records<Row>('TicketNotes', open.id);
    expect(a).toMatchObject({
      ticketID: Number(created.id),
      description: 'Failed again at 02:00',
      publish: 2,
    });
    expect(b).toMatchObject({ ticketID: Number(created.id), publish: 1 });
    for (const e of rig.exchanges.filter((x) => /Notes$/i.test(x.url))) expect(bodyErrors(e)).toEqual([]);
  });

  it('resolves and reopens by status', async () => {
    const c = rig.client();
    const created = await c.createTicket(ticket());
    const done = await c.setTicketStatus(created.id, '5');
    expect(done).toMatchObject({ statusId: '5', closed: true });
    const again = await c.setTicketStatus(created.id, '8');
    expect(again).toMatchObject({ statusId: '8', closed: false });
    const patches = rig.exchanges.filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(2);
    for (const e of patches) expect(bodyErrors(e)).toEqual([]);
    await expect(c.setTicketStatus('999999999', '5')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('resolves with the note as the ticket’s Resolution in the same PATCH; other notes follow it', async () => {
    const c = rig.client();
    const created = await c.createTicket(ticket());
    const before = rig.exchanges.length;
    await c.setTicketStatus(created.id, '5', { text: 'Backups succeed again', internal: true });
    expect(rig.exchanges.slice(before).map((e) => e.method)).toEqual(['PATCH']);
    expect(await rig.records<Row>('Tickets', created.id)).toMatchObject({
      status: 5,
      resolution: 'Backups succeed again',
    });
    const reopened = await c.setTicketStatus(created.id, '8', { text: 'Failing again', internal: true });
    expect(reopened).toEqual({ statusId: '8', closed: false });
    const notes = await rig.records<Row[]>('TicketNotes');
    expect(notes.filter((n) => n.ticketID === Number(created.id)).map((n) => n.description)).toContain(
      'Failing again',
    );
  });

  it('maps Autotask validation errors to field messages', async () => {
    const err = await rig
      .client()
      .createTicket(ticket({ placement: { ...placement, statusId: '99' } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PsaError);
    expect(err).toMatchObject({ kind: 'validation' });
    expect((err as PsaError).details.fields?.status).toMatch(/99/);
    await expect(rig.client().createTicket(ticket({ externalRef: 'x'.repeat(51) }))).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('survives a lost reply after the create: exactly one ticket', async () => {
    await rig.control('faults', {
      method: 'POST',
      path: '/V1\\.0/Tickets$',
      dropAfterCommit: true,
      times: 1,
    });
    const t = ticket();
    const created = await rig.client().createTicket(t);
    expect(created.externalRef).toBe(t.externalRef);
    const rows = (await rig.records<Row[]>('Tickets')).filter((r) => r.externalID === t.externalRef);
    expect(rows).toHaveLength(1);
    expect(rig.count(/\/Tickets$/i, 'POST')).toBe(1);
  });

  it('creates again when the request never reached Autotask', async () => {
    await rig.control('faults', {
      method: 'POST',
      path: '/V1\\.0/Tickets$',
      dropBeforeCommit: true,
      times: 1,
    });
    const t = ticket();
    const created = await rig.client().createTicket(t);
    const rows = (await rig.records<Row[]>('Tickets')).filter((r) => r.externalID === t.externalRef);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(Number(created.id));
    expect(rig.count(/\/Tickets$/i, 'POST')).toBe(2);
  });

  it('adds a note once when its reply is lost', async () => {
    const c = rig.client();
    const created = await c.createTicket(ticket());
    await rig.control('faults', { method: 'POST', path: '/Notes$', dropAfterCommit: true, times: 1 });
    const note = await c.addNote(created.id, { text: 'Only once, please', internal: true });
    const notes = (await rig.records<Row[]>('TicketNotes')).filter((r) => r.ticketID === Number(created.id));
    expect(notes).toHaveLength(1);
    expect(String(notes[0]?.id)).toBe(note.id);
  });
});
