// Service tickets and notes: POST 201 with defaults, references by id/name/identifier, the board's
// statuses, JSON Patch (incl. the documented "false 200"), PUT, DELETE 204, /count, POST /search
// (reference §2, §5, §7.1-7.2, §8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { assertSchema } from './spec-schemas.ts';

let cw: CwClient;
let company: { id: number; identifier: string };
let boards: { id: number; name: string }[];
const statusesOf = async (boardId: number) =>
  (await cw.get(`/service/boards/${boardId}/statuses`, { pageSize: 100 })).body as {
    id: number;
    name: string;
    closedStatus: boolean;
    inactive: boolean;
    defaultFlag: boolean;
  }[];

beforeAll(async () => {
  cw = await startCw();
  company = (await cw.get('/company/companies', { conditions: 'identifier = "AcmeInc"' })).body[0];
  boards = (await cw.get('/service/boards')).body;
});
afterAll(() => cw.sim.stop());

describe('tickets', () => {
  it('creates with 201, naming references by identifier and name, and fills the defaults', async () => {
    const res = await cw.post('/service/tickets', {
      summary: 'Backup failed: Exchange Online',
      company: { identifier: company.identifier },
      board: { name: 'Backup Alerts' },
      initialDescription: 'The nightly backup failed.',
      externalXRef: 'psahub:alert:42',
    });
    expect(res.status).toBe(201);
    assertSchema('Ticket', res.body);
    const t = res.body;
    expect(Object.keys(t)[0]).toBe('id');
    expect(t.company).toMatchObject({
      id: company.id,
      identifier: company.identifier,
      name: expect.any(String),
    });
    expect(t.company._info.company_href).toMatch(/\/apis\/3\.0\/\/company\/companies\/\d+$/); // doubled slash [S11]
    expect(t.board.name).toBe('Backup Alerts');
    expect(t.status).toMatchObject({ name: 'New', sort: 0 });
    expect(t.priority.name).toBe('Priority 3 - Normal Response');
    expect(t.closedFlag).toBe(false);
    expect(t.initialDescription).toBeUndefined(); // "will not be returned in the response"
    expect(t._info).toMatchObject({
      dateEntered: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      enteredBy: 'psahub',
    });
    expect(t._info.notes_href).toContain(`/service/tickets/${t.id}/notes`);
    const notes = await cw.get(`/service/tickets/${t.id}/notes`);
    expect(notes.body).toHaveLength(1);
    expect(notes.body[0]).toMatchObject({
      text: 'The nightly backup failed.',
      detailDescriptionFlag: true,
      ticketId: t.id,
    });
  });

  it('refuses missing summary and company, too-long summary and unknown references, all at once', async () => {
    const res = await cw.post('/service/tickets', { board: { id: 1 } });
    expect(res.status).toBe(400);
    assertSchema('ErrorResponseMessage', res.body);
    expect(res.body.code).toBe('InvalidObject');
    expect(res.body.message).toBe('ticket object is invalid');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['company', 'summary']);
    const long = await cw.post('/service/tickets', {
      summary: 'x'.repeat(101),
      company: { id: 999999 },
      priority: { name: 'Nope' },
    });
    expect(long.body.errors).toEqual(
      expect.arrayContaining([
        {
          code: 'InvalidLength',
          message: 'The field summary must be a string with a maximum length of 100.',
          resource: 'ticket',
          field: 'summary',
        },
        expect.objectContaining({ field: 'company', code: 'InvalidField' }),
        expect.objectContaining({ field: 'priority' }),
      ]),
    );
  });

  it('refuses a status, type or board that does not belong to the ticket board', async () => {
    const otherStatus = (await statusesOf(boards[0]!.id))[1]!;
    const res = await cw.post('/service/tickets', {
      summary: 's',
      company: { id: company.id },
      board: { id: boards[2]!.id },
      status: { id: otherStatus.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      field: 'status',
      message: 'The status is not valid for the ticket board.',
    });
    const inactiveBoard = boards.find((b) => b.name === 'Old Helpdesk')!;
    const inactive = await cw.post('/service/tickets', {
      summary: 's',
      company: { id: company.id },
      board: { id: inactiveBoard.id },
    });
    expect(inactive.body.errors[0]).toMatchObject({ field: 'board' });
    const oldStatus = (await statusesOf(boards[0]!.id)).find((s) => s.inactive)!;
    const res2 = await cw.post('/service/tickets', {
      summary: 's',
      company: { id: company.id },
      board: { id: boards[0]!.id },
      status: { id: oldStatus.id },
    });
    expect(res2.status).toBe(400);
  });

  it('copies the contact name, email and phone onto the ticket', async () => {
    const contact = (
      await cw.get('/company/contacts', { conditions: `company/id = ${company.id}`, pageSize: 1 })
    ).body[0];
    const t = (
      await cw.post('/service/tickets', {
        summary: 'with contact',
        company: { id: company.id },
        contact: { id: contact.id },
      })
    ).body;
    expect(t.contact).toMatchObject({ id: contact.id, name: `${contact.firstName} ${contact.lastName}` });
    expect(t.contactName).toBe(`${contact.firstName} ${contact.lastName}`);
    expect(t.contactEmailAddress).toBe(
      contact.communicationItems.find((c: { communicationType: string }) => c.communicationType === 'Email')
        .value,
    );
  });

  it('refuses a contact of another company and a deleted company', async () => {
    const foreign = (
      await cw.get('/company/contacts', { conditions: `company/id != ${company.id}`, pageSize: 1 })
    ).body[0];
    const res = await cw.post('/service/tickets', {
      summary: 's',
      company: { id: company.id },
      contact: { id: foreign.id },
    });
    expect(res.body.errors[0]).toMatchObject({
      field: 'contact',
      message: 'The contact does not belong to the ticket company.',
    });
    const deleted = (await cw.get('/company/companies', { conditions: 'deletedFlag = true', pageSize: 1 }))
      .body[0];
    const res2 = await cw.post('/service/tickets', { summary: 's', company: { id: deleted.id } });
    expect(res2.status).toBe(400);
    expect(res2.body.errors[0].field).toBe('company');
  });

  it('closes and reopens through PATCH status, setting closedFlag and closedDate', async () => {
    const t = (
      await cw.post('/service/tickets', {
        summary: 'to close',
        company: { id: company.id },
        board: { id: boards[0]!.id },
      })
    ).body;
    const statuses = await statusesOf(boards[0]!.id);
    const closed = statuses.find((s) => s.closedStatus && !s.inactive)!;
    const res = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'status', value: { id: closed.id } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ closedFlag: true, closedBy: 'psahub', status: { id: closed.id } });
    expect(res.body.closedDate).toMatch(/Z$/);
    const reopened = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'status', value: { name: 'Re-Opened' } },
    ]);
    expect(reopened.body.closedFlag).toBe(false);
    expect(reopened.body.closedDate).toBeUndefined();
    expect((await cw.count('/service/tickets', `id = ${t.id} and closedFlag = false`)).body.count).toBe(1);
  });

  it('PATCH: several ops, a leading slash, remove, and the documented false 200 on sub-paths', async () => {
    const t = (
      await cw.post('/service/tickets', { summary: 'patch me', company: { id: company.id }, poNumber: 'PO1' })
    ).body;
    const res = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'summary', value: 'patched' },
      { op: 'replace', path: '/externalXRef', value: 'x-1' },
      { op: 'remove', path: 'poNumber' },
    ]);
    expect(res.body).toMatchObject({ summary: 'patched', externalXRef: 'x-1' });
    expect(res.body.poNumber).toBeUndefined();
    const other = (await cw.get('/company/companies', { conditions: 'identifier = "SmithJonesLtd"' }))
      .body[0];
    const sub = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'company/identifier', value: other.identifier },
    ]);
    expect(sub.status).toBe(200);
    expect(sub.body.company.id).toBe(company.id); // "you may receive a false 200" [S1]
    const whole = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'company', value: { identifier: other.identifier } },
    ]);
    expect(whole.body.company.id).toBe(other.id);
  });

  it('PATCH refuses bad operations in the error shape', async () => {
    const t = (await cw.get('/service/tickets', { pageSize: 1 })).body[0];
    for (const body of [
      { op: 'replace' },
      [{ op: 'move', path: 'summary', value: 1 }],
      [{ op: 'replace', path: 'Summary', value: 'x' }],
    ]) {
      const res = await cw.patch(`/service/tickets/${t.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'InvalidObject', message: expect.any(String) });
    }
    const long = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'summary', value: 'y'.repeat(101) },
    ]);
    expect(long.body.errors[0].code).toBe('InvalidLength');
    expect((await cw.patch('/service/tickets/987654', [])).status).toBe(404);
  });

  it('moving a ticket to another board needs a status of that board', async () => {
    const t = (
      await cw.post('/service/tickets', {
        summary: 'move',
        company: { id: company.id },
        board: { id: boards[0]!.id },
      })
    ).body;
    const bad = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'board', value: { id: boards[1]!.id } },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('status');
    const ok = await cw.patch(`/service/tickets/${t.id}`, [
      { op: 'replace', path: 'board', value: { id: boards[1]!.id } },
      { op: 'replace', path: 'status', value: { name: 'New' } },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body.status.id).toBe((await statusesOf(boards[1]!.id)).find((s) => s.name === 'New')!.id);
  });

  it('PUT replaces the whole ticket and needs the "Required On Updates" fields', async () => {
    const t = (
      await cw.post('/service/tickets', { summary: 'put', company: { id: company.id }, poNumber: 'P' })
    ).body;
    const noSeverity = await cw.put(`/service/tickets/${t.id}`, {
      summary: 'put 2',
      company: { id: company.id },
    });
    expect(noSeverity.status).toBe(400);
    expect(noSeverity.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'impact',
      'severity',
    ]);
    const res = await cw.put(`/service/tickets/${t.id}`, {
      summary: 'put 2',
      company: { id: company.id },
      severity: 'High',
      impact: 'Low',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: t.id, summary: 'put 2', severity: 'High' });
    expect(res.body.poNumber).toBeUndefined();
    expect(res.body._info.dateEntered).toBe(t._info.dateEntered);
  });

  it('DELETE answers 204, then 404 in the error shape', async () => {
    const t = (await cw.post('/service/tickets', { summary: 'bye', company: { id: company.id } })).body;
    const del = await cw.delete(`/service/tickets/${t.id}`);
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    const gone = await cw.get(`/service/tickets/${t.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ code: 'NotFound', message: `Ticket Id ${t.id} not found`, errors: null });
  });

  it('POST /service/tickets/search takes FilterValues with lowercase keys, paging and fields in the query', async () => {
    const res = await cw.post(
      '/service/tickets/search',
      { conditions: 'board/name = "Service Desk" and closedFlag = false', orderBy: 'id desc' },
      { query: { pageSize: 3, fields: 'id,board/name' } },
    );
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
    expect(res.body[0].id).toBeGreaterThan(res.body[1].id);
    expect(res.body[0]).toEqual({ id: expect.any(Number), board: { name: 'Service Desk' } });
    const count = (await cw.count('/service/tickets', 'board/name = "Service Desk" and closedFlag = false'))
      .body.count;
    const all = await cw.post(
      '/service/tickets/search',
      { conditions: 'board/name = "Service Desk" and closedFlag = false' },
      { query: { pageSize: 1000 } },
    );
    expect(all.body).toHaveLength(count);
    const bad = await cw.post('/service/tickets/search', { conditions: 'closedFlag = 0' });
    expect(bad.status).toBe(400);
    expect((await cw.post('/company/companies/search', {})).status).toBe(404);
  });

  it('finds tickets by externalXRef and by lastUpdated', async () => {
    const res = await cw.get('/service/tickets', { conditions: 'externalXRef = "psahub:alert:42"' });
    expect(res.body).toHaveLength(1);
    const recent = await cw.count(
      '/service/tickets',
      `lastUpdated > [${new Date(Date.now() - 3600_000).toISOString().slice(0, 19)}Z]`,
    );
    expect(recent.body.count).toBeGreaterThan(0);
  });
});

