// "Sync now" for a connection or one of its organizations (a run, as a job), and a run's progress.
import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { billingSettings } from '../../../jobs/billing-settings.ts';
import { startBillingRun } from '../../../jobs/billing-jobs.ts';
import { currentLink } from '../../../store/org-links.ts';
import { getRun, type BillingRun } from '../../../store/billing-runs.ts';
import { notFound, userActor } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, Literals, IdParams, Timestamp, Uuid } from '../../schemas.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';
import { visibleOrganization } from '../org-links/org-access.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const RunReply = Type.Object(
  {
    id: Uuid,
    connectionId: Uuid,
    organizationId: Nullable(Uuid),
    cause: Type.String(),
    state: Literals(['queued', 'running', 'done', 'failed']),
    linksTotal: Type.Integer(),
    linksDone: Type.Integer(),
    changeSets: Type.Integer({ description: 'change sets this run made' }),
    writes: Type.Integer({ description: 'lines this run wrote to the PSA' }),
    error: Nullable(Type.String()),
    createdAt: Timestamp,
    startedAt: Nullable(Timestamp),
    finishedAt: Nullable(Timestamp),
  },
  Closed,
);

const formatRun = (r: BillingRun) => ({
  id: r.id,
  connectionId: r.connectionId,
  organizationId: r.organizationId,
  cause: r.cause,
  state: r.state,
  linksTotal: r.linksTotal,
  linksDone: r.linksDone,
  changeSets: r.changeSets,
  writes: r.writes,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

export const syncBillingRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/billing/sync',
  permission: 'manage_billing',
  audit: 'billing.sync_requested',
  params: { id: 'connection' },
  schema: {
    summary: 'Reconcile billing now for the connection’s linked organizations (or one); answers the run',
    tags: ['billing'],
    params: IdParams,
    body: Type.Object({ organizationId: Type.Optional(Uuid) }, { ...Closed, examples: [{}] }),
    response: { 202: RunReply, ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    if (billingSettings(connection).mode === 'off')
      throw new AppError(
        'conflict',
        'Billing is off for this connection: set its mode to preview or auto first',
      );
    const orgId = req.body.organizationId;
    if (orgId) {
      const org = await visibleOrganization(deps.db, actor, orgId);
      const link = await currentLink(deps.db, org.id);
      if (link?.connectionId !== connection.id)
        throw new AppError('conflict', `The organization "${org.name}" is not linked on this connection`, {
          details: [{ path: 'body/organizationId', message: 'not linked on this connection' }],
        });
    }
    const run = await deps.db.transaction(async (tx) => {
      const r = await startBillingRun(deps.queue, tx, {
        connectionId: connection.id,
        organizationId: orgId ?? null,
        cause: 'sync_now',
        requestedBy: userActor(actor).userId,
      });
      await audit(tx, {
        targetType: 'connection',
        targetId: connection.id,
        partnerId: connection.partnerId,
        details: { runId: r.id, organizationId: orgId ?? null },
      });
      return r;
    });
    return reply.status(202).send(formatRun(run));
  },
});

export const getBillingRunRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/billing/runs/:id',
  permission: 'member',
  params: { id: 'billingRun' },
  schema: {
    summary: 'A billing run and its progress (links done of the total)',
    tags: ['billing'],
    params: IdParams,
    response: { 200: RunReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const run = await getRun(deps.db, req.params.id);
    if (!run) throw notFound('billing run', req.params.id);
    await visibleConnection(deps.db, actor, run.connectionId).catch(() => {
      throw notFound('billing run', req.params.id);
    });
    return formatRun(run);
  },
});
