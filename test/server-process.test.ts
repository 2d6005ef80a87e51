// The real command, as a newcomer runs it: a child process, a real socket, signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, onPostgres, type TestDb } from './support/db.ts';

const cli = path.resolve('src/cli.ts');
let dataDir: string;
let pgDb: TestDb | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'psahub-'));
  env = { PSAHUB_DATA_DIR: dataDir, PSAHUB_PORT: '0', PSAHUB_LOG_LEVEL: 'warn', PSAHUB_DRAIN_SECONDS: '0' };
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

function run(
  args: string[],
  extraEnv: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [cli, ...args], { env: { ...parentEnv, ...env, ...extraEnv } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

// Each start migrates a fresh embedded database: on a busy 2-core machine that alone can take 20 s.
async function waitFor<T>(fn: () => T | undefined, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('psa-hub serve', () => {
  it('starts, answers health and readiness, prints the first operator once, and stops on SIGTERM', async () => {
    const first = run(['serve']);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(first.output())?.[1]);
    expect(first.output()).toMatch(/operator operator@localhost, one-time password \S{16,}/);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ status: 'ready' });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('psahub_http_requests_total');
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);

    // Data persists; no second operator, no password printed again.
    const second = run(['serve', '--role', 'api']);
    await waitFor(() => (/listening on/.test(second.output()) ? true : undefined));
    expect(second.output()).not.toContain('one-time password');
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
  }, 180_000);

  it('runs a worker process without HTTP', async () => {
    const worker = run(['serve', '--role', 'worker']);
    await waitFor(() => (/worker role working/.test(worker.output()) ? true : undefined));
    worker.child.kill('SIGTERM');
    expect(await exited(worker.child)).toBe(0);
  }, 120_000); // a loaded 2-core machine took over 30 s to start it

  it('serves health, readiness and metrics from a worker on PSAHUB_METRICS_PORT', async () => {
    const worker = run(['serve', '--role', 'worker'], { PSAHUB_METRICS_PORT: '0' });
    const url = await waitFor(() => /worker role listening on (http:\/\/\S+)/.exec(worker.output())?.[1]);
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ status: 'ready' });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/psahub_alerts\{state="open",role="worker"\} 0/);
    expect((await fetch(`${url}/api/v1/me`)).status).toBe(404);
    worker.child.kill('SIGTERM');
    expect(await exited(worker.child)).toBe(0);
  });

  it('refuses bad configuration with the variable named, exit code 2', async () => {
    const bad = run(['serve'], { PSAHUB_PORT: 'eighty' });
    expect(await exited(bad.child)).toBe(2);
    expect(bad.output()).toContain('PSAHUB_PORT');
    const role = run(['serve', '--role', 'boss']);
    expect(await exited(role.child)).toBe(2);
    expect(role.output()).toContain('--role');
  });

  it('migrates and creates a source key from the command line', async () => {
    const migrate = run(['migrate']);
    expect(await exited(migrate.child)).toBe(0);
    expect(migrate.output()).toContain('up to date');
    const key = run(['create-source-key', '--name', 'cli']);
    expect(await exited(key.child)).toBe(0);
    expect(key.output().trim()).toMatch(/^psah_src_\S+$/);
  });
});
