// Link health on request: the connection's links are checked against the PSA by a job (it reads
// every linked company and billing record); each link shows the verdict and when it was found.
import { Type } from 'typebox';
import { CHECK_LINKS_QUEUE, enqueueForConnection } from '../../../jobs/link-jobs.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';

export const checkLinksRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/org-links/check',
  permission: 'manage_integrations',
  audit: { none: 'reads the PSA and records health only' },
  params: { id: 'connection' },
  schema: {
    summary:
      'Check every link on this connection against the PSA now (renamed, missing, billing record gone); runs as a job, also every six hours',
    tags: ['mapping'],
    params: IdParams,
    response: { 202: Type.Object({ queued: Type.Boolean() }, Closed), ...errorReplies },
  },
  async handler(req, reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    await deps.db.transaction((tx) => enqueueForConnection(deps.queue, tx, CHECK_LINKS_QUEUE, connection.id));
    return reply.status(202).send({ queued: true });
  },
});
