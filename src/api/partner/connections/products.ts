import { Type } from 'typebox';
import { asAppError } from '../../../jobs/connect.ts';
import { productCatalog } from '../../../jobs/product-catalog.ts';
import { descriptorOf } from '../../../jobs/ticket-settings.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from './connection-access.ts';

export const ProductReply = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    code: Type.Union([Type.String(), Type.Null()]),
    inactive: Type.Boolean(),
  },
  Closed,
);

export const productsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/products',
  errors: psaErrors,
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary:
      'The PSA’s products / services / items a plan can map to (cached; refresh=true reads them again)',
    tags: ['mapping'],
    params: IdParams,
    querystring: Type.Object(
      { q: Type.Optional(Type.String({ maxLength: 200 })), refresh: Type.Optional(Type.Boolean()) },
      Closed,
    ),
    response: {
      200: Type.Object(
        {
          fetchedAt: Type.String({ format: 'date-time' }),
          complete: Type.Boolean(),
          note: Type.Union([
            Type.String({
              description: 'When only part of the PSA’s catalog can be mapped: which part, and why',
            }),
            Type.Null(),
          ]),
          items: Type.Array(ProductReply),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const catalog = await productCatalog(deps, connection, req.query.refresh).catch((err: unknown) => {
      throw asAppError(err);
    });
    const q = req.query.q?.toLowerCase();
    const items = q
      ? catalog.items.filter((p) => p.name.toLowerCase().includes(q) || p.code?.toLowerCase().includes(q))
      : catalog.items;
    const note = descriptorOf(connection.kind).catalogNote ?? null;
    return { fetchedAt: catalog.fetchedAt, complete: catalog.complete, note, items };
  },
});
