// Chooses the database from the configuration: a PostgreSQL server when DATABASE_URL is set,
// otherwise the embedded PGlite persisted in the data directory, claimed by this process alone.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { claimDataDir } from './data-dir-owner.ts';
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

/**
 * `command` names this process in the embedded database's lock (src/store/data-dir-owner.ts), so
 * a second process is told who holds it; the lock goes when the database closes.
 */
export async function openDatabase(config: StorageConfig, command = 'psa-hub'): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  await mkdir(config.dataDir, { recursive: true });
  const claim = await claimDataDir(config.dataDir, command);
  try {
    const db = await openPglite(path.join(config.dataDir, 'pgdata'));
    let closing: Promise<void> | undefined;
    const close = () => (closing ??= db.close().finally(() => claim.release()));
    return { ...db, close, noteUrl: (url: string) => claim.noteUrl(url) };
  } catch (err) {
    await claim.release();
    throw err;
  }
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
