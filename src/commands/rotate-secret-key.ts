// `psa-hub rotate-secret-key`: re-seal every stored secret under PSAHUB_SECRET_KEY, opening the old
// values with PSAHUB_SECRET_KEY_PREVIOUS. Safe to stop at any point and to run again (docs/operations/).
import { ConfigError, type Config } from '../config.ts';
import type { Database } from '../store/db.ts';
import { openSecretBox } from '../store/open-database.ts';
import { keyIdOf } from '../store/secret-box.ts';
import { resealSecrets, sealedByKey } from '../store/secret-rotation.ts';

export async function rotateSecretKey(
  db: Database,
  config: Readonly<Config>,
  opts: { limit?: string },
): Promise<void> {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new ConfigError(`--limit "${opts.limit}" is not a positive whole number`);
  }
  const box = await openSecretBox(config);
  const before = await sealedByKey(db);
  const readable = new Set([box.keyId, ...config.previousSecretKeys.map(keyIdOf)]);
  const unknown = [...before.keys()].filter((id) => !readable.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `secrets are sealed with key ${unknown.join(', ')}, which is not configured: ` +
        'give the old key in PSAHUB_SECRET_KEY_PREVIOUS and the new one in PSAHUB_SECRET_KEY',
    );
  }
  const { resealed, remaining } = await resealSecrets(db, box, limit === undefined ? {} : { limit });
  console.log(
    remaining === 0
      ? `psa-hub: re-sealed ${resealed} secrets; every secret is sealed with key ${box.keyId}, ` +
          'PSAHUB_SECRET_KEY_PREVIOUS can be removed'
      : `psa-hub: re-sealed ${resealed} secrets; ${remaining} are still sealed with an older key (run again)`,
  );
}
