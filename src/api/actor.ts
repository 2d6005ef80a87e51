// Who is calling: resolved once per request by the authentication hook, read by authorization.
import type { UserRole } from '../core/partners.ts';

export type Actor =
  | { kind: 'operator'; userId: string; via: 'session' | 'token' }
  | {
      kind: 'user';
      userId: string;
      partnerId: string;
      partnerPath: string;
      role: UserRole;
      via: 'session' | 'token';
    }
  | { kind: 'source'; keyId: string };

export type UserActor = Extract<Actor, { kind: 'user' | 'operator' }>;
