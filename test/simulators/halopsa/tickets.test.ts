// Tickets and actions: POST-an-array create/update, defaults from the ticket type, validation with
// Halo's error shapes, notes, closing through an action, per-ticket action ids, delete
// (reference §2, §4.4–4.6, §5).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schemaErrors } from './spec-schemas.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());
beforeEach(async () => {
  await fetch(`${halo.url}/_sim/reset`, { method: 'POST' });
});

type Obj = Record<string, unknown>;
const NO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

async function createTicket(fields: Obj = {}): Promise<Obj> {
  const r = await halo.post<Obj>('/api/Tickets', [
    { summary: 'Backup failed: SRV01', details: 'Job 42 failed', client_id: 12, ...fields },
  ]);
  expect(r.status, r.text).toBe(201);
  return r.json;
}

describe('POST /api/Tickets', () => {
  it('creates from a one-item array and answers with the single saved object', async () => {
    const t = await createTicket();
    expect(Array.isArray(t)).toBe(false);
    expect(t.id).toBeGreaterThan(1000);
    // Defaults of ticket type 1 (Incident): status New, SLA 1, priority 3, team Service Desk.
    expect(t).toMatchObject({
      summary: 'Backup failed: SRV01',
      client_id: 12,
      tickettype_id: 1,
      status_id: 1,
      sla_id: 1,
      priority_id: 3,
      team: 'Service Desk',
      hasbeenclosed: false,
    });
    expect(t.site_id).toBe(
      halo.sim.psa.records('client', '12') && (halo.sim.psa.records('client', '12') as Obj).main_site_id,
    );
    expect(t.dateoccurred).toMatch(NO_Z);
    expect(t.dateclosed).toBe('1899-12-30T00:00:00');
    expect(t.contract_id).toBe(-1);
    expect(schemaErrors('Faults', t)).toEqual([]);
    const again = await halo.get<Obj>(`/api/Tickets/${String(t.id)}`);
    expect(again.json).toEqual(t);
  });

  it('accepts numbers sent as strings ([obs] PY-CLOSE) and dateoccured spelled with one r', async () => {
    const t = await createTicket({
      tickettype_id: '2',
      impact: '2',
      urgency: '2',
      client_id: '12',
      dateoccured: '2026-01-02T03:04:05Z',
    });
    expect(t).toMatchObject({
      tickettype_id: 2,
      impact: 2,
      urgency: 2,
      client_id: 12,
      dateoccurred: '2026-01-02T03:04:05.000',
    });
  });

  it('derives client and site from the user', async () => {
    const user = (halo.sim.psa.records('users') as Obj[])[5]!;
    const t = await createTicket({ client_id: undefined, user_id: user.id });
    expect(t).toMatchObject({
      user_id: user.id,
      site_id: user.site_id,
      client_id: user.client_id,
      user_name: user.name,
    });
  });

  it('sets SLA dates from the policy of (sla, priority)', async () => {
    const t = await createTicket({ sla_id: 2, priority_id: 1, dateoccurred: '2026-03-01T10:00:00' });
    expect(t.respondbydate).toBe('2026-03-01T10:15:00.000');
    expect(t.fixbydate).toBe('2026-03-01T12:00:00.000');
    expect(t.priority_name).toBe('P1 - Critical');
  });

  it('takes the team by name or by team_id, and categories by their text', async () => {
    const byName = await createTicket({ team: 'second line', category_1: 'backup & recovery' });
    expect(byName).toMatchObject({ team: 'Second Line', category_1: 'Backup & Recovery' });
    expect(typeof byName.categoryid_1).toBe('number');
    const byId = await createTicket({ team_id: 5 });
    expect(byId.team).toBe('NZ - Service Desk');
  });

  it('updates only the fields sent, through the same POST with an id', async () => {
    const t = await createTicket();
    const r = await halo.post<Obj>('/api/Tickets', [{ id: t.id, status_id: 2, agent_id: 3 }]);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      id: t.id,
      status_id: 2,
      agent_id: 3,
      summary: t.summary,
      details: t.details,
    });
    expect(r.json.status_name).toBe('In Progress');
  });

  it('closes and reopens by status_id (method B, reference §4.6)', async () => {
    const t = await createTicket();
    const closed = await halo.post<Obj>('/api/Tickets', [{ id: t.id, status_id: 9 }]);
    expect(closed.json).toMatchObject({ status_id: 9, hasbeenclosed: true });
    expect(closed.json.dateclosed).toMatch(NO_Z);
    expect(closed.json.dateclosed).not.toBe('1899-12-30T00:00:00');
    const reopened = await halo.post<Obj>('/api/Tickets', [{ id: t.id, status_id: 11 }]);
    expect(reopened.json).toMatchObject({
      status_id: 11,
      hasbeenclosed: true,
      dateclosed: '1899-12-30T00:00:00',
    });
  });

  it('creates several in one POST, answering with the first unless returnall=true', async () => {
    const body = [
      { summary: 'one', client_id: 12 },
      { summary: 'two', client_id: 13 },
    ];
    const first = await halo.post<Obj>('/api/Tickets', body);
    expect(first.json.summary).toBe('one');
    const all = await halo.post<Obj[]>('/api/Tickets?returnall=true', body);
    expect(all.json.map((t) => t.summary)).toEqual(['one', 'two']);
  });

  it('is all-or-nothing: one bad item stores none', async () => {
    const before = (halo.sim.psa.records('tickets') as unknown[]).length;
    const r = await halo.post('/api/Tickets', [
      { summary: 'fine', client_id: 12 },
      { summary: 'bad', client_id: 99999 },
    ]);
    expect(r.status).toBe(400);
    expect((halo.sim.psa.records('tickets') as unknown[]).length).toBe(before);
  });

  it.each([
    ['no summary', [{ client_id: 12 }], 'Please enter a Summary.'],
    ['an unknown client', [{ summary: 's', client_id: 99999 }], 'Client 99999 does not exist.'],
    ['no customer at all', [{ summary: 's' }], 'Please select a Customer.'],
    [
      'an unknown ticket type',
      [{ summary: 's', client_id: 12, tickettype_id: 77 }],
      'Ticket Type 77 does not exist.',
    ],
    [
      'a type that needs CAB approval',
      [{ summary: 's', client_id: 12, tickettype_id: 4 }],
      'CODE:APP03/2 Please select the CAB members to approve',
    ],
    [
      'a status the type does not allow',
      [{ summary: 's', client_id: 12, tickettype_id: 3, status_id: 4 }],
      "Status 'Waiting on Customer' is not valid for ticket type 'Problem'.",
    ],
    ['an unknown status', [{ summary: 's', client_id: 12, status_id: 77 }], 'Status 77 does not exist.'],
    [
      'a priority the SLA lacks',
      [{ summary: 's', client_id: 12, sla_id: 3, priority_id: 1 }],
      "Priority 1 is not valid for SLA 'Best Endeavours'.",
    ],
    ['an unknown team', [{ summary: 's', client_id: 12, team: 'Nobody' }], "Team 'Nobody' does not exist."],
    ['a disabled agent', [{ summary: 's', client_id: 12, agent_id: 12 }], "Agent 'Dana Scully' is inactive."],
    [
      'an unknown category',
      [{ summary: 's', client_id: 12, category_1: 'Plumbing' }],
      "Category 'Plumbing' does not exist.",
    ],
    [
      'a site of another client',
      [{ summary: 's', client_id: 12, site_id: 1 }],
      'Site 1 does not belong to Client 12.',
    ],
    ['an unknown id to update', [{ id: 987654, summary: 's' }], 'Tickets with ID 987654 does not exist.'],
    ['an empty array', [], 'No records were supplied.'],
  ])('rejects %s with a plain-text 400', async (_name, body, message) => {
    const r = await halo.post('/api/Tickets', body);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe(message);
  });

  it.each([
    [
      'a non-numeric id field',
      [{ summary: 's', client_id: 'abc' }],
      '[0].client_id',
      'Could not convert string to integer: abc.',
    ],
    [
      'a fractional integer',
      [{ summary: 's', client_id: 12, impact: 1.5 }],
      '[0].impact',
      "Input string '1.5' is not a valid integer.",
    ],
    [
      'a bad boolean',
      [{ summary: 's', client_id: 12, onhold: 'maybe' }],
      '[0].onhold',
      'Could not convert string to boolean: maybe.',
    ],
    [
      'a bad date',
      [{ summary: 's', client_id: 12, dateoccurred: 'yesterday' }],
      '[0].dateoccurred',
      'Could not convert string to DateTime: yesterday.',
    ],
    [
      'an object for a string',
      [{ summary: { text: 's' }, client_id: 12 }],
      '[0].summary',
      'Unexpected character encountered while parsing value: {.',
    ],
    [
      'the second item',
      [
        { summary: 's', client_id: 12 },
        { summary: 's', site_id: 'x' },
      ],
      '[1].site_id',
      'Could not convert string to integer: x.',
    ],
  ])('rejects %s with model-state JSON keyed by path', async (_name, body, key, start) => {
    const r = await halo.post<Record<string, string[]>>('/api/Tickets', body);
    expect(r.status).toBe(400);
    expect(Object.keys(r.json)).toEqual([key]);
    expect(r.json[key]![0]).toContain(start);
  });

  it('rejects an object instead of an array, and an empty body', async () => {
    const obj = await halo.post<Record<string, string[]>>('/api/Tickets', { summary: 's', client_id: 12 });
    expect(obj.status).toBe(400);
    expect(obj.json['']![0]).toContain('requires a JSON array');
    const empty = await halo.call('POST', '/api/Tickets', undefined, '');
    expect(empty.status).toBe(400);
  });

  it('has no PUT or PATCH', async () => {
    expect((await halo.call('PUT', '/api/Tickets', [{ id: 1000 }])).status).toBe(405);
    expect((await halo.call('PATCH', '/api/Tickets/1000', { status_id: 2 })).status).toBe(405);
  });
});

