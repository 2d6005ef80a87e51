// Chooses the database from the configuration: a PostgreSQL server when DATABASE_URL is set,
// otherwise the embedded PGlite persisted in the data directory.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { createSecretBox, type SecretBox } from './secret-box.ts';

export interface StorageConfig {
  dataDir: string;
  databaseUrl: string | undefined;
  secretKey: Buffer | undefined;
  /** Older keys that still open values sealed before a rotation. */
  previousSecretKeys?: readonly Buffer[];
}

export async function openDatabase(config: StorageConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  await mkdir(config.dataDir, { recursive: true });
  return openPglite(path.join(config.dataDir, 'pgdata'));
}

/**
 * The key for secrets at rest: the configured one, or for the embedded default one generated into
 * the data directory on first start (readable by this user only) and reused afterwards.
 */
export async function loadSecretKey(config: StorageConfig): Promise<Buffer> {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  try {
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte hex key`);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { randomBytes } = await import('node:crypto');
  const key = randomBytes(32);
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** The box sealing with the current key and opening with it and every previous one. */
export async function openSecretBox(config: StorageConfig): Promise<SecretBox> {
  return createSecretBox(await loadSecretKey(config), config.previousSecretKeys ?? []);
}
