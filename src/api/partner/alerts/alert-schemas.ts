// The alerts' shapes: one alert as listed, its ticket per episode, and the filters the list and the
// reprocess selection share.
import { Type } from 'typebox';
import type { AlertView } from '../../../store/alert-views.ts';
import { alertStatuses } from '../../../store/alert-views.ts';
import { Closed, Timestamp, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AlertFilterFields = {
  status: Type.Optional(
    Type.Union(
      alertStatuses.map((s) => Type.Literal(s)),
      { description: 'failing, resolved or cancelled' },
    ),
  ),
  organizationId: Type.Optional(Uuid),
  waiting: Type.Optional(
    Type.Boolean({ description: 'true: ticket writes wait (the reason says why); false: none wait' }),
  ),
  dead: Type.Optional(Type.Boolean({ description: 'true: stopped after failing, until retried' })),
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'text in the condition, resource or organization' }),
  ),
};

export const TicketReply = Type.Object(
  { id: Type.String(), number: Nullable(Type.String()), connectionId: Uuid },
  Closed,
);

export const AlertReply = Type.Object(
  {
    id: Uuid,
    organization: Type.Object({ id: Uuid, externalId: Type.String(), name: Type.String() }, Closed),
    condition: Type.String(),
    resource: Type.String(),
    status: Type.String(),
    severity: Nullable(Type.String()),
    errorCode: Nullable(Type.String()),
    openedAt: Nullable(Timestamp),
    lastEventAt: Nullable(Timestamp),
    failCount: Type.Integer(),
    eventCount: Type.Integer(),
    ticket: Nullable(TicketReply),
    pendingWrites: Type.Integer({ description: 'ticket writes the hub still has to make' }),
    waitingReason: Nullable(Type.String()),
    noTicketReason: Nullable(
      Type.String({
        description:
          'why this failure opened no ticket: below the minimum severity, or its condition switched off (and where that is set)',
      }),
    ),
    deadAt: Nullable(Timestamp),
  },
  Closed,
);

const ticketOf = (a: AlertView, episode: number | undefined) => {
  const t = episode === undefined ? undefined : a.tickets[String(episode)];
  return t ? { id: t.id, number: t.number, connectionId: t.connectionId } : null;
};

/** The ticket of the alert's current episode, if one was made. */
export const currentTicket = (a: AlertView) => ticketOf(a, a.state?.episode);

export const formatAlert = (a: AlertView) => ({
  id: a.id,
  organization: a.organization,
  condition: a.condition,
  resource: a.resource,
  status: a.status,
  severity: a.state?.severity ?? null,
  errorCode: a.state?.errorCode ?? null,
  openedAt: a.state?.openedAt ?? null,
  lastEventAt: a.state?.lastEventAt ?? null,
  failCount: a.state?.failCount ?? 0,
  eventCount: a.eventCount,
  ticket: currentTicket(a),
  pendingWrites: a.wants.length,
  waitingReason: a.waitingReason,
  noTicketReason: a.state?.noTicketReason ?? null,
  deadAt: a.deadAt?.toISOString() ?? null,
});
