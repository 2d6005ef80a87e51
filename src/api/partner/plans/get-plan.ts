import { getPlan } from '../../../store/plans.ts';
import { notFound, scopePath } from '../../authorization.ts';
import { formatPlan, PlanReply } from '../../formatters/plan.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';

export const getPlanRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/plans/:id',
  permission: 'member',
  params: { id: 'plan' },
  schema: {
    summary: 'One plan',
    tags: ['plans'],
    params: IdParams,
    response: { 200: PlanReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const plan = await getPlan(deps.db, req.params.id, scopePath(actor));
    if (!plan) throw notFound('plan', req.params.id);
    return formatPlan(plan);
  },
});
