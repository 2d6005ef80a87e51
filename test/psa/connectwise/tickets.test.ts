// Tickets against the simulator: create stamped with externalXRef, get, find by reference, notes
// with the right flags, status changes by PATCH, and the lost reply after a create.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PsaError } from '../../../src/psa/errors.ts';
import { allAnswerErrors, assertNoSecrets, newTicket, schemaErrors, startRig, type Rig } from './helpers.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.sim.stop());
beforeEach(async () => {
  await rig.control('faults', {}, 'DELETE');
});

type Row = Record<string, unknown>;

describe('ConnectWise tickets', () => {
  it('creates a ticket on the board with the external reference, in one POST', async () => {
    const c = rig.client();
    const input = newTicket();
    rig.exchanges.length = 0;
    const t = await c.createTicket(input);
    expect(t).toMatchObject({
      companyId: '2',
      statusId: '101',
      closed: false,
      externalRef: input.externalRef,
    });
    const posts = rig.sent(/\/service\/tickets$/, 'POST');
    expect(posts).toHaveLength(1);
    // With the code base cached, a ticket costs exactly one call.
    rig.exchanges.length = 0;
    await c.createTicket(newTicket());
    expect(rig.exchanges.map((e) => e.method)).toEqual(['POST']);
    const body = JSON.parse(posts[0]!.requestBody!) as Row;
    expect(body).toMatchObject({
      summary: input.title,
      recordType: 'ServiceTicket',
      board: { id: 1 },
      company: { id: 2 },
      status: { id: 101 },
      priority: { id: 3 },
      type: { id: 201 },
      externalXRef: input.externalRef,
    });
    expect(schemaErrors('Ticket', body)).toEqual([]);
    expect(schemaErrors('Ticket', JSON.parse(posts[0]!.responseBody!))).toEqual([]);
    const stored = await rig.records<Row>('tickets', t.id);
    expect(stored.externalXRef).toBe(input.externalRef);
    // Headers: clientId and the pinned model version on every call.
    expect(posts[0]!.requestHeaders.clientid).toBe(rig.sim.credentials.clientId);
    expect(posts[0]!.requestHeaders.accept).toBe('application/vnd.connectwise.com+json; version=2026.4');
    expect(posts[0]!.requestHeaders.authorization).toBe('[redacted]');
  });

  it('gets a ticket, and undefined for an unknown id', async () => {
    const c = rig.client();
    const t = await c.getTicket('5000');
    expect(t).toMatchObject({ id: '5000', externalRef: 'psahub:alert:1000', companyId: '218' });
    expect(await c.getTicket('999999')).toBeUndefined();
    const got = rig.sent(/\/service\/tickets\/5000$/, 'GET').at(-1)!;
    expect(schemaErrors('Ticket', JSON.parse(got.responseBody!))).toEqual([]);
  });

  it('finds a ticket by its external reference, quoting it safely', async () => {
    const c = rig.client();
    expect((await c.findTicketByExternalRef('psahub:alert:1000'))?.id).toBe('5000');
    expect(await c.findTicketByExternalRef('psahub:none')).toBeUndefined();
    const nasty = `ref "quoted" \\ and * % _ [x] or id > 0`;
    expect(await c.findTicketByExternalRef(nasty)).toBeUndefined();
    const made = await c.createTicket(newTicket({ externalRef: nasty }));
    expect((await c.findTicketByExternalRef(nasty))?.id).toBe(made.id);
    const q = new URL(rig.sent(/\/service\/tickets$/, 'GET').at(-1)!.url).searchParams.get('conditions');
    expect(q).toBe('externalXRef = "ref \\"quoted\\" \\\\ and * % _ [x] or id > 0"');
  });

  it('adds internal and customer-visible notes with the right flags', async () => {
    const c = rig.client();
    const t = await c.createTicket(newTicket());
    const internal = await c.addNote(t.id, { text: 'Checked the logs', internal: true });
    const visible = await c.addNote(t.id, { text: 'We are on it', internal: false });
    const a = await rig.records<Row>('notes', internal.id);
    const b = await rig.records<Row>('notes', visible.id);
    expect(a).toMatchObject({
      internalAnalysisFlag: true,
      detailDescriptionFlag: false,
      ticketId: Number(t.id),
    });
    expect(b).toMatchObject({ internalAnalysisFlag: false, detailDescriptionFlag: true });
    for (const e of rig.sent(/\/notes$/, 'POST')) {
      expect(schemaErrors('ServiceNote', JSON.parse(e.requestBody!))).toEqual([]);
      expect(schemaErrors('ServiceNote', JSON.parse(e.responseBody!))).toEqual([]);
    }
    const err = await c.addNote('999999', { text: 'x', internal: true }).catch((e: unknown) => e);
    expect((err as PsaError).kind).toBe('not_found');
  });

  it('changes status by PATCH: closed, then reopened', async () => {
    const c = rig.client();
    const t = await c.createTicket(newTicket());
    const closed = await c.setTicketStatus(t.id, '107');
    expect(closed).toMatchObject({ statusId: '107', closed: true });
    const reopened = await c.setTicketStatus(t.id, '105');
    expect(reopened).toMatchObject({ statusId: '105', closed: false });
    const wrong = await c.setTicketStatus(t.id, '201').catch((e: unknown) => e as PsaError);
    expect(wrong).toBeInstanceOf(PsaError);
    expect((wrong as PsaError).kind).toBe('validation');
    expect((wrong as PsaError).message).toMatch(/status/i);
    const gone = (await c.setTicketStatus('999999', '107').catch((e: unknown) => e)) as PsaError;
    expect(gone.kind).toBe('not_found');
    const patch = rig.sent(new RegExp(`/service/tickets/${t.id}$`), 'PATCH')[0]!;
    expect(JSON.parse(patch.requestBody!)).toEqual([{ op: 'replace', path: 'status', value: { id: 107 } }]);
  });

  it('resolves with the note flagged as the resolution, after the status', async () => {
    const c = rig.client();
    const t = await c.createTicket(newTicket());
    const before = rig.exchanges.length;
    const closed = await c.setTicketStatus(t.id, '107', { text: 'Backups succeed again', internal: true });
    expect(closed).toEqual({ statusId: '107', closed: true });
    expect(rig.exchanges.slice(before).map((e) => e.method)).toEqual(['PATCH', 'POST']);
    const note = JSON.parse(
      rig.sent(new RegExp(`/service/tickets/${t.id}/notes$`), 'POST').at(-1)!.requestBody!,
    );
    expect(note).toMatchObject({
      text: 'Backups succeed again',
      resolutionFlag: true,
      internalAnalysisFlag: true,
    });
  });

  it('maps validation errors to fields (a status of another board)', async () => {
    const c = rig.client();
    const err = (await c
      .createTicket(newTicket({ placement: { statusId: '201', priorityId: '3', fields: { boardId: '1' } } }))
      .catch((e: unknown) => e)) as PsaError;
    expect(err).toBeInstanceOf(PsaError);
    expect(err.kind).toBe('validation');
    expect(err.message).toMatch(/^ConnectWise refused the request: /);
    expect(Object.keys(err.details.fields ?? {})).toContain('status');
    const bad = (await c.getTicket('abc').catch((e: unknown) => e)) as PsaError;
    expect(bad.kind).toBe('validation');
  });

  it('survives a lost reply: exactly one ticket, found by its reference', async () => {
    const c = rig.client();
    const input = newTicket();
    await rig.control('faults', {
      method: 'POST',
      path: '/service/tickets$',
      dropAfterCommit: true,
      times: 1,
    });
    rig.exchanges.length = 0;
    const t = await c.createTicket(input);
    expect(t.externalRef).toBe(input.externalRef);
    const all = await rig.records<Row[]>('tickets');
    expect(all.filter((r) => r.externalXRef === input.externalRef)).toHaveLength(1);
    expect(rig.sent(/\/service\/tickets$/, 'POST')).toHaveLength(1);
    expect(rig.sent(/\/service\/tickets$/, 'GET').length).toBeGreaterThanOrEqual(1);
  });

  it('posts again when the first POST did not commit (dropped before), after letting it settle', async () => {
    const c = rig.client({ http: { timeoutMs: 200 } });
    const input = newTicket();
    await rig.control('faults', {
      method: 'POST',
      path: '/service/tickets$',
      dropBeforeCommit: true,
      times: 1,
    });
    const t = await c.createTicket(input);
    const all = await rig.records<Row[]>('tickets');
    expect(all.filter((r) => r.externalXRef === input.externalRef).map((r) => String(r.id))).toEqual([t.id]);
  });

  it('never records or reports the private key', () => {
    assertNoSecrets(rig);
  });

  it('got answers that match the spec schemas, every one it recorded', () => {
    expect(allAnswerErrors(rig.history)).toEqual([]);
  });
});
