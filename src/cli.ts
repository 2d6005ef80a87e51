// The `psa-hub` command: serve, migrate, simulate, and the operator's first steps.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { hashPassword, oneTimePassword } from './api/auth/passwords.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startHub, roles, type Role } from './server.ts';
import { createSourceKey } from './store/bearer-tokens.ts';
import { DataDirInUseError } from './store/data-dir-owner.ts';
import { migrate } from './store/migrate.ts';
import { openDatabase } from './store/open-database.ts';
import { createUser, emailTaken } from './store/users.ts';

const usage = `usage: psa-hub <command> [options]

  serve [--role all|api|worker] [--port N]   run the hub (default role: all)
  migrate                                    apply database migrations and exit
  simulate <connectwise|autotask|halopsa|all> [--port N] [--host H] [--tls] [--seed FILE]
                                             run PSA simulators; prints one JSON line each
  demo [--port N] [--events]                 a hub on a throw-away database, the three simulators and
                                             a partner connected to each; prints one JSON line
  create-operator --email E [--name N]       add an operator; prints a one-time password
  create-source-key --name N                 add a Source API key; prints it once
  rotate-secret-key [--limit N]              re-seal every stored secret under PSAHUB_SECRET_KEY
                                             (old key in PSAHUB_SECRET_KEY_PREVIOUS); rerun to finish
  --version, -v                              print the version

Configuration comes from the environment: see README.md.`;

const commands = [
  'serve',
  'migrate',
  'simulate',
  'demo',
  'create-operator',
  'create-source-key',
  'rotate-secret-key',
];

