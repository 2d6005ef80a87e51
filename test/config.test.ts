import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has defaults for the embedded setup', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, logLevel: 'info' });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    [{ PSAHUB_PORT: 'eighty' }, 'PSAHUB_PORT'],
    [{ PSAHUB_PORT: '70000' }, 'PSAHUB_PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost/x' }, 'PSAHUB_SECRET_KEY: is required'],
    [{ PSAHUB_SECRET_KEY: 'short' }, 'PSAHUB_SECRET_KEY'],
    [{ PSAHUB_LOG_LEVEL: 'loud' }, 'PSAHUB_LOG_LEVEL'],
    [{ PSAHUB_PUBLIC_URL: 'ftp://x' }, 'PSAHUB_PUBLIC_URL'],
    [{ PSAHUB_ALLOW_PRIVATE_PSA_HOSTS: 'yes' }, 'PSAHUB_ALLOW_PRIVATE_PSA_HOSTS'],
    [{ PSAHUB_SECRET_KEY_PREVIOUS: `${'ab'.repeat(32)},short` }, 'PSAHUB_SECRET_KEY_PREVIOUS: key 2'],
    [{ PSAHUB_DRAIN_SECONDS: 'soon' }, 'PSAHUB_DRAIN_SECONDS'],
    [{ PSAHUB_METRICS_PORT: '99999' }, 'PSAHUB_METRICS_PORT'],
  ])('names the bad variable: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PSAHUB_PORT: 'x', PSAHUB_LOG_LEVEL: 'y' })).toThrow(
      /PSAHUB_PORT[\s\S]*PSAHUB_LOG_LEVEL/,
    );
  });

  it('accepts a hex or base64 key', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ PSAHUB_SECRET_KEY: hex }).secretKey?.toString('hex')).toBe(hex);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ PSAHUB_SECRET_KEY: b64 }).secretKey?.length).toBe(32);
  });

  it('reads previous keys, the drain period and a worker metrics port', () => {
    const c = loadConfig({
      PSAHUB_SECRET_KEY_PREVIOUS: `${'ab'.repeat(32)}, ${Buffer.alloc(32, 1).toString('base64')}`,
      PSAHUB_DRAIN_SECONDS: '0',
      PSAHUB_METRICS_PORT: '9464',
    });
    expect(c.previousSecretKeys.map((k) => k.length)).toEqual([32, 32]);
    expect(c).toMatchObject({ drainSeconds: 0, metricsPort: 9464 });
    expect(loadConfig({})).toMatchObject({ previousSecretKeys: [], drainSeconds: 5, metricsPort: undefined });
  });
});