describe('GET and DELETE /api/Tickets/{id}', () => {
  it('404s an unknown id', async () => {
    expect((await halo.get('/api/Tickets/999999')).status).toBe(404);
    expect((await halo.get('/api/Tickets/abc')).status).toBe(404);
  });

  it('deletes to the recycle bin: 404 afterwards, listed with deleted=true', async () => {
    const t = await createTicket();
    const del = await halo.del<Obj>(`/api/Tickets/${String(t.id)}?reason=duplicate`);
    expect(del.status).toBe(200);
    expect(del.json.id).toBe(t.id);
    expect((await halo.get(`/api/Tickets/${String(t.id)}`)).status).toBe(404);
    const bin = await halo.get<{ tickets: Obj[] }>('/api/Tickets?deleted=true');
    expect(bin.json.tickets.map((x) => x.id)).toContain(t.id);
    expect((await halo.del(`/api/Tickets/${String(t.id)}`)).status).toBe(404);
  });
});

describe('Actions', () => {
  it('a new ticket has action 1; notes get the next id of that ticket', async () => {
    const t = await createTicket();
    const list = await halo.get<{ actions: Obj[] }>(`/api/Actions?ticket_id=${String(t.id)}`);
    expect(list.json.actions.map((a) => a.id)).toEqual([1]);
    const note = await halo.post<Obj>('/api/Actions', [
      {
        ticket_id: t.id,
        outcome: 'Private Note',
        note: 'Checked spooler',
        hiddenfromuser: true,
        sendemail: false,
      },
    ]);
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({
      id: 2,
      ticket_id: t.id,
      outcome: 'Private Note',
      outcome_id: 3,
      hiddenfromuser: true,
      note: 'Checked spooler',
    });
    expect(note.json.datetime).toMatch(NO_Z);
    expect(schemaErrors('Actions', note.json)).toEqual([]);
    const other = await createTicket();
    const otherNote = await halo.post<Obj>('/api/Actions', [{ ticket_id: other.id, note: 'x' }]);
    expect(otherNote.json.id).toBe(2);
  });

  it('GET /Actions/{id} needs the ticket_id', async () => {
    const t = await createTicket();
    const one = await halo.get<Obj>(`/api/Actions/1?ticket_id=${String(t.id)}`);
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ id: 1, ticket_id: t.id });
    expect((await halo.get('/api/Actions/1')).status).toBe(404);
  });

  it('GET /Actions has no paging (SPEC-2024): pageinate/page_size/page_no are ignored, count caps', async () => {
    const t = await createTicket();
    for (const note of ['one', 'two', 'three']) await halo.post('/api/Actions', [{ ticket_id: t.id, note }]);
    const paged = await halo.get<Obj>(
      `/api/Actions?ticket_id=${String(t.id)}&pageinate=true&page_size=1&page_no=2`,
    );
    expect(paged.status).toBe(200);
    expect(paged.json).not.toHaveProperty('page_no');
    expect((paged.json.actions as Obj[]).map((a) => a.id)).toEqual([1, 2, 3, 4]);
    // Not a declared parameter, so not bound either: no model-state 400.
    expect((await halo.get(`/api/Actions?ticket_id=${String(t.id)}&page_no=x`)).status).toBe(200);
    const capped = await halo.get<{ actions: Obj[] }>(`/api/Actions?ticket_id=${String(t.id)}&count=2`);
    expect(capped.json.actions).toHaveLength(2);
  });

  it('excludeprivate leaves out actions hidden from the user', async () => {
    const t = await createTicket();
    await halo.post('/api/Actions', [{ ticket_id: t.id, note: 'secret', hiddenfromuser: true }]);
    await halo.post('/api/Actions', [{ ticket_id: t.id, note: 'hello', outcome: 'Email User' }]);
    const all = await halo.get<{ actions: Obj[] }>(`/api/Actions?ticket_id=${String(t.id)}`);
    const pub = await halo.get<{ actions: Obj[] }>(
      `/api/Actions?ticket_id=${String(t.id)}&excludeprivate=true`,
    );
    expect(all.json.actions.length).toBe(3);
    expect(pub.json.actions.map((a) => a.note)).not.toContain('secret');
  });

  it('closes the ticket with new_status and an outcome (method A, reference §4.6)', async () => {
    const t = await createTicket();
    const r = await halo.post<Obj>('/api/Actions', [
      {
        ticket_id: t.id,
        note_html: '<p>Resolved</p>',
        new_status: 9,
        outcome_id: 4,
        sendemail: false,
        timetaken: 0.25,
      },
    ]);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      new_status: 9,
      new_status_name: 'Closed',
      outcome: 'Resolved',
      note: 'Resolved',
    });
    const after = await halo.get<Obj>(`/api/Tickets/${String(t.id)}`);
    expect(after.json).toMatchObject({
      status_id: 9,
      status_name: 'Closed',
      hasbeenclosed: true,
      timetaken: 0.25,
    });
    expect(after.json.dateclosed).toMatch(NO_Z);
    expect(after.json.lastactiondate).toBe(r.json.datetime);
  });

  it('updates an existing action by {id, ticket_id}', async () => {
    const t = await createTicket();
    const r = await halo.post<Obj>('/api/Actions', [
      { id: 1, ticket_id: t.id, important: true, action_isresponse: true },
    ]);
    expect(r.json).toMatchObject({ id: 1, important: true, action_isresponse: true });
  });

  it.each([
    ['no ticket', [{ note: 'x' }], 'Please select a Ticket.'],
    ['an unknown ticket', [{ ticket_id: 5, note: 'x' }], 'Ticket 5 does not exist.'],
    ['an empty note', [{ ticket_id: 1000, note: '' }], 'Please enter a Note.'],
    ['an unknown outcome id', [{ ticket_id: 1000, note: 'x', outcome_id: 99 }], 'Outcome 99 does not exist.'],
    [
      'an unknown outcome name',
      [{ ticket_id: 1000, note: 'x', outcome: 'Telepathy' }],
      "Outcome 'Telepathy' does not exist.",
    ],
    [
      'a status the type does not allow',
      [{ ticket_id: 1000, note: 'x', new_status: 77 }],
      'Status 77 does not exist.',
    ],
    [
      'an unknown action id',
      [{ id: 40, ticket_id: 1000, note: 'x' }],
      'Action 40 does not exist on ticket 1000.',
    ],
  ])('rejects %s', async (_name, body, message) => {
    const r = await halo.post('/api/Actions', body);
    expect(r.status).toBe(400);
    expect(r.text).toBe(message);
  });

  it('rejects a new_status the ticket type does not allow', async () => {
    const t = await createTicket({ tickettype_id: 3 });
    const r = await halo.post('/api/Actions', [{ ticket_id: t.id, note: 'x', new_status: 5 }]);
    expect(r.status).toBe(400);
    expect(r.text).toBe("Status 'Waiting on Supplier' is not valid for ticket type 'Problem'.");
  });

  it('deletes an action by id and ticket_id', async () => {
    const t = await createTicket();
    await halo.post('/api/Actions', [{ ticket_id: t.id, note: 'x' }]);
    expect((await halo.del(`/api/Actions/2?ticket_id=${String(t.id)}`)).status).toBe(200);
    expect((await halo.get(`/api/Actions/2?ticket_id=${String(t.id)}`)).status).toBe(404);
  });
});
