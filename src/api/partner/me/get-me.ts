import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { getPartner } from '../../../store/partners.ts';
import { getUser } from '../../../store/users.ts';
import { scopePath, userActor } from '../../authorization.ts';
import { formatPartner, PartnerReply } from '../../formatters/partner.ts';
import { formatUser, UserReply } from '../../formatters/user.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies } from '../../schemas.ts';

export const getMe = defineRoute({
  method: 'GET',
  url: '/api/v1/me',
  permission: 'member',
  allowBeforePasswordChange: true,
  schema: {
    summary: 'The signed-in user, its partner, and the CSRF token of a cookie session',
    tags: ['auth'],
    response: {
      200: Type.Object(
        {
          user: UserReply,
          partner: Type.Union([PartnerReply, Type.Null()]),
          csrfToken: Type.Union([Type.String(), Type.Null()]),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const me = userActor(actor);
    const user = await getUser(deps.db, me.userId);
    if (!user) throw new AppError('unauthenticated');
    const partner = user.partnerId ? await getPartner(deps.db, user.partnerId) : undefined;
    return {
      user: formatUser(user),
      partner: partner ? formatPartner(partner, scopePath(actor)) : null,
      csrfToken: me.via === 'session' ? me.csrfToken : null,
    };
  },
});
