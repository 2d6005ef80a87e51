import { Type } from 'typebox';
import { getAlertView } from '../../../store/alert-views.ts';
import { getDelivery } from '../../../store/deliveries.ts';
import { notFound, scopePath } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Uuid } from '../../schemas.ts';
import { currentTicket, TicketReply } from '../alerts/alert-schemas.ts';
import { DeliveryReply, formatDelivery } from './delivery-schemas.ts';

const AlertSummary = Type.Object(
  {
    id: Uuid,
    condition: Type.String(),
    resource: Type.String(),
    status: Type.String(),
    ticket: Type.Union([TicketReply, Type.Null()]),
  },
  Closed,
);

export const getDeliveryRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/deliveries/:id',
  permission: 'member',
  params: { id: 'delivery' },
  schema: {
    summary: 'One delivery of the event log, with the alert it was made for',
    tags: ['event log'],
    params: IdParams,
    response: {
      200: Type.Object(
        { ...DeliveryReply.properties, alert: Type.Union([AlertSummary, Type.Null()]) },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const scope = scopePath(actor);
    const delivery = await getDelivery(deps.db, req.params.id, scope);
    if (!delivery) throw notFound('delivery', req.params.id);
    const alert = delivery.alertId ? await getAlertView(deps.db, delivery.alertId, scope) : undefined;
    const ticketOfDelivery = alert && Object.values(alert.tickets).find((t) => t.id === delivery.ticketId);
    return {
      ...formatDelivery(delivery),
      alert: alert
        ? {
            id: alert.id,
            condition: alert.condition,
            resource: alert.resource,
            status: alert.status,
            ticket: ticketOfDelivery
              ? {
                  id: ticketOfDelivery.id,
                  number: ticketOfDelivery.number,
                  connectionId: ticketOfDelivery.connectionId,
                }
              : currentTicket(alert),
          }
        : null,
    };
  },
});
