// Source API: the vendor's events (a backup failed, an account's token expired, it works again).
// Strictly validated as a whole (a malformed batch changes nothing); then each event is accepted,
// recognised as a repeat, or rejected with its reason (a string the database cannot store, too).
import { Type } from 'typebox';
import { alertSeverities } from '../../core/alert-lifecycle.ts';
import { ingestEvents } from '../../jobs/ingest-events.ts';
import { defineRoute } from '../route.ts';
import { Closed, errorReplies, ExternalId } from '../schemas.ts';

export const MAX_EVENTS = 1000;

const Event = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'unique per event; a repeat is accepted and ignored',
    }),
    organizationId: ExternalId,
    condition: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
      description: 'e.g. backup.email, auth.device_token',
    }),
    resource: Type.Optional(Type.String({ maxLength: 300, description: 'e.g. a mailbox' })),
    status: Type.Union([Type.Literal('failing'), Type.Literal('resolved')]),
    severity: Type.Optional(Type.Union(alertSeverities.map((s) => Type.Literal(s)))),
    errorCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. graph.429' })),
    message: Type.Optional(Type.String({ maxLength: 2000 })),
    occurredAt: Type.String({ format: 'date-time' }),
    details: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
        maxProperties: 50,
        description: 'anything the vendor wants kept; `portalUrl` links the ticket back to the vendor portal',
      }),
    ),
  },
  Closed,
);

const Reply = Type.Object(
  {
    accepted: Type.Integer(),
    duplicate: Type.Integer(),
    rejected: Type.Integer(),
    results: Type.Array(
      Type.Object(
        {
          index: Type.Integer(),
          id: Type.String(),
          status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('rejected')]),
          reason: Type.Optional(Type.String()),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

export const sourceEventsRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/source/events',
  permission: 'source',
  audit: { none: 'every event is stored with its alert; the event log shows what it caused' },
  bodyLimit: 1536 * 1024,
  perItem: 'events',
  schema: {
    summary: `Send up to ${MAX_EVENTS} events; answered 202 with what became of each`,
    tags: ['source: events'],
    body: Type.Object(
      { events: Type.Array(Event, { minItems: 1, maxItems: MAX_EVENTS }) },
      {
        ...Closed,
        examples: [
          {
            events: [
              {
                id: 'evt-1',
                organizationId: 'org-42',
                condition: 'backup.email',
                resource: 'ann@contoso.com',
                status: 'failing',
                severity: 'high',
                errorCode: 'graph.429',
                occurredAt: '2026-11-24T09:00:00Z',
              },
            ],
          },
        ],
      },
    ),
    response: { 202: Reply, ...errorReplies },
  },
  async handler(req, reply, { deps }) {
    return reply.status(202).send(await ingestEvents(deps, req.body.events));
  },
});
