// Lookups a connector reads while connecting (reference §4.7–4.13): ticket types, statuses,
// priorities per SLA, SLAs, categories, teams, agents, outcomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from './spec-schemas.ts';
import { startHalo, type HaloTestClient } from './halo-client.ts';

let halo: HaloTestClient;
beforeAll(async () => {
  halo = await startHalo();
});
afterAll(async () => halo.sim.stop());

type Obj = Record<string, unknown>;
const ids = (rows: Obj[]) => rows.map((r) => r.id);

describe('lookups', () => {
  it('Status: built-in 1 New, 2 In Progress, 9 Closed; excludeclosed; per ticket type', async () => {
    const all = await halo.get<Obj[]>('/api/Status?type=ticket');
    const byId = new Map(all.json.map((s) => [s.id, s.name]));
    expect([byId.get(1), byId.get(2), byId.get(9)]).toEqual(['New', 'In Progress', 'Closed']);
    const open = await halo.get<Obj[]>('/api/Status?excludeclosed=true');
    expect(ids(open.json)).not.toContain(9);
    const problem = await halo.get<Obj[]>('/api/Status?tickettype_id=3');
    expect(ids(problem.json).sort()).toEqual([1, 2, 3, 9]);
  });

  it('Priority: per SLA, GUID ids, slaid filter and includedistinct', async () => {
    const all = await halo.get<Obj[]>('/api/Priority');
    expect(all.json.every((p) => typeof p.id === 'string' && /^[0-9a-f-]{36}$/.test(p.id as string))).toBe(
      true,
    );
    const premium = await halo.get<Obj[]>('/api/Priority?slaid=2');
    expect(premium.json.map((p) => [p.priorityid, p.name])).toEqual([
      [1, 'P1 - Critical'],
      [2, 'P2 - High'],
      [3, 'P3 - Moderate'],
      [4, 'P4 - Low'],
    ]);
    const distinct = await halo.get<Obj[]>('/api/Priority?includedistinct=true');
    expect(distinct.json.map((p) => p.priorityid).sort()).toEqual([1, 2, 3, 4]);
    const one = await halo.get<Obj>(`/api/Priority/${String(premium.json[0]!.id)}`);
    expect(one.json.name).toBe('P1 - Critical');
    for (const p of all.json) expect(schemaErrors('Policy', p)).toEqual([]);
  });

  it('SLA: showpriorities embeds the SLA’s priorities', async () => {
    const plain = await halo.get<Obj[]>('/api/SLA');
    expect(plain.json[0]).not.toHaveProperty('priorities');
    const withP = await halo.get<Obj[]>('/api/SLA?showpriorities=true');
    const best = withP.json.find((s) => s.name === 'Best Endeavours')!;
    expect((best.priorities as Obj[]).map((p) => p.priorityid)).toEqual([2, 3, 4]);
    for (const s of withP.json) expect(schemaErrors('SlaHead', s)).toEqual([]);
  });

  it('TicketType: hides inactive types; canagentsselect; CAB type visible', async () => {
    const r = await halo.get<Obj[]>('/api/TicketType');
    expect(r.json.map((t) => t.name)).toContain('Change Request');
    expect(r.json.map((t) => t.name)).not.toContain('Legacy Fault');
    const withInactive = await halo.get<Obj[]>('/api/TicketType?showinactive=true');
    expect(withInactive.json.map((t) => t.name)).toContain('Legacy Fault');
    for (const t of r.json) expect(schemaErrors('RequestType', t)).toEqual([]);
  });

  it('Category: type_id picks the level', async () => {
    const level1 = await halo.get<Obj[]>('/api/Category?type_id=1');
    expect(level1.json.length).toBeGreaterThan(3);
    expect(level1.json.every((c) => c.type_id === 1)).toBe(true);
    expect(level1.json.map((c) => c.value)).toContain('Backup & Recovery');
    for (const c of level1.json) expect(schemaErrors('CategoryDetail', c)).toEqual([]);
  });

  it('Team: disabled teams only with includedisabled=true', async () => {
    const r = await halo.get<Obj[]>('/api/Team');
    expect(r.json.map((t) => t.name)).not.toContain('Old Helpdesk');
    const all = await halo.get<Obj[]>('/api/Team?includedisabled=true');
    expect(all.json.map((t) => t.name)).toContain('Old Helpdesk');
    for (const t of all.json) expect(schemaErrors('SectionDetail', t)).toEqual([]);
    const one = await halo.get<Obj>('/api/Team/2');
    const members = one.json.agents as Obj[];
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.team_name === 'Second Line')).toBe(true);
    expect(schemaErrors('SectionDetail', one.json)).toEqual([]);
  });

  it('Agent: no disabled or API agents unless asked; search and team filters', async () => {
    const r = await halo.get<Obj[]>('/api/Agent');
    expect(r.json.some((a) => a.isapiagent === true || a.isdisabled === true)).toBe(false);
    const withApi = await halo.get<Obj[]>('/api/Agent?includeapiagents=true&includedisabled=true');
    expect(withApi.json.length).toBe(r.json.length + 2);
    const search = await halo.get<Obj[]>('/api/Agent?search=priya');
    expect(search.json.map((a) => a.name)).toEqual(['Priya Shah']);
    const team = await halo.get<Obj[]>('/api/Agent?team_id=2');
    expect(team.json.every((a) => a.team === 'Second Line')).toBe(true);
    for (const a of withApi.json) expect(schemaErrors('Uname', a)).toEqual([]);
  });

  it('Outcome: the outcomes actions refer to', async () => {
    const r = await halo.get<Obj[]>('/api/Outcome');
    expect(r.json.map((o) => o.outcome)).toEqual(
      expect.arrayContaining(['Private Note', 'Email User', 'Resolved']),
    );
    for (const o of r.json) expect(schemaErrors('TOutcome', o)).toEqual([]);
  });

  it('an admin token may add a status and a priority to an SLA', async () => {
    const status = await halo.post<Obj>('/api/Status', [{ name: 'Parked', colour: '#000000' }]);
    expect(status.status).toBe(201);
    expect(typeof status.json.guid).toBe('string');
    const p = await halo.post<Obj>('/api/Priority', [{ slaid: 3, priorityid: 1, name: 'Critical' }]);
    expect(p.status).toBe(201);
    expect((await halo.post('/api/Priority', [{ slaid: 99, priorityid: 1, name: 'x' }])).status).toBe(400);
  });

  it('an unknown endpoint is a 404', async () => {
    expect((await halo.get('/api/NoSuchThing')).status).toBe(404);
    expect((await halo.get('/elsewhere')).status).toBe(404);
  });
});
