// The shapes of the vendor webhook routes: a subscription (never its secret) and a delivery with the
// receiver's last answer.
import { Type } from 'typebox';
import { webhookEventTypes } from '../../../core/webhook-events.ts';
import { deliveryStatuses, type WebhookDelivery, type WebhookSubscription } from '../../../store/webhooks.ts';
import { Closed, Timestamp, Uuid } from '../../schemas.ts';

export const EventType = Type.Union(webhookEventTypes.map((t) => Type.Literal(t)));

export const SubscriptionReply = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    events: Type.Array(Type.String()),
    description: Type.String(),
    createdAt: Timestamp,
  },
  Closed,
);

export const formatSubscription = (s: WebhookSubscription) => ({
  id: s.id,
  url: s.url,
  events: s.events,
  description: s.description,
  createdAt: s.createdAt.toISOString(),
});

export const DeliveryStatus = Type.Union(deliveryStatuses.map((s) => Type.Literal(s)));

export const DeliveryReply = Type.Object(
  {
    id: Uuid,
    eventId: Uuid,
    eventType: Type.String(),
    status: DeliveryStatus,
    attempts: Type.Integer(),
    nextAttemptAt: Type.Union([Timestamp, Type.Null()], {
      description: 'when it is tried again, if pending',
    }),
    lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
    lastStatus: Type.Union([Type.Integer(), Type.Null()], {
      description: 'the HTTP status the receiver answered',
    }),
    lastAnswer: Type.Union([Type.String(), Type.Null()], { description: 'the first 2,000 characters of it' }),
    lastError: Type.Union([Type.String(), Type.Null()], {
      description: 'why the last attempt did not count',
    }),
    deliveredAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    body: Type.String({ description: 'the JSON sent, the same on every attempt' }),
  },
  Closed,
);

const iso = (d: Date | null) => d?.toISOString() ?? null;
export const formatDelivery = (d: WebhookDelivery) => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: iso(d.nextAttemptAt),
  lastAttemptAt: iso(d.lastAttemptAt),
  lastStatus: d.lastStatus,
  lastAnswer: d.lastAnswer,
  lastError: d.lastError,
  deliveredAt: iso(d.deliveredAt),
  createdAt: d.createdAt.toISOString(),
  body: d.body,
});
