// Tickets and their child TicketNotes: create / PATCH / PUT returning {itemId}, validation with
// the real error shape, child URLs, and the verbs the API does not have (reference §4.1–4.4).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask, type QueryResult, type Rec } from './client.ts';

let sim: RunningSimulator;
let at: AtClient;
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
});
beforeEach(async () => {
  await at.raw('POST', `${sim.url}/_sim/reset`, undefined, {});
});
afterAll(async () => sim.stop());

const minimal = {
  companyID: 174,
  title: 'Backup failed on SRV01',
  status: 1,
  priority: 2,
  queueID: 29683490,
};
const ticket = async (id: number) => (await at.get<{ item: Rec }>(`/Tickets/${id}`)).body.item;
const errorsOf = (body: unknown) => (body as { errors: string[] }).errors;

describe('ticket create', () => {
  it('returns 200 {itemId} and stores server-set fields', async () => {
    const res = await at.post<{ itemId: number }>('/Tickets', {
      ...minimal,
      userDefinedFields: [{ name: 'FR Result', value: 'Allocated' }],
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['itemId']);
    const t = await ticket(res.body.itemId);
    expect(t).toMatchObject({ ...minimal, id: res.body.itemId, creatorType: 1 });
    expect(t.ticketNumber).toMatch(/^T\d{8}\.\d{4}$/);
    expect(Date.parse(String(t.createDate))).not.toBeNaN();
    expect(t.userDefinedFields).toContainEqual({ name: 'FR Result', value: 'Allocated' });
  });

  it('binds property names case-insensitively and ignores read-only and unknown ones', async () => {
    const res = await at.post<{ itemId: number }>('/Tickets', {
      CompanyID: 174,
      Title: 'Mixed case',
      Status: 1,
      Priority: 2,
      createDate: '2000-01-01T00:00:00Z',
      bogus: 1,
    });
    expect(res.status).toBe(200);
    const t = await ticket(res.body.itemId);
    expect(t.title).toBe('Mixed case');
    expect(String(t.createDate).startsWith('2000')).toBe(false);
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ['missing required title', { ...minimal, title: undefined }, /Missing Required Field: title/],
    ['missing required companyID', { ...minimal, companyID: undefined }, /companyID/],
    ['title too long', { ...minimal, title: 'x'.repeat(256) }, /title exceeds the maximum length of 255/],
    ['unknown company', { ...minimal, companyID: 987654 }, /companyID does not match an existing Company/],
    ['unknown status', { ...minimal, status: 99 }, /Invalid value 99 for picklist field status/],
    ['inactive status', { ...minimal, status: 19 }, /picklist field status/],
    ['inactive queue', { ...minimal, queueID: 29683491 }, /picklist field queueID/],
    [
      'sub-issue type of another issue type',
      { ...minimal, issueType: 4, subIssueType: 30 },
      /subIssueType does not belong to issueType/,
    ],
    [
      'resource without role',
      { ...minimal, assignedResourceID: 29682886 },
      /^When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID\.$/,
    ],
    [
      'boolean for an integer',
      { ...minimal, priority: true },
      /^Unexpected character encountered while parsing value: t\. Path 'priority', line 1, position \d+\.$/,
    ],
    ['text for an integer', { ...minimal, priority: 'high' }, /Could not convert string to integer: high/],
    ['decimal for an integer', { ...minimal, priority: 2.5 }, /not a valid integer/],
    ['bad date', { ...minimal, dueDateTime: 'tomorrow' }, /Could not convert string to DateTime: tomorrow/],
    [
      'unknown UDF',
      { ...minimal, userDefinedFields: [{ name: 'Nope', value: 'x' }] },
      /user-defined field Nope/,
    ],
    [
      'UDF value outside its picklist',
      { ...minimal, userDefinedFields: [{ name: 'FR Result', value: 'Maybe' }] },
      /Invalid value Maybe/,
    ],
  ];
  it.each(invalid)('%s → HTTP 500 {"errors":[…]}', async (_n, body, message) => {
    const before = (sim.psa.records('Tickets') as Rec[]).length;
    const res = await at.post('/Tickets', body);
    expect(res.status).toBe(500);
    expect(Object.keys(res.body as object)).toEqual(['errors']);
    expect(errorsOf(res.body).some((e) => message.test(e))).toBe(true);
    expect((sim.psa.records('Tickets') as Rec[]).length).toBe(before);
  });

  it('lists every rule failure at once', async () => {
    const res = await at.post('/Tickets', { companyID: 987654, status: 99, priority: 2 });
    expect(errorsOf(res.body).length).toBeGreaterThanOrEqual(3);
  });

  it('ImpersonationResourceId makes the write as that resource; an inactive one is refused', async () => {
    const headers = {
      ...at.headers,
      ImpersonationResourceId: '29682886',
      'Content-Type': 'application/json',
    };
    const res = await at.raw<{ itemId: number }>('POST', `${at.zoneUrl}V1.0/Tickets`, minimal, headers);
    expect(res.status).toBe(200);
    const t = await ticket(res.body.itemId);
    expect(t.creatorResourceID).toBe(29682886);
    expect(t.impersonatorCreatorResourceID).toBe(29682900);
    const inactive = (sim.psa.records('Resources') as Rec[]).find((r) => r.isActive === false)!;
    const refused = await at.raw('POST', `${at.zoneUrl}V1.0/Tickets`, minimal, {
      ...headers,
      ImpersonationResourceId: String(inactive.id),
    });
    expect(refused.status).toBe(500);
    expect(errorsOf(refused.body)[0]).toMatch(/Impersonation/);
  });

  it('a non-object body is an error', async () => {
    expect((await at.post('/Tickets', [minimal])).status).toBe(500);
  });
});

describe('ticket update', () => {
  it('PATCH changes only the given fields; id travels in the body', async () => {
    const id = (await at.post<{ itemId: number }>('/Tickets', { ...minimal, description: 'keep me' })).body
      .itemId;
    const res = await at.patch('/Tickets', { id, status: 5, resolution: 'Replaced toner' });
    expect(res.body).toEqual({ itemId: id });
    const t = await ticket(id);
    expect(t).toMatchObject({
      status: 5,
      resolution: 'Replaced toner',
      description: 'keep me',
      queueID: 29683490,
    });
    expect(t.completedDate).not.toBeNull();
    await at.patch('/Tickets', { id, status: 8 });
    expect((await ticket(id)).completedDate).toBeNull();
  });

  it('PUT nulls the writable fields it omits (and still enforces required ones)', async () => {
    const id = (await at.post<{ itemId: number }>('/Tickets', { ...minimal, description: 'gone after PUT' }))
      .body.itemId;
    const bad = await at.put('/Tickets', { id, title: 'only a title' });
    expect(bad.status).toBe(500);
    expect(errorsOf(bad.body).join(' ')).toMatch(/companyID/);
    const ok = await at.put('/Tickets', { id, companyID: 174, title: 'Replaced', status: 1, priority: 3 });
    expect(ok.body).toEqual({ itemId: id });
    const t = await ticket(id);
    expect(t).toMatchObject({ title: 'Replaced', priority: 3, description: null, queueID: null });
  });

  it('update without id, or of a missing id, is a 500', async () => {
    expect(errorsOf((await at.patch('/Tickets', { status: 5 })).body)[0]).toMatch(/id is required/);
    const missing = await at.patch('/Tickets', { id: 424242, status: 5 });
    expect(missing.status).toBe(500);
    expect(errorsOf(missing.body)[0]).toMatch(/No matching records found/);
  });

  it('validates picklists on update', async () => {
    const res = await at.patch('/Tickets', { id: 7800, status: 99 });
    expect(res.status).toBe(500);
  });

  it('has no DELETE and no PATCH by URL id', async () => {
    expect((await at.call('DELETE', '/Tickets/7800')).status).toBe(405);
    expect((await at.call('PATCH', '/Tickets/7800', { status: 5 })).status).toBe(405);
  });
});

describe('ticket notes (child of Tickets)', () => {
  const note = { title: 'Update', description: 'Backup failed again', noteType: 1, publish: 1 };

  it('creates under the ticket URL, takes ticketID from it, and reads back both ways', async () => {
    const res = await at.post<{ itemId: number }>('/Tickets/7800/Notes', note);
    expect(res.status).toBe(200);
    const id = res.body.itemId;
    const child = await at.get<{ item: Rec }>(`/Tickets/7800/Notes/${id}`);
    expect(child.body.item).toMatchObject({ ...note, ticketID: 7800, id });
    const root = await at.get<{ item: Rec }>(`/TicketNotes/${id}`);
    expect(root.body.item.id).toBe(id);
    const list = await at.get<QueryResult<Rec>>('/Tickets/7800/Notes');
    expect(list.body.items.map((n) => n.id)).toContain(id);
    const q = await at.query<Rec>('TicketNotes', [{ op: 'eq', field: 'ticketID', value: 7800 }]);
    expect(q.body.items.every((n) => n.ticketID === 7800)).toBe(true);
  });

  it('cannot be created at the top level', async () => {
    expect((await at.post('/TicketNotes', { ...note, ticketID: 7800 })).status).toBe(405);
  });

  it('rejects a body ticketID that contradicts the URL, an unknown ticket, a bad note type', async () => {
    expect((await at.post('/Tickets/7800/Notes', { ...note, ticketID: 7801 })).status).toBe(500);
    expect(errorsOf((await at.post('/Tickets/1/Notes', note)).body)[0]).toMatch(/parent/);
    expect(errorsOf((await at.post('/Tickets/7800/Notes', { ...note, noteType: 999 })).body)[0]).toMatch(
      /noteType/,
    );
    expect(
      errorsOf((await at.post('/Tickets/7800/Notes', { ...note, description: undefined })).body)[0],
    ).toMatch(/description/);
  });

  it('PATCHes under the parent; the note must belong to it', async () => {
    const id = (await at.post<{ itemId: number }>('/Tickets/7800/Notes', note)).body.itemId;
    expect((await at.patch('/Tickets/7800/Notes', { id, description: 'edited' })).body).toEqual({
      itemId: id,
    });
    expect((await at.get<{ item: Rec }>(`/TicketNotes/${id}`)).body.item.description).toBe('edited');
    expect((await at.patch('/Tickets/7801/Notes', { id, description: 'x' })).status).toBe(500);
  });

  it('does not exist under another ticket', async () => {
    const id = (await at.post<{ itemId: number }>('/Tickets/7800/Notes', note)).body.itemId;
    expect((await at.get(`/Tickets/7801/Notes/${id}`)).status).toBe(404);
  });
});
