// Secrets at rest (PSA credentials, tokens) are sealed with AES-256-GCM. Each sealed value names the
// key that sealed it, so a new key can be introduced while old values still open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** `current` seals; `previous` keys only open values sealed before a rotation. */
export function createSecretBox(current: Buffer, previous: readonly Buffer[] = []): SecretBox {
  const keys = new Map([current, ...previous].map((k) => [keyIdOf(k), k]));
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return [VERSION, keyId, ...parts].join(':');
    },
    open(sealed) {
      const [version, id, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !id || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('not a sealed secret');
      }
      const key = keys.get(id);
      if (!key) throw new Error(`secret was sealed with key ${id}, which is not configured`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
