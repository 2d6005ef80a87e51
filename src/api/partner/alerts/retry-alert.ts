import { Type } from 'typebox';
import { getAlertView } from '../../../store/alert-views.ts';
import { notFound, scopePath } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { retryAlert } from './retry-one.ts';

export const retryAlertRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/alerts/:id/retry',
  permission: 'manage_integrations',
  audit: 'alert.retried',
  params: { id: 'alert' },
  schema: {
    summary:
      'Retry an alert stopped after failing (or waiting): its remaining ticket writes are queued again (409 when none remain)',
    tags: ['alerts'],
    params: IdParams,
    response: { 202: Type.Object({ queued: Type.Integer() }, Closed), ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const alert = await getAlertView(deps.db, req.params.id, scopePath(actor));
    if (!alert) throw notFound('alert', req.params.id);
    return reply.status(202).send(await retryAlert(deps, audit, alert));
  },
});
