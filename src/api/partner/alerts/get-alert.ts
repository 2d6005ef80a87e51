import { Type } from 'typebox';
import { getAlertView, latestEvents } from '../../../store/alert-views.ts';
import { listDeliveries } from '../../../store/deliveries.ts';
import { notFound, scopePath } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Timestamp, Uuid } from '../../schemas.ts';
import { DeliveryReply, formatDelivery } from '../event-log/delivery-schemas.ts';
import { AlertReply, formatAlert } from './alert-schemas.ts';

/** Events and deliveries shown with an alert; older ones are in the event log. */
const SHOWN = 100;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const EventReply = Type.Object(
  {
    id: Uuid,
    externalId: Type.String({ description: "the vendor's event id" }),
    status: Type.String(),
    severity: Nullable(Type.String()),
    errorCode: Nullable(Type.String()),
    message: Nullable(Type.String()),
    occurredAt: Timestamp,
    receivedAt: Timestamp,
    move: Type.String({ description: 'what the event did to the alert (opened, counted, resolved…)' }),
  },
  Closed,
);

const EpisodeTicket = Type.Object(
  {
    episode: Type.Integer(),
    id: Type.String(),
    number: Nullable(Type.String()),
    connectionId: Uuid,
    companyId: Type.String(),
  },
  Closed,
);

export const getAlertRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/alerts/:id',
  permission: 'member',
  params: { id: 'alert' },
  schema: {
    summary: `One alert with its latest ${SHOWN} events, its ticket per episode and its latest ${SHOWN} deliveries`,
    tags: ['alerts'],
    params: IdParams,
    response: {
      200: Type.Object(
        {
          ...AlertReply.properties,
          events: Type.Array(EventReply),
          tickets: Type.Array(EpisodeTicket),
          deliveries: Type.Array(DeliveryReply),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const scope = scopePath(actor);
    const alert = await getAlertView(deps.db, req.params.id, scope);
    if (!alert) throw notFound('alert', req.params.id);
    const [events, deliveries] = await Promise.all([
      latestEvents(deps.db, alert.id, SHOWN),
      listDeliveries(deps.db, { withinPath: scope, alertId: alert.id, limit: SHOWN }),
    ]);
    return {
      ...formatAlert(alert),
      events: events.map((e) => ({
        ...e,
        occurredAt: e.occurredAt.toISOString(),
        receivedAt: e.receivedAt.toISOString(),
      })),
      tickets: Object.entries(alert.tickets)
        .map(([episode, t]) => ({
          episode: Number(episode),
          id: t.id,
          number: t.number,
          connectionId: t.connectionId,
          companyId: t.companyId,
        }))
        .sort((a, b) => a.episode - b.episode),
      deliveries: deliveries.items.map(formatDelivery),
    };
  },
});
