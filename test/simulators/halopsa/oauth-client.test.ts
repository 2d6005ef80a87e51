// A widely used open-source OAuth2 client, simple-oauth2, gets a token from the simulator over
// https unchanged (certificate checks relaxed: the certificate is self-signed), and the token
// works on the API.
import { request } from 'node:https';
import { ClientCredentials } from 'simple-oauth2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/simulators/index.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator('halopsa', { port: 0, tls: true });
});
afterAll(async () => sim.stop());

function httpsGet(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { rejectUnauthorized: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('simple-oauth2 over https', () => {
  it('obtains a token with its defaults (client_secret_basic) and calls /api/Agent/me', async () => {
    expect(sim.url).toMatch(/^https:/);
    const client = new ClientCredentials({
      client: { id: sim.credentials.clientId!, secret: sim.credentials.clientSecret! },
      auth: { tokenHost: sim.url, tokenPath: '/auth/token' },
      http: { rejectUnauthorized: false },
    });
    const token = await client.getToken({ scope: 'all', tenant: sim.credentials.tenant });
    expect(token.token.token_type).toBe('Bearer');
    expect(token.token.expires_in).toBe(3600);
    expect(token.expired()).toBe(false);
    const me = await httpsGet(`${sim.url}/api/Agent/me`, String(token.token.access_token));
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ isapiagent: true });
  });

  it('obtains a token with client_secret_post, and surfaces invalid_client', async () => {
    const client = new ClientCredentials({
      client: { id: sim.credentials.clientId!, secret: sim.credentials.clientSecret! },
      auth: { tokenHost: sim.url, tokenPath: '/auth/token' },
      options: { authorizationMethod: 'body' },
      http: { rejectUnauthorized: false },
    });
    const token = await client.getToken({ scope: 'read:tickets edit:tickets read:customers' });
    const tickets = await httpsGet(
      `${sim.url}/api/Tickets?pageinate=true&page_size=1&page_no=1`,
      String(token.token.access_token),
    );
    expect(tickets.status).toBe(200);
    expect(JSON.parse(tickets.body)).toMatchObject({ page_no: 1, page_size: 1 });
    const bad = new ClientCredentials({
      client: { id: sim.credentials.clientId!, secret: 'wrong' },
      auth: { tokenHost: sim.url, tokenPath: '/auth/token' },
      http: { rejectUnauthorized: false },
    });
    await expect(bad.getToken({ scope: 'all' })).rejects.toMatchObject({
      output: { statusCode: 401 },
      data: { payload: { error: 'invalid_client' } },
    });
  });
});
