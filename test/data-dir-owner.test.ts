// One owner of the embedded database: while a hub runs on a data directory, another psa-hub process
// on it refuses (naming the directory, the owner's PID and URL) instead of writing what the hub
// never sees; a SIGKILLed owner does not block the next start. PostgreSQL takes many processes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl, runCli, runToEnd } from './support/cli-process.ts';
import { freshDb, onPostgres, type TestDb } from './support/db.ts';

let dataDir: string;
let pgDb: TestDb | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'psahub-owner-'));
  env = { PSAHUB_DATA_DIR: dataDir, PSAHUB_PORT: '0', PSAHUB_LOG_LEVEL: 'warn' };
  if (onPostgres) {
    pgDb = await freshDb();
    await pgDb.db.close();
    env = { ...env, DATABASE_URL: pgDb.url!, PSAHUB_SECRET_KEY: randomBytes(32).toString('hex') };
  }
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  if (pgDb) await pgDb.drop().catch(() => {});
});

const sourceKeyWorks = async (url: string, key: string) =>
  (await fetch(`${url}/api/v1/source/error-catalog`, { headers: { authorization: `Bearer ${key}` } })).status;

describe.skipIf(onPostgres)('the embedded database', () => {
  it('has one owner: other commands refuse while a hub runs, and a SIGKILL leaves no block', async () => {
    const before = await runToEnd(['create-source-key', '--name', 'before'], env);
    expect(before.code).toBe(0);
    const key = before.stdout.trim();

    const hub = runCli(['serve'], env);
    const url = await listeningUrl(hub);
    try {
      for (const args of [
        ['create-source-key', '--name', 'lost'],
        ['serve', '--role', 'worker'],
        ['migrate'],
      ]) {
        const r = await runToEnd(args, env);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stdout, args.join(' ')).toBe('');
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines, r.stderr).toHaveLength(1);
        expect(lines[0]).toContain(
          `the embedded database in ${dataDir} is in use by psa-hub serve --role all`,
        );
        expect(lines[0]).toContain(`PID ${hub.child.pid}, ${url}`);
        expect(lines[0]).toContain('DATABASE_URL');
      }
      expect(await sourceKeyWorks(url, key)).toBe(200);
    } finally {
      hub.child.kill('SIGKILL');
      await hub.exited;
    }

    // The killed hub's lock is stale: the next start takes it over and finds the data as it was.
    expect(await readdir(dataDir)).toContain('psa-hub.lock');
    const next = runCli(['serve'], env);
    try {
      const nextUrl = await listeningUrl(next);
      expect(await sourceKeyWorks(nextUrl, key)).toBe(200);
    } finally {
      next.child.kill('SIGTERM');
      expect(await next.exited).toBe(0);
    }
    expect(await readdir(dataDir)).not.toContain('psa-hub.lock'); // released on a clean stop
  }, 240_000);
});

describe.runIf(onPostgres)('PostgreSQL', () => {
  it('takes a command beside a running hub, which knows what it wrote at once', async () => {
    const hub = runCli(['serve'], env);
    const url = await listeningUrl(hub);
    try {
      const r = await runToEnd(['create-source-key', '--name', 'beside'], env);
      expect(r.code).toBe(0);
      expect(await sourceKeyWorks(url, r.stdout.trim())).toBe(200);
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
  }, 240_000);
});
