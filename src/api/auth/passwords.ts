// Password hashing with argon2id (@node-rs/argon2, whose default algorithm is argon2id with the
// OWASP-recommended 19 MiB / 2 passes), and the password rules.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the e-mail is unknown keeps the answer time the same either way, so
// timing does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}

export function checkPasswordRules(password: string, path: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid_request', `${path}: must be at least ${MIN_PASSWORD_LENGTH} characters`, {
      details: [{ path, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }],
    });
  }
}

/** A random password for a first sign-in; the user must replace it. */
export function oneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}
