// Security roles and the permission / rate-limit control actions (reference §1.3-1.4, §4.2, §7.9).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CwClient } from './cw-client.ts';
import { startCw } from './cw-client.ts';
import { assertSchema } from './spec-schemas.ts';

let cw: CwClient;
beforeAll(async () => {
  cw = await startCw();
});
beforeEach(async () => {
  await cw.control('permissions', { restore: true });
  await cw.control('rate-limit', {});
});
afterAll(() => cw.sim.stop());

describe('security roles', () => {
  it('/system/mySecurity lists the caller rights in the MySecurity shape, with conditions', async () => {
    const res = await cw.get('/system/mySecurity', { pageSize: 100 });
    assertSchema('MySecurity', res.body, true);
    expect(res.body.every((r: { member: { identifier: string } }) => r.member.identifier === 'psahub')).toBe(
      true,
    );
    const tickets = await cw.get('/system/mySecurity', {
      conditions: 'moduleIdentifier = "ServiceDesk" and moduleFunctionIdentifier = "ServiceTickets"',
    });
    expect(tickets.body).toEqual([
      expect.objectContaining({ addLevel: 'All', editLevel: 'All', inquireLevel: 'All' }),
    ]);
  });

  it('the API member has a role readable through members and security roles', async () => {
    const me = (await cw.get('/system/members', { conditions: 'identifier = "psahub"' })).body[0];
    assertSchema('Member', me);
    expect(me.licenseClass).toBe('A');
    const settings = await cw.get(`/system/securityRoles/${me.securityRole.id}/settings`);
    assertSchema('SecurityRoleSetting', settings.body, true);
    expect(settings.body.length).toBeGreaterThan(5);
    assertSchema('SecurityRole', (await cw.get('/system/securityroles')).body, true);
  });

  it('a role without setup rights still reads setup tables but cannot change them', async () => {
    expect((await cw.get('/service/boards')).status).toBe(200);
    const res = await cw.post('/service/priorities', { name: 'P9', color: 'Red' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      code: 'Forbidden',
      message: 'Improper security role settings for the supplied authentication',
      errors: null,
    });
  });

  it('permissions {remove} gives a real 403 and shows in mySecurity; {restore} undoes it', async () => {
    const removed = await cw.control('permissions', {
      remove: ['ServiceDesk.ServiceTickets:add', 'Finance.Agreements'],
    });
    expect(removed.status).toBe(200);
    expect((await cw.post('/service/tickets', { summary: 's', company: { id: 2 } })).status).toBe(403);
    expect((await cw.get('/service/tickets', { pageSize: 1 })).status).toBe(200); // inquire still allowed
    expect((await cw.get('/finance/agreements')).status).toBe(403);
    expect((await cw.get('/finance/agreements/count')).status).toBe(403);
    expect((await cw.get('/finance/agreements/types')).status).toBe(200); // a setup table
    const mine = await cw.get('/system/mySecurity', {
      conditions: 'moduleFunctionIdentifier in ("ServiceTickets", "Agreements")',
      orderBy: 'moduleFunctionIdentifier asc',
    });
    expect(
      mine.body.map((r: Record<string, string>) => [r.moduleFunctionIdentifier, r.addLevel, r.inquireLevel]),
    ).toEqual([
      ['Agreements', 'None', 'None'],
      ['ServiceTickets', 'None', 'All'],
    ]);
    await cw.control('permissions', { restore: true });
    expect((await cw.get('/finance/agreements')).status).toBe(200);
    expect((await cw.post('/service/tickets', { summary: 's', company: { id: 2 } })).status).toBe(201);
  });

  it('permissions refuses unknown functions', async () => {
    const res = await cw.control('permissions', { remove: ['Nope.Nothing'] });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/unknown module function/);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and the non-standard body past the budget, then recovers', async () => {
    await cw.control('rate-limit', { requests: 3, perSeconds: 30 });
    for (let i = 0; i < 3; i++) expect((await cw.get('/system/info')).status).toBe(200);
    const res = await cw.get('/system/info');
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(30);
    expect(res.body).toEqual({
      error: 'ConnectWiseAPI',
      message: `Too many requests. Please try again in ${retry} seconds.`,
    });
    await cw.control('rate-limit', {});
    expect((await cw.get('/system/info')).status).toBe(200);
  });

  it('takes a fixed Retry-After and a short window', async () => {
    await cw.control('rate-limit', { requests: 1, perSeconds: 0.2, retryAfter: 7 });
    expect((await cw.get('/system/info')).status).toBe(200);
    const limited = await cw.get('/system/info');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    await new Promise((r) => setTimeout(r, 250));
    expect((await cw.get('/system/info')).status).toBe(200);
  });

  it('refuses a malformed limit', async () => {
    expect((await cw.control('rate-limit', { requests: -1 })).status).toBe(400);
  });
});
