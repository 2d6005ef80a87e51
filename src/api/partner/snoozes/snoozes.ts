// Snooze (a maintenance window) for one organization or for every organization on a connection:
// alerts are still recorded, their ticket writes wait until the window ends. One window per target:
// setting a new one replaces it; DELETE ends it now and the waiting writes go out.
import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { enqueueReconciles } from '../../../jobs/reconcile-queue.ts';
import { waitingAlertIds, waitingAlertIdsOfConnection } from '../../../store/alerts.ts';
import type { Db } from '../../../store/db.ts';
import {
  addSnooze,
  clearSnoozes,
  currentSnoozes,
  type Snooze,
  type SnoozeTarget,
} from '../../../store/snoozes.ts';
import type { Actor } from '../../actor.ts';
import { userActor } from '../../authorization.ts';
import { requireFuture } from '../../future-time.ts';
import { defineRoute, type RouteDef } from '../../route.ts';
import { Closed, errorReplies, IdParams, Timestamp, Uuid } from '../../schemas.ts';
import { visibleConnection } from '../connections/connection-access.ts';
import { visibleOrganization } from '../org-links/org-access.ts';

/** A window longer than this is an integration turned off: use skip instead. */
const MAX_DAYS = 30;

const SnoozeReply = Type.Object(
  {
    current: Type.Union([
      Type.Object(
        {
          id: Uuid,
          startsAt: Timestamp,
          endsAt: Timestamp,
          reason: Type.String(),
          createdBy: Type.Union([Uuid, Type.Null()]),
        },
        Closed,
      ),
      Type.Null(),
    ]),
  },
  Closed,
);

const format = (s: Snooze | undefined) => ({
  current: s
    ? {
        id: s.id,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        reason: s.reason,
        createdBy: s.createdBy,
      }
    : null,
});

function snoozeRoutes(noun: 'organization' | 'connection'): RouteDef[] {
  const url = `/api/v1/${noun}s/:id/snooze`;
  const targetOf = async (
    db: Db,
    actor: Actor | undefined,
    id: string,
  ): Promise<{ target: SnoozeTarget; partnerId: string }> => {
    if (noun === 'organization') {
      const org = await visibleOrganization(db, actor, id);
      return { target: { organizationId: org.id }, partnerId: org.partnerId };
    }
    const c = await visibleConnection(db, actor, id);
    return { target: { connectionId: c.id }, partnerId: c.partnerId };
  };
  const waiting = (db: Db, target: SnoozeTarget) =>
    'organizationId' in target
      ? waitingAlertIds(db, target.organizationId)
      : waitingAlertIdsOfConnection(db, target.connectionId);

  const get = defineRoute({
    method: 'GET',
    url,
    permission: 'member',
    params: { id: noun },
    schema: {
      summary: `The ${noun}’s snooze (maintenance window), if one is set`,
      tags: ['alerts'],
      params: IdParams,
      response: { 200: SnoozeReply, ...errorReplies },
    },
    async handler(req, _reply, { deps, actor }) {
      const { target } = await targetOf(deps.db, actor, req.params.id);
      return format((await currentSnoozes(deps.db, target))[0]);
    },
  });

  const put = defineRoute({
    method: 'PUT',
    url,
    permission: 'manage_integrations',
    audit: `${noun}.snoozed`,
    params: { id: noun },
    schema: {
      summary: `Snooze the ${noun}: ticket writes wait from startsAt (default now) until endsAt`,
      tags: ['alerts'],
      params: IdParams,
      body: Type.Object(
        {
          endsAt: Timestamp,
          startsAt: Type.Optional(Timestamp),
          reason: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { ...Closed, examples: [{ endsAt: '2030-01-01T06:00:00Z', reason: 'Tenant migration' }] },
      ),
      response: { 200: SnoozeReply, ...errorReplies },
    },
    async handler(req, _reply, { deps, actor, audit }) {
      const { target, partnerId } = await targetOf(deps.db, actor, req.params.id);
      const now = Date.now();
      const startsAt = new Date(req.body.startsAt ?? now);
      const endsAt = new Date(req.body.endsAt);
      requireFuture('body/endsAt', endsAt, now);
      const problem =
        endsAt.getTime() <= startsAt.getTime()
          ? ['body/endsAt', 'must be after startsAt']
          : endsAt.getTime() - startsAt.getTime() > MAX_DAYS * 86_400_000
            ? [
                'body/endsAt',
                `at most ${MAX_DAYS} days after startsAt; to turn the integration off, skip the organization`,
              ]
            : null;
      if (problem)
        throw new AppError('invalid_request', `${problem[0]}: ${problem[1]}`, {
          details: [{ path: problem[0]!, message: problem[1]! }],
        });
      const saved = await deps.db.transaction(async (tx) => {
        await clearSnoozes(tx, target);
        const s = await addSnooze(tx, target, {
          startsAt,
          endsAt,
          reason: req.body.reason ?? '',
          createdBy: userActor(actor).userId,
        });
        await audit(tx, {
          targetType: noun,
          targetId: req.params.id,
          partnerId,
          details: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
        });
        return s;
      });
      return format(saved);
    },
  });

  const del = defineRoute({
    method: 'DELETE',
    url,
    permission: 'manage_integrations',
    audit: `${noun}.unsnoozed`,
    params: { id: noun },
    schema: {
      summary: `End the ${noun}’s snooze now; waiting ticket writes go out`,
      tags: ['alerts'],
      params: IdParams,
      response: { 200: SnoozeReply, ...errorReplies },
    },
    async handler(req, _reply, { deps, actor, audit }) {
      const { target, partnerId } = await targetOf(deps.db, actor, req.params.id);
      await deps.db.transaction(async (tx) => {
        if ((await clearSnoozes(tx, target)) === 0)
          throw new AppError('not_found', `This ${noun} is not snoozed`);
        await enqueueReconciles(deps.queue, tx, await waiting(tx, target));
        await audit(tx, { targetType: noun, targetId: req.params.id, partnerId });
      });
      return format(undefined);
    },
  });
  return [get, put, del] as unknown as RouteDef[];
}

export const snoozeRoutesList: RouteDef[] = [...snoozeRoutes('organization'), ...snoozeRoutes('connection')];
