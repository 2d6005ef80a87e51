// The dashboard: the figures a partner wants at a glance, for its part of the tree (or one partner's
// part within it), counted in SQL: alerts by state, tickets and deliveries per day, and the live
// connections with their health and the API budget they use.
import { Type } from 'typebox';
import { budgets } from '../../../jobs/psa-session.ts';
import { alertCounts, connectionFigures, dailyCounts } from '../../../store/dashboard.ts';
import { getPartner } from '../../../store/partners.ts';
import { canSeePartnerPath, notFound, scopePath } from '../../authorization.ts';
import { PsaKindSchema } from '../../formatters/connection.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, Timestamp, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Count = (description: string) => Type.Integer({ minimum: 0, description });

const DashboardReply = Type.Object(
  {
    days: Type.Integer({ description: 'how many UTC days the series cover, today included' }),
    alerts: Type.Object(
      {
        open: Count('failing alerts whose ticket the hub keeps (nothing waits)'),
        waiting: Count('alerts whose ticket writes wait: not linked, PSA unavailable…'),
        dead: Count('alerts stopped after failing, until retried'),
      },
      Closed,
    ),
    daily: Type.Array(
      Type.Object(
        {
          day: Type.String({ format: 'date', description: 'the UTC day' }),
          ticketsOpened: Count('tickets created or reopened in a PSA'),
          ticketsResolved: Count('tickets resolved in a PSA'),
          deliveriesOk: Count('PSA writes that succeeded'),
          deliveriesFailed: Count('PSA writes that failed and will be tried again'),
          deliveriesDead: Count('PSA writes that failed for good'),
        },
        Closed,
      ),
      { description: 'one entry per day, oldest first; a day without activity has zeros' },
    ),
    connections: Type.Array(
      Type.Object(
        {
          id: Uuid,
          name: Type.String(),
          kind: PsaKindSchema,
          partner: Type.Object({ id: Uuid, name: Type.String() }, Closed),
          status: Type.Union([Type.Literal('connected'), Type.Literal('failing')]),
          failingSince: Nullable(Timestamp),
          lastError: Nullable(Type.String({ description: 'why it fails, as the PSA said it' })),
          lastSuccessAt: Nullable(Timestamp),
          requestsThisHour: Count('requests the hub sent to this PSA in the current hour'),
          hourlyAllowance: Count('the most the hub sends in an hour, all processes together'),
        },
        Closed,
      ),
      { description: 'live connections, failing first' },
    ),
  },
  Closed,
);

export const dashboardRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/dashboard',
  permission: 'member',
  schema: {
    summary: 'Alerts by state, tickets and deliveries per day, and connection health, for a part of the tree',
    tags: ['dashboard'],
    querystring: Type.Object(
      {
        partnerId: Type.Optional(
          Type.String({
            format: 'uuid',
            description: 'count for this partner and those below it (default: yours; operators: all)',
          }),
        ),
        days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 14 })),
      },
      Closed,
    ),
    response: { 200: DashboardReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    let path = scopePath(actor);
    if (req.query.partnerId) {
      const partner = await getPartner(deps.db, req.query.partnerId);
      if (!partner || !canSeePartnerPath(actor, partner.path)) throw notFound('partner', req.query.partnerId);
      path = partner.path;
    }
    const days = req.query.days ?? 14;
    const [alerts, daily, connections] = await Promise.all([
      alertCounts(deps.db, path),
      dailyCounts(deps.db, path, days),
      connectionFigures(deps.db, path),
    ]);
    return {
      days,
      alerts,
      daily,
      connections: connections.map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        partner: { id: c.partnerId, name: c.partnerName },
        status: c.status,
        failingSince: c.failingSince?.toISOString() ?? null,
        lastError: c.lastError,
        lastSuccessAt: c.lastSuccessAt?.toISOString() ?? null,
        requestsThisHour: c.requestsThisHour,
        hourlyAllowance: Math.round(budgets[c.kind].perSecond * 3600),
      })),
    };
  },
});
