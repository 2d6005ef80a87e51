import { Type } from 'typebox';
import { getAlertView } from '../../../store/alert-views.ts';
import { getDelivery } from '../../../store/deliveries.ts';
import { AppError } from '../../../core/errors.ts';
import { notFound, scopePath } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { retryAlert } from '../alerts/retry-one.ts';

export const retryDeliveryRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/deliveries/:id/retry',
  permission: 'manage_integrations',
  audit: 'alert.retried',
  params: { id: 'delivery' },
  schema: {
    summary:
      'Retry the alert this delivery was made for: its remaining ticket writes are queued again (409 when none remain)',
    tags: ['event log'],
    params: IdParams,
    response: { 202: Type.Object({ queued: Type.Integer() }, Closed), ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const scope = scopePath(actor);
    const delivery = await getDelivery(deps.db, req.params.id, scope);
    if (!delivery) throw notFound('delivery', req.params.id);
    const alert = delivery.alertId ? await getAlertView(deps.db, delivery.alertId, scope) : undefined;
    if (!alert)
      throw new AppError('conflict', `Delivery ${delivery.id} belongs to no alert; nothing to retry`);
    return reply.status(202).send(await retryAlert(deps, audit, alert, { deliveryId: delivery.id }));
  },
});
