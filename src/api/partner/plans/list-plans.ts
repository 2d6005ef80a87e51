import { Type } from 'typebox';
import { listPlans } from '../../../store/plans.ts';
import { scopePath } from '../../authorization.ts';
import { formatPlan, PlanReply } from '../../formatters/plan.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, PageOf, PageQuery, Uuid } from '../../schemas.ts';

export const listPlansRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/plans',
  permission: 'member',
  schema: {
    summary: 'Plans assigned to your partner or the partners below it (operators: all)',
    tags: ['plans'],
    querystring: Type.Object({ ...PageQuery, partnerId: Type.Optional(Uuid) }, Closed),
    response: { 200: PageOf(PlanReply), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const page = await listPlans(deps.db, {
      ...req.query,
      limit: req.query.limit ?? 50,
      withinPath: scopePath(actor),
    });
    return { items: page.items.map(formatPlan), nextCursor: page.nextCursor };
  },
});
