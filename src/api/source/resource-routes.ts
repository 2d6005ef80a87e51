// The Source API's two forms of one upsert: `PUT …/{key}` for one record and `POST …/batch` for up to
// 1000. Both share the item's schema and apply function, so they cannot disagree.
import { Type, type Static, type TObject } from 'typebox';
import type { Db } from '../../store/db.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute, type RouteContext, type RouteDef } from '../route.ts';
import { Closed, errorReplies, ExternalId } from '../schemas.ts';
import { runBatch, type Applied } from './batch.ts';

export const MAX_BATCH_ITEMS = 1000;
// 1,000 items of a few KB each; a larger batch is split by the sender.
export const BATCH_BODY_LIMIT = 4 * 1024 * 1024;

export interface SourceResource<K extends string, B extends TObject> {
  /** Used in summaries and audit actions, e.g. "partner". */
  noun: string;
  tag: string;
  putUrl: string;
  batchUrl: string;
  /** The URL parameter that names the record, and the batch item field carrying it. */
  keyName: K;
  /** The body of the single form (without the key). */
  body: B;
  /** `deps` lets a change enqueue the jobs it calls for, in its own transaction. */
  apply(tx: Db, key: string, body: Static<B>, deps: AppDeps): Promise<Applied>;
  /** Order batch items before applying, e.g. parents first. */
  order?<T extends { item: Record<K, string> & Static<B> }>(items: T[]): T[];
  auditTarget: string;
}

const AppliedReply = Type.Object(
  {
    status: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('unchanged')]),
    id: Type.String(),
  },
  Closed,
);

const BatchReplySchema = Type.Object(
  {
    counts: Type.Object(
      {
        created: Type.Integer(),
        updated: Type.Integer(),
        unchanged: Type.Integer(),
        rejected: Type.Integer(),
      },
      Closed,
    ),
    results: Type.Array(
      Type.Object(
        {
          index: Type.Integer(),
          key: Type.Union([Type.String(), Type.Null()]),
          status: Type.String(),
          id: Type.Optional(Type.String()),
          error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() }, Closed)),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

function auditChange(
  ctx: RouteContext,
  tx: Db,
  r: { auditTarget: string; noun: string },
  key: string,
  applied: Applied,
) {
  return ctx.audit(tx, {
    action: `${r.noun}.${applied.status}`,
    targetType: r.auditTarget,
    targetId: applied.id,
    partnerId: null,
    details: { key },
  });
}

export function sourceRoutes<K extends string, B extends TObject>(r: SourceResource<K, B>): RouteDef[] {
  const put = defineRoute({
    method: 'PUT',
    url: r.putUrl,
    permission: 'source',
    audit: `${r.noun}.upserted`,
    params: { [r.keyName]: 'externalPartner' },
    schema: {
      summary: `Create or update one ${r.noun} (idempotent)`,
      tags: [r.tag],
      params: Type.Object({ [r.keyName]: ExternalId }, Closed),
      body: r.body,
      response: { 200: AppliedReply, 201: AppliedReply, ...errorReplies },
    },
    async handler(req, reply, ctx) {
      const key = (req.params as Record<string, string>)[r.keyName]!;
      const applied = await ctx.deps.db.transaction(async (tx) => {
        const result = await r.apply(tx, key, req.body as Static<B>, ctx.deps);
        if (result.status !== 'unchanged') await auditChange(ctx, tx, r, key, result);
        return result;
      });
      return reply.status(applied.status === 'created' ? 201 : 200).send(applied);
    },
  });
  const item = Type.Object(
    { [r.keyName]: ExternalId, ...r.body.properties },
    { ...Closed, required: [r.keyName, ...(r.body.required ?? [])] },
  );
  const batch = defineRoute({
    method: 'POST',
    url: r.batchUrl,
    permission: 'source',
    audit: `${r.noun}.upserted`,
    bodyLimit: BATCH_BODY_LIMIT,
    perItem: 'items',
    schema: {
      summary: `Create or update up to ${MAX_BATCH_ITEMS} ${r.noun} records; each item succeeds or fails on its own`,
      description: `Each item is ${JSON.stringify({ [r.keyName]: '…', ...Object.fromEntries(Object.keys(r.body.properties).map((k) => [k, '…'])) })}.`,
      tags: [r.tag],
      body: Type.Object(
        { items: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH_ITEMS }) },
        { ...Closed, examples: [{ items: [] }] },
      ),
      response: { 200: BatchReplySchema, ...errorReplies },
    },
    async handler(req, _reply, ctx) {
      type Item = Record<K, string> & Static<B>;
      return runBatch<Item>(ctx.deps.db, req.body.items, {
        schema: item,
        key: (i) => i[r.keyName],
        apply: (tx, i) => r.apply(tx, i[r.keyName], i, ctx.deps),
        ...(r.order ? { order: r.order } : {}),
        onApplied: (tx, i, applied) => auditChange(ctx, tx, r, i[r.keyName], applied),
      });
    },
  });
  return [put as unknown as RouteDef, batch as unknown as RouteDef];
}
