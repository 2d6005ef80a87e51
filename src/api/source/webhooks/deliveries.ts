// Source API: what the hub sent to a webhook subscription and what the receiver answered, and
// "send it again now".
import { Type } from 'typebox';
import { getSubscription, listDeliveries, retryDelivery } from '../../../store/webhooks.ts';
import { notFound } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, PageOf, PageQuery, Uuid } from '../../schemas.ts';
import { DeliveryReply, DeliveryStatus, formatDelivery } from './webhook-schemas.ts';

const tags = ['source: webhooks'];

export const listWebhookDeliveriesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/source/webhooks/:id/deliveries',
  permission: 'source',
  params: { id: 'webhook' },
  schema: {
    summary: 'The deliveries of a subscription, newest first, each with the receiver’s last answer',
    tags,
    params: IdParams,
    querystring: Type.Object(
      { limit: PageQuery.limit, cursor: PageQuery.cursor, status: Type.Optional(DeliveryStatus) },
      Closed,
    ),
    response: { 200: PageOf(DeliveryReply), ...errorReplies },
  },
  async handler(req, _reply, { deps }) {
    if (!(await getSubscription(deps.db, req.params.id))) throw notFound('webhook', req.params.id);
    const page = await listDeliveries(deps.db, req.params.id, { ...req.query, limit: req.query.limit ?? 50 });
    return { items: page.items.map(formatDelivery), nextCursor: page.nextCursor };
  },
});

export const retryWebhookDeliveryRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/source/webhooks/:id/deliveries/:deliveryId/retry',
  permission: 'source',
  audit: 'webhook.delivery_retried',
  params: { id: 'webhook', deliveryId: 'webhookDelivery' },
  schema: {
    summary: 'Send a delivery again now (a dead one gets one more attempt)',
    tags,
    params: Type.Object({ id: Uuid, deliveryId: Uuid }, Closed),
    response: { 202: DeliveryReply, ...errorReplies },
  },
  async handler(req, reply, { deps, audit }) {
    const moved = await deps.db.transaction(async (tx) => {
      const d = await retryDelivery(tx, req.params.id, req.params.deliveryId);
      if (!d) throw notFound('pending or dead delivery of this webhook', req.params.deliveryId);
      await audit(tx, { targetType: 'webhook_delivery', targetId: d.id, partnerId: null });
      return d;
    });
    return reply.status(202).send(formatDelivery(moved));
  },
});
