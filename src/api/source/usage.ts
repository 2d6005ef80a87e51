// Source API: usage snapshots ("this organization uses this much of this plan now"), and an
// organization's current usage. A malformed batch changes nothing; each well-formed item is
// accepted, unchanged, stale (older than what is stored) or rejected with its reason.
import { Type } from 'typebox';
import { AppError } from '../../core/errors.ts';
import { ingestStats } from '../../jobs/ingest-stats.ts';
import { ingestUsage } from '../../jobs/ingest-usage.ts';
import { organizationsByExternalIds } from '../../store/organizations.ts';
import { usageOf } from '../../store/usage.ts';
import { defineRoute } from '../route.ts';
import { Closed, errorReplies, ExternalId, ExternalIdParams, Literals, Timestamp } from '../schemas.ts';

export const MAX_USAGE_ITEMS = 1000;

const Item = Type.Object(
  {
    organizationId: ExternalId,
    planId: ExternalId,
    quantity: Type.Number({
      minimum: 0,
      maximum: 1e9,
      description: 'seats, mailboxes, GB, devices… in the plan’s unit; at most 3 decimals',
    }),
    asOf: Type.String({ format: 'date-time', description: 'when the vendor measured it' }),
  },
  Closed,
);

const Stats = Type.Object(
  {
    organizationId: ExternalId,
    protectedItems: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1e9 }), Type.Null()])),
    storageGb: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()])),
    lastSuccessfulBackupAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
    asOf: Type.String({ format: 'date-time' }),
  },
  { ...Closed, description: 'backup statistics, written on the PSA company where the partner chose fields' },
);

const StatsReply = Type.Object(
  {
    accepted: Type.Integer(),
    stale: Type.Integer(),
    rejected: Type.Integer(),
    results: Type.Array(
      Type.Object(
        {
          index: Type.Integer(),
          status: Literals(['accepted', 'stale', 'rejected']),
          reason: Type.Optional(Type.String()),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

const Reply = Type.Object(
  {
    accepted: Type.Integer(),
    unchanged: Type.Integer(),
    stale: Type.Integer(),
    rejected: Type.Integer(),
    results: Type.Array(
      Type.Object(
        {
          index: Type.Integer(),
          status: Literals(['accepted', 'unchanged', 'stale', 'rejected']),
          reason: Type.Optional(Type.String()),
        },
        Closed,
      ),
    ),
    stats: Type.Optional(StatsReply),
  },
  Closed,
);

export const sourceUsageRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/source/usage',
  permission: 'source',
  audit: { none: 'usage is stored as it comes; every billing write it causes is in the event log' },
  bodyLimit: 512 * 1024,
  schema: {
    summary: `Send up to ${MAX_USAGE_ITEMS} usage snapshots; answered 202 with what became of each`,
    tags: ['source: usage'],
    body: Type.Object(
      {
        usage: Type.Array(Item, { maxItems: MAX_USAGE_ITEMS }),
        stats: Type.Optional(Type.Array(Stats, { maxItems: MAX_USAGE_ITEMS })),
      },
      {
        ...Closed,
        examples: [
          {
            usage: [
              { organizationId: 'org-42', planId: 'm365-backup', quantity: 25, asOf: '2026-12-01T06:00:00Z' },
            ],
          },
        ],
      },
    ),
    response: { 202: Reply, ...errorReplies },
  },
  async handler(req, reply, { deps }) {
    const { usage, stats } = req.body;
    if (usage.length === 0 && !stats?.length)
      throw new AppError(
        'invalid_request',
        'body/usage: send at least one usage snapshot or statistics item',
        {
          details: [{ path: 'body/usage', message: 'empty' }],
        },
      );
    const answer = await deps.db.transaction(async (tx) => ({
      ...(await ingestUsage(tx, usage)),
      ...(stats?.length ? { stats: await ingestStats(tx, stats) } : {}),
    }));
    return reply.status(202).send(answer);
  },
});

const UsageReply = Type.Object(
  {
    organizationId: Type.String(),
    usage: Type.Array(
      Type.Object(
        {
          planId: Type.String({ description: 'the plan’s external id' }),
          planName: Type.String(),
          unit: Type.Union([Type.String(), Type.Null()]),
          quantity: Type.Number(),
          asOf: Timestamp,
          changedAt: Timestamp,
        },
        Closed,
      ),
    ),
  },
  Closed,
);

export const getSourceUsageRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/source/organizations/:externalId/usage',
  permission: 'source',
  schema: {
    summary: 'An organization’s current usage, per plan',
    tags: ['source: usage'],
    params: ExternalIdParams,
    response: { 200: UsageReply, ...errorReplies },
  },
  async handler(req, _reply, { deps }) {
    const org = (await organizationsByExternalIds(deps.db, [req.params.externalId])).get(
      req.params.externalId,
    );
    if (!org) throw new AppError('not_found', `No organization ${req.params.externalId}`);
    const usage = await usageOf(deps.db, org.id);
    return {
      organizationId: org.externalId,
      usage: usage.map((u) => ({
        planId: u.plan.externalId,
        planName: u.plan.name,
        unit: u.plan.unit,
        quantity: u.quantity,
        asOf: u.asOf.toISOString(),
        changedAt: u.changedAt.toISOString(),
      })),
    };
  },
});
