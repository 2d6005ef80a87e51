// Resolves the caller of a request from its bearer token or session cookie. It only says who is
// calling; what they may do is the authorization module's decision.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { bearerKindOf, useAccessToken, useSourceKey } from '../../store/bearer-tokens.ts';
import { useSession } from '../../store/sessions.ts';
import { getUserWithSecret } from '../../store/users.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../actor.ts';
import { CSRF_HEADER, SESSION_COOKIE, SESSION_TTL_MS } from './session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Authenticated {
  actor: Actor | undefined;
  mustChangePassword: boolean;
}

export async function authenticate(db: Db, req: FastifyRequest): Promise<Authenticated> {
  const header = req.headers.authorization;
  if (header !== undefined) return { actor: await fromBearer(db, header), mustChangePassword: false };
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return { actor: undefined, mustChangePassword: false };
  const session = await useSession(db, cookie, SESSION_TTL_MS);
  if (!session) return { actor: undefined, mustChangePassword: false };
  if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
    throw new AppError(
      'csrf_failed',
      `Send the session's CSRF token (from /api/v1/me) in the ${CSRF_HEADER} header`,
    );
  }
  return userActor(db, session.userId, { via: 'session', csrfToken: session.csrfToken });
}

async function fromBearer(db: Db, header: string): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
  const token = match[1];
  const kind = bearerKindOf(token);
  if (kind === 'source') {
    const keyId = await useSourceKey(db, token);
    if (!keyId) throw new AppError('unauthenticated', 'The source key is unknown or revoked');
    return { kind: 'source', keyId };
  }
  if (kind === 'pat') {
    const userId = await useAccessToken(db, token);
    const resolved = userId ? (await userActor(db, userId, { via: 'token' })).actor : undefined;
    if (!resolved) throw new AppError('unauthenticated', 'The access token is unknown, expired or revoked');
    return resolved;
  }
  throw new AppError('unauthenticated', 'The bearer token is not a psa-hub token (psah_pat_… or psah_src_…)');
}

async function userActor(
  db: Db,
  userId: string,
  via: { via: 'session'; csrfToken: string } | { via: 'token' },
): Promise<Authenticated> {
  const user = await getUserWithSecret(db, { id: userId });
  if (!user) return { actor: undefined, mustChangePassword: false };
  const actor: Actor =
    user.role === 'operator'
      ? { kind: 'operator', userId: user.id, ...via }
      : {
          kind: 'user',
          userId: user.id,
          partnerId: user.partnerId!,
          partnerPath: user.partnerPath!,
          role: user.role,
          ...via,
        };
  return { actor, mustChangePassword: user.mustChangePassword };
}
