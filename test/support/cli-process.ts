// The real `psa-hub` command as a child process: its output collected, its exit awaited, and a hub
// started with `serve` signed in as its first operator.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from './client.ts';
import { signInFirstTime } from './hub.ts';

const cli = path.resolve('src/cli.ts');

export interface CliRun {
  child: ChildProcess;
  output(): string;
  /** The exit code (null when killed by a signal). */
  exited(): Promise<number | null>;
}

/** `env` replaces the hub's variables of the parent (DATABASE_URL is never inherited). */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...parentEnv, PSAHUB_LOG_LEVEL: 'warn', PSAHUB_DRAIN_SECONDS: '0', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited: () => exit };
}

/** Wait for `re` in the output (each start migrates: on a busy machine that can take 20 s). */
export async function outputMatching(run: CliRun, re: RegExp, ms = 90_000): Promise<RegExpExecArray> {
  const end = Date.now() + ms;
  for (;;) {
    const m = re.exec(run.output());
    if (m) return m;
    if (run.child.exitCode !== null) throw new Error(`exited ${run.child.exitCode}: ${run.output()}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${re}: ${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `psa-hub serve`: its URL once it listens, and (on a first start) a signed-in operator. */
export async function serve(
  env: Record<string, string>,
  role = 'all',
): Promise<{ run: CliRun; url: string; operator: Client | undefined }> {
  const run = runCli(['serve', '--role', role], { PSAHUB_PORT: '0', ...env });
  const url = (await outputMatching(run, /listening on (http:\/\/\S+)/))[1]!;
  const first = /operator (\S+), one-time password (\S+)/.exec(run.output());
  const operator = first ? await signInFirstTime(new Client(url), first[1]!, first[2]!) : undefined;
  return { run, url, operator };
}

/** Send `signal` and wait for the exit; the exit code. */
export async function stopWith(run: CliRun, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return run.child.exitCode;
  run.child.kill(signal);
  return run.exited();
}
