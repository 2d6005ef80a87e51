import { deleteSession } from '../../../store/sessions.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../auth/session-cookie.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies } from '../../schemas.ts';

export const logout = defineRoute({
  method: 'POST',
  url: '/api/v1/auth/logout',
  permission: 'member',
  allowBeforePasswordChange: true,
  audit: { none: 'ends the caller’s own session only' },
  schema: { summary: 'Sign out: ends this session', tags: ['auth'], response: { 204: {}, ...errorReplies } },
  async handler(req, reply, { deps }) {
    const token = req.cookies.psahub_session;
    if (token) await deleteSession(deps.db, token);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config.publicUrl));
    return reply.status(204).send();
  },
});
