// The session cookie: httpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
// POSTs), Secure whenever the hub is served over https.
import type { CookieSerializeOptions } from '@fastify/cookie';

export const SESSION_COOKIE = 'psahub_session';
export const SESSION_TTL_MS = 12 * 3600_000;
export const CSRF_HEADER = 'x-csrf-token';

export function sessionCookieOptions(publicUrl: string): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  };
}
