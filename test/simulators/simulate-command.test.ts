// `psa-hub simulate all` as a user runs it: one JSON line per simulator with the URL and exactly the
// credential fields a partner types in, each simulator answering on its URL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('psa-hub simulate', () => {
  it('starts all three and prints their URLs and credentials', async () => {
    const child = spawn(process.execPath, [path.resolve('src/cli.ts'), 'simulate', 'all', '--port', '0']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const end = Date.now() + 20_000;
      while (out.split('\n').filter((l) => l.startsWith('{')).length < 3 && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const lines = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { kind: string; url: string; credentials: Record<string, string> });
      expect(lines.map((l) => l.kind)).toEqual(['connectwise', 'autotask', 'halopsa']);
      const fields = Object.fromEntries(lines.map((l) => [l.kind, Object.keys(l.credentials).sort()]));
      expect(fields).toEqual({
        connectwise: ['clientId', 'companyId', 'privateKey', 'publicKey'],
        autotask: ['integrationCode', 'secret', 'username'],
        halopsa: ['clientId', 'clientSecret', 'tenant'],
      });
      const [cw, at, halo] = lines as [(typeof lines)[0], (typeof lines)[0], (typeof lines)[0]];
      const company = await fetch(`${cw.url}/login/companyinfo/${cw.credentials.companyId}`);
      expect(company.status).toBe(200);
      const zone = await fetch(
        `${at.url}/atservicesrest/v1.0/zoneInformation?user=${encodeURIComponent(at.credentials.username!)}`,
      );
      expect(zone.status).toBe(200);
      const token = await fetch(`${halo.url}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: halo.credentials.clientId!,
          client_secret: halo.credentials.clientSecret!,
          scope: 'all',
          tenant: halo.credentials.tenant!,
        }),
      });
      expect(token.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((r) =>
      child.exitCode !== null ? r(child.exitCode) : child.once('exit', r),
    );
    expect(code).toBe(0);
  });

  it('refuses an unknown kind with exit code 2', async () => {
    const child = spawn(process.execPath, [path.resolve('src/cli.ts'), 'simulate', 'freshdesk']);
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('connectwise, autotask, halopsa');
  });
});
