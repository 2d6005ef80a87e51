import { getPartner } from '../../../store/partners.ts';
import { canSeePartnerPath, notFound, scopePath } from '../../authorization.ts';
import { formatPartner, PartnerReply } from '../../formatters/partner.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';

export const getPartnerRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/partners/:id',
  permission: 'member',
  params: { id: 'partner' },
  schema: {
    summary: 'One partner',
    tags: ['partners'],
    params: IdParams,
    response: { 200: PartnerReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const partner = await getPartner(deps.db, req.params.id);
    if (!partner || !canSeePartnerPath(actor, partner.path)) throw notFound('partner', req.params.id);
    return formatPartner(partner, scopePath(actor));
  },
});
