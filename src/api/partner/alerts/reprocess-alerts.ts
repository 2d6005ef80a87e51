import { Type } from 'typebox';
import { retryAlerts } from '../../../jobs/retry-alerts.ts';
import { selectAlertIds } from '../../../store/alert-views.ts';
import { notFound, scopePath, userActor } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, Uuid } from '../../schemas.ts';
import { AlertFilterFields } from './alert-schemas.ts';

/** Alerts one request may reprocess; narrow the selection for more. */
export const REPROCESS_MAX = 1000;

export const reprocessAlertsRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/alerts/reprocess',
  permission: 'manage_integrations',
  audit: 'alert.reprocessed',
  schema: {
    summary: `Retry a selection of alerts, by ids or by the list's filters (at most ${REPROCESS_MAX}); those with ticket writes left are queued`,
    tags: ['alerts'],
    body: Type.Object(
      {
        alertIds: Type.Optional(
          Type.Array(Uuid, { minItems: 1, maxItems: REPROCESS_MAX, uniqueItems: true }),
        ),
        ...AlertFilterFields,
      },
      { ...Closed, examples: [{ dead: true }] },
    ),
    response: {
      202: Type.Object(
        {
          selected: Type.Integer({ description: 'alerts the selection matched' }),
          queued: Type.Integer({ description: 'of those, alerts with ticket writes left, now queued' }),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const { alertIds, ...filters } = req.body;
    const withinPath = scopePath(actor);
    const a = userActor(actor);
    const result = await deps.db.transaction(async (tx) => {
      if (alertIds) {
        const visible = await selectAlertIds(tx, { withinPath, ids: alertIds }, REPROCESS_MAX);
        const missing = alertIds.find((id) => !visible.includes(id));
        if (missing) throw notFound('alert', missing);
      }
      const ids = await selectAlertIds(tx, { ...filters, withinPath, ids: alertIds }, REPROCESS_MAX);
      const queued = await retryAlerts(deps.queue, tx, ids);
      await audit(tx, {
        targetType: 'alert',
        targetId: null,
        partnerId: a.kind === 'user' ? a.partnerId : null,
        details: { filters, alertIds: alertIds?.length ?? null, selected: ids.length, queued: queued.length },
      });
      return { selected: ids.length, queued: queued.length };
    });
    return reply.status(202).send(result);
  },
});
