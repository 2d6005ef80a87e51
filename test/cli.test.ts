// The command line's mistakes as a newcomer makes them: one line on stderr naming what is wrong,
// exit code 2, never a stack trace, and nothing opened or written.
import { readFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToEnd } from './support/cli-process.ts';

let dataDir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'psahub-cli-'));
  env = { PSAHUB_DATA_DIR: dataDir, PSAHUB_LOG_LEVEL: 'warn' };
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^psa-hub: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
}

describe('psa-hub command line', () => {
  it.each([
    [['serve', '--bogus'], /Unknown option '--bogus'.*psa-hub --help/],
    [['--prot', '8080', 'serve'], /Unknown option '--prot'/],
    [['serve', '--role'], /'--role <value>' argument missing/],
    [['frob'], /unknown command "frob" \(one of serve, migrate, .*create-source-key/],
    [['serve', 'now'], /unexpected argument "now"/],
    [['serve', '--port', '99999'], /--port "99999" is not a port/],
  ])(
    'refuses %j in one line with exit code 2',
    async (args, pattern) => {
      const r = await runToEnd(args, env);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, pattern);
      expect(r.stdout).toBe('');
      expect(await readdir(dataDir)).toEqual([]); // no database opened for a mistake
    },
    90_000,
  ); // each is a Node start: 20 s on a loaded 2-core machine

  it('prints the package version for --version and -v', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = await runToEnd([flag], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  }, 90_000);

  describe('a port in use', () => {
    let taken: Server;
    let port: number;
    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      port = (taken.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

    it('stops serve with one line naming the port and exit code 2', async () => {
      const own = await mkdtemp(path.join(tmpdir(), 'psahub-cli-port-'));
      try {
        const r = await runToEnd(['serve', '--port', String(port)], { ...env, PSAHUB_DATA_DIR: own });
        expect(r.code).toBe(2);
        expectOneLine(r.stderr, new RegExp(`port 127\\.0\\.0\\.1:${port} is in use.*--port or PSAHUB_PORT`));
        // The embedded database it opened is closed again and its lock released.
        expect(await readdir(own)).not.toContain('psa-hub.lock');
      } finally {
        await rm(own, { recursive: true, force: true });
      }
    }, 120_000);

    it('stops simulate the same way', async () => {
      const r = await runToEnd(['simulate', 'connectwise', '--port', String(port)], env);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, new RegExp(`port 127\\.0\\.0\\.1:${port} is in use`));
    }, 90_000);
  });
});
