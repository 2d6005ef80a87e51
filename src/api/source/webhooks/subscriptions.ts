// Source API: the vendor platform subscribes to the hub's events (connection failing / recovered, a
// ticket created, billing waiting for approval / applied) at its own URL; each is sent signed, at
// least once, retried for three days.
import { Type } from 'typebox';
import { PING } from '../../../core/webhook-events.ts';
import { subscribeWebhook } from '../../../jobs/webhook-subscriptions.ts';
import {
  deleteSubscription,
  emitWebhookEvent,
  getSubscription,
  listSubscriptions,
} from '../../../store/webhooks.ts';
import { notFound } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Uuid } from '../../schemas.ts';
import { EventType, formatSubscription, SubscriptionReply } from './webhook-schemas.ts';

const tags = ['source: webhooks'];

export const createWebhookRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/source/webhooks',
  permission: 'source',
  audit: 'webhook.created',
  schema: {
    summary: 'Subscribe a URL of the vendor platform to events; the signing secret is shown once',
    description:
      'Each event is POSTed as JSON `{id, type, createdAt, data}` with `PSAHub-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>`, `PSAHub-Event`, `PSAHub-Event-Id` (the same on a retry: deduplicate on it) and `PSAHub-Delivery`. A 2xx answer counts as received; anything else is tried again after 30 s, doubling up to 6 h apart, for 3 days. Redirects are not followed.',
    tags,
    body: Type.Object(
      {
        url: Type.String({ minLength: 1, maxLength: 2000, description: 'https, on a public host' }),
        events: Type.Array(EventType, { minItems: 1, maxItems: 20, uniqueItems: true }),
        description: Type.Optional(Type.String({ maxLength: 200 })),
        secret: Type.Optional(
          Type.String({
            minLength: 24,
            maxLength: 200,
            description: 'your own signing secret; left out, the hub makes one and answers it once',
          }),
        ),
      },
      {
        ...Closed,
        examples: [
          {
            url: 'https://backup.example.com/hooks/psa-hub',
            events: ['connection.failing', 'ticket.created'],
          },
        ],
      },
    ),
    response: {
      201: Type.Object(
        {
          webhook: SubscriptionReply,
          secret: Type.Union([Type.String(), Type.Null()], {
            description: 'the signing secret the hub made, shown only now; null when you gave yours',
          }),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, reply, { deps, audit }) {
    const made = await deps.db.transaction(async (tx) => {
      const m = await subscribeWebhook({ ...deps, db: tx }, req.body);
      await audit(tx, {
        targetType: 'webhook',
        targetId: m.subscription.id,
        partnerId: null,
        details: { url: m.subscription.url, events: m.subscription.events },
      });
      return m;
    });
    return reply.status(201).send({ webhook: formatSubscription(made.subscription), secret: made.secret });
  },
});

export const listWebhooksRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/source/webhooks',
  permission: 'source',
  schema: {
    summary: 'The webhook subscriptions (never their secrets)',
    tags,
    response: { 200: Type.Object({ items: Type.Array(SubscriptionReply) }, Closed), ...errorReplies },
  },
  async handler(_req, _reply, { deps }) {
    return { items: (await listSubscriptions(deps.db)).map(formatSubscription) };
  },
});

export const getWebhookRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/source/webhooks/:id',
  permission: 'source',
  params: { id: 'webhook' },
  schema: {
    summary: 'One webhook subscription',
    tags,
    params: IdParams,
    response: { 200: SubscriptionReply, ...errorReplies },
  },
  async handler(req, _reply, { deps }) {
    const s = await getSubscription(deps.db, req.params.id);
    if (!s) throw notFound('webhook', req.params.id);
    return formatSubscription(s);
  },
});

export const deleteWebhookRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/source/webhooks/:id',
  permission: 'source',
  audit: 'webhook.deleted',
  params: { id: 'webhook' },
  schema: {
    summary: 'Unsubscribe: nothing more is sent, and what waited to be sent is dropped',
    tags,
    params: IdParams,
    response: { 204: {}, ...errorReplies },
  },
  async handler(req, reply, { deps, audit }) {
    await deps.db.transaction(async (tx) => {
      if (!(await deleteSubscription(tx, req.params.id))) throw notFound('webhook', req.params.id);
      await audit(tx, { targetType: 'webhook', targetId: req.params.id, partnerId: null });
    });
    return reply.status(204).send();
  },
});

export const pingWebhookRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/source/webhooks/:id/ping',
  permission: 'source',
  audit: { none: 'sends a test event; changes no data' },
  params: { id: 'webhook' },
  schema: {
    summary: 'Send a `webhook.ping` event to this subscription now, to try the receiver',
    description: 'Sent once, not retried; its delivery shows in the list with the answer.',
    tags,
    params: IdParams,
    response: { 202: Type.Object({ eventId: Uuid }, Closed), ...errorReplies },
  },
  async handler(req, reply, { deps }) {
    if (!(await getSubscription(deps.db, req.params.id))) throw notFound('webhook', req.params.id);
    const eventId = await emitWebhookEvent(deps.db, PING, { webhookId: req.params.id }, req.params.id);
    if (!eventId) throw notFound('webhook', req.params.id); // deleted meanwhile
    return reply.status(202).send({ eventId });
  },
});
