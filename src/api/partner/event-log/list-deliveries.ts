import { Type } from 'typebox';
import { listDeliveries } from '../../../store/deliveries.ts';
import { scopePath } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, PageOf, PageQuery } from '../../schemas.ts';
import { DeliveryFilterFields, DeliveryReply, deliveryFilters, formatDelivery } from './delivery-schemas.ts';

export const listDeliveriesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/deliveries',
  permission: 'member',
  schema: {
    summary: 'The event log: every write to a PSA, newest first, with its outcome and the PSA’s answer',
    tags: ['event log'],
    querystring: Type.Object({ ...PageQuery, ...DeliveryFilterFields }, Closed),
    response: { 200: PageOf(DeliveryReply), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const { limit, cursor, ...filters } = req.query;
    const page = await listDeliveries(deps.db, {
      ...deliveryFilters(filters, scopePath(actor)),
      limit: limit ?? 50,
      cursor,
    });
    return { items: page.items.map(formatDelivery), nextCursor: page.nextCursor };
  },
});