/** A mistake on the command line: one line on stderr, exit code 2, no stack trace. */
class UsageError extends Error {
  override name = 'UsageError';
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.version) return void console.log(await packageVersion());
  if (values.help || !command) return void console.log(usage);
  if (!commands.includes(command))
    throw new UsageError(`unknown command "${command}" (one of ${commands.join(', ')}; see psa-hub --help)`);
  const extra = rest.slice(command === 'simulate' ? 1 : 0);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (see psa-hub --help)`);
  if (command === 'simulate') return simulate(rest[0], values);
  if (command === 'demo') return demo(values);

  const config = loadConfig(process.env, values.port === undefined ? {} : { port: portOf(values.port) });
  if (command === 'serve') {
    const role = (values.role ?? 'all') as Role;
    if (!roles.includes(role)) throw new ConfigError(`--role must be one of ${roles.join(', ')}`);
    const hub = await startHub(config, { role, listen: true }).catch((err: unknown) => {
      throw listenError(err, config) ?? err;
    });
    // Handlers first, then the lines that tell a supervisor (or a test) the hub is up.
    // Drain first (readyz 503, work goes on), then stop: running jobs finish, no accepted event is lost.
    const stop = (signal: NodeJS.Signals) => {
      hub.log.info({ event: 'hub_signal', signal }, `psa-hub: ${signal}, stopping`);
      void hub.drain().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // For the person starting it, on stderr: stdout carries only the JSON log. The password is in
    // no log line, only here, once.
    if (hub.bootstrap) {
      console.error(
        `psa-hub: first start — operator ${hub.bootstrap.email}, one-time password ${hub.bootstrap.password}\n` +
          '         (shown only now; it must be changed at first sign-in)',
      );
    }
    console.error(
      `psa-hub: ${role} role ${hub.url ? `listening on ${hub.url}` : 'working'} (${hub.db.kind})`,
    );
    return;
  }
  const db = await openDatabase(config, `psa-hub ${command}`).catch((err: unknown) => {
    if (err instanceof DataDirInUseError && command === 'create-source-key') {
      err.message +=
        '; while it runs, create the key in its portal (Source keys) or with POST /api/v1/source-keys';
    }
    throw err;
  });
  try {
    await migrate(db);
    if (command === 'migrate') {
      const { startQueue } = await import('./jobs/queue.ts');
      await (await startQueue(db, { supervise: false })).boss.stop({ graceful: false });
      console.log('psa-hub: database is up to date');
    } else if (command === 'create-operator') {
      if (!values.email) throw new ConfigError('create-operator needs --email');
      if (await emailTaken(db, values.email)) throw new ConfigError(`${values.email} already has an account`);
      const password = oneTimePassword();
      await createUser(db, {
        email: values.email,
        name: values.name ?? values.email,
        partnerId: null,
        role: 'operator',
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      });
      console.log(`operator ${values.email}, one-time password ${password} (change it at first sign-in)`);
    } else if (command === 'create-source-key') {
      if (!values.name) throw new ConfigError('create-source-key needs --name');
      const { token } = await createSourceKey(db, values.name, null);
      console.log(token);
    } else if (command === 'rotate-secret-key') {
      const { rotateSecretKey } = await import('./commands/rotate-secret-key.ts');
      await rotateSecretKey(db, config, values);
    }
  } finally {
    await db.close();
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        tls: { type: 'boolean' },
        seed: { type: 'string' },
        events: { type: 'boolean' },
        email: { type: 'string' },
        name: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    // node:util's own wording ("Unknown option '--x'. To specify a positional argument…"), first sentence.
    const first = (err as Error).message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw new UsageError(`${first} (see psa-hub --help)`);
  }
}

/** A port that is taken or not ours to use, in one line naming the setting; undefined for others. */
function listenError(err: unknown, config: { host: string; port: number }): UsageError | undefined {
  const code = (err as NodeJS.ErrnoException).code;
  const where = `${config.host}:${config.port}`;
  if (code === 'EADDRINUSE')
    return new UsageError(
      `port ${where} is in use by another process: pick another with --port or PSAHUB_PORT`,
    );
  if (code === 'EACCES')
    return new UsageError(
      `not allowed to listen on ${where}: pick a port above 1023 with --port or PSAHUB_PORT`,
    );
  if (code === 'EADDRNOTAVAIL')
    return new UsageError(`${config.host} is not an address of this machine: check PSAHUB_HOST`);
  return undefined;
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function simulate(
  which: string | undefined,
  values: { port?: string; host?: string; tls?: boolean; seed?: string },
) {
  const { simulatorKinds, startSimulator } = await import('./simulators/index.ts');
  const kinds = which === 'all' ? simulatorKinds : simulatorKinds.filter((k) => k === which);
  if (kinds.length === 0) throw new ConfigError(`simulate needs one of ${simulatorKinds.join(', ')}, all`);
  const seed = values.seed ? JSON.parse(await readFile(values.seed, 'utf8')) : undefined;
  const basePort = values.port === undefined ? 0 : portOf(values.port);
  const running: Awaited<ReturnType<typeof startSimulator>>[] = [];
  // Handlers before the first line is printed: a caller may stop us as soon as it reads one.
  const stop = () => void Promise.all(running.map((s) => s.stop())).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (const [i, kind] of kinds.entries()) {
    const port = basePort === 0 ? 0 : basePort + i;
    const sim = await startSimulator(kind, {
      port,
      ...(values.host ? { host: values.host } : {}),
      tls: values.tls ?? false,
      seed,
    }).catch((err: unknown) => {
      throw listenError(err, { host: values.host ?? '127.0.0.1', port }) ?? err;
    });
    running.push(sim);
    console.log(JSON.stringify({ kind: sim.kind, url: sim.url, credentials: sim.credentials }));
  }
}

async function demo(values: { port?: string; host?: string; events?: boolean }) {
  const { startDemo } = await import('./demo/demo.ts');
  // Only the log level is taken from the environment: the demo brings its own database and key.
  const { logLevel } = loadConfig({ PSAHUB_LOG_LEVEL: process.env.PSAHUB_LOG_LEVEL ?? 'warn' });
  const starting = startDemo({
    port: values.port === undefined ? 8080 : portOf(values.port),
    ...(values.host ? { host: values.host } : {}),
    events: values.events ?? false,
    logLevel,
  });
  // Handlers before the line is printed: a caller may stop us as soon as it reads it. A signal while
  // the demo is still starting stops it once it has started.
  let stopping = false;
  const stop = () => {
    stopping = true;
    void starting
      .then((d) => d.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const running = await starting.catch((err: unknown) => {
    throw listenError(err, { host: values.host ?? '127.0.0.1', port: portOf(values.port ?? '8080') }) ?? err;
  });
  if (stopping) return;
  console.log(JSON.stringify(running.summary));
  // For a person at the terminal; stdout keeps the one machine-readable line.
  const { portalUrl, login } = running.summary;
  console.error(
    `psa-hub demo: portal at ${portalUrl}, sign in as ${login.user} with password ${login.password}`,
  );
}

function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`--port "${text}" is not a port`);
  return port;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof UsageError || err instanceof DataDirInUseError) {
    console.error(`psa-hub: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
