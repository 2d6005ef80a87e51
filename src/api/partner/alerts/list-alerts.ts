import { Type } from 'typebox';
import { listAlerts } from '../../../store/alert-views.ts';
import { scopePath } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, PageOf, PageQuery } from '../../schemas.ts';
import { AlertFilterFields, AlertReply, formatAlert } from './alert-schemas.ts';

export const listAlertsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/alerts',
  permission: 'member',
  schema: {
    summary:
      'Alerts (one per organization × condition × resource), latest activity first, with their ticket and what still waits',
    tags: ['alerts'],
    querystring: Type.Object({ ...PageQuery, ...AlertFilterFields }, Closed),
    response: { 200: PageOf(AlertReply), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const page = await listAlerts(deps.db, {
      ...req.query,
      limit: req.query.limit ?? 50,
      withinPath: scopePath(actor),
    });
    return { items: page.items.map(formatAlert), nextCursor: page.nextCursor };
  },
});
