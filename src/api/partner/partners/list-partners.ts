import { Type } from 'typebox';
import { listPartners } from '../../../store/partners.ts';
import { scopePath } from '../../authorization.ts';
import { formatPartner, PartnerReply } from '../../formatters/partner.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, PageOf, PageQuery } from '../../schemas.ts';

export const listPartnersRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/partners',
  permission: 'member',
  schema: {
    summary: 'Your partner and every partner below it (operators: all), by name',
    tags: ['partners'],
    querystring: Type.Object(PageQuery, Closed),
    response: { 200: PageOf(PartnerReply), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const scope = scopePath(actor);
    const page = await listPartners(deps.db, {
      ...req.query,
      limit: req.query.limit ?? 50,
      withinPath: scope,
    });
    return { items: page.items.map((p) => formatPartner(p, scope)), nextCursor: page.nextCursor };
  },
});
