// Billing change sets: the list (filters state, connection, organization, held reason), one with
// its lines, and approve / reject of a selection. Approving queues a run per connection that writes
// them; an id the caller cannot see answers 404 and changes nothing.
import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { startBillingRun } from '../../../jobs/billing-jobs.ts';
import { getChangeSets, listChangeSets, moveChangeSets } from '../../../store/change-sets.ts';
import { notFound, scopePath, userActor } from '../../authorization.ts';
import {
  ChangeSetReply,
  ChangeSetStateSchema,
  formatChangeSet,
  HoldReasonSchema,
} from '../../formatters/change-set.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, PageOf, Uuid } from '../../schemas.ts';

export const DECIDE_MAX = 1000;

export const listChangeSetsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/billing/change-sets',
  permission: 'member',
  schema: {
    summary: 'Billing change sets, newest first',
    tags: ['billing'],
    querystring: Type.Object(
      {
        state: Type.Optional(ChangeSetStateSchema),
        connectionId: Type.Optional(Uuid),
        organizationId: Type.Optional(Uuid),
        held: Type.Optional(HoldReasonSchema),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        cursor: Type.Optional(Type.String({ maxLength: 1000 })),
      },
      Closed,
    ),
    response: { 200: PageOf(ChangeSetReply), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const page = await listChangeSets(deps.db, {
      ...req.query,
      limit: req.query.limit ?? 50,
      withinPath: scopePath(actor),
    });
    return { items: page.items.map(formatChangeSet), nextCursor: page.nextCursor };
  },
});

export const getChangeSetRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/billing/change-sets/:id',
  permission: 'member',
  params: { id: 'changeSet' },
  schema: {
    summary: 'One billing change set with its lines',
    tags: ['billing'],
    params: IdParams,
    response: { 200: ChangeSetReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const [cs] = await getChangeSets(deps.db, [req.params.id], scopePath(actor));
    if (!cs) throw notFound('change set', req.params.id);
    return formatChangeSet(cs);
  },
});

const DecideBody = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: DECIDE_MAX, uniqueItems: true }) },
  { ...Closed, examples: [{ ids: ['7d1d3a55-4f0e-4d7a-9a53-5b0b3c9f2e11'] }] },
);

const DecideReply = Type.Object(
  {
    decided: Type.Integer({ description: 'change sets that were pending and now are not' }),
    skipped: Type.Array(Type.Object({ id: Uuid, reason: Type.String() }, Closed)),
    runs: Type.Array(Type.Object({ id: Uuid, connectionId: Uuid }, Closed), {
      description: 'approvals: the run writing them, per connection',
    }),
  },
  Closed,
);

function decideRoute(decision: 'approve' | 'reject') {
  return defineRoute({
    method: 'POST',
    url: `/api/v1/billing/change-sets/${decision}`,
    permission: 'manage_billing',
    audit: `billing.change_sets_${decision === 'approve' ? 'approved' : 'rejected'}`,
    schema: {
      summary:
        decision === 'approve'
          ? `Approve pending change sets (at most ${DECIDE_MAX}); each connection’s are written by one run`
          : `Reject pending change sets (at most ${DECIDE_MAX}); nothing is written, and the same change is not proposed again`,
      tags: ['billing'],
      body: DecideBody,
      response: { 200: DecideReply, ...errorReplies },
    },
    async handler(req, _reply, { deps, actor, audit }) {
      const a = userActor(actor);
      return deps.db.transaction(async (tx) => {
        const sets = await getChangeSets(tx, req.body.ids, scopePath(actor));
        const missing = req.body.ids.find((id) => !sets.some((s) => s.id === id));
        if (missing) throw notFound('change set', missing);
        const by = a.userId;
        const moved = await moveChangeSets(
          tx,
          sets.map((s) => s.id),
          ['pending'],
          decision === 'approve' ? 'approved' : 'rejected',
          { by, how: 'user' },
        );
        const skipped = sets
          .filter((s) => !moved.includes(s.id))
          .map((s) => ({ id: s.id, reason: `it is ${s.state}, not pending` }));
        if (moved.length === 0 && skipped.length > 0)
          throw new AppError(
            'conflict',
            `Nothing to ${decision}: ${skipped.map((s) => `${s.id} ${s.reason}`).join('; ')}`,
          );
        const runs: { id: string; connectionId: string }[] = [];
        if (decision === 'approve') {
          const byConnection = new Map<string, string[]>();
          for (const s of sets.filter((s) => moved.includes(s.id)))
            byConnection.set(s.connectionId, [...(byConnection.get(s.connectionId) ?? []), s.linkId]);
          for (const [connectionId, linkIds] of byConnection) {
            const run = await startBillingRun(deps.queue, tx, {
              connectionId,
              cause: 'approval',
              requestedBy: by,
              linkIds,
            });
            runs.push({ id: run.id, connectionId });
          }
        }
        await audit(tx, {
          targetType: 'billing_change_set',
          targetId: moved.length === 1 ? moved[0]! : null,
          partnerId: a.kind === 'user' ? a.partnerId : null,
          details: { ids: moved, skipped: skipped.length },
        });
        return { decided: moved.length, skipped, runs };
      });
    },
  });
}

export const approveChangeSetsRoute = decideRoute('approve');
export const rejectChangeSetsRoute = decideRoute('reject');
