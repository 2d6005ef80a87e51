// The one place that reads the environment: every variable is parsed and checked here, once, and
// the result is frozen. A bad value stops the start with a message naming the variable.
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  port: number;
  host: string;
  /** Where the embedded database and the generated secret key live. */
  dataDir: string;
  /** A PostgreSQL server; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** 32-byte AES-256-GCM key from PSAHUB_SECRET_KEY; undefined means "generate into dataDir". */
  secretKey: Buffer | undefined;
  /** Keys from PSAHUB_SECRET_KEY_PREVIOUS: they only open values sealed before a key rotation. */
  previousSecretKeys: readonly Buffer[];
  /** Seconds /readyz answers 503 after SIGTERM before the hub stops taking work (load balancer drain). */
  drainSeconds: number;
  /** A port a worker process serves /healthz, /readyz and /metrics on; undefined: none. */
  metricsPort: number | undefined;
  logLevel: LogLevel;
  /** The URL users reach the hub at; cookies get `Secure` when it is https. */
  publicUrl: string;
  /** Let connections point at loopback/private PSA hosts (tests and the demo only). */
  allowPrivatePsaHosts: boolean;
}

/** One entry per variable: its default (as text) and what it holds, for errors and the README. */
export const configVariables = {
  PSAHUB_PORT: { default: '8080', help: 'TCP port of the HTTP server (0 picks a free one)' },
  PSAHUB_HOST: { default: '127.0.0.1', help: 'interface to listen on; 0.0.0.0 in a container' },
  PSAHUB_DATA_DIR: { default: './data', help: 'embedded database and generated secret key' },
  DATABASE_URL: { default: '', help: 'postgres://… to use a PostgreSQL server instead of the embedded one' },
  PSAHUB_SECRET_KEY: {
    default: '',
    help: '32-byte key (64 hex chars or base64) encrypting secrets at rest; required with DATABASE_URL',
  },
  PSAHUB_SECRET_KEY_PREVIOUS: {
    default: '',
    help: 'comma-separated older keys that only open secrets sealed before a rotation (rotate-secret-key)',
  },
  PSAHUB_DRAIN_SECONDS: { default: '5', help: 'seconds /readyz answers 503 after SIGTERM before stopping' },
  PSAHUB_METRICS_PORT: { default: '', help: 'port a --role worker process serves /metrics and /readyz on' },
  PSAHUB_LOG_LEVEL: { default: 'info', help: logLevels.join(' | ') },
  PSAHUB_PUBLIC_URL: { default: 'http://localhost:<port>', help: 'URL users reach the hub at' },
  PSAHUB_ALLOW_PRIVATE_PSA_HOSTS: { default: '0', help: '1 lets PSA URLs point at private addresses' },
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const problems: string[] = [];
  const read = (name: keyof typeof configVariables): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const fail = (name: string, why: string): undefined => {
    problems.push(`${name}: ${why}`);
    return undefined;
  };

  const portText = read('PSAHUB_PORT') ?? '8080';
  const port = portNumber(portText);
  if (port === undefined) fail('PSAHUB_PORT', `"${portText}" is not a port number (0-65535)`);

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    fail('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }

  const keyText = read('PSAHUB_SECRET_KEY');
  const secretKey = keyText === undefined ? undefined : parseKey(keyText);
  if (keyText !== undefined && secretKey === undefined) {
    fail('PSAHUB_SECRET_KEY', 'must be 32 bytes: 64 hex characters or 44 base64 characters');
  }
  if (databaseUrl !== undefined && keyText === undefined && overrides.secretKey === undefined) {
    fail('PSAHUB_SECRET_KEY', 'is required with DATABASE_URL (generate one: openssl rand -hex 32)');
  }

  const previousText = read('PSAHUB_SECRET_KEY_PREVIOUS');
  const previousSecretKeys: Buffer[] = [];
  for (const [i, text] of (previousText?.split(',') ?? []).entries()) {
    const key = parseKey(text.trim());
    if (key) previousSecretKeys.push(key);
    else fail('PSAHUB_SECRET_KEY_PREVIOUS', `key ${i + 1} must be 32 bytes: 64 hex or 44 base64 characters`);
  }

  const drainText = read('PSAHUB_DRAIN_SECONDS') ?? '5';
  const drainSeconds = /^\d+(\.\d+)?$/.test(drainText) ? Number(drainText) : undefined;
  if (drainSeconds === undefined) fail('PSAHUB_DRAIN_SECONDS', `"${drainText}" is not a number of seconds`);

  const metricsText = read('PSAHUB_METRICS_PORT');
  const metricsPort = metricsText === undefined ? undefined : portNumber(metricsText);
  if (metricsText !== undefined && metricsPort === undefined) {
    fail('PSAHUB_METRICS_PORT', `"${metricsText}" is not a port number (0-65535)`);
  }

  const logLevel = (read('PSAHUB_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) fail('PSAHUB_LOG_LEVEL', `must be one of ${logLevels.join(', ')}`);

  const publicUrl = read('PSAHUB_PUBLIC_URL') ?? `http://localhost:${port ?? 8080}`;
  if (!isHttpUrl(publicUrl)) fail('PSAHUB_PUBLIC_URL', `"${publicUrl}" is not an http(s) URL`);

  const allowText = read('PSAHUB_ALLOW_PRIVATE_PSA_HOSTS') ?? '0';
  if (allowText !== '0' && allowText !== '1') fail('PSAHUB_ALLOW_PRIVATE_PSA_HOSTS', 'must be 0 or 1');

  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return Object.freeze({
    port: port ?? 8080,
    host: read('PSAHUB_HOST') ?? '127.0.0.1',
    dataDir: path.resolve(read('PSAHUB_DATA_DIR') ?? './data'),
    databaseUrl,
    secretKey,
    previousSecretKeys: Object.freeze(previousSecretKeys),
    drainSeconds: drainSeconds ?? 5,
    metricsPort,
    logLevel,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    allowPrivatePsaHosts: allowText === '1',
    ...overrides,
  });
}

function portNumber(text: string): number | undefined {
  return /^\d+$/.test(text) && Number(text) <= 65535 ? Number(text) : undefined;
}

export function parseKey(text: string): Buffer | undefined {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
