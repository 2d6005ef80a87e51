// The real `psa-hub` command in a child process, as a person or a supervisor runs it: its output
// collected, its exit awaited, and a hub started with `serve` signed in as its first operator.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from './client.ts';
import { signInFirstTime } from './hub.ts';

export const cliPath = path.resolve('src/cli.ts');

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** stdout and stderr as they came. */
  output: () => string;
  /** The exit code (null when killed by a signal), once it has exited and its output is read. */
  exited: Promise<number | null>;
}

/**
 * `psa-hub args…` with the test's environment (never the parent's DATABASE_URL unless given); quiet
 * logs and no drain wait unless `env` says otherwise.
 */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...parentEnv, PSAHUB_LOG_LEVEL: 'warn', PSAHUB_DRAIN_SECONDS: '0', ...env },
  });
  let out = '';
  let err = '';
  let both = '';
  child.stdout.on('data', (d: Buffer) => ((out += d.toString()), (both += d.toString())));
  child.stderr.on('data', (d: Buffer) => ((err += d.toString()), (both += d.toString())));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, output: () => both, exited };
}

/** Poll `fn` until it gives a value; a fresh embedded database can take 20 s to migrate here. */
export async function waitFor<T>(fn: () => T | undefined, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The URL a `serve` prints once it listens. */
export const listeningUrl = (run: CliRun) =>
  waitFor(() => {
    if (run.child.exitCode !== null) throw new Error(`exited ${run.child.exitCode}: ${run.output()}`);
    return /listening on (http:\/\/\S+)/.exec(run.output())?.[1];
  });

/** Run to the end: exit code and what it printed. */
export async function runToEnd(args: string[], env: Record<string, string>) {
  const run = runCli(args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** `psa-hub serve`: its URL once it listens, and (on a first start) a signed-in operator. */
export async function serve(
  env: Record<string, string>,
  role = 'all',
): Promise<{ run: CliRun; url: string; operator: Client | undefined }> {
  const run = runCli(['serve', '--role', role], { PSAHUB_PORT: '0', ...env });
  const url = await listeningUrl(run);
  const first = /operator (\S+), one-time password (\S+)/.exec(run.output());
  const operator = first ? await signInFirstTime(new Client(url), first[1]!, first[2]!) : undefined;
  return { run, url, operator };
}

/** Send `signal` and wait for the exit; the exit code. */
export async function stopWith(run: CliRun, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return run.child.exitCode;
  run.child.kill(signal);
  return run.exited;
}
