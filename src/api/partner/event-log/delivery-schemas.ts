// The event log's shapes: the filters every event-log read takes, and one delivery as answered.
import { Type, type Static } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import {
  deliveryActions,
  deliveryOutcomes,
  psaKinds,
  type DeliveryFilters,
  type DeliveryView,
} from '../../../store/deliveries.ts';
import { Closed, Timestamp, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const oneOf = (values: readonly string[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

export const DeliveryFilterFields = {
  outcome: Type.Optional(oneOf(deliveryOutcomes, 'ok, failed (will be retried) or dead (stopped)')),
  psa: Type.Optional(oneOf(psaKinds, 'the kind of PSA written to')),
  organizationId: Type.Optional(Uuid),
  connectionId: Type.Optional(Uuid),
  action: Type.Optional(oneOf(deliveryActions, 'what the write was')),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'before this time' })),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: "text in the PSA's answer, the organization's name, the ticket id or the alert",
    }),
  ),
};

/** The store's filters from a validated query string; `from` after `to` is refused. */
export function deliveryFilters(
  q: { [K in keyof typeof DeliveryFilterFields]?: Static<(typeof DeliveryFilterFields)[K]> },
  withinPath: string | null,
): DeliveryFilters {
  checkRange(q.from, q.to);
  return { ...q, withinPath } as DeliveryFilters;
}

export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && Date.parse(from) > Date.parse(to)) {
    throw new AppError('invalid_request', 'querystring/from: must not be after "to"', {
      details: [{ path: 'querystring/from', message: `must not be after "to" (${to})` }],
    });
  }
}

export const DeliveryReply = Type.Object(
  {
    id: Uuid,
    at: Timestamp,
    partner: Nullable(
      Type.Object({ id: Uuid, name: Type.String() }, { ...Closed, description: 'whose PSA was written to' }),
    ),
    connection: Nullable(
      Type.Object(
        { id: Uuid, name: Type.String(), kind: Type.String() },
        { ...Closed, description: 'null when it belongs to a partner above yours, or is gone' },
      ),
    ),
    organization: Type.Object({ id: Uuid, externalId: Type.String(), name: Type.String() }, Closed),
    alertId: Nullable(Uuid),
    action: Type.String(),
    request: Type.Record(Type.String(), Type.Unknown(), { description: 'what was sent, without secrets' }),
    outcome: Type.String(),
    answer: Nullable(Type.String({ description: "the PSA's answer in plain words" })),
    durationMs: Type.Integer(),
    attempt: Type.Integer(),
    ticketId: Nullable(Type.String()),
  },
  Closed,
);

export const formatDelivery = (d: DeliveryView) => ({
  id: d.id,
  at: d.at.toISOString(),
  partner: d.partner,
  connection: d.connection,
  organization: d.organization,
  alertId: d.alertId,
  action: d.action,
  request: d.request,
  outcome: d.outcome,
  answer: d.answer,
  durationMs: d.durationMs,
  attempt: d.attempt,
  ticketId: d.ticketId,
});
