import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import {
  clearAttempts,
  refundAttempt,
  takeAttempt,
  type ThrottlePolicy,
} from '../../../store/login-failures.ts';
import { createSession } from '../../../store/sessions.ts';
import { getUserWithSecret, recordSignIn } from '../../../store/users.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, sessionCookieOptions } from '../../auth/session-cookie.ts';
import { formatUser, UserReply } from '../../formatters/user.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies } from '../../schemas.ts';

const WINDOW = 15 * 60_000;
// Tried in this order; the first that holds an attempt back refuses it, uncounted by the rest.
// One e-mail from one address: 5 tries, then a quarter of an hour — a stranger elsewhere is not held.
const perPair: ThrottlePolicy = { free: 5, windowMs: WINDOW, holdMs: WINDOW, growth: 1, maxHoldMs: WINDOW };
// One e-mail from anywhere: growing waits (1 s, 2 s, … at most a minute), never a lock-out a stranger
// can impose, but slow enough that guessing from many addresses gets nowhere.
const perEmail: ThrottlePolicy = { free: 10, windowMs: WINDOW, holdMs: 1000, growth: 2, maxHoldMs: 60_000 };
// One address (a partner's office behind one NAT): many users, so a higher limit.
const perAddress: ThrottlePolicy = {
  free: 100,
  windowMs: WINDOW,
  holdMs: WINDOW,
  growth: 1,
  maxHoldMs: WINDOW,
};

export const login = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/login',
  errors: ['invalid_login', 'too_many_attempts'],
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
    const email = req.body.email.toLowerCase();
    const [pair, byEmail, byAddress] = [`pair:${email}|${req.ip}`, `email:${email}`, `ip:${req.ip}`];
    for (const [key, policy] of [
      [pair, perPair],
      [byEmail, perEmail],
      [byAddress, perAddress],
    ] as const) {
      const attempt = await takeAttempt(deps.db, key, policy);
      if (!attempt.allowed)
        // The error handler adds how long to wait, from retryAfter.
        throw new AppError('too_many_attempts', 'Too many sign-in attempts', {
          retryAfter: attempt.retryAfterSeconds,
        });
    }
    const user = await getUserWithSecret(deps.db, { email: req.body.email });
    const ok = await verifyPassword(user?.passwordHash ?? null, req.body.password);
    if (!user || !ok) throw new AppError('invalid_login');
    await clearAttempts(deps.db, pair);
    await clearAttempts(deps.db, byEmail);
    await refundAttempt(deps.db, byAddress);
    await recordSignIn(deps.db, user.id);
    const { token, session } = await createSession(deps.db, user.id, SESSION_TTL_MS);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config.publicUrl));
    return { user: formatUser(user), csrfToken: session.csrfToken };
  },
});
