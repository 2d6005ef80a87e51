// Who is calling: resolved once per request by the authentication hook, read by authorization.
import type { UserRole } from '../core/partners.ts';

/** Signed in by a session cookie (with the CSRF token its writes must echo) or a bearer token. */
type Via = { via: 'session'; csrfToken: string } | { via: 'token' };

export type Actor =
  | ({ kind: 'operator'; userId: string } & Via)
  | ({ kind: 'user'; userId: string; partnerId: string; partnerPath: string; role: UserRole } & Via)
  | { kind: 'source'; keyId: string };

export type UserActor = Extract<Actor, { kind: 'user' | 'operator' }>;
