// The real `psa-hub` command in a child process, as a person or a supervisor runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const cliPath = path.resolve('src/cli.ts');

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** stdout and stderr as they came. */
  output: () => string;
  /** The exit code, once it has exited and its output is read. */
  exited: Promise<number | null>;
}

/** `psa-hub args…` with the test's environment (never the parent's DATABASE_URL unless given). */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...parentEnv, ...env } });
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
  waitFor(() => /listening on (http:\/\/\S+)/.exec(run.output())?.[1]);

/** Run to the end: exit code and what it printed. */
export async function runToEnd(args: string[], env: Record<string, string>) {
  const run = runCli(args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}