describe('ticket notes', () => {
  it('adds a note with 201 and the server-filled fields', async () => {
    const t = (await cw.get('/service/tickets', { pageSize: 1 })).body[0];
    const res = await cw.post(`/service/tickets/${t.id}/notes`, {
      text: 'Still failing',
      detailDescriptionFlag: true,
      internalAnalysisFlag: true,
      resolutionFlag: false,
    });
    expect(res.status).toBe(201);
    assertSchema('ServiceNote', res.body);
    expect(res.body).toMatchObject({
      ticketId: t.id,
      internalFlag: true,
      externalFlag: true,
      createdBy: 'psahub',
      member: { identifier: 'psahub' },
    });
    const count = await cw.get(`/service/tickets/${t.id}/notes/count`);
    expect(count.body.count).toBeGreaterThan(1);
    const one = await cw.get(`/service/tickets/${t.id}/notes/${res.body.id}`);
    expect(one.body.text).toBe('Still failing');
    const patched = await cw.patch(`/service/tickets/${t.id}/notes/${res.body.id}`, [
      { op: 'replace', path: 'text', value: 'Fixed' },
    ]);
    expect(patched.body.text).toBe('Fixed');
  });

  it('refuses an empty note, an unknown ticket, and a note of another ticket', async () => {
    const [a, b] = (await cw.get('/service/tickets', { pageSize: 2 })).body;
    const empty = await cw.post(`/service/tickets/${a.id}/notes`, { text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({ field: 'text', code: 'NullValue' });
    const missing = await cw.post('/service/tickets/999999/notes', { text: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Ticket Id 999999 not found');
    const noteOfA = (await cw.get(`/service/tickets/${a.id}/notes`)).body[0];
    expect((await cw.get(`/service/tickets/${b.id}/notes/${noteOfA.id}`)).status).toBe(404);
  });

  it('deleting a ticket deletes its notes', async () => {
    const t = (
      await cw.post('/service/tickets', {
        summary: 'with notes',
        company: { id: company.id },
        initialInternalAnalysis: 'internal',
      })
    ).body;
    const notes = (await cw.get(`/service/tickets/${t.id}/notes`)).body;
    expect(notes[0]).toMatchObject({ internalAnalysisFlag: true, internalFlag: true });
    await cw.delete(`/service/tickets/${t.id}`);
    expect(cw.sim.psa.records('notes', String(notes[0].id))).toBeUndefined();
  });
});
