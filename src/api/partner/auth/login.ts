import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import {
  clearFailures,
  lockedFor,
  recordFailure,
  type ThrottlePolicy,
} from '../../../store/login-failures.ts';
import { createSession } from '../../../store/sessions.ts';
import { getUserWithSecret, recordSignIn } from '../../../store/users.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, sessionCookieOptions } from '../../auth/session-cookie.ts';
import { formatUser, UserReply } from '../../formatters/user.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies } from '../../schemas.ts';

const perEmail: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const perAddress: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const login = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/login',
  permission: 'public',
  audit: { none: 'sign-ins are not changes; failures are counted for throttling' },
  schema: {
    summary: 'Sign in; sets the session cookie and returns the CSRF token for writes',
    tags: ['auth'],
    body: Type.Object(
      {
        email: Type.String({ minLength: 1, maxLength: 320 }),
        password: Type.String({ minLength: 1, maxLength: 1000 }),
      },
      { ...Closed, examples: [{ email: 'someone@example.com', password: 'correct horse battery' }] },
    ),
    response: { 200: Type.Object({ user: UserReply, csrfToken: Type.String() }, Closed), ...errorReplies },
  },
  async handler(req, reply, { deps }) {
    const keys = [`email:${req.body.email.toLowerCase()}`, `ip:${req.ip}`];
    const wait = Math.max(...(await Promise.all(keys.map((k) => lockedFor(deps.db, k)))));
    if (wait > 0) throw new AppError('too_many_attempts', undefined, { retryAfter: wait });
    const user = await getUserWithSecret(deps.db, { email: req.body.email });
    const ok = await verifyPassword(user?.passwordHash ?? null, req.body.password);
    if (!user || !ok) {
      await recordFailure(deps.db, keys[0]!, perEmail);
      await recordFailure(deps.db, keys[1]!, perAddress);
      throw new AppError('invalid_login');
    }
    await clearFailures(deps.db, keys[0]!);
    await recordSignIn(deps.db, user.id);
    const { token, session } = await createSession(deps.db, user.id, SESSION_TTL_MS);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config.publicUrl));
    return { user: formatUser(user), csrfToken: session.csrfToken };
  },
});
