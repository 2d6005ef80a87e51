import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/store/secret-box.ts';

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('seals to text that does not contain the secret and opens it again', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('private-key-123');
    expect(sealed).not.toContain('private-key-123');
    expect(sealed.startsWith(`v1:${box.keyId}:`)).toBe(true);
    expect(box.seal('private-key-123')).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed)).toBe('private-key-123');
  });

  it('opens old values after a key rotation and seals new ones with the new key', () => {
    const old = createSecretBox(key);
    const sealed = old.seal('s');
    const rotated = createSecretBox(randomBytes(32), [key]);
    expect(rotated.open(sealed)).toBe('s');
    expect(rotated.seal('s').split(':')[1]).toBe(rotated.keyId);
  });

  it('refuses a tampered value and an unknown key', () => {
    const box = createSecretBox(key);
    const parts = box.seal('secret').split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(box.seal('x'))).toThrow(/not configured/);
  });
});
