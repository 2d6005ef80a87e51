// The hub's own log as an operator reads it from a real process: JSON, one line each, start-up
// (URL, role, database kind) and shutdown, every PSA write with its PSA, connection, alert, outcome
// and time, and no secret anywhere in it: not the one-time password (shown once, on stderr, to the
// person starting the hub), not a DATABASE_URL's password, not a PSA credential, not a key.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl, runCli, waitFor } from './support/cli-process.ts';
import { freshDb, onPostgres, type TestDb } from './support/db.ts';

type Line = Record<string, unknown> & { level: number; msg: string };

/** Every line parsed as JSON: the test fails on a line that is not. */
function jsonLines(text: string): Line[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('psa-hub'))
    .map((l) => {
      try {
        return JSON.parse(l) as Line;
      } catch {
        throw new Error(`not a JSON log line: ${l}`);
      }
    });
}

let dataDir: string;
let pgDb: TestDb | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'psahub-log-'));
  if (onPostgres) {
    pgDb = await freshDb();
    await pgDb.db.close();
  }
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  if (pgDb) await pgDb.drop().catch(() => {});
});

describe('the hub log', () => {
  it('is JSON on stdout with start-up and shutdown; the one-time password only on stderr', async () => {
    const dbPassword = `pw-${randomBytes(8).toString('hex')}`;
    // The local server trusts its clients, so a password in the URL is carried but not needed.
    const pg: Record<string, string> = pgDb
      ? {
          DATABASE_URL: Object.assign(new URL(pgDb.url!), { password: dbPassword }).toString(),
          PSAHUB_SECRET_KEY: randomBytes(32).toString('hex'),
        }
      : {};
    if (pgDb) expect(pg.DATABASE_URL).toContain(`:${dbPassword}@`);
    const hub = runCli(['serve'], {
      PSAHUB_DATA_DIR: dataDir,
      PSAHUB_PORT: '0',
      PSAHUB_LOG_LEVEL: 'info',
      ...pg,
    });
    const url = await listeningUrl(hub);
    const password = /one-time password (\S+)/.exec(hub.stderr())?.[1];
    expect(password).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);

    const lines = jsonLines(hub.stdout());
    const started = lines.find((l) => l.event === 'hub_started');
    expect(started).toMatchObject({
      level: 30,
      role: 'all',
      url,
      database: { kind: onPostgres ? 'postgres' : 'pglite' },
    });
    expect(lines.find((l) => l.event === 'hub_signal')).toMatchObject({ signal: 'SIGTERM' });
    expect(lines.map((l) => l.event)).toEqual(expect.arrayContaining(['hub_stopping', 'hub_stopped']));
    expect(hub.stdout()).not.toContain(password);
    expect(hub.output()).not.toContain(dbPassword);
  }, 180_000);

  it('has a line for each PSA write, and no credential, password or key', async () => {
    const demo = runCli(['demo', '--port', '0', '--events'], { PSAHUB_LOG_LEVEL: 'info' });
    try {
      const summary = JSON.parse(
        await waitFor(
          () =>
            demo
              .stdout()
              .split('\n')
              .find((l) => l.startsWith('{')),
          150_000,
        ),
      ) as {
        sourceApiKey: string;
        login: { password: string };
        simulators: { kind: string; credentials: Record<string, string> }[];
      };
      const writes = () =>
        jsonLines(demo.stderr()).filter((l) => l.event === 'psa_write' && l.action === 'create');
      await waitFor(() => (writes().length > 0 ? true : undefined), 90_000);
      const [write] = writes();
      expect(write).toMatchObject({
        level: 30,
        psa: expect.stringMatching(/^(connectwise|autotask|halopsa)$/),
        connectionId: expect.any(String),
        alertId: expect.any(String),
        ticketId: expect.any(String),
        outcome: 'ok',
        attempt: 1,
        ms: expect.any(Number),
      });
      const secrets = [
        summary.sourceApiKey,
        summary.login.password,
        ...summary.simulators.flatMap((s) =>
          ['privateKey', 'secret', 'clientSecret'].flatMap((k) => s.credentials[k] ?? []),
        ),
      ];
      expect(secrets.length).toBe(5);
      // The log lines; the demo's lines for a person (`psa-hub demo: … password …`) are meant to show it.
      const log = jsonLines(demo.stderr()).map((l) => JSON.stringify(l));
      expect(log.length).toBeGreaterThan(10);
      for (const secret of secrets) for (const line of log) expect(line).not.toContain(secret);
    } finally {
      demo.child.kill('SIGTERM');
      await demo.exited;
    }
  }, 300_000);
});
