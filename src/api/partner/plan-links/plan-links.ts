// Plan mapping on a connection: which PSA product each plan assigned to the connection's partner
// bills as. Sub-resellers map the plans assigned to them though they cannot edit plans.
import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { asAppError } from '../../../jobs/connect.ts';
import { findProduct } from '../../../jobs/product-catalog.ts';
import {
  deletePlanLink,
  isPlanAssigned,
  planLinksOf,
  setPlanLink,
  type PlanLink,
} from '../../../store/plan-links.ts';
import { notFound } from '../../authorization.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, Timestamp, Uuid } from '../../schemas.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';

const LinkParams = Type.Object({ id: Uuid, planId: Uuid }, Closed);

const LinkReply = Type.Object(
  {
    productId: Type.String(),
    productName: Type.String(),
    productCode: Type.Union([Type.String(), Type.Null()]),
    warning: Type.Union([Type.String(), Type.Null()], {
      description: 'Something to know about this mapping, e.g. the product is inactive in the PSA',
    }),
    updatedAt: Timestamp,
  },
  Closed,
);

const formatLink = (l: PlanLink) => ({
  productId: l.productId,
  productName: l.productName,
  productCode: l.productCode,
  warning: l.productInactive
    ? `"${l.productName}" is inactive in the PSA (mapped anyway, on purpose): billing it may be refused there`
    : null,
  updatedAt: l.updatedAt.toISOString(),
});

export const listPlanLinksRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/plan-links',
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'The plans assigned to the connection’s partner, each with the PSA product it maps to (or null)',
    tags: ['mapping'],
    params: Type.Object({ id: Uuid }, Closed),
    response: {
      200: Type.Object(
        {
          items: Type.Array(
            Type.Object(
              {
                plan: Type.Object({ id: Uuid, externalId: Type.String(), name: Type.String() }, Closed),
                link: Type.Union([LinkReply, Type.Null()]),
              },
              Closed,
            ),
          ),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    const rows = await planLinksOf(deps.db, connection.partnerId, connection.id);
    return { items: rows.map((r) => ({ plan: r.plan, link: r.link && formatLink(r.link) })) };
  },
});

export const setPlanLinkRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/connections/:id/plan-links/:planId',
  errors: psaErrors,
  permission: 'manage_integrations',
  audit: 'plan_link.set',
  params: { id: 'connection', planId: 'plan' },
  schema: {
    summary:
      'Map a plan to a product of this PSA (checked against the PSA’s catalog; an inactive one only with allowInactive)',
    tags: ['mapping'],
    params: LinkParams,
    body: Type.Object(
      {
        productId: Type.String({ minLength: 1, maxLength: 100 }),
        allowInactive: Type.Optional(
          Type.Boolean({ description: 'Map a product the PSA marks inactive (refused otherwise)' }),
        ),
      },
      { ...Closed, examples: [{ productId: '12' }] },
    ),
    response: { 200: LinkReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    if (!(await isPlanAssigned(deps.db, connection.partnerId, req.params.planId))) {
      throw new AppError(
        'invalid_reference',
        `params/planId: plan ${req.params.planId} is not assigned to this partner`,
      );
    }
    const product = await findProduct(deps, connection, req.body.productId).catch((err: unknown) => {
      throw asAppError(err);
    });
    if (!product) {
      throw new AppError(
        'invalid_reference',
        `body/productId: ${connection.kind} has no product ${req.body.productId} on this connection`,
        { details: [{ path: 'body/productId', message: 'not a product of this connection' }] },
      );
    }
    if (product.inactive && req.body.allowInactive !== true) {
      const message = `product "${product.name}" is inactive in ${connection.kind}: map an active one, or send allowInactive: true to map it anyway`;
      throw new AppError('invalid_reference', `body/productId: ${message}`, {
        details: [{ path: 'body/productId', message }],
      });
    }
    const link = await deps.db.transaction(async (tx) => {
      const saved = await setPlanLink(tx, {
        planId: req.params.planId,
        connectionId: connection.id,
        productId: product.id,
        productName: product.name,
        productCode: product.code,
        productInactive: product.inactive,
      });
      await audit(tx, {
        targetType: 'plan_link',
        targetId: `${req.params.planId}:${connection.id}`,
        partnerId: connection.partnerId,
        details: { productId: product.id, ...(product.inactive ? { inactive: true } : {}) },
      });
      return saved;
    });
    return formatLink(link);
  },
});

export const deletePlanLinkRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/connections/:id/plan-links/:planId',
  permission: 'manage_integrations',
  audit: 'plan_link.removed',
  params: { id: 'connection', planId: 'plan' },
  schema: {
    summary: 'Unmap a plan on this connection',
    tags: ['mapping'],
    params: LinkParams,
    response: { 204: {}, ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    await deps.db.transaction(async (tx) => {
      if (!(await deletePlanLink(tx, req.params.planId, connection.id)))
        throw notFound('plan link', req.params.planId);
      await audit(tx, {
        targetType: 'plan_link',
        targetId: `${req.params.planId}:${connection.id}`,
        partnerId: connection.partnerId,
      });
    });
    return reply.status(204).send();
  },
});
